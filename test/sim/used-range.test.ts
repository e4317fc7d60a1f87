import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';

describe('used range', () => {
  it('covers values starting where the data starts (header on row 4)', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', at: 'B4', cells: [['h1', 'h2'], [1, 2]] }] });
    await sim.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('S').getUsedRange();
      used.load('address, rowIndex, columnIndex');
      await context.sync();
      expect(used.address).toBe('S!B4:C5');
      expect([used.rowIndex, used.columnIndex]).toEqual([3, 1]);
    });
  });

  it('grows with formatting as well as values, unless valuesOnly', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a']] }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('D10').format.fill.color = '#FFFF00';
      sheet.getRange('F2').numberFormat = [['@']];
      const used = sheet.getUsedRange();
      const valuesOnly = sheet.getUsedRange(true);
      used.load('address');
      valuesOnly.load('address');
      await context.sync();
      expect(used.address).toBe('S!A1:F10');
      expect(valuesOnly.address).toBe('S!A1');
    });
  });

  it('shrinks again when cells are cleared', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a', 'b'], ['c', 'd']] }] });
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('B1:B2').clear();
      await context.sync();
    });
    expect(sim.usedRange('S')).toBe('S!A1:A2');
  });

  it('is the top-left cell of a blank sheet, or a null object from getUsedRangeOrNullObject', async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRange();
      const orNull = sheet.getUsedRangeOrNullObject();
      used.load('address');
      orNull.load('address');
      await context.sync();
      expect(used.address).toBe('Sheet1!A1');
      expect(orNull.isNullObject).toBe(true);
      expect(orNull.address).toBeUndefined();
    });
  });

  it('of a range throws ItemNotFound when nothing in it is used', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a']] }] });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('C3:D4').getUsedRange().load('address');
      await context.sync();
    }));
    expect(error.code).toBe('ItemNotFound');
  });

  it('of a range is the used cells inside it, not the sheet\'s used range clipped to it', async () => {
    // Used: A1 and D10. The sheet's used range A1:D10 overlaps C2:E5, yet no cell inside C2:E5 is used.
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a']] }] });
    sim.writeCells('S', 'D10', [['z']]);
    sim.writeCells('S', 'C4', [['inside']]);
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const empty = sheet.getRange('B2:E3').getUsedRangeOrNullObject(true);
      const one = sheet.getRange('B2:E5').getUsedRangeOrNullObject(true);
      const two = sheet.getRange('B2:E12').getUsedRange(true);
      sheet.getRange('E7').format.fill.color = '#FFFF00';
      const formatted = sheet.getRange('B2:E8').getUsedRangeOrNullObject();
      const formattedValuesOnly = sheet.getRange('B2:E8').getUsedRangeOrNullObject(true);
      for (const range of [empty, one, two, formatted, formattedValuesOnly]) range.load('address');
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      expect(one.address).toBe('S!C4');
      expect(two.address).toBe('S!C4:D10');
      expect(formatted.address).toBe('S!C4:E7');
      expect(formattedValuesOnly.address).toBe('S!C4');
    });
  });

  it('treats whole-column formats as column formats, not as a million used cells', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a'], ['b']] }] });
    await sim.Excel.run(async (context) => {
      const column = context.workbook.worksheets.getItem('S').getRange('C:C');
      column.numberFormat = '@' as unknown as unknown[][];
      column.format.font.bold = true;
      await context.sync();
      const cell = context.workbook.worksheets.getItem('S').getRange('C5');
      cell.values = [['=1+1']];
      cell.load('values, numberFormat, format/font/bold');
      await context.sync();
      expect(cell.values).toEqual([['=1+1']]);
      expect(cell.numberFormat).toEqual([['@']]);
      expect(cell.format.font.bold).toBe(true);
    });
    expect(sim.usedRange('S')).toBe('S!A1:C5');
  });
});
