/**
 * The partnership's anchors: each institution's own baseline from the same rows, one anchor
 * whatever the case of its name (as the summary formulas match it), payments naming none as one
 * more line so the sum is whole; and a sheet's anchor named on an earlier run kept.
 */
import { AnchorSummaries, namesAnchors } from '../../src/core/anchors';
import { withRecordedAnchors } from '../../src/core/analysis/anchor-names';
import type { DataSheet, SpendData } from '../../src/core/analysis/spend-data';
import type { RowResult } from '../../src/core/classify';
import type { SpendRow } from '../../src/core/rows';
import { emptyState } from '../../src/core/settings';

let nextId = 0;
const result = (locality: RowResult['locality'], influence: RowResult['influence'], supplierKey: string): RowResult => ({
  id: nextId++,
  locality,
  districtLabel: '',
  basis: '',
  coverage: 'exact_postcode',
  influence,
  reason: 'Cleaning',
  supplierType: 'company',
  supplierKey,
  coop: false,
});

test('each anchor’s totals, shares and leakage, by hand; names one anchor whatever their case; the largest first; adding up to the whole', () => {
  const rows: [string | undefined, number, RowResult][] = [
    ['City Council', 1000, result('local', 'influenceable', 'A')],
    ['CITY COUNCIL', 3000, result('rest_of_uk', 'influenceable', 'B')],
    ['City Council', -200, result('local', 'influenceable', 'A')],
    ['College', 500, result('wider', 'review', 'A')],
    [undefined, 100, result('unknown', 'not_influenceable', 'C')],
  ];
  const anchors = new AnchorSummaries();
  rows.forEach(([institution, amount, r], i) => anchors.add({ row: i + 2, supplier: r.supplierKey, amount, ...(institution ? { institution } : {}) }, r));
  const lines = anchors.result();
  expect(lines.map((a) => a.name)).toEqual(['City Council', 'College', '(not given)']);
  const [council, college, none] = lines.map((a) => a.summary);
  expect(council.totals).toEqual({ spend: 3800, rows: 3, suppliers: 2 });
  expect(council.shares).toMatchObject({ local: 800 / 3800, widerIncludingLocal: 800 / 3800, leakage: 3000 / 3800, influenceableLeakage: 3000 / 3800 });
  expect(council.leakage).toEqual({ spend: 3000, influenceableSpend: 3000 });
  expect(college.influence.review.spend).toBe(500);
  expect(college.shares).toMatchObject({ local: 0, widerIncludingLocal: 1 });
  expect(none.totals).toEqual({ spend: 100, rows: 1, suppliers: 1 });
  expect(lines.reduce((sum, a) => sum + a.summary.totals.spend, 0)).toBe(1000 + 3000 - 200 + 500 + 100);
});

test('rows name anchors when any has an institution', () => {
  expect(namesAnchors([{ row: 2, supplier: 'A', amount: 1 }])).toBe(false);
  expect(namesAnchors([{ row: 2, supplier: 'A', amount: 1 }, { row: 3, supplier: 'B', amount: 1, institution: 'College' }])).toBe(true);
});

test('a sheet whose anchor was named on an earlier run keeps it, unless it is named again now', () => {
  const sheet = (name: string, source: string, institution?: string): DataSheet => ({
    sheet: name,
    source,
    headerRow: 0,
    firstRow: 1,
    lastRow: 2,
    mapping: {},
    block: { firstColumn: 4, existed: true, present: 10 },
    ...(institution ? { institution } : {}),
  });
  const rows: SpendRow[] = [
    { row: 2, supplier: 'A', amount: 1, source: 'council.csv' },
    { row: 2, supplier: 'B', amount: 1, source: 'college.csv', institution: 'Named now' },
  ];
  const data: SpendData = { sheets: [sheet('council.csv', 'council.csv'), sheet('college.csv', 'college.csv', 'Named now')], rows, skipped: [], longTexts: [], hidden: { rows: 0, spend: 0 } };
  const state = emptyState();
  state.owned.resultColumns = [
    { sheet: 'council.csv', firstColumn: 4, headers: [], headerRow: 0, institution: 'City Council' },
    { sheet: 'college.csv', firstColumn: 4, headers: [], headerRow: 0, institution: 'Named before' },
  ];
  const kept = withRecordedAnchors(data, state);
  expect(kept.rows.map((row) => row.institution)).toEqual(['City Council', 'Named now']);
  expect(kept.sheets.map((s) => s.institution)).toEqual(['City Council', 'Named now']);
  expect(withRecordedAnchors(data, emptyState())).toBe(data);
});
