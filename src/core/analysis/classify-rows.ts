/** Classifying the prepared rows in steps (so a host can show progress and cancel), then summarising. */
import { createRowClassifier, type ClassifyContext, type OverrideProblem, type RowResult } from '../classify';
import { Summariser, type Summary } from '../summary';
import type { PreparedRows } from './prepare';

export interface AnalysisResult {
  results: RowResult[];
  summary: Summary;
  problems: OverrideProblem[];
}

export interface Analysis {
  /** Rows classified so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** Classifies up to `count` more rows; returns how many are done. */
  step(count: number): number;
  /** Classifies what is left and summarises. */
  finish(topSuppliers: number): AnalysisResult;
}

export function startAnalysis(prepared: PreparedRows, ctx: ClassifyContext): Analysis {
  const classifier = createRowClassifier(ctx, prepared.directory);
  const summariser = new Summariser();
  const { rows, suppliers } = prepared;
  const results: RowResult[] = new Array(rows.length);
  let done = 0;
  const step = (count: number) => {
    const end = Math.min(rows.length, done + count);
    for (let i = done; i < end; i++) {
      const result = classifier.classify(rows[i], suppliers[i]);
      results[i] = result;
      // A row without an amount is placed and judged, and adds nothing to the totals.
      if (rows[i].amountMissing === undefined) summariser.add(rows[i], result);
    }
    done = end;
    return done;
  };
  return {
    get done() {
      return done;
    },
    total: rows.length,
    step,
    finish(topSuppliers) {
      step(rows.length);
      return { results, summary: summariser.result(topSuppliers), problems: classifier.problems };
    },
  };
}
