/**
 * What the user is told about the rows not in the totals, beside the headline: the payments
 * without an amount (placed and judged, but adding nothing), with the first few row numbers and an
 * example of why; the rows left out, by kind; then the rows outside the payment dates
 * (--from/--to) on a line of their own. The Method sheet lists every one.
 */
import type { SkippedRow, SkipKind, SpendRow } from '../rows';
import { countOf } from '../wording';
import { rowsWithoutAmount } from './analyse';
import { PERIOD_REASONS } from './spend-data';

/** Each kind after its count: one, then several. */
const KIND_WORDS: Record<Exclude<SkipKind, 'period'>, [string, string]> = {
  note: ['line of text too short to be a payment', 'lines of text too short to be payments'],
  no_supplier: ['with no supplier name', 'with no supplier name'],
  total: ['total or subtotal line', 'total or subtotal lines'],
  header: ['repeat of the header line', 'repeats of the header line'],
};

/** Row numbers shown for each kind; the rest are counted. */
const ROWS_SHOWN = 5;

/** "row 4", "rows 4, 7 and 9", "rows 4, 7, 9, 12, 15 and 7 more"; each with its file when several were combined. */
export function rowList(rows: readonly { row: number; source?: string }[]): string {
  const shown = rows.slice(0, ROWS_SHOWN);
  const more = rows.length - shown.length;
  const sourced = rows.some((row) => row.source);
  const items = shown.map((row) => (sourced ? `${row.source} row ${row.row}` : String(row.row)));
  if (more > 0) items.push(`${more.toLocaleString('en-GB')} more`);
  const list = items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0];
  return sourced ? list : `${rows.length === 1 ? 'row' : 'rows'} ${list}`;
}

/** Rows grouped by kind, largest group first (then in the order the kinds are listed). */
function byKind(skipped: readonly SkippedRow[]): [SkipKind, SkippedRow[]][] {
  const groups = new Map<SkipKind, SkippedRow[]>();
  for (const row of skipped) {
    const group = groups.get(row.kind);
    if (group) group.push(row);
    else groups.set(row.kind, [row]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length);
}

/** The first row's place and reason: "; e.g. row 11: amount "2773,85" is not a number". */
function example(first: { row: number; reason: string; source?: string }): string {
  return `; e.g. ${first.source ? `${first.source} ` : ''}row ${first.row}: ${first.reason}`;
}

/**
 * Lines for the console: empty when every row counts in the totals. `rows` are the payments read,
 * those without an amount among them, so that the user sees at once how much of the file the
 * figures cover.
 */
export function leftOutLines(skipped: readonly SkippedRow[], rows: readonly SpendRow[]): string[] {
  const withoutAmount = rowsWithoutAmount(rows);
  if (skipped.length === 0 && withoutAmount.length === 0) return [];
  const total = rows.length + skipped.length;
  const lines: string[] = [];
  if (withoutAmount.length > 0) {
    lines.push(
      `Payments without an amount, placed but not in the totals: ${withoutAmount.length.toLocaleString('en-GB')} of ${countOf(total, 'row')}, ${rowList(withoutAmount)}${example(withoutAmount[0])}`,
    );
  }
  const notPayments = skipped.filter((row) => row.kind !== 'period');
  if (notPayments.length > 0) {
    lines.push(`Rows left out: ${notPayments.length.toLocaleString('en-GB')} of ${countOf(total, 'row')} (the Method sheet lists every one)`);
    for (const [kind, rows] of byKind(notPayments)) {
      const words = KIND_WORDS[kind as Exclude<SkipKind, 'period'>];
      lines.push(`  ${rows.length.toLocaleString('en-GB')} ${words[rows.length === 1 ? 0 : 1]}: ${rowList(rows)}`);
    }
  }
  const outsideDates = skipped.filter((row) => row.kind === 'period');
  if (outsideDates.length > 0) {
    const reasons = new Map<string, number>();
    for (const row of outsideDates) reasons.set(row.reason, (reasons.get(row.reason) ?? 0) + 1);
    const why = [...reasons].map(([reason, n]) => `${n.toLocaleString('en-GB')} ${reason === PERIOD_REASONS.undated ? 'with no payment date' : reason}`).join(', ');
    lines.push(`Rows outside the payment dates (--from/--to): ${outsideDates.length.toLocaleString('en-GB')} of ${countOf(total, 'row')}, ${rowList(outsideDates)} (${why})`);
  }
  return lines;
}
