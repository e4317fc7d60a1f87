/**
 * The fixed machine-readable outputs: `--results-csv` (exact header, Excel's row numbers, text
 * protected from being taken as a formula) and `--summary-json` (exact shape, figures that agree
 * with the rows).
 */
import * as fs from 'fs';
import * as path from 'path';
import { resultsCsvText, RESULTS_CSV_COLUMNS } from '../../src/cli/results-csv';
import type { RowResult } from '../../src/core/classify';
import { parseCsv } from '../../src/core/csv';
import { CLI_FIXTURES, runIn, temporaryFolder, writeTitledWorkbook } from './cli-harness';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];
const HEADER = 'row,supplier,amount,locality,lad_code,lad_name,basis,influence,reason,supplier_type,supplier_key';

let folder: string;
beforeAll(async () => {
  folder = temporaryFolder('machine');
  fs.copyFileSync(path.join(CLI_FIXTURES, 'council-payments.csv'), path.join(folder, 'payments.csv'));
  await writeTitledWorkbook(path.join(folder, 'april.xlsx'));
});

function readResults(file: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(fs.readFileSync(file, 'utf8'));
  return records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i]])));
}

describe('--results-csv', () => {
  test('a CSV input: the fixed header, each record’s 1-based line (header and blank lines counted), text protected', async () => {
    expect((await runIn(folder, ['payments.csv', ...AREAS, '--results-csv', 'payments-results.csv'])).code).toBe(0);
    const text = fs.readFileSync(path.join(folder, 'payments-results.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe(HEADER);
    const rows = readResults(path.join(folder, 'payments-results.csv'));
    expect(rows.map((r) => r.row)).toEqual(['5', '6', '7', '8', '10', '11', '12', '13', '14', '15']);
    expect(rows.map((r) => r.supplier).slice(6, 9)).toEqual(["'=HYPERLINK(x) Trading Ltd", "'-Minus Design Ltd", "'@Home Care Ltd"]);
    // A credit is a number, never protected.
    expect(rows[7].amount).toBe('-150');
    expect(text).toContain("\r\n13,'-Minus Design Ltd,-150,");
    for (const row of rows) {
      expect(['local', 'wider', 'rest_of_uk', 'outside_uk', 'unknown']).toContain(row.locality);
      expect(['influenceable', 'not_influenceable', 'review']).toContain(row.influence);
    }
    expect(rows[0]).toEqual({
      row: '5',
      supplier: 'Fishergate Cleaning Ltd',
      amount: '1250',
      locality: 'local',
      lad_code: 'E07000123',
      lad_name: 'Preston',
      basis: 'Full postcode PR1 2AA in Preston',
      influence: 'influenceable',
      reason: 'Cleaning',
      supplier_type: 'company',
      supplier_key: 'FISHERGATE CLEANING',
    });
  });

  test('a payment without an amount: placed and judged, its amount empty, in no total, listed in --summary-json', async () => {
    fs.writeFileSync(
      path.join(folder, 'register.csv'),
      'Supplier Name,Supplier Postcode,Expense Type,Value\r\nFishergate Cleaning Ltd,PR1 2AA,Cleaning,1000.00\r\nRibble Roofing Ltd,PR1 2AA,Repairs,-\r\nPreston Print Ltd,PR1 2AA,Printing,\r\n',
    );
    expect((await runIn(folder, ['register.csv', ...AREAS, '--results-csv', 'register-results.csv', '--summary-json', 'register.json'])).code).toBe(0);
    const rows = readResults(path.join(folder, 'register-results.csv'));
    expect(rows.map((r) => [r.row, r.amount, r.locality, r.influence])).toEqual([
      ['2', '1000', 'local', 'influenceable'],
      ['3', '', 'local', 'influenceable'],
      ['4', '', 'local', 'influenceable'],
    ]);
    const json = JSON.parse(fs.readFileSync(path.join(folder, 'register.json'), 'utf8'));
    expect(json.input).toMatchObject({
      dataRows: 1,
      skippedRows: [],
      rowsWithoutAmount: [
        { row: 3, reason: 'amount is "-", not a number' },
        { row: 4, reason: 'amount is blank' },
      ],
    });
    expect(json.totals).toEqual({ spend: 1000, rows: 1, suppliers: 1 });
  });

  test('an .xlsx input: the row numbers Excel shows, past title lines and a blank row', async () => {
    expect((await runIn(folder, ['april.xlsx', ...AREAS, '--results-csv', 'april-results.csv'])).code).toBe(0);
    const rows = readResults(path.join(folder, 'april-results.csv'));
    expect(rows.map((r) => [r.row, r.supplier])).toEqual([
      ['5', 'Fishergate Cleaning Ltd'],
      ['6', 'Ribble Roofing Ltd'],
      ['7', 'Lancashire County Council'],
      ['8', 'Blackpool Coaches Ltd'],
      ['10', 'Manchester Legal LLP'],
      ['11', 'EDF Energy Customers Ltd'],
      ['12', 'Fishergate Cleaning Limited'],
    ]);
    expect(rows[4].amount).toBe('2300.25');
  });

  test('text starting with = + - @ tab or CR gets an apostrophe; numbers and other text do not', () => {
    const result: RowResult = {
      id: 0,
      locality: 'unknown',
      districtLabel: '',
      basis: '\tTabbed basis',
      coverage: 'unknown',
      influence: 'review',
      reason: '\rCR reason',
      coop: false,
      supplierType: 'company',
      supplierKey: '+PLUS',
    };
    const text = resultsCsvText([{ row: 2, supplier: '@Home Ltd', amount: -5 }], [result], () => '', true);
    const [header, line] = parseCsv(text);
    expect(header).toEqual([...RESULTS_CSV_COLUMNS, 'source']);
    expect(line).toEqual(['2', "'@Home Ltd", '-5', 'unknown', '', '', "'\tTabbed basis", 'review', "'\rCR reason", 'company', "'+PLUS", '']);
  });
});

describe('--summary-json', () => {
  test('the shape the README documents, with figures that agree with the rows', async () => {
    expect((await runIn(folder, ['payments.csv', ...AREAS, '--results-csv', 'r.csv', '--summary-json', 's.json', '--out', 's.xlsx'])).code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(folder, 's.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['input', 'columns', 'areas', 'totals', 'locality', 'influence', 'shares', 'leakage', 'coverage']));
    expect(json.input).toEqual({
      file: 'payments.csv',
      sheet: 'payments',
      headerRow: 4,
      dataRows: 10,
      skippedRows: [{ row: 16, reason: 'total or subtotal row' }],
      rowsWithoutAmount: [],
    });
    expect(json.columns).toEqual({
      supplier: 'Supplier Name',
      amount: 'Net Amount',
      postcode: 'Supplier Postcode',
      address: null,
      category: 'Expense Type',
      categoryGroup: null,
      description: null,
      serviceArea: null,
      institution: null,
      date: 'Payment Date',
    });
    expect(json.areas.local).toEqual({ name: 'Preston', districts: ['E07000123'] });
    expect(json.areas.wider.name).toBe('Lancashire');
    expect(json.areas.wider.districts).toHaveLength(12);
    expect(Object.keys(json.locality)).toEqual(['local', 'wider', 'rest_of_uk', 'outside_uk', 'unknown']);
    expect(Object.keys(json.influence)).toEqual(['influenceable', 'not_influenceable', 'review']);
    expect(Object.keys(json.shares)).toEqual(['local', 'widerIncludingLocal', 'unknown']);
    expect(Object.keys(json.leakage)).toEqual(['spend', 'influenceableSpend']);

    // Every figure again, from the results CSV.
    const rows = readResults(path.join(folder, 'r.csv'));
    const pence = (rs: typeof rows) => rs.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0);
    const tally = (rs: typeof rows) => ({ spend: pence(rs) / 100, rows: rs.length, suppliers: new Set(rs.map((r) => r.supplier_key)).size });
    expect(json.totals).toEqual(tally(rows));
    for (const code of Object.keys(json.locality)) expect(json.locality[code]).toEqual(tally(rows.filter((r) => r.locality === code)));
    for (const code of Object.keys(json.influence)) expect(json.influence[code]).toEqual(tally(rows.filter((r) => r.influence === code)));
    const leaked = rows.filter((r) => r.locality === 'rest_of_uk' || r.locality === 'outside_uk');
    expect(json.leakage).toEqual({ spend: pence(leaked) / 100, influenceableSpend: pence(leaked.filter((r) => r.influence === 'influenceable')) / 100 });
    const total = pence(rows);
    expect(json.shares.local).toBeCloseTo(pence(rows.filter((r) => r.locality === 'local')) / total, 12);
    expect(json.shares.widerIncludingLocal).toBeCloseTo(pence(rows.filter((r) => r.locality === 'local' || r.locality === 'wider')) / total, 12);
    expect(json.shares.unknown).toBeCloseTo(pence(rows.filter((r) => r.locality === 'unknown')) / total, 12);
    const coverage = Object.values(json.coverage as Record<string, number>).reduce((a, b) => a + Math.round(b * 100), 0);
    expect(coverage).toBe(total);
    expect(json.coverage.exact_postcode).toBe(1250 + 4800 + 45000 + 975.5 + 2300 + 9100);
  });
});
