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
