import { carryOverrides } from '../../src/core/analysis/earlier-output';
import type { DataSheet, SpendData } from '../../src/core/analysis/spend-data';

const sheet = (name: string, source = '', existed = false): DataSheet => ({
  sheet: name,
  source,
  headerRow: 0,
  firstRow: 1,
  lastRow: 10,
  mapping: {},
  block: { firstColumn: 5, existed, present: existed ? 10 : 0 },
});

describe('row overrides carried from an earlier analysis', () => {
  test('by file and row, when supplier and amount are unchanged; the rest with what the row is now', () => {
    const earlier: SpendData = {
      sheets: [sheet('april.csv', 'april.csv'), sheet('may.csv', 'may.csv')],
      rows: [
        { row: 2, source: 'april.csv', supplier: 'Acme Ltd', amount: 10, localityOverride: 'Local' },
        { row: 2, source: 'may.csv', supplier: 'Acme Ltd', amount: 10, influenceOverride: 'no' },
        { row: 3, source: 'may.csv', supplier: 'Beta Ltd', amount: 5, influenceOverride: 'yes' },
        { row: 4, source: 'may.csv', supplier: 'Gamma Ltd', amount: 7, localityOverride: 'Preston' },
        { row: 5, source: 'may.csv', supplier: 'Delta Ltd', amount: 1, localityOverride: 'Local' },
      ],
      skipped: [],
      longTexts: [],
    hidden: { rows: 0, spend: 0 },
    };
    const now: SpendData = {
      sheets: [sheet('april.csv', 'april.csv'), sheet('may.csv', 'may.csv')],
      rows: [
        { row: 2, source: 'april.csv', supplier: 'Acme Ltd', amount: 10 },
        { row: 2, source: 'may.csv', supplier: 'Acme Ltd', amount: 10 },
        { row: 3, source: 'may.csv', supplier: 'Beta Ltd', amount: 6 },
      ],
      skipped: [{ row: 4, source: 'may.csv', kind: 'period', reason: 'paid after --to' }],
      longTexts: [],
    hidden: { rows: 0, spend: 0 },
    };
    const result = carryOverrides(now, earlier);
    expect(result.data.rows).toEqual([
      { row: 2, source: 'april.csv', supplier: 'Acme Ltd', amount: 10, localityOverride: 'Local' },
      { row: 2, source: 'may.csv', supplier: 'Acme Ltd', amount: 10, influenceOverride: 'no' },
      { row: 3, source: 'may.csv', supplier: 'Beta Ltd', amount: 6 },
    ]);
    expect(result.carried).toBe(2);
    expect(result.notCarried.map((miss) => `${miss.sheet} ${miss.row}: ${miss.why}`)).toEqual([
      'may.csv 3: now Beta Ltd, £6.00',
      'may.csv 4: not analysed now: paid after --to',
      'may.csv 5: no such payment now',
    ]);
  });

  test("a sheet with override columns of its own keeps them; one of another name takes nothing", () => {
    const row = { row: 2, supplier: 'Acme Ltd', amount: 10 };
    const earlier: SpendData = { sheets: [sheet('spend')], rows: [{ ...row, localityOverride: 'Local' }], skipped: [], longTexts: [], hidden: { rows: 0, spend: 0 } };
    const own = carryOverrides({ sheets: [sheet('spend', '', true)], rows: [{ ...row, localityOverride: 'Wider' }], skipped: [], longTexts: [], hidden: { rows: 0, spend: 0 } }, earlier);
    expect(own.data.rows[0].localityOverride).toBe('Wider');
    expect(own.notCarried[0].why).toBe("the input's own override columns say otherwise");
    const other = carryOverrides({ sheets: [sheet('other')], rows: [row], skipped: [], longTexts: [], hidden: { rows: 0, spend: 0 } }, earlier);
    expect(other.carried).toBe(0);
    expect(other.notCarried[0]).toMatchObject({ sheet: 'spend', why: 'no such payment now' });
  });
});
