/**
 * The corpus through the Excel adapter in the simulator, for every case that is a workbook's
 * cells of up to 10,000 rows: the same behaviour and the same invariants as the command line.
 */
import { CORPUS } from '../fixtures/corpus/cases';
import { checkCase } from './check-case';
import { runThroughPane } from './run-pane';

describe('the corpus of awkward sheets, through the task pane', () => {
  for (const corpusCase of CORPUS.filter((c) => !c.cliOnly)) {
    const known = corpusCase.knownFailure?.excel;
    const name = `${corpusCase.id}: ${corpusCase.awkward}${known ? ` (known failure, issue ${known.issue}: ${known.what})` : ''}`;
    (known ? test.failing : test)(name, async () => checkCase(corpusCase, await runThroughPane(corpusCase)), 60_000);
  }
});
