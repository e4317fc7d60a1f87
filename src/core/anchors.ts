/**
 * The partnership: each anchor institution's own baseline, made from the same rows and results as
 * the partnership's with the same arithmetic, so the anchors' spend and payments add up to the
 * partnership's. An anchor is the institution a payment names (its institution column, or the
 * name the user gave its file); payments that name none are one more line, "(not given)", so that
 * nothing drops out of the sum. Names are one anchor whatever their case, as the summary sheets'
 * formulas (SUMIFS) match them; the first spelling is the one shown.
 */
import type { RowResult } from './classify';
import type { SpendRow } from './rows';
import { NO_INSTITUTION, Summariser, type Summary } from './summary';

export interface Anchor {
  name: string;
  summary: Summary;
}

interface AnchorTotals {
  name: string;
  summariser: Summariser;
}

export class AnchorSummaries {
  private readonly byName = new Map<string, AnchorTotals>();
  /** Each spelling seen, to its anchor: one lookup per row, no lower-casing. */
  private readonly bySpelling = new Map<string, AnchorTotals>();

  add(row: SpendRow, result: RowResult): void {
    const spelling = row.institution || NO_INSTITUTION;
    let anchor = this.bySpelling.get(spelling);
    if (!anchor) {
      const key = spelling.toLowerCase();
      anchor = this.byName.get(key);
      if (!anchor) {
        anchor = { name: spelling, summariser: new Summariser({ breakdowns: false }) };
        this.byName.set(key, anchor);
      }
      this.bySpelling.set(spelling, anchor);
    }
    anchor.summariser.add(row, result);
  }

  /** Every anchor's baseline, the largest spend first. */
  result(): Anchor[] {
    return [...this.byName.values()]
      .map(({ name, summariser }) => ({ name, summary: summariser.result(0) }))
      .sort((a, b) => b.summary.totals.spend - a.summary.totals.spend || a.name.localeCompare(b.name));
  }
}

/** Whether the rows name anchor institutions: a partnership, rather than one organisation. */
export function namesAnchors(rows: readonly SpendRow[]): boolean {
  return rows.some((row) => row.institution !== undefined && row.institution !== '');
}
