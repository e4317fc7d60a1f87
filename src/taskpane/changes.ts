/**
 * "What changed since the last run": the headline of this analysis beside the previous one, in
 * words. Shares move when spend is reclassified (a supplier's postcode found, an override typed);
 * money moves when the data itself changed.
 */
import type { AreaNames } from '../core/labels';
import type { HeadlineSnapshot } from '../core/settings';
import { formatCount, formatPointsChange, formatPounds, formatShare } from './format';

export interface HeadlineChange {
  measure: string;
  before: string;
  after: string;
  /** e.g. "+2.5 points" or "+£1,200". */
  change: string;
}

export interface ChangesSinceLastRun {
  /** When the previous analysis ran (ISO), or undefined when this is the first. */
  previousAt?: string;
  changes: HeadlineChange[];
}

type Measure = { measure: string; spend: (s: HeadlineSnapshot) => number };

function measures(areas: AreaNames): Measure[] {
  const by = (s: HeadlineSnapshot) => s.spendByLocality;
  return [
    { measure: `Local (${areas.local})`, spend: (s) => by(s).local },
    { measure: `Wider area including local (${areas.wider})`, spend: (s) => by(s).local + by(s).wider },
    { measure: 'Rest of UK', spend: (s) => by(s).rest_of_uk },
    { measure: 'Outside UK', spend: (s) => by(s).outside_uk },
    { measure: 'Unknown locality', spend: (s) => by(s).unknown },
    { measure: 'Leakage', spend: (s) => s.leakage },
    { measure: 'Influenceable leakage', spend: (s) => s.influenceableLeakage },
    { measure: 'Review', spend: (s) => s.review },
  ];
}

const shareOf = (part: number, total: number) => (total > 0 ? part / total : null);
/** Differences below half a penny are rounding, not change. */
const differs = (a: number, b: number) => Math.abs(a - b) >= 0.005;

function signedPounds(amount: number): string {
  return `${amount > 0 ? '+' : ''}${formatPounds(amount)}`;
}

export function changesSinceLastRun(previous: HeadlineSnapshot | undefined, current: HeadlineSnapshot, areas: AreaNames): ChangesSinceLastRun {
  if (!previous) return { changes: [] };
  const changes: HeadlineChange[] = [];
  if (differs(previous.totalSpend, current.totalSpend)) {
    changes.push({
      measure: 'Total spend',
      before: formatPounds(previous.totalSpend),
      after: formatPounds(current.totalSpend),
      change: signedPounds(current.totalSpend - previous.totalSpend),
    });
  }
  if (previous.rows !== current.rows) {
    changes.push({ measure: 'Payments analysed', before: formatCount(previous.rows), after: formatCount(current.rows), change: `${current.rows > previous.rows ? '+' : ''}${formatCount(current.rows - previous.rows)}` });
  }
  for (const { measure, spend } of measures(areas)) {
    const before = spend(previous);
    const after = spend(current);
    if (!differs(before, after)) continue;
    const shareBefore = shareOf(before, previous.totalSpend);
    const shareAfter = shareOf(after, current.totalSpend);
    const withShares = shareBefore !== null && shareAfter !== null;
    changes.push({
      measure,
      before: withShares ? `${formatShare(shareBefore)} (${formatPounds(before)})` : formatPounds(before),
      after: withShares ? `${formatShare(shareAfter)} (${formatPounds(after)})` : formatPounds(after),
      change: withShares ? formatPointsChange(shareBefore, shareAfter) : signedPounds(after - before),
    });
  }
  return { previousAt: previous.at, changes };
}
