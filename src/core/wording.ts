/** Counts in words as people write them: "1 payment", "3,400 payments", "1 district". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}

/** "£1,234.50", "-£12.00". */
export function poundsText(amount: number): string {
  return `${amount < 0 ? '-' : ''}£${Math.abs(amount).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "12.3%" of a fraction. */
export function percentText(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
