/**
 * Corrections are never lost: the same command run again over an output that holds an earlier
 * analysis carries what the user typed there (the Suppliers, Rules and Local register sheets, and
 * the row overrides of payments that have not changed) into the new output, and says so. A
 * workbook there that holds no analysis is never overwritten.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { filesIn, PROJECT_ROOT, readCsvLines, runIn, temporaryFolder, workbookCells } from './cli-harness';

const COMMAND = ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire (ceremonial county)', '--results-csv', 'rows.csv'];

/** The Rules sheet's rules after the user added one: the default rules and theirs. */
const DEFAULT_RULES = fs.readFileSync(path.join(PROJECT_ROOT, 'rules', 'default-rules.csv'), 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '').length - 1;
const RULES_CARRIED = DEFAULT_RULES + 1;
const CARRIED = `Carried from the earlier spend-baseline.xlsx: Suppliers sheet 4 lines (1 with your corrections), Rules sheet ${RULES_CARRIED} rules, Local register 1 entry, Re-spend survey 1 supplier, 1 row override.`;

function writeSpend(folder: string, lines: string[]): void {
  fs.writeFileSync(path.join(folder, 'spend.csv'), `${['Supplier Name,Supplier Postcode,Expense Type,Net Amount', ...lines].join('\r\n')}\r\n`);
}

const SPEND = [
  'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,1250.00',
  'Acme Stationery Ltd,,Stationery,300.00',
  'Blue Sky Consulting,,Consultancy,2000.00',
  'Northern Print Ltd,,Printing,950.00',
];

/** The cell under a header on a sheet's first row, for a row found by its value in column A. */
function cellOf(sheet: ExcelJS.Worksheet, header: string, supplier: string, headerRow = 1): ExcelJS.Cell {
  let column = 0;
  sheet.getRow(headerRow).eachCell((cell, c) => {
    if (cell.value === header) column = c;
  });
  let row = 0;
  sheet.eachRow((r, n) => {
    if (n > headerRow && r.getCell(1).value === supplier) row = n;
  });
  expect([header, supplier, column > 0 && row > 0]).toEqual([header, supplier, true]);
  return sheet.getCell(row, column);
}

describe('the same command run again over its own output', () => {
  let folder: string;
  let second: Awaited<ReturnType<typeof runIn>>;
  beforeAll(async () => {
    folder = temporaryFolder('corrections');
    writeSpend(folder, SPEND);
    expect((await runIn(folder, COMMAND)).code).toBe(0);

    // The user types corrections into the output, as in Excel.
    const file = path.join(folder, 'spend-baseline.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const suppliers = workbook.getWorksheet('Suppliers')!;
    let keyColumn = 0;
    suppliers.getRow(1).eachCell((cell, c) => {
      if (cell.value === 'Supplier name') keyColumn = c;
    });
    suppliers.eachRow((row, n) => {
      if (n > 1 && row.getCell(keyColumn).value === 'Acme Stationery Ltd') {
        row.getCell(keyColumn + 3).value = 'PR1 2AA';
        row.getCell(keyColumn + 8).value = 'Our usual stationer';
      }
    });
    const data = workbook.getWorksheet('spend')!;
    cellOf(data, 'Locality override', 'Blue Sky Consulting').value = 'Local';
    cellOf(data, 'Influence override', 'Northern Print Ltd').value = 'no';
    const rules = workbook.getWorksheet('Rules')!;
    rules.addRow([1, 'supplier', 'phrase', 'Blue Sky Consulting', '', 'not_influenceable', 'Shared service with the county', 'no']);
    workbook.getWorksheet('Local register')!.addRow(['Avenham Printers', 'PR1 2AB', 'Printing', 'yes', '', '']);
    await workbook.xlsx.writeFile(file);

    // Next month's file: Northern Print's payment has changed.
    writeSpend(folder, [...SPEND.slice(0, 3), 'Northern Print Ltd,,Printing,975.00']);
    second = await runIn(folder, COMMAND);
  });

  test('the console says what was carried, and lists the override that was not', () => {
    expect(second.code).toBe(0);
    const written = second.out.indexOf('Written: spend-baseline.xlsx');
    expect(second.out.slice(written - 4, written + 1)).toEqual([
      CARRIED,
      '1 row override not carried, its payment not being as it was:',
      '  spend row 5 (Northern Print Ltd, £950.00): Influence override "no"; now Northern Print Ltd, £975.00',
      '',
      'Written: spend-baseline.xlsx',
    ]);
  });

  test('the corrections are in the new output and decide the rows', async () => {
    const sheets = await workbookCells(path.join(folder, 'spend-baseline.xlsx'));
    const values = (sheet: string) => [...sheets.get(sheet)!.cells.values()].map((c) => c.value);
    expect(values('Suppliers')).toEqual(expect.arrayContaining(['PR1 2AA', 'Our usual stationer']));
    expect(values('Rules')).toContain('Shared service with the county');
    expect(values('Local register')).toContain('Avenham Printers');
    const rows = readCsvLines(path.join(folder, 'rows.csv')).slice(1).map((line) => line.split(','));
    // Acme by its postcode on the Suppliers sheet; Blue Sky by the override carried to its row and by the user's rule.
    expect(rows.map((row) => [row[1], row[3], row[7]])).toEqual([
      ['Fishergate Cleaning Ltd', 'local', 'influenceable'],
      ['Acme Stationery Ltd', 'local', 'influenceable'],
      ['Blue Sky Consulting', 'local', 'not_influenceable'],
      ['Northern Print Ltd', 'unknown', 'influenceable'],
    ]);
    const data = sheets.get('spend')!.cells;
    const header = [...data].find(([, cell]) => cell.value === 'Locality override')![0];
    expect(data.get(`${header.replace(/\d+$/, '')}4`)?.value).toBe('Local');
  });

  test('run once more, the same corrections are carried again and nothing else changes', async () => {
    const again = await runIn(folder, COMMAND);
    expect(again.code).toBe(0);
    expect(again.out[again.out.indexOf('Written: spend-baseline.xlsx') - 2]).toBe(CARRIED);
  });
});

test('a workbook that holds no analysis is never overwritten: one line, status 2', async () => {
  const folder = temporaryFolder('not-ours');
  writeSpend(folder, SPEND);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Budget').getCell('A1').value = 'My own budget';
  await workbook.xlsx.writeFile(path.join(folder, 'spend-baseline.xlsx'));
  const before = fs.readFileSync(path.join(folder, 'spend-baseline.xlsx'));
  const run = await runIn(folder, COMMAND);
  expect(run.code).toBe(2);
  expect(run.err).toEqual([
    'local-spend-baseline: The output spend-baseline.xlsx is there already and holds no analysis by local-spend-baseline; name another file with --out, or move it away (it is not overwritten).',
  ]);
  expect(fs.readFileSync(path.join(folder, 'spend-baseline.xlsx'))).toEqual(before);
  expect(filesIn(folder)).toEqual(['spend-baseline.xlsx', 'spend.csv']);
});
