import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';

const rows = [
  ['Supplier', 'Area', 'Amount'],
  ['Acme', 'Local', 100],
  ['Beta', 'Elsewhere', 50],
  ['Acme', 'Local', 25.5],
  ['Gamma', 'Local', 10],
  ['Beta', 'Local', 5],
];

function simulator(excelApiVersion = '1.17') {
  return createExcelSimulator({
    sheets: [{ name: 'Analysis', cells: rows, tables: [{ address: 'A1:C6', name: 'Analysis' }] }, { name: 'Summary' }],
    host: { excelApiVersion },
  });
}

describe('PivotTables', () => {
  it('sums the data field grouped by the row field, with a grand total', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const pivot = context.workbook.worksheets.getItem('Summary').pivotTables.add('BySupplier', 'Analysis', 'Summary!B2');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Supplier'));
      const amount = pivot.dataHierarchies.add(pivot.hierarchies.getItem('Amount'));
      amount.summarizeBy = 'Sum';
      amount.numberFormat = '£#,##0.00';
      const range = pivot.layout.getRange();
      range.load('address');
      amount.load('name');
      await context.sync();
      expect(range.address).toBe('Summary!B2:C6');
      expect(amount.name).toBe('Sum of Amount');
    });
    const [pivot] = sim.pivotTables();
    expect(pivot).toMatchObject({ name: 'BySupplier', source: 'Analysis', rows: ['Supplier'], data: [{ field: 'Amount', summarizeBy: 'Sum', numberFormat: '£#,##0.00' }] });
    expect(pivot.values).toEqual([
      ['Supplier', 'Sum of Amount'],
      ['Acme', 125.5],
      ['Beta', 55],
      ['Gamma', 10],
      ['Grand Total', 190.5],
    ]);
    expect(sim.values('Summary', 'C3')).toEqual([[125.5]]);
    expect(sim.text('Summary', 'C6')).toEqual([['£190.50']]);
  });

  it('splits by a column field and totals both ways', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const pivot = context.workbook.pivotTables.add('Split', context.workbook.tables.getItem('Analysis'), 'Summary!A1');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Supplier'));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem('Area'));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem('Amount'));
      await context.sync();
    });
    expect(sim.pivotTables()[0].values).toEqual([
      ['Supplier', 'Elsewhere', 'Local', 'Grand Total'],
      ['Acme', '', 125.5, 125.5],
      ['Beta', 50, 5, 55],
      ['Gamma', '', 10, 10],
      ['Grand Total', 50, 140.5, 190.5],
    ]);
  });

  it('recomputes from the current source on refresh', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const pivot = context.workbook.worksheets.getItem('Summary').pivotTables.add('P', 'Analysis!A1:C6', 'A1');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Area'));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem('Amount'));
      await context.sync();
      context.workbook.worksheets.getItem('Analysis').getRange('C3').values = [[1000]];
      await context.sync();
      expect(sim.pivotTables()[0].values[1]).toEqual(['Elsewhere', 50]);
      context.workbook.pivotTables.getItem('P').refresh();
      await context.sync();
    });
    expect(sim.pivotTables()[0].values[1]).toEqual(['Elsewhere', 1000]);
  });

  it('renames a default data field when summarizeBy changes, and counts text fields', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const pivot = context.workbook.worksheets.getItem('Summary').pivotTables.add('P', 'Analysis', 'A1');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Area'));
      const count = pivot.dataHierarchies.add(pivot.hierarchies.getItem('Supplier'));
      const amount = pivot.dataHierarchies.add(pivot.hierarchies.getItem('Amount'));
      amount.summarizeBy = sim.Excel.AggregationFunction.max;
      await context.sync();
      expect(count).toBeDefined();
    });
    expect(sim.pivotTables()[0].values).toEqual([
      ['Area', 'Count of Supplier', 'Max of Amount'],
      ['Elsewhere', 1, 50],
      ['Local', 4, 100],
      ['Grand Total', 5, 100],
    ]);
  });

  it('is not available below ExcelApi 1.8 (ApiNotFound)', async () => {
    const sim = simulator('1.7');
    expect(sim.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.pivotTables.add('P', 'Analysis', 'Summary!A1');
      await context.sync();
    }));
    expect(error.code).toBe('ApiNotFound');
    expect(sim.pivotTables()).toEqual([]);
  });

  it('protects its output from writes and clears it when deleted', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const pivot = context.workbook.worksheets.getItem('Summary').pivotTables.add('P', 'Analysis', 'A1');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Area'));
      await context.sync();
      context.workbook.worksheets.getItem('Summary').getRange('A2').values = [['overwrite']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'PivotTableRangeConflict' });
      const found = context.workbook.pivotTables.getItemOrNullObject('P');
      await context.sync();
      expect(found.isNullObject).toBe(false);
      found.delete();
      await context.sync();
    });
    expect(sim.pivotTables()).toEqual([]);
    expect(sim.usedRange('Summary')).toBeNull();
  });

  it('refuses an unknown field and a duplicate name', async () => {
    const sim = simulator();
    const unknown = await officeErrorOf(sim.Excel.run(async (context) => {
      const pivot = context.workbook.pivotTables.add('P', 'Analysis', 'Summary!A1');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Nope'));
      await context.sync();
    }));
    expect(unknown.code).toBe('ItemNotFound');
    const duplicate = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.pivotTables.add('P', 'Analysis', 'Summary!H1');
      await context.sync();
    }));
    expect(duplicate.code).toBe('ItemAlreadyExists');
  });
});
