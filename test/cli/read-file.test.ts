import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import { readSpendFile } from '../../src/cli/read-file';
import { BaselineError } from '../../src/core/errors';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'input');
const fixture = (name: string) => path.join(FIXTURES, name);

let tempDir: string;
beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-file-'));
});
afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('readSpendFile: CSV', () => {
  test('a CSV is one sheet named after the file, padded to a rectangle', async () => {
    const file = await readSpendFile(fixture('title-lines.csv'));
    expect(file.file).toBe(fixture('title-lines.csv'));
    expect(file.sheets.map((sheet) => sheet.name)).toEqual(['title-lines']);
    const grid = await file.sheets[0].grid();
    expect(grid[0]).toEqual(['Preston City Council', '', '', '', '']);
    expect(grid[1][0]).toBe('Payments to suppliers over £500');
    expect(grid[4]).toEqual(['Supplier Name', 'Supplier Postcode', 'Expense Type', 'Payment Date', 'Net Amount']);
    expect(grid[5][4]).toBe('1,250.00');
  });

  test('Windows-1252 with CR-only line ends', async () => {
    const grid = await (await readSpendFile(fixture('cp1252-cr.csv'))).sheets[0].grid();
    expect(grid).toHaveLength(3);
    expect(grid[0][6]).toBe('Net Amount(£)');
    expect(grid[2][2]).toBe('WING & STEP £40 OFF');
  });

  test('semicolon delimited UTF-8 with a byte-order mark', async () => {
    const grid = await (await readSpendFile(fixture('semicolon-bom.csv'))).sheets[0].grid();
    expect(grid[0][0]).toBe('Vendor Name');
    expect(grid[2]).toEqual(['Smith; Jones & Co', 'BB5 1AA', 'Legal Fees', '2024-04-03', '£1,000.00', '£1,200.00']);
  });

  test('tab delimited, in a file named .csv', async () => {
    const grid = await (await readSpendFile(fixture('tab.csv'))).sheets[0].grid();
    expect(grid[1]).toEqual(['Acme, Ltd', '-£5', '15 June 2023', 'Refund, part']);
  });

  test("Excel's sep= line sets the delimiter and is not a row, as in Excel", async () => {
    const file = path.join(tempDir, 'sep.csv');
    fs.writeFileSync(file, 'sep=;\r\nSupplier;Amount\r\nAcme, Ltd;5,00\r\n');
    expect(await (await readSpendFile(file)).sheets[0].grid()).toEqual([
      ['Supplier', 'Amount'],
      ['Acme, Ltd', '5,00'],
    ]);
  });

  test('a gzip-compressed .csv.gz is read as the CSV inside it, one sheet named without ".csv.gz"', async () => {
    const file = path.join(tempDir, 'spend 2021-22.CSV.gz');
    fs.writeFileSync(file, zlib.gzipSync(Buffer.from('Supplier,Amount\r\nCaf\xe9 Ltd,-3.46945E-18\r\n', 'latin1')));
    const read = await readSpendFile(file);
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(['spend 2021-22']);
    expect(await read.sheets[0].grid()).toEqual([
      ['Supplier', 'Amount'],
      ['Café Ltd', '-3.46945E-18'],
    ]);
  });

  test('blank interleaved columns are kept where they are', async () => {
    const grid = await (await readSpendFile(fixture('interleaved-blank-columns.csv'))).sheets[0].grid();
    expect(grid[0]).toHaveLength(17);
    expect(grid[1][11]).toBe('Rhea Projects');
    expect(grid[1][12]).toBe('');
  });
});

describe('readSpendFile: xlsx', () => {
  test('every sheet, with values as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const payments = workbook.addWorksheet('Payments');
    payments.getCell('A1').value = 'Spend over £500';
    payments.addRow([]);
    payments.getRow(3).values = ['Supplier', 'Amount', 'Paid on', 'SME', 'Check', 'Note'];
    payments.getRow(4).values = [
      { richText: [{ text: 'Acme ' }, { text: 'Ltd', font: { bold: true } }] },
      1234.56,
      new Date(Date.UTC(2024, 3, 14)),
      true,
      { formula: 'B4*2', result: 2469.12 },
      { text: 'site', hyperlink: 'https://example.org' },
    ];
    payments.getCell('C4').numFmt = 'dd/mm/yyyy';
    payments.getRow(6).values = ['Beta Ltd', { formula: 'NA()', result: { error: '#N/A' } }, null, false];
    const hidden = workbook.addWorksheet('Settings', { state: 'veryHidden' });
    hidden.getCell('B2').value = 'x';
    const file = path.join(tempDir, 'payments.xlsx');
    await workbook.xlsx.writeFile(file);

    const read = await readSpendFile(file);
    expect(read.sheets.map(({ name, state }) => ({ name, state }))).toEqual([
      { name: 'Payments', state: 'visible' },
      { name: 'Settings', state: 'veryHidden' },
    ]);
    const grid = await read.sheets[0].grid();
    expect(grid).toEqual([
      ['Spend over £500', null, null, null, null, null],
      [null, null, null, null, null, null],
      ['Supplier', 'Amount', 'Paid on', 'SME', 'Check', 'Note'],
      ['Acme Ltd', 1234.56, 45396, true, 2469.12, 'site'],
      [null, null, null, null, null, null],
      ['Beta Ltd', '#N/A', null, false, null, null],
    ]);
    expect(await read.sheets[1].grid()).toEqual([
      [null, null],
      [null, 'x'],
    ]);
  });
});

describe('readSpendFile: xlsx dates', () => {
  test('a workbook in the 1904 date system gives its dates as the 1900 serials Excel shows, and its numbers as they are', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Payments');
    sheet.addRow(['Paid on', 'Amount']);
    sheet.addRow([new Date(Date.UTC(2024, 3, 14)), 1234.56]);
    sheet.getCell('A2').numFmt = 'dd/mm/yyyy';
    const file = path.join(tempDir, 'mac-1904.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await (await readSpendFile(file)).sheets[0].grid()).toEqual([
      ['Paid on', 'Amount'],
      [45396, 1234.56],
    ]);
  });
});

describe('readSpendFile: unreadable files', () => {
  async function messageOf(file: string): Promise<string> {
    try {
      await readSpendFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(BaselineError);
      expect((error as BaselineError).code).toBe('file-unreadable');
      return (error as Error).message;
    }
    throw new Error(`${file} was read`);
  }

  test('each gives one line naming the file', async () => {
    const notAWorkbook = path.join(tempDir, 'broken.xlsx');
    fs.writeFileSync(notAWorkbook, 'Supplier,Amount\n');
    const folder = path.join(tempDir, 'folder.csv');
    fs.mkdirSync(folder);
    const notGzip = path.join(tempDir, 'plain.csv.gz');
    fs.writeFileSync(notGzip, 'Supplier,Amount\n');
    const messages = [
      await messageOf(path.join(tempDir, 'missing.csv')),
      await messageOf(folder),
      await messageOf(notAWorkbook),
      await messageOf(path.join(tempDir, 'old.xls')),
      await messageOf(path.join(tempDir, 'notes.pdf')),
      await messageOf(notGzip),
    ];
    expect(messages[0]).toBe(`Cannot read ${JSON.stringify(path.join(tempDir, 'missing.csv'))}: no such file`);
    expect(messages[1]).toMatch(/folder\.csv": it is a folder, not a file$/);
    expect(messages[2]).toMatch(/broken\.xlsx": not a readable \.xlsx workbook \(.+\)$/);
    expect(messages[3]).toMatch(/old\.xls": it is an old-format \.xls workbook; open it in Excel and save it as \.xlsx or \.csv$/);
    expect(messages[4]).toMatch(/notes\.pdf": only \.csv, \.csv\.gz and \.xlsx files can be read$/);
    expect(messages[5]).toMatch(/plain\.csv\.gz": not a readable gzip file \(.+\)$/);
    for (const message of messages) expect(message).not.toContain('\n');
  });
});
