import { formatCount, formatCounted, formatPointsChange, formatPounds, formatShare, formatWhen } from '../../src/taskpane/format';

describe('the pane writes numbers as the summary sheets show them', () => {
  it('pounds, to the pound', () => {
    expect(formatPounds(1234567.891)).toBe('£1,234,568');
    expect(formatPounds(0.4)).toBe('£0');
    expect(formatPounds(-0.4)).toBe('£0');
    expect(formatPounds(-12.5)).toBe('-£12');
  });

  it('shares to one decimal place, "n/a" without a total', () => {
    expect(formatShare(0.18234)).toBe('18.2%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(-0.00001)).toBe('0.0%');
    expect(formatShare(null)).toBe('n/a');
  });

  it('counts and changes in points', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect([formatCounted(1, 'line'), formatCounted(0, 'line'), formatCounted(1234, 'payment')]).toEqual(['1 line', '0 lines', '1,234 payments']);
    expect(formatPointsChange(0.16, 0.19)).toBe('+3.0 points');
    expect(formatPointsChange(0.19, 0.186)).toBe('-0.4 points');
    expect(formatPointsChange(0.19, 0.19001)).toBe('no change');
  });

  it('dates in words, and leaves what is not a date alone', () => {
    expect(formatWhen('2025-03-04T10:15:00Z')).toMatch(/^4 March 2025 at \d\d:\d\d$/);
    expect(formatWhen('yesterday')).toBe('yesterday');
  });
});
