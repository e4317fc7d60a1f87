/** Classifying the prepared rows in steps (so a host can show progress and cancel), then summarising, for the partnership and each anchor. */
import { AnchorSummaries, namesAnchors, type Anchor } from '../anchors';
import { createRowClassifier, type ClassifyContext, type OverrideProblem, type RowResult } from '../classify';
import { Summariser, type Summary } from '../summary';
import type { PreparedRows } from './prepare';

export interface AnalysisResult {
  results: RowResult[];
  summary: Summary;
  /** Each anchor institution's baseline, the largest first; null when the rows name no institution (one organisation's spend). */
  anchors: Anchor[] | null;
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
  const anchors = namesAnchors(rows) ? new AnchorSummaries() : undefined;
  const results: RowResult[] = new Array(rows.length);
  let done = 0;
  const step = (count: number) => {
    const end = Math.min(rows.length, done + count);
    for (let i = done; i < end; i++) {
      const result = classifier.classify(rows[i], suppliers[i]);
      results[i] = result;
      // A row without an amount is placed and judged, and adds nothing to the totals.
      if (rows[i].amountMissing === undefined) {
        summariser.add(rows[i], result);
        anchors?.add(rows[i], result);
      }
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
      return { results, summary: summariser.result(topSuppliers), anchors: anchors?.result() ?? null, problems: classifier.problems };
    },
  };
}
