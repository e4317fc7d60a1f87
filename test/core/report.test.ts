import type { RowResult } from '../../src/core/classify';
import { analysisRow, ANALYSIS_COLUMN, fittedWidth, MAX_TEXT_WIDTH } from '../../src/core/report/columns';
import { layoutSheet } from '../../src/core/report/layout';
import type { SheetPlan } from '../../src/core/report/plan';
import { NO_CATEGORY, NO_INSTITUTION } from '../../src/core/summary';

const result: RowResult = {
  id: 0,
  locality: 'rest_of_uk',
  districtLabel: 'Leeds (E08000035)',
  basis: 'Full postcode LS1 4AP in Leeds',
  coverage: 'exact_postcode',
  influence: 'influenceable',
  reason: 'Cleaning',
  coop: true,
  supplierType: 'company',
  supplierKey: 'ACME',
};

describe('the analysis table', () => {
  test('a payment without a category or institution carries the label its summary line has, so SUMIFS finds it', () => {
    const cells = analysisRow({ row: 7, supplier: 'Acme Ltd', amount: 12.5 }, result, { local: 'Preston', wider: 'Lancashire' });
    expect(cells[ANALYSIS_COLUMN.category]).toBe(NO_CATEGORY);
    expect(cells[ANALYSIS_COLUMN.institution]).toBe(NO_INSTITUTION);
    expect(cells[ANALYSIS_COLUMN.leakage]).toBe(12.5);
  });
});

describe('column widths', () => {
  test('a text column widens to its longest value, up to a limit; numbers and running-on text keep their width', () => {
    expect(fittedWidth({ header: 'Name', format: 'text', width: 10 }, ['short', 'a rather longer supplier name'])).toBe(31);
    expect(fittedWidth({ header: 'Name', format: 'text', width: 10 }, ['x'.repeat(200)])).toBe(MAX_TEXT_WIDTH);
    expect(fittedWidth({ header: 'Spend', format: 'gbp', width: 14 }, ['x'.repeat(40)])).toBe(14);
    expect(fittedWidth({ header: 'Value', format: 'text', width: 18, overflow: true }, ['x'.repeat(40)])).toBe(18);
  });

  test('a sheet takes, per column, the widest any block needs', () => {
    const plan: SheetPlan = {
      role: 'method',
      name: 'Method',
      title: 'Method',
      subtitle: ['one line'],
      blocks: [
        { id: 'a', title: 'A', columns: [{ header: 'Item', format: 'text', width: 10 }, { header: 'Value', format: 'text', width: 18, overflow: true }], rows: [['Geography', 'a very long sentence that runs on into the empty cells to its right']] },
        { id: 'b', title: 'B', note: 'a note', columns: [{ header: 'Basis', format: 'text', width: 12 }, { header: 'Spend', format: 'gbp', width: 16 }], rows: [['Exact postcode (row)', 1]] },
      ],
    };
    const layout = layoutSheet(plan);
    expect(layout.widths).toEqual([22, 18]);
    expect(layout.blocks.map((b) => [b.titleRow, b.headerRow, b.firstRow])).toEqual([
      [3, 4, 5],
      [7, 9, 10],
    ]);
  });
});
