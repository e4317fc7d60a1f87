/**
 * The comparison with an earlier workbook, in the pane's words: how it was measured, each share
 * and leakage before and now, how the earlier method differed, and the suppliers that moved the
 * figures most. The Baseline sheet has the full comparison.
 */
import type { Progress, ProgressFigures } from '../core';
import type { AreaNames } from '../core/labels';
import { formatPointsChange, formatPounds, formatShare } from './format';

export interface ProgressLine {
  measure: string;
  before: string;
  after: string;
  change: string;
}

export interface ProgressView {
  title: string;
  /** How the comparison was made, in one sentence. */
  how: string;
  lines: ProgressLine[];
  methodChanges: string[];
  /** "Preston Print Co: +£1,000 local", the largest first. */
  movers: string[];
}

/** How many movers the pane names; the Baseline sheet lists more. */
const SHOWN_MOVERS = 5;

const signedPounds = (amount: number) => `${amount > 0 ? '+' : ''}${formatPounds(amount)}`;

function shareLine(measure: string, of: (f: ProgressFigures) => number | undefined, progress: Progress): ProgressLine {
  const before = of(progress.before);
  const after = of(progress.after);
  return {
    measure,
    before: formatShare(before ?? null),
    after: formatShare(after ?? null),
    change: before === undefined || after === undefined ? 'n/a' : formatPointsChange(before, after),
  };
}

function poundsLine(measure: string, of: (f: ProgressFigures) => number, progress: Progress): ProgressLine {
  return { measure, before: formatPounds(of(progress.before)), after: formatPounds(of(progress.after)), change: signedPounds(of(progress.change)) };
}

function moverText(move: Progress['movers'][number]): string {
  const parts = [
    move.local !== 0 ? `${signedPounds(move.local)} local` : '',
    move.widerIncludingLocal !== move.local ? `${signedPounds(move.widerIncludingLocal)} in the wider area` : '',
    move.leakage !== 0 ? `${signedPounds(move.leakage)} leakage` : '',
  ].filter(Boolean);
  return `${move.name}: ${parts.join(', ')}`;
}

export function progressView(progress: Progress, names: AreaNames): ProgressView {
  return {
    title: `Progress since ${progress.earlier.name}`,
    how:
      progress.method === 'reclassified'
        ? "Its payments were classified again with this workbook's areas, rules and Suppliers sheet, so the change is a change of spending, not of method."
        : `Compared with the figures it stored, because ${progress.why}: a change of areas, rules or supplier corrections shows as a change too.`,
    lines: [
      poundsLine('Total spend', (f) => f.totals.spend, progress),
      shareLine(`Local (${names.local})`, (f) => f.shares?.local, progress),
      shareLine(`Wider area including local (${names.wider})`, (f) => f.shares?.widerIncludingLocal, progress),
      shareLine('Unknown locality', (f) => f.shares?.unknown, progress),
      poundsLine('Leakage', (f) => f.leakage.spend, progress),
      poundsLine('Influenceable leakage', (f) => f.leakage.influenceableSpend, progress),
    ],
    methodChanges: progress.methodChanges,
    movers: progress.movers.slice(0, SHOWN_MOVERS).map(moverText),
  };
}
