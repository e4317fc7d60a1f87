import { unknownSpendAdvice } from '../../src/taskpane/unknown-advice';
import type { Summary } from '../../src/core/summary';

/** Just the totals the advice reads. */
function summary(total: number, unknown: number): Summary {
  return { totals: { spend: total }, locality: { unknown: { spend: unknown } } } as unknown as Summary;
}

describe('what the pane says when much spend is unknown', () => {
  test('nothing at a fifth of spend or less, or when total spend is not positive', () => {
    expect(unknownSpendAdvice(summary(1000, 200), { registers: 'absent', online: false })).toBeUndefined();
    expect(unknownSpendAdvice(summary(-5, 10), { registers: 'absent', online: false })).toBeUndefined();
  });

  test('the ways not used in this run, and the Suppliers sheet always', () => {
    const all = unknownSpendAdvice(summary(1000, 450), { registers: 'off', online: false })!;
    expect(all.title).toBe('45.0% of spend has no known locality');
    expect(all.routes.map((route) => route.split(' ').slice(0, 3).join(' '))).toEqual([
      "Import your finance",
      'Switch on Companies',
      'Allow online postcode',
      'Type postcodes on',
    ]);
    const used = unknownSpendAdvice(summary(1000, 450), { registers: 'used', online: true })!;
    expect(used.routes).toHaveLength(2);
    expect(unknownSpendAdvice(summary(1000, 450), { registers: 'absent', online: true })!.routes[1]).toMatch(/^Ask your IT team to deploy Companies House/);
  });
});
