/**
 * One case through one host, three runs (the first, the same again, and again after the user's
 * edits), held to the case's behaviour and to every invariant. Each host's runner fills in a
 * CaseRuns; this file is what both hosts' tests check.
 */
import type { CorpusCase, Host } from '../fixtures/corpus/cases';
import {
  expectAnalysedAsCaseSays,
  expectClearRefusal,
  expectCsvTextIsNotAFormula,
  expectEditsSurvive,
  expectEveryRowAccounted,
  expectFormulasExcelHolds,
  expectNoTextBecameFormula,
  expectRerunChangesOnlyTheTime,
  expectTotalsAreSumsOfRows,
  expectUserCellsUnchanged,
  type Edits,
  type Refusal,
} from './invariants';
import type { FormulaCell, WorkbookView } from './workbook-view';

/** The times of the three runs: the second and third differ from the first only in these. */
export const FIRST_AT = new Date('2025-05-01T09:30:00Z');
export const SECOND_AT = new Date('2025-06-02T14:45:00Z');
export const THIRD_AT = new Date('2025-07-03T08:15:00Z');

export interface RunOutput {
  /** Every sheet's values after the run. */
  view: WorkbookView;
  formulas: FormulaCell[];
  /** Warnings and notes the host gave. */
  messages: string[];
}

/** Grids of one kind (values, formulas or number formats) before and after a run, for "unchanged". */
export type Comparison = [before: WorkbookView, after: WorkbookView, kind?: 'formats'];

export interface AnalysedRuns {
  first: RunOutput;
  second: RunOutput;
  edits: Edits;
  third: RunOutput;
  /** The user's cells before the first run and after it; then as edited, and after the third run. */
  firstUnchanged: Comparison[];
  thirdUnchanged: Comparison[];
  /** The results CSV of the first run (the command line). */
  resultsCsv?: string[][];
}

export interface CaseRuns {
  host: Host;
  before: WorkbookView;
  beforeFormulas: FormulaCell[];
  outcome: { refused: Refusal } | { analysed: AnalysedRuns };
}

/** The behaviour the case must get in this host. */
export function expectedIn(corpusCase: CorpusCase, host: Host) {
  return host === 'excel' && corpusCase.excel ? corpusCase.excel : corpusCase.expect;
}

export function checkCase(corpusCase: CorpusCase, runs: CaseRuns): void {
  const expected = expectedIn(corpusCase, runs.host);
  if ('refused' in expected) {
    if (!('refused' in runs.outcome)) throw new Error(`${corpusCase.id} was analysed; it should have been refused with ${expected.refused.code}`);
    expectClearRefusal(runs.outcome.refused, expected.refused);
    return;
  }
  if ('refused' in runs.outcome) {
    throw new Error(`${corpusCase.id} was refused (${runs.outcome.refused.code}: ${runs.outcome.refused.messages.join(' / ')}); it should have been analysed`);
  }
  const { first, second, edits, third, firstUnchanged, thirdUnchanged, resultsCsv } = runs.outcome.analysed;
  const unchanged = (messages: string[], kind?: 'formats') => ({ messages, dropsControlCharacters: runs.host === 'cli', formats: kind === 'formats' });

  expectAnalysedAsCaseSays(expected.analysed, first.view);
  for (const [before, after, kind] of firstUnchanged) expectUserCellsUnchanged(before, after, unchanged(first.messages, kind));
  expectRerunChangesOnlyTheTime(first.view, FIRST_AT, second.view, SECOND_AT);
  expectEditsSurvive(edits, third.view);
  for (const [before, after, kind] of thirdUnchanged) expectUserCellsUnchanged(before, after, unchanged(third.messages, kind));
  expectEveryRowAccounted(runs.before, expected.analysed, first.view);
  expectTotalsAreSumsOfRows(first.view);
  expectTotalsAreSumsOfRows(third.view);
  expectNoTextBecameFormula(runs.beforeFormulas, first.formulas, first.view);
  expectNoTextBecameFormula(runs.beforeFormulas, third.formulas, third.view);
  expectFormulasExcelHolds(first.formulas);
  expectFormulasExcelHolds(third.formulas);
  if (resultsCsv) expectCsvTextIsNotAFormula(resultsCsv);
}
