import type { RowResult } from '../../src/core/classify';
import { NO_CATEGORY, NO_INSTITUTION, Summariser } from '../../src/core/summary';
import type { SpendRow } from '../../src/core/rows';

function result(over: Partial<RowResult> = {}): RowResult {
  return {
    locality: 'local',
    districtLabel: 'Preston (E07000123)',
    basis: 'Full postcode PR1 2HE in Preston',
    coverage: 'exact_postcode',
    influence: 'influenceable',
    reason: 'Cleaning',
    coop: true,
    supplierType: 'company',
    supplierKey: 'ACME',
    ...over,
  };
}

const row = (over: Partial<SpendRow> = {}): SpendRow => ({ row: 2, supplier: 'Acme Ltd', amount: 100, ...over });

describe('Summariser', () => {
  test('totals in whole pence; shares of total spend; leakage is rest of UK and outside UK only', () => {
    const s = new Summariser();
    s.add(row({ amount: 0.1 }), result());
    s.add(row({ amount: 0.2 }), result({ locality: 'rest_of_uk', supplierKey: 'B' }));
    s.add(row({ amount: 0.3 }), result({ locality: 'unknown', supplierKey: 'C', influence: 'review' }));
    const summary = s.result(10);
    expect(summary.totals).toEqual({ spend: 0.6, rows: 3, suppliers: 3 });
    expect(summary.leakage).toEqual({ spend: 0.2, influenceableSpend: 0.2 });
    expect(summary.shares!.local).toBeCloseTo(1 / 6, 12);
    expect(summary.locality.unknown).toEqual({ spend: 0.3, rows: 1, suppliers: 1 });
    expect(summary.influence.influenceable).toEqual({ spend: 0.3, rows: 2, suppliers: 2 });
  });

  test('a supplier counts once in each locality its payments have', () => {
    const s = new Summariser();
    s.add(row(), result());
    s.add(row(), result());
    s.add(row(), result({ locality: 'wider' }));
    const summary = s.result(10);
    expect(summary.locality.local.suppliers).toBe(1);
    expect(summary.locality.wider.suppliers).toBe(1);
    expect(summary.totals.suppliers).toBe(1);
  });

  test('labels that differ only in case are one line, as SUMIFS (which ignores case) adds them', () => {
    const s = new Summariser();
    s.add(row({ category: 'Cleaning Services' }), result());
    s.add(row({ category: 'CLEANING SERVICES', amount: 50 }), result());
    s.add(row({ amount: 7 }), result());
    const summary = s.result(10);
    expect(summary.categories.map((line) => [line.label, line.spend])).toEqual([
      ['Cleaning Services', 150],
      [NO_CATEGORY, 7],
    ]);
    expect(summary.institutions).toBeUndefined();
    s.add(row({ institution: 'Preston City Council', amount: 1 }), result());
    expect(s.result(10).institutions!.map((line) => line.label)).toEqual([NO_INSTITUTION, 'Preston City Council']);
  });

  test("a supplier's dominant locality and verdict, even when a reason holds a '|'", () => {
    const s = new Summariser();
    s.add(row({ amount: 10 }), result({ reason: 'Cleaning | FM contract' }));
    s.add(row({ amount: 30 }), result({ locality: 'wider', districtLabel: 'Wyre (E07000128)', influence: 'review', reason: 'Review | framework' }));
    const line = s.result(10).suppliers.get('ACME')!;
    expect([line.locality, line.districtLabel, line.influence, line.reason]).toEqual(['wider', 'Wyre (E07000128)', 'review', 'Review | framework']);
  });

  test('no shares when total spend is not positive, and why', () => {
    const s = new Summariser();
    s.add(row({ amount: -5 }), result());
    const summary = s.result(10);
    expect(summary.shares).toBeNull();
    expect(summary.sharesNote).toMatch(/negative/);
  });
});
