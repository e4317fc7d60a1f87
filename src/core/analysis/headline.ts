/** The headline of a run as the workbook remembers it, to show what changed since the last run or the baseline. */
import { LOCALITIES, type Locality } from '../codes';
import type { HeadlineSnapshot } from '../settings';
import type { Summary } from '../summary';

export function headlineSnapshot(summary: Summary, at: string): HeadlineSnapshot {
  return {
    at,
    totalSpend: summary.totals.spend,
    rows: summary.totals.rows,
    suppliers: summary.totals.suppliers,
    spendByLocality: Object.fromEntries(LOCALITIES.map((l) => [l, summary.locality[l].spend])) as Record<Locality, number>,
    leakage: summary.leakage.spend,
    influenceableLeakage: summary.leakage.influenceableSpend,
    review: summary.influence.review.spend,
  };
}

/** Unknown spend above this share of total spend is worth a word on what would place it. */
export const MUCH_UNKNOWN_SHARE = 0.2;

/**
 * The share of total spend whose locality is unknown, when it is more than MUCH_UNKNOWN_SHARE:
 * the hosts then name the ways to place it (a creditor list, the public registers, online
 * lookup, postcodes typed on the Suppliers sheet).
 */
export function muchUnknownShare(summary: Summary): number | undefined {
  const total = summary.totals.spend;
  if (total <= 0) return undefined;
  const share = summary.locality.unknown.spend / total;
  return share > MUCH_UNKNOWN_SHARE ? share : undefined;
}
