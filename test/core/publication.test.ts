/**
 * The copy to publish as the core plans it: values for formulas, no individual named (a cell that
 * is a name, or a name inside a rule's reason), the list of values not understood left out, and
 * small payments added up into one line per category within each anchor, locality and verdict,
 * by hand.
 */
import { planPublication, REDACTED, type PublicationSource } from '../../src/core/analysis/publication';
import type { RowResult } from '../../src/core/classify';
import { ANALYSIS_COLUMNS } from '../../src/core/report/columns';
import type { SheetPlan } from '../../src/core/report/plan';
import type { SpendRow } from '../../src/core/rows';
import { Summariser } from '../../src/core/summary';

const column = (header: string) => ANALYSIS_COLUMNS.findIndex((c) => c.header === header);

function result(id: number, fields: Partial<RowResult>): RowResult {
  return { id, locality: 'local', districtLabel: 'Preston (E07000123)', basis: '', coverage: 'exact_postcode', influence: 'influenceable', reason: 'Cleaning', supplierType: 'company', supplierKey: 'ACME', coop: false, ...fields };
}

function source(): PublicationSource {
  const rows: SpendRow[] = [
    { row: 2, supplier: 'Acme Ltd', amount: 1000, institution: 'Council', category: 'Cleaning' },
    { row: 3, supplier: 'Acme Ltd', amount: 120, institution: 'Council', category: 'Cleaning' },
    { row: 4, supplier: 'Bright Ltd', amount: 80, institution: 'council', category: 'CLEANING', source: 'b.csv' },
    { row: 5, supplier: 'Mr Ann Other', amount: 300, institution: 'Council', category: 'Energy' },
    { row: 6, supplier: 'Mr Ann Other', amount: 900, institution: 'College', category: 'Energy' },
    { row: 7, supplier: 'Acme Ltd', amount: -50, institution: 'College', category: 'Cleaning' },
  ];
  const acme = result(0, {});
  const bright = result(1, { supplierKey: 'BRIGHT', districtLabel: 'South Ribble (E07000126)', locality: 'local' });
  const person = result(2, { supplierKey: 'ANN OTHER', supplierType: 'individual', reason: 'Utility supply: Mr Ann Other', influence: 'not_influenceable', locality: 'rest_of_uk' });
  const results = [acme, acme, bright, person, person, acme];
  const summariser = new Summariser();
  rows.forEach((row, i) => summariser.add(row, results[i]));
  const summary = summariser.result(10);
  const plan: SheetPlan = {
    role: 'summary',
    name: 'Baseline',
    title: 'Local spend baseline',
    subtitle: ['Analysed today.', 'Every figure is a formula.'],
    page: { areas: 'Local area: Preston.', analysed: 'Analysed today' },
    blocks: [
      { id: 'top', title: 'Top', columns: [{ header: 'Supplier', format: 'text', width: 20 }, { header: 'Spend', format: 'gbp', width: 10 }], rows: [['Mr Ann Other', { formula: 'SUM(X)', value: 1200 }], ['Acme Ltd', { formula: 'SUM(Y)', value: 1070 }]] },
      { id: 'kinds', title: 'Kinds', columns: [{ header: 'Kind', format: 'text', width: 20 }], rows: [['Utility supply: Mr Ann Other'], ['Cleaning']] },
    ],
  };
  const method: SheetPlan = {
    role: 'method',
    name: 'Method',
    title: 'Method',
    subtitle: [],
    page: { areas: 'Local area: Preston.', analysed: 'Analysed today' },
    blocks: [{ id: 'problems', title: 'Values that could not be understood', columns: [{ header: 'Cell', format: 'text', width: 10 }], rows: [['Suppliers!H4: "Mr Ann Other"']] }],
  };
  return { sheetPlans: [plan, method], rows, results, summary, areas: { local: 'Preston', wider: 'Lancashire' }, analysisSheet: 'Analysis data', analysedAt: '2025-01-01T00:00:00Z' };
}

const tableRows = (publication: ReturnType<typeof planPublication>) => Array.from({ length: publication.analysisTable.rows.count }, (_, i) => publication.analysisTable.rows.row(i));

test('values for formulas; no individual named in a cell or inside a reason; the problems list left out, and said so', () => {
  const publication = planPublication(source());
  const [baseline, method] = publication.summaries;
  expect(baseline.plan.subtitle).toEqual(['Analysed today.', `A copy to publish: every figure is a value; payments to individuals (2) show "${REDACTED}".`]);
  expect(baseline.plan.blocks.map((b) => b.rows)).toEqual([
    [
      [REDACTED, 1200],
      ['Acme Ltd', 1070],
    ],
    [[`Utility supply: ${REDACTED}`], ['Cleaning']],
  ]);
  expect(method.plan.blocks.map((b) => b.id)).toEqual(['publication']);
  const rows = tableRows(publication);
  expect(rows.map((row) => [row[column('Supplier')], row[column('Supplier key')], row[column('Spend kind')]])).toEqual([
    ['Acme Ltd', 'ACME', 'Cleaning'],
    ['Acme Ltd', 'ACME', 'Cleaning'],
    ['Bright Ltd', 'BRIGHT', 'Cleaning'],
    [REDACTED, REDACTED, `Utility supply: ${REDACTED}`],
    [REDACTED, REDACTED, `Utility supply: ${REDACTED}`],
    ['Acme Ltd', 'ACME', 'Cleaning'],
  ]);
  expect(JSON.stringify([publication.summaries.map((s) => s.plan), rows]).toLowerCase()).not.toContain('ann other');
});

test('an individual paid only in the earlier year compared with is not named among the suppliers that moved', () => {
  const base = source();
  const moved: SheetPlan = {
    ...base.sheetPlans[0],
    blocks: [{ id: 'progress_movers', title: 'Suppliers that moved the figures most', columns: [{ header: 'Supplier', format: 'text', width: 20 }], rows: [['Ms Jo Bloggs'], ['Acme Ltd']] }],
  };
  const earlier = new Summariser();
  earlier.add({ row: 2, supplier: 'Ms Jo Bloggs', amount: 400 }, result(0, { supplierKey: 'JO BLOGGS', supplierType: 'individual' }));
  const earlierSuppliers = earlier.result(10).suppliers;
  const cells = (withEarlier: boolean) => planPublication({ ...base, sheetPlans: [moved], ...(withEarlier ? { earlierSuppliers } : {}) }).summaries[0].plan.blocks[0].rows;
  expect(cells(true)).toEqual([[REDACTED], ['Acme Ltd']]);
  // Without the earlier year's suppliers the name would have stood: this year's payments do not hold it.
  expect(cells(false)).toEqual([['Ms Jo Bloggs'], ['Acme Ltd']]);
});

test('payments under the minimum: one line per category (whatever its case) within each anchor, locality and verdict; the totals unchanged', () => {
  const publication = planPublication(source(), { minimum: 500 });
  expect(publication.aggregated).toEqual({ payments: 4, lines: 3 });
  const rows = tableRows(publication);
  const pick = (row: (typeof rows)[number]) => ['Supplier', 'Amount', 'Institution', 'Category', 'Locality', 'Influence', 'Local authority', 'Source', 'Influenceable leakage'].map((h) => row[column(h)]);
  expect(rows.map(pick)).toEqual([
    ['Acme Ltd', 1000, 'Council', 'Cleaning', 'Local (Preston)', 'Influenceable', 'Preston (E07000123)', '', 0],
    [REDACTED, 900, 'College', 'Energy', 'Rest of UK', 'Not influenceable', 'Preston (E07000123)', '', 0],
    // College: Acme's credit of 50.
    ['Payments under £500 (1)', -50, 'College', 'Cleaning', 'Local (Preston)', 'Influenceable', 'Preston (E07000123)', '', 0],
    // Council, cleaning (Cleaning and CLEANING; council and Council), local, influenceable: 120 + 80, two districts, two sources.
    ['Payments under £500 (2)', 200, 'Council', 'Cleaning', 'Local (Preston)', 'Influenceable', '(several)', '(several)', 0],
    // Council, energy, rest of UK, not influenceable: Mr Ann Other's 300, named nowhere.
    ['Payments under £500 (1)', 300, 'Council', 'Energy', 'Rest of UK', 'Not influenceable', 'Preston (E07000123)', '', 0],
  ]);
  expect(rows.reduce((sum, row) => sum + (row[column('Amount')] as number), 0)).toBe(1000 + 120 + 80 + 300 + 900 - 50);
});
