/**
 * The corpus through the command line: every case gets the behaviour it must and holds every
 * invariant (test/corpus/invariants.ts). A case marked as a known failure runs as test.failing,
 * naming the issue that delivers it, so the test says when it has.
 */
import { CORPUS } from '../fixtures/corpus/cases';
import { checkCase } from './check-case';
import { runThroughCommand } from './run-command';

describe('the corpus of awkward sheets, through the command line', () => {
  for (const corpusCase of CORPUS) {
    const known = corpusCase.knownFailure?.cli;
    const name = `${corpusCase.id}: ${corpusCase.awkward}${known ? ` (known failure, issue ${known.issue}: ${known.what})` : ''}`;
    // Three runs of the command and three reads of what it wrote: minutes for the cases over 10,000 rows on a busy machine.
    (known ? test.failing : test)(name, async () => checkCase(corpusCase, await runThroughCommand(corpusCase)), corpusCase.cliOnly ? 600_000 : 120_000);
  }
});
