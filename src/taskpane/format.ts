/** How the pane writes money, shares and counts: the way the summary sheets show them. */

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const COUNT = new Intl.NumberFormat('en-GB');

/** "£1,234,568"; "-£12" for a net credit. Whole pounds: pence add noise to a headline. */
export function formatPounds(amount: number): string {
  // Rounding first keeps -0.4 from showing as "-£0".
  const rounded = Math.round(amount);
  return POUNDS.format(rounded === 0 ? 0 : rounded);
}

/** "12.3%" from 0.123; "n/a" when there is no share (total spend not positive). */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return 'n/a';
  const percent = Math.round(share * 1000) / 10;
  return `${(percent === 0 ? 0 : percent).toFixed(1)}%`;
}

/** "1,234". */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

/** "1 line", "1,234 lines". */
export function formatCounted(count: number, noun: string): string {
  return `${COUNT.format(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** "+2.5 points" / "-0.4 points" / "no change", from two shares. */
export function formatPointsChange(before: number, after: number): string {
  const points = Math.round((after - before) * 1000) / 10;
  if (points === 0) return 'no change';
  return `${points > 0 ? '+' : ''}${points.toFixed(1)} points`;
}

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "28 November 2026 at 19:02" in the user's own time zone; the text itself when it is not a date. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : WHEN.format(date);
}
