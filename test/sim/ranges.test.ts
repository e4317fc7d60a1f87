import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';

describe('range navigation', () => {
  it('derives ranges as Excel does', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S' }] });
    await sim.Excel.run(async (context) => {
      const base = context.workbook.worksheets.getItem('S').getRange('B2:D5');
      const derived = {
        cell: base.getCell(1, 1),
        outside: base.getCell(10, 0),
        offset: base.getOffsetRange(1, 2),
        resized: base.getResizedRange(2, -1),
        column: base.getEntireColumn(),
        row: base.getEntireRow(),
        lastRow: base.getLastRow(),
        second: base.getColumn(1),
        after: base.getColumnsAfter(2),
        meet: base.getIntersection('C4:F9'),
        bounding: base.getBoundingRect('F1'),
        byIndexes: context.workbook.worksheets.getItem('S').getRangeByIndexes(3, 0, 2, 3),
      };
      for (const range of Object.values(derived)) range.load('address');
      const none = base.getIntersectionOrNullObject('Z1');
      await context.sync();
      expect(Object.fromEntries(Object.entries(derived).map(([k, r]) => [k, r.address]))).toEqual({
        cell: 'S!C3', outside: 'S!B12', offset: 'S!D3:F6', resized: 'S!B2:C7', column: 'S!B:D', row: 'S!2:5',
        lastRow: 'S!B5:D5', second: 'S!C2:C5', after: 'S!E2:F5', meet: 'S!C4:D5', bounding: 'S!B1:F5', byIndexes: 'S!A4:C5',
      });
      expect(none.isNullObject).toBe(true);
    });
  });

  it('refuses a range that leaves the grid', async () => {
    const sim = createExcelSimulator();
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1').getOffsetRange(-1, 0).load('address');
      await context.sync();
    }));
    expect(error.code).toBe('InvalidArgument');
  });

  it('quotes sheet names that need it', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'My spend' }] });
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('My spend').getRange('A1:B2');
      range.load('address');
      await context.sync();
      expect(range.address).toBe("'My spend'!A1:B2");
    });
  });
});

describe('formats, merges, insert and delete', () => {
  it('reads a format as null when the cells differ', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a', 'b']] }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1').format.font.bold = true;
      sheet.getRange('A1:B1').format.fill.color = '#DDEEFF';
      const both = sheet.getRange('A1:B1');
      both.load('format/font/bold, format/fill/color');
      await context.sync();
      expect(both.format.font.bold).toBeNull();
      expect(both.format.fill.color).toBe('#DDEEFF');
    });
    expect(sim.style('S', 'A1')).toMatchObject({ bold: true, fillColor: '#DDEEFF' });
  });

  it('sets and autofits column widths', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a much longer piece of text', 'b']] }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A:A').format.autofitColumns();
      sheet.getRange('B1').format.columnWidth = 100;
      await context.sync();
    });
    expect(sim.columnWidth('S', 'A')).toBeGreaterThan(100);
    expect(sim.columnWidth('S', 'B')).toBe(100);
    expect(sim.columnWidth('S', 'C')).toBe(48);
  });

  it('merges keeping the top-left value and reports merged areas', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['Title', 'gone'], ['x', 'y']] }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:B1').merge();
      const merged = sheet.getRange('A1:C3').getMergedAreasOrNullObject();
      const none = sheet.getRange('A2:B2').getMergedAreasOrNullObject();
      merged.load('address, areaCount');
      await context.sync();
      expect([merged.address, merged.areaCount, none.isNullObject]).toEqual(['S!A1:B1', 1, true]);
    });
    expect(sim.values('S', 'A1:B1')).toEqual([['Title', '']]);
  });

  it('inserts and deletes cells, moving tables out of the way', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['top'], ['Supplier'], ['Acme']], tables: [{ address: 'A2:A3', name: 'T' }] }] });
    await sim.Excel.run(async (context) => {
      const inserted = context.workbook.worksheets.getItem('S').getRange('1:1').insert('Down');
      inserted.load('address');
      await context.sync();
      expect(inserted.address).toBe('S!1:1');
    });
    expect(sim.values('S', 'A1:A4')).toEqual([[''], ['top'], ['Supplier'], ['Acme']]);
    expect(sim.tables()[0].address).toBe('S!A3:A4');
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A2').delete('Up');
      await context.sync();
    });
    expect(sim.values('S')).toEqual([['Supplier'], ['Acme']]);
    expect(sim.tables()[0].address).toBe('S!A1:A2');
  });

  it('clears contents or formats separately', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [[1, 2]] }] });
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
      range.numberFormat = [['0.00', '0.00']];
      range.clear('Contents');
      await context.sync();
    });
    expect(sim.values('S')).toEqual([['', '']]);
    expect(sim.numberFormats('S')).toEqual([['0.00', '0.00']]);
  });
});

describe('hidden rows', () => {
  it('reads rowHidden as true when every row is hidden, false when none is and null when some are', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a'], ['b'], ['c'], ['d']], hiddenRows: [2] }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A4').rowHidden = true;
      const ranges = ['A2', 'A2:B2', 'A1', 'A1:A4', 'A3:A4', 'A4'].map((address) => sheet.getRange(address).load('rowHidden'));
      await context.sync();
      expect(ranges.map((range) => range.rowHidden)).toEqual([true, true, false, null, null, true]);
    });
    expect(sim.sheets()[0].hiddenRows).toEqual([2, 4]);
  });
});
