import type { RowResult } from '../../src/core/classify';
import { NO_CATEGORY, NO_INSTITUTION, Summariser } from '../../src/core/summary';
import type { SpendRow } from '../../src/core/rows';
import { LOCALITIES, INFLUENCES } from '../../src/core/codes';
import { seededRandom } from '../support/seeded-random';

/** Each call makes a distinct result, numbered as the classifier numbers them. */
let resultsMade = 0;
function result(over: Partial<RowResult> = {}): RowResult {
  return {
    id: resultsMade++,
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
  test('figures added up per shared result equal the same figures added up row by row', () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    // Results shared by many rows, as the classifier makes them: a few per supplier.
    const shared = Array.from({ length: 60 }, (_, i) =>
      result({ supplierKey: `S${i % 12}`, locality: pick(LOCALITIES), influence: pick(INFLUENCES), reason: pick(['Cleaning', 'Levy', 'Grounds']), districtLabel: pick(['', 'Preston (E07000123)', 'Wyre (E07000128)']) }),
    );
    const rows = Array.from({ length: 4000 }, (_, i) => ({
      row: row({ row: i + 2, supplier: `Supplier ${i % 12}`, amount: Math.round((random() - 0.1) * 1e6) / 100, category: pick(['Repairs', 'REPAIRS', 'Catering', undefined]) }),
      result: pick(shared),
    }));
    const s = new Summariser();
    for (const { row: r, result: res } of rows) s.add(r, res);
    const summary = s.result(5);

    const pence = (amount: number) => Math.round(amount * 100);
    const sum = (of: typeof rows) => of.reduce((total, { row: r }) => total + pence(r.amount), 0) / 100;
    const suppliers = (of: typeof rows) => new Set(of.map(({ result: res }) => res.supplierKey)).size;
    expect(summary.totals).toEqual({ spend: sum(rows), rows: rows.length, suppliers: suppliers(rows) });
    for (const locality of LOCALITIES) {
      const of = rows.filter(({ result: res }) => res.locality === locality);
      expect(summary.locality[locality]).toEqual({ spend: sum(of), rows: of.length, suppliers: suppliers(of) });
    }
    for (const influence of INFLUENCES) {
      const of = rows.filter(({ result: res }) => res.influence === influence);
      expect(summary.influence[influence]).toEqual({ spend: sum(of), rows: of.length, suppliers: suppliers(of) });
    }
    const leak = rows.filter(({ result: res }) => res.locality === 'rest_of_uk' || res.locality === 'outside_uk');
    expect(summary.leakage).toEqual({ spend: sum(leak), influenceableSpend: sum(leak.filter(({ result: res }) => res.influence === 'influenceable')) });
    for (const [key, line] of summary.suppliers) {
      const of = rows.filter(({ result: res }) => res.supplierKey === key);
      expect([line.name, line.spend, line.rows]).toEqual([of[0].row.supplier, sum(of), of.length]);
      // The dominant locality and district carry the most spend, counting credits as weight too.
      const weights = new Map<string, number>();
      for (const { row: r, result: res } of of) weights.set(`${res.locality}|${res.districtLabel}`, (weights.get(`${res.locality}|${res.districtLabel}`) ?? 0) + Math.abs(pence(r.amount)));
      const heaviest = Math.max(...weights.values());
      expect(weights.get(`${line.locality}|${line.districtLabel}`)).toBe(heaviest);
    }
    expect(summary.categories.map((line) => line.label)).toEqual(expect.arrayContaining(['Repairs', 'Catering', NO_CATEGORY]));
    expect(summary.categories.find((line) => line.label === 'Repairs')!.spend).toBe(sum(rows.filter(({ row: r }) => r.category?.toLowerCase() === 'repairs')));
  });
});
