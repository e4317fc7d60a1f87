/**
 * The command's options over small hand-made files: several inputs and folders combined into one
 * analysis, payment dates, the creditor file, the local register, the user's rules, the online
 * lookup (against a local stand-in, never the internet), and the user's overrides.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import { STATE_SHEET, stateFromCells } from '../../src/core/settings';
import { startPostcodesIoStandin, type Standin } from '../support/postcodes-io-standin';
import { readCsvLines, runIn, temporaryFolder, workbookCells } from './cli-harness';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];
const HEADER = 'Supplier Name,Supplier Postcode,Expense Type,Payment Date,Net Amount';

function write(folder: string, name: string, lines: string[]): void {
  fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
  fs.writeFileSync(path.join(folder, name), `${lines.join('\r\n')}\r\n`);
}

function fields(line: string): string[] {
  return line.split(',');
}

describe('several inputs and folders', () => {
  let folder: string;
  beforeAll(() => {
    folder = temporaryFolder('several');
    write(folder, 'months/month-2.csv', [HEADER, 'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,03/05/2024,100.00', 'Blackpool Coaches Ltd,FY1 1AA,Transport,04/05/2024,20.00']);
    // Published as the portals publish large files: compressed.
    fs.mkdirSync(path.join(folder, 'months'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'months', 'month-10.csv.gz'), zlib.gzipSync('Payee;Amount Paid;Date\r\nManchester Legal LLP;3.00;09/01/2025\r\n'));
    write(folder, 'months/month-1.csv', [HEADER, 'Fishergate Cleaning Limited,,Cleaning Services,03/04/2024,1000.00']);
    fs.writeFileSync(path.join(folder, 'months', 'read-me.txt'), 'not spend');
  });

  test('files given together are one analysis, with a source column', async () => {
    const run = await runIn(folder, ['months/month-1.csv', 'months/month-2.csv', ...AREAS, '--out', 'two.xlsx', '--results-csv', 'two.csv']);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('Spend baseline: 3 payments, 2 suppliers');
    const lines = readCsvLines(path.join(folder, 'two.csv'));
    expect(lines[0]).toBe('row,supplier,amount,locality,lad_code,lad_name,basis,influence,reason,supplier_type,supplier_key,source');
    expect(lines.slice(1).map((line) => [fields(line)[0], fields(line)[1], fields(line).at(-1)])).toEqual([
      ['2', 'Fishergate Cleaning Limited', 'month-1.csv'],
      ['2', 'Fishergate Cleaning Ltd', 'month-2.csv'],
      ['3', 'Blackpool Coaches Ltd', 'month-2.csv'],
    ]);
    // One supplier across both files: month 1's payment takes its postcode from month 2's.
    expect(fields(lines[1])[3]).toBe('local');
    const sheets = await workbookCells(path.join(folder, 'two.xlsx'));
    expect([...sheets.keys()].slice(0, 2)).toEqual(['month-1.csv', 'month-2.csv']);
    expect(sheets.get('Analysis data')!.cells.get('A2')?.value).toBe('month-1.csv');

    // Analysed again, the combined copy gives the same rows from the same sources.
    expect((await runIn(folder, ['two.xlsx', '--out', 'two-again.xlsx', '--results-csv', 'two-again.csv'])).code).toBe(0);
    expect(readCsvLines(path.join(folder, 'two-again.csv'))).toEqual(lines);
  });

  test('a folder is its .csv, .csv.gz and .xlsx files in name order, each mapped on its own', async () => {
    const run = await runIn(folder, ['months', ...AREAS, '--out', 'year.xlsx', '--results-csv', 'year.csv', '--summary-json', 'year.json']);
    expect(run.code).toBe(0);
    const sources = readCsvLines(path.join(folder, 'year.csv')).slice(1).map((line) => fields(line).at(-1));
    expect(sources).toEqual(['month-1.csv', 'month-2.csv', 'month-2.csv', 'month-10.csv.gz']);
    const json = JSON.parse(fs.readFileSync(path.join(folder, 'year.json'), 'utf8'));
    expect(json.totals).toEqual({ spend: 1123, rows: 4, suppliers: 3 });
    expect(json.inputs.map((input: { file: string; dataRows: number }) => [input.file, input.dataRows])).toEqual([
      ['month-1.csv', 1],
      ['month-2.csv', 2],
      ['month-10.csv.gz', 1],
    ]);
  });

  test('a .csv.gz given alone is read as its CSV, and the copy is named without ".csv"', async () => {
    const run = await runIn(folder, ['months/month-10.csv.gz', ...AREAS]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('Spend baseline: 1 payment, 1 supplier');
    expect(fs.existsSync(path.join(folder, 'month-10-baseline.xlsx'))).toBe(true);
  });

  test('--from and --to keep the payments dated within them; the rest are reported as skipped', async () => {
    const run = await runIn(folder, ['months', ...AREAS, '--from', '2024-05-01', '--to', '31/12/2024', '--out', 'may.xlsx', '--summary-json', 'may.json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(folder, 'may.json'), 'utf8'));
    expect(json.totals).toEqual({ spend: 120, rows: 2, suppliers: 2 });
    const skipped = json.inputs.flatMap((input: { file: string; skippedRows: { row: number; reason: string }[] }) => input.skippedRows.map((s) => `${input.file} row ${s.row}: ${s.reason}`));
    expect(skipped).toEqual(['month-1.csv row 2: paid before --from', 'month-10.csv.gz row 2: paid after --to']);
  });
});

describe('suppliers: the creditor file and the local register', () => {
  let folder: string;
  beforeAll(() => {
    folder = temporaryFolder('creditors');
    write(folder, 'spend.csv', [
      'Supplier ID,Supplier Name,Expense Type,Net Amount',
      'V100,Ribble Roofing,Building Repairs & Maintenance,500.00',
      'V200,Kingfisher Catering Ltd,Catering,250.00',
      'V300,Moor Park Printers Ltd,Printing,75.00',
    ]);
    write(folder, 'creditors.csv', [
      'Vendor No,Vendor Name,Address,Postcode',
      // Joined by id although the name is written differently.
      'V100,RIBBLE ROOFING & BUILDING LIMITED,"1 Church St, Leyland",PR25 1AA',
      // No id in common: joined by the supplier key.
      'X999,Kingfisher Catering Limited,"2 Bank St, Manchester",M1 1AE',
    ]);
    write(folder, 'register.csv', ['Name,Postcode,Categories,SME,VCSE,Co-operative', 'Avenham Caterers Co-op,PR1 2AB,Catering; events,yes,,yes', 'Far Away Caterers,M1 1AE,Catering,yes,,']);
  });

  test('--creditors gives postcodes by supplier id, else by key, and says so in the basis', async () => {
    const run = await runIn(folder, ['spend.csv', ...AREAS, '--creditors', 'creditors.csv', '--register', 'register.csv', '--results-csv', 'r.csv']);
    expect(run.code).toBe(0);
    const rows = readCsvLines(path.join(folder, 'r.csv')).slice(1);
    expect(rows[0]).toMatch(/^2,Ribble Roofing,500,wider,E07000126,South Ribble,Creditor file: Full postcode PR25 1AA in South Ribble,/);
    expect(rows[1]).toMatch(/^3,Kingfisher Catering Ltd,250,rest_of_uk,E08000003,Manchester,Creditor file: Full postcode M1 1AE in Manchester,/);
    expect(rows[2]).toMatch(/^4,Moor Park Printers Ltd,75,unknown,,,No postcode for this payment or its supplier,/);

    const sheets = await workbookCells(path.join(folder, 'spend-baseline.xlsx'));
    const suppliers = sheets.get('Suppliers')!.cells;
    expect(suppliers.get('E2')?.value).toBe('PR25 1AA');
    expect(suppliers.get('F2')?.value).toBe('creditor file');
    // The register is kept as given, and its local caterer offered where catering leaks.
    expect(sheets.get('Local register')!.cells.get('A2')?.value).toBe('Avenham Caterers Co-op');
    const opportunities = [...sheets.get('Opportunities')!.cells.values()].map((c) => c.value);
    expect(opportunities).toContain('Avenham Caterers Co-op (PR1 2AB; Local (Preston); SME, co-operative): "Catering"');
    expect(opportunities.some((v) => typeof v === 'string' && v.includes('Far Away Caterers ('))).toBe(false);
    expect(opportunities).toContain('Far Away Caterers');
  });
});

describe('--rules', () => {
  test("the user's rules decide, and are what the Rules sheet holds", async () => {
    const folder = temporaryFolder('rules');
    write(folder, 'spend.csv', [HEADER, 'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,03/04/2024,100.00', 'Unmatched Thing Ltd,PR1 2AA,Sundries,03/04/2024,5.00']);
    write(folder, 'our-rules.csv', ['priority,field,match,value,verdict,reason,coop', '10,category,words,cleaning,not_influenceable,Cleaning is in-house from next year,no']);
    const run = await runIn(folder, ['spend.csv', ...AREAS, '--rules', 'our-rules.csv', '--results-csv', 'r.csv']);
    expect(run.code).toBe(0);
    const rows = readCsvLines(path.join(folder, 'r.csv')).slice(1);
    expect(rows[0]).toContain(',not_influenceable,Cleaning is in-house from next year,');
    expect(fields(rows[1])[7]).toBe('review');
    const sheets = await workbookCells(path.join(folder, 'spend-baseline.xlsx'));
    expect(sheets.get('Rules')!.cells.get('G2')?.value).toBe('Cleaning is in-house from next year');
    expect(sheets.get('Rules')!.cells.has('A3')).toBe(false);
  });
});

describe('--online, against a local stand-in for postcodes.io', () => {
  let standin: Standin;
  beforeAll(async () => {
    standin = await startPostcodesIoStandin({ 'LS1 4AP': { district: 'E08000035', districtName: 'Leeds', country: 'England' } });
  });
  afterAll(() => standin.close());

  test('asks only for what the pack cannot answer, caches it in the workbook, and a re-run is offline and identical', async () => {
    const folder = temporaryFolder('online');
    write(folder, 'spend.csv', [HEADER, 'Leeds Surveyors Ltd,LS1 4AP,Surveys,03/04/2024,900.00', 'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,03/04/2024,100.00', 'Nowhere Ltd,LS2 9ZZ,Surveys,03/04/2024,1.00']);
    const run = await runIn(folder, ['spend.csv', ...AREAS, '--online', '--results-csv', 'r.csv'], { onlineBaseUrl: standin.baseUrl });
    expect(run.code).toBe(0);
    expect(standin.requests).toEqual([['LS1 4AP', 'LS2 9ZZ']]);
    const rows = readCsvLines(path.join(folder, 'r.csv')).slice(1);
    expect(rows[0]).toMatch(/^2,Leeds Surveyors Ltd,900,rest_of_uk,E08000035,Leeds,Online lookup \(postcodes\.io\): LS1 4AP in Leeds,/);
    expect(fields(rows[2])[3]).toBe('unknown');

    // The workbook keeps the answers for its own postcodes, not the rest of the user's cache.
    const userCache = JSON.parse(fs.readFileSync(path.join(folder, 'lookup-cache.json'), 'utf8'));
    expect(Object.keys(userCache.answers)).toEqual(['LS1 4AP', 'LS2 9ZZ']);
    fs.writeFileSync(path.join(folder, 'shared-cache.json'), JSON.stringify({ ...userCache, answers: { ...userCache.answers, 'SW1A 1AA': { district: 'E09000033', districtName: 'Westminster' } } }));
    expect((await runIn(folder, ['spend.csv', ...AREAS, '--cache', 'shared-cache.json', '--out', 'private.xlsx'])).code).toBe(0);
    const state = stateFromCells([...(await workbookCells(path.join(folder, 'private.xlsx'))).get(STATE_SHEET)!.cells.values()].map((c) => String(c.value)));
    expect(Object.keys(state.onlineCache)).toEqual(['LS1 4AP', 'LS2 9ZZ']);

    // Offline now, with no user cache: the workbook's own cache answers.
    const again = await runIn(folder, ['spend-baseline.xlsx', '--out', 'again.xlsx', '--results-csv', 'again.csv', '--cache', 'elsewhere.json'], { onlineBaseUrl: 'http://127.0.0.1:9' });
    expect(again.code).toBe(0);
    expect(standin.requests).toHaveLength(1);
    expect(readCsvLines(path.join(folder, 'again.csv'))).toEqual(readCsvLines(path.join(folder, 'r.csv')));
  });
});

describe('overrides', () => {
  let folder: string;
  beforeAll(() => {
    folder = temporaryFolder('overrides');
    write(folder, 'spend.csv', [
      `${HEADER},Locality override,Influence override`,
      'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,03/04/2024,100.00,Rest of UK,no',
      'Manchester Legal LLP,M1 1AE,Legal Fees,09/04/2024,200.00,South Ribble,',
      'Blackpool Coaches Ltd,FY1 1AA,Transport,08/04/2024,300.00,somewhere nice,maybe',
      'EDF Energy Customers Ltd,M3 5AB,Electricity,10/04/2024,400.00,,',
    ]);
  });

  test('row overrides win, are carried into the output, and one that cannot be understood is reported with its cell and ignored', async () => {
    const run = await runIn(folder, ['spend.csv', ...AREAS, '--results-csv', 'r.csv']);
    expect(run.code).toBe(0);
    expect(run.err.filter((line) => line.startsWith('warning:'))).toEqual([
      'warning: spend!F4: "somewhere nice" is not a locality (local, wider, rest of UK, outside UK, unknown), a district or a full postcode; ignored',
      'warning: spend!G4: "maybe" is not influenceable, not influenceable, review, yes or no; ignored',
    ]);
    const rows = readCsvLines(path.join(folder, 'r.csv')).slice(1).map(fields);
    expect([rows[0][3], rows[0][6], rows[0][7], rows[0][8]]).toEqual(['rest_of_uk', 'Row override', 'not_influenceable', 'Row override']);
    expect([rows[1][3], rows[1][4], rows[1][7]]).toEqual(['wider', 'E07000126', 'influenceable']);
    expect([rows[2][3], rows[2][7]]).toEqual(['rest_of_uk', 'influenceable']);

    const sheets = await workbookCells(path.join(folder, 'spend-baseline.xlsx'));
    const data = sheets.get('spend')!.cells;
    // The user's columns stay where they were; the copy's own override columns carry the values.
    expect(data.get('F2')?.value).toBe('Rest of UK');
    const header = [...data].filter(([address]) => /^[A-Z]+1$/.test(address)).map(([, cell]) => cell.value);
    const overrideColumn = header.indexOf('Locality override', 7);
    expect(overrideColumn).toBeGreaterThan(6);
    const method = [...sheets.get('Method')!.cells.values()].map((c) => c.value);
    expect(method).toContain('spend!F4');
  });

  test('overrides typed into the copy, per row and on the Suppliers sheet, win on the next run', async () => {
    const first = await runIn(folder, ['spend.csv', ...AREAS, '--out', 'first.xlsx']);
    expect(first.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, 'first.xlsx'));
    const data = workbook.getWorksheet('spend')!;
    const headers = (data.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const rowOverride = headers.lastIndexOf('Locality override');
    const rowInfluence = headers.lastIndexOf('Influence override');
    // EDF's row (5): local by the user's word, and reviewable.
    data.getRow(5).getCell(rowOverride).value = 'local';
    data.getRow(5).getCell(rowInfluence).value = 'review';
    const suppliers = workbook.getWorksheet('Suppliers')!;
    const supplierHeaders = (suppliers.getRow(1).values as ExcelJS.CellValue[]).map(String);
    suppliers.eachRow((row) => {
      if (row.getCell(supplierHeaders.indexOf('Supplier name')).value === 'Manchester Legal LLP') {
        row.getCell(supplierHeaders.indexOf('Influence override')).value = 'Not influenceable';
        row.getCell(supplierHeaders.indexOf('Notes')).value = 'Framework call-off';
      }
    });
    await workbook.xlsx.writeFile(path.join(folder, 'edited.xlsx'));

    const second = await runIn(folder, ['edited.xlsx', '--out', 'second.xlsx', '--results-csv', 'second.csv']);
    expect(second.code).toBe(0);
    const rows = readCsvLines(path.join(folder, 'second.csv')).slice(1).map(fields);
    expect([rows[3][1], rows[3][3], rows[3][6], rows[3][7]]).toEqual(['EDF Energy Customers Ltd', 'local', 'Row override', 'review']);
    // The row's own locality override (South Ribble) still wins; the supplier's influence override applies.
    expect([rows[1][3], rows[1][7], rows[1][8]]).toEqual(['wider', 'not_influenceable', 'Supplier override (Suppliers sheet)']);
    const sheets = await workbookCells(path.join(folder, 'second.xlsx'));
    const notes = [...sheets.get('Suppliers')!.cells.values()].map((c) => c.value);
    expect(notes).toContain('Framework call-off');
  });
});
