import { displayText, interpretEntry, parseTypedText } from './cell-entry';
import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';

const entry = (input: unknown, format = 'General') => interpretEntry(input, format, 'A1');

describe('what Excel stores for a written value', () => {
  it('turns a string beginning with "=" into a formula', () => {
    expect(entry('=SUM(A1:A3)')).toEqual({ kind: 'formula', formula: '=SUM(A1:A3)' });
  });

  it('keeps "=" text as text in a text-formatted ("@") cell', () => {
    expect(entry('=HYPERLINK("http://x","pay")', '@')).toEqual({ kind: 'value', value: '=HYPERLINK("http://x","pay")' });
    expect(entry('+44 Ltd', '@')).toEqual({ kind: 'value', value: '+44 Ltd' });
    expect(entry('0123', '@')).toEqual({ kind: 'value', value: '0123' });
  });

  it('on a host that reads Range.values as documented, takes "=", "+", "-" in a Text cell as a formula and an apostrophe as the quote prefix', () => {
    const documented = (input: string) => interpretEntry(input, '@', 'A1', 'as-documented');
    expect(documented('=HYPERLINK("http://x","pay")')).toEqual({ kind: 'formula', formula: '=HYPERLINK("http://x","pay")' });
    expect(documented('-Dash Couriers')).toEqual({ kind: 'formula', formula: '=-Dash Couriers' });
    expect(documented("'t Hoen BV")).toEqual({ kind: 'value', value: 't Hoen BV' });
    expect(documented('0123')).toEqual({ kind: 'value', value: '0123' });
    expect(documented('@home')).toEqual({ kind: 'value', value: '@home' });
  });

  it.each([
    ['123', 123],
    ['+44', 44],
    ['-12.5', -12.5],
    ['0123', 123],
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    [' 42 ', 42],
    ['1e3', 1000],
    ['(5)', -5],
  ])('reads the numeric-looking string %j as the number %j', (text, number) => {
    expect(entry(text)).toEqual({ kind: 'value', value: number });
  });

  it('reads percentages, booleans and dates as Excel does (en-US host)', () => {
    expect(entry('12%')).toEqual({ kind: 'value', value: 0.12, impliedFormat: '0%' });
    expect(entry('true')).toEqual({ kind: 'value', value: true });
    expect(parseTypedText('2024-03-12')).toEqual({ value: 45363, impliedFormat: 'yyyy-mm-dd' });
    expect(parseTypedText('3/12/2024')).toEqual({ value: 45363, impliedFormat: 'm/d/yyyy' });
  });

  it('keeps locale-shaped and non-numeric strings as text', () => {
    expect(entry('13/03/2024')).toEqual({ kind: 'value', value: '13/03/2024' });
    expect(entry('1,23')).toEqual({ kind: 'value', value: '1,23' });
    expect(entry('LS1 1AA')).toEqual({ kind: 'value', value: 'LS1 1AA' });
    expect(entry('-')).toEqual({ kind: 'value', value: '-' });
  });

  it('treats other strings starting with "+" or "-" as formulas', () => {
    expect(entry('+44 Ltd')).toEqual({ kind: 'formula', formula: '=+44 Ltd' });
    expect(entry('-abc')).toEqual({ kind: 'formula', formula: '=-abc' });
  });

  it('stores text after a leading apostrophe without it', () => {
    expect(entry("'=1+1")).toEqual({ kind: 'value', value: '=1+1' });
    expect(entry("'0123")).toEqual({ kind: 'value', value: '0123' });
  });

  it('leaves a cell unchanged for null and clears it for ""', () => {
    expect(entry(null)).toEqual({ kind: 'unchanged' });
    expect(entry('')).toEqual({ kind: 'clear' });
  });

  it('refuses what a cell cannot hold', () => {
    expect(() => entry(Number.NaN)).toThrow(/not a number/);
    expect(() => entry('x'.repeat(32_768))).toThrow(/32767/);
    expect(() => entry({})).toThrow(/string, number or boolean/);
  });
});

describe('Range.text', () => {
  it.each([
    [1234.5, 'General', '1234.5'],
    [1234.5, '#,##0.00', '1,234.50'],
    [1234.5, '£#,##0', '£1,235'],
    [-1234.5, '[$£-809]#,##0.00', '-£1,234.50'],
    [-5, '#,##0;(#,##0)', '(5)'],
    [0.256, '0.0%', '25.6%'],
    [45363, 'yyyy-mm-dd', '2024-03-12'],
    [45363, 'd mmm yyyy', '12 Mar 2024'],
    [123456789012, 'General', '1.23457E+11'],
    [true, 'General', 'TRUE'],
    ['text', '0.00', 'text'],
  ])('shows %j under %j as %j', (value, format, text) => {
    expect(displayText(value, format)).toBe(text);
  });
});

describe('writing values through the API', () => {
  function simulator() {
    return createExcelSimulator({ sheets: [{ name: 'S', cells: [['keep', 'keep']] }] });
  }

  it('writes "=" strings as formulas unless the cells were text-formatted first', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const text = sheet.getRange('A2:B2');
      text.numberFormat = [['@', '@']];
      text.values = [['=HYPERLINK("http://x","pay")', '+44 Ltd']];
      sheet.getRange('A3:B3').values = [['=HYPERLINK("http://x","pay")', '+44 Ltd']];
      await context.sync();
    });
    expect(sim.formulas('S', 'A2:B3')).toEqual([
      ['=HYPERLINK("http://x","pay")', '+44 Ltd'],
      ['=HYPERLINK("http://x","pay")', '=+44 Ltd'],
    ]);
    expect(sim.values('S', 'A2:B3')).toEqual([
      ['=HYPERLINK("http://x","pay")', '+44 Ltd'],
      ['pay', '#NAME?'],
    ]);
  });

  it('needs the 2-D array to match the range (InvalidArgument)', async () => {
    const sim = simulator();
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['only one']];
      await context.sync();
    }));
    expect(error.code).toBe('InvalidArgument');
    expect(sim.values('S', 'A1:B1')).toEqual([['keep', 'keep']]);
  });

  it('skips null cells in the array and refuses null for the whole property', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, 'new']];
      await context.sync();
    });
    expect(sim.values('S', 'A1:B1')).toEqual([['keep', 'new']]);
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = null as unknown as unknown[][];
      await context.sync();
    }));
    expect(error.code).toBe('InvalidArgument');
  });

  it('applies a single value to every cell of the range', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('C1:D2');
      range.values = 'x' as unknown as unknown[][];
      range.numberFormat = '0.00' as unknown as unknown[][];
      await context.sync();
    });
    expect(sim.values('S', 'C1:D2')).toEqual([['x', 'x'], ['x', 'x']]);
    expect(sim.numberFormats('S', 'C2:D2')).toEqual([['0.00', '0.00']]);
  });

  it('reads empty cells as "" and reports value types', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:D1');
      range.values = [['t', 1.5, true, '']];
      range.load('values, valueTypes, text');
      await context.sync();
      expect(range.values).toEqual([['t', 1.5, true, '']]);
      expect(range.valueTypes).toEqual([['String', 'Double', 'Boolean', 'Empty']]);
      expect(range.text).toEqual([['t', '1.5', 'TRUE', '']]);
    });
  });
});
