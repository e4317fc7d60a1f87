import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';

const spend = [
  ['Supplier', 'Amount'],
  ['Acme', 10],
  ['Beta', 20],
];

describe('tables', () => {
  it('adds a table over data with headers and reads its ranges', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', at: 'B4', cells: spend }] });
    await sim.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem('S').tables.add('B4:C6', true);
      table.name = 'Spend';
      const body = table.getDataBodyRange();
      const header = table.getHeaderRowRange();
      body.load('address');
      header.load('values');
      table.columns.load('items/name');
      await context.sync();
      expect(body.address).toBe('S!B5:C6');
      expect(header.values).toEqual([['Supplier', 'Amount']]);
      expect(table.columns.items.map((c) => c.name)).toEqual(['Supplier', 'Amount']);
    });
    expect(sim.tables()).toMatchObject([{ name: 'Spend', address: 'S!B4:C6' }]);
  });

  it('puts a table given a sheetless address on the active sheet, even through another sheet\'s collection', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Active', cells: spend }, { name: 'Other', cells: spend }], activeSheet: 'Active' });
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Other').tables.add('A1:B3', true).name = 'ByAddress';
      const other = context.workbook.worksheets.getItem('Other');
      other.tables.add(other.getRange('A1:B3'), true).name = 'ByRange';
      await context.sync();
    });
    expect(sim.tables().map((t) => [t.name, t.address])).toEqual([['ByAddress', 'Active!A1:B3'], ['ByRange', 'Other!A1:B3']]);
  });

  it('generates a header and shifts the data down when there are no headers', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['Acme', 10], ['Beta', 20]] }] });
    await sim.Excel.run(async (context) => {
      context.workbook.tables.add('S!A1:B2', false);
      await context.sync();
    });
    expect(sim.values('S')).toEqual([['Column1', 'Column2'], ['Acme', 10], ['Beta', 20]]);
    expect(sim.tables()[0].address).toBe('S!A1:B3');
  });

  it('grows when columns are added, moving cells to its right', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['Supplier', 'Amount', '', 'note'], ['Acme', 10], ['Beta', 20]], tables: [{ address: 'A1:B3', name: 'T' }] }] });
    await sim.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('T');
      const added = table.columns.add(undefined, [['Class'], ['Local'], ['Other']]);
      const named = table.columns.add(0, undefined, 'Row id');
      added.load('name, index');
      named.load('index');
      const range = table.getRange();
      range.load('address');
      await context.sync();
      expect([added.name, added.index, named.index]).toEqual(['Class', 3, 0]);
      expect(range.address).toBe('S!A1:D3');
    });
    expect(sim.values('S', 'A1:F1')).toEqual([['Row id', 'Supplier', 'Amount', 'Class', '', 'note']]);
    expect(sim.values('S', 'D2:D3')).toEqual([['Local'], ['Other']]);
  });

  it('refuses a new column whose values do not cover header and rows', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: spend, tables: [{ address: 'A1:B3', name: 'T' }] }] });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.tables.getItem('T').columns.add(undefined, [['Only'], ['two']]);
      await context.sync();
    }));
    expect(error.code).toBe('InvalidArgument');
    expect(sim.tables()[0].columns).toEqual(['Supplier', 'Amount']);
  });

  it('fails a column insert on the web that would move too many cells (OperationCellsExceedLimit)', async () => {
    const sim = createExcelSimulator({
      sheets: [{ name: 'S', cells: [['Supplier', 'Amount', 'user notes'], ['Acme', 10, 'x']], tables: [{ address: 'A1:B2', name: 'T' }] }],
      limits: { operationCellLimit: 1000 },
    });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.tables.getItem('T').columns.add();
      await context.sync();
    }));
    expect(error.code).toBe('OperationCellsExceedLimit');
  });

  it('counts a cell that is only formatted as something to move, and only on the web', async () => {
    const setup = (platform: 'OfficeOnline' | 'PC') =>
      createExcelSimulator({
        sheets: [{ name: 'S', cells: spend, tables: [{ address: 'A1:B3', name: 'T' }] }],
        limits: { operationCellLimit: 1000 },
        host: { platform },
      });
    const addColumn = (sim: ReturnType<typeof setup>) =>
      sim.Excel.run(async (context) => {
        context.workbook.tables.getItem('T').columns.add(undefined, undefined, 'More');
        await context.sync();
      });
    const web = setup('OfficeOnline');
    web.formatCells('S', 'Z2', { fillColor: '#FFFF00' });
    expect((await officeErrorOf(addColumn(web))).code).toBe('OperationCellsExceedLimit');
    const desktop = setup('PC');
    desktop.formatCells('S', 'Z2', { fillColor: '#FFFF00' });
    await addColumn(desktop);
    expect(desktop.style('S', 'AA2').fillColor).toBe('#FFFF00');
  });

  it('adds rows at the end, pushing cells below down', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [...spend, [], ['below']], tables: [{ address: 'A1:B3', name: 'T' }] }] });
    await sim.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('T');
      table.rows.add(undefined, [['Gamma', 30], ['Delta', 40]]);
      table.rows.load('count');
      await context.sync();
      expect(table.rows.count).toBe(4);
    });
    expect(sim.values('S', 'A1:A7')).toEqual([['Supplier'], ['Acme'], ['Beta'], ['Gamma'], ['Delta'], [''], ['below']]);
  });

  it('resizes (ExcelApi 1.13), naming new columns from their header cells', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['Supplier', 'Amount', 'Extra'], ['Acme', 10, 1], ['Beta', 20, 2], ['Gamma', 30, 3]], tables: [{ address: 'A1:B3', name: 'T' }] }] });
    await sim.Excel.run(async (context) => {
      context.workbook.tables.getItem('T').resize('A1:C4');
      await context.sync();
    });
    expect(sim.tables()[0]).toMatchObject({ address: 'S!A1:C4', columns: ['Supplier', 'Amount', 'Extra'] });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.tables.getItem('T').resize('A2:C4');
      await context.sync();
    }));
    expect(error.code).toBe('InvalidArgument');
  });

  it('renames a column when its header cell is edited', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: spend, tables: [{ address: 'A1:B3', name: 'T' }] }] });
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('B1').values = [['Net amount']];
      await context.sync();
    });
    expect(sim.tables()[0].columns).toEqual(['Supplier', 'Net amount']);
  });

  it('finds the table holding the selection through Range.getTables', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', at: 'C3', cells: spend, tables: [{ address: 'C3:D5', name: 'T' }] }], selection: 'S!D4' });
    await sim.Excel.run(async (context) => {
      const hit = context.workbook.getSelectedRange().getTables(false).getFirstOrNullObject();
      const miss = context.workbook.worksheets.getItem('S').getRange('A1').getTables().getFirstOrNullObject();
      hit.load('name');
      await context.sync();
      expect([hit.isNullObject, hit.name, miss.isNullObject]).toEqual([false, 'T', true]);
    });
  });

  it('refuses overlapping tables and finds tables by name from either collection', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: spend, tables: [{ address: 'A1:B3', name: 'T' }] }] });
    const overlap = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').tables.add('B2:C4', true);
      await context.sync();
    }));
    expect(overlap.code).toBe('MergedRangeConflict');
    await sim.Excel.run(async (context) => {
      const bySheet = context.workbook.worksheets.getItem('S').tables.getItemOrNullObject('t');
      const missing = context.workbook.tables.getItemOrNullObject('Nope');
      const count = context.workbook.tables.getCount();
      await context.sync();
      expect([bySheet.isNullObject, missing.isNullObject, count.value]).toEqual([false, true, 1]);
    });
  });

  it('deletes a table with its cells; convertToRange keeps the cells', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: spend, tables: [{ address: 'A1:B3', name: 'T' }] }, { name: 'K', cells: spend, tables: [{ address: 'A1:B3', name: 'Kept' }] }] });
    await sim.Excel.run(async (context) => {
      context.workbook.tables.getItem('T').delete();
      context.workbook.tables.getItem('Kept').convertToRange();
      await context.sync();
    });
    expect(sim.usedRange('S')).toBeNull();
    expect(sim.values('K')).toEqual(spend);
    expect(sim.tables()).toEqual([]);
  });

  it('adds and removes a total row below the data, which is part of the table', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: spend, tables: [{ address: 'A1:B3', name: 'T' }] }] });
    await sim.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('T');
      table.showTotals = true;
      const range = table.getRange().load('address');
      const body = table.getDataBodyRange().load('address');
      const total = table.getTotalRowRange().load('values');
      await context.sync();
      expect([range.address, body.address]).toEqual(['S!A1:B4', 'S!A2:B3']);
      expect(total.values).toEqual([['Total', 30]]);
    });
    expect(sim.formulas('S', 'B4')).toEqual([['=SUBTOTAL(109,T[Amount])']]);
  });

  it('removes the header row from the table (its cells left blank) and shows it again, names kept', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', at: 'A2', cells: spend, tables: [{ address: 'A2:B4', name: 'T', showHeaders: false }] }] });
    expect(sim.tables()[0]).toMatchObject({ address: 'S!A3:B4', showHeaders: false, columns: ['Supplier', 'Amount'] });
    expect(sim.values('S', 'A2:B2')).toEqual([['', '']]);
    await sim.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('T');
      const body = table.getDataBodyRange().load('address');
      table.load('showHeaders');
      await context.sync();
      expect([body.address, table.showHeaders]).toEqual(['S!A3:B4', false]);
      table.columns.add(undefined, undefined, 'Notes');
      table.showHeaders = true;
      await context.sync();
    });
    expect(sim.tables()[0]).toMatchObject({ address: 'S!A2:C4', showHeaders: true, columns: ['Supplier', 'Amount', 'Notes'] });
    expect(sim.values('S', 'A2:C2')).toEqual([['Supplier', 'Amount', 'Notes']]);
  });
});

