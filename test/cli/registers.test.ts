/**
 * The command with the public registers: a spend file with no postcodes and Companies House's
 * download (and the charity register's). Every supplier whose normalised name matches exactly
 * one organisation lands in its registered office's district; none lands in a wrong district
 * through a look-alike; ambiguous ones are unknown with their candidates listed.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/core/csv';
import { buildRegisterPack } from '../../src/registers/pack-builder';
import { registerFixture } from '../support/register-fixtures';
import { writeFixtureFiles } from '../registers/fixture-files';
import { runIn, temporaryFolder } from './cli-harness';

const fixture = registerFixture();
/** The suppliers a council's published spend would name, with no postcode or address. */
const suppliers = fixture.cases.map((c) => c.supplier);

function writeSpend(folder: string): void {
  const lines = ['Supplier Name,Expense Type,Net Amount', ...suppliers.map((name, i) => `"${name}",Repairs,${100 * (i + 1)}`)];
  fs.writeFileSync(path.join(folder, 'spend.csv'), `${lines.join('\n')}\n`);
}

/** The results CSV by supplier: locality, district code and basis. */
function results(folder: string): Map<string, { locality: string; lad: string; basis: string }> {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(folder, 'rows.csv'), 'utf8'));
  const at = (name: string) => header.indexOf(name);
  return new Map(rows.filter((row) => row.length > 1).map((row) => [row[at('supplier')], { locality: row[at('locality')], lad: row[at('lad_code')], basis: row[at('basis')] }]));
}

/** The district each fixture postcode is in, as the test geography pack has it (undefined: not in the pack). */
const DISTRICT: Record<string, string | undefined> = {
  'PR1 2HE': 'E07000123',
  'M1 1AE': 'E08000003',
  'DG1 1AA': 'S12000006',
  'FY1 1AA': 'E06000009',
  'PR1 9AA': 'E07000123',
  'M3 5AB': 'E08000006',
  'PR3 2AS': 'E07000128',
  'PR25 1AA': 'E07000126',
  'PR1 2AB': 'E07000123',
  'PR1 2AD': 'E07000123',
  'PR1 2HQ': 'E07000123',
  'PR1 9AB': 'E07000123',
  'LL30 1AA': 'W06000003',
};

describe('--companies and --charities', () => {
  const files = writeFixtureFiles(fixture);
  const pack = path.join(files.folder, 'pack');
  beforeAll(async () => {
    await buildRegisterPack({ inputs: [files.companiesZip, files.charitiesZip], out: pack });
  });

  test.each([
    ['the downloads as published', [files.companiesZip], [files.charitiesZip]],
    ['a built pack', [pack], [pack]],
  ])('from %s: exact matches in their registered office district, look-alikes apart, ambiguous names unknown with candidates', async (_, companies, charities) => {
    const folder = temporaryFolder('registers');
    writeSpend(folder);
    const args = ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire', '--results-csv', 'rows.csv', '--summary-json', 'summary.json'];
    const run = await runIn(folder, [...args, ...companies.flatMap((p) => ['--companies', p]), ...charities.flatMap((p) => ['--charities', p])]);
    expect(run.err.filter((line) => !line.startsWith('note:') && !line.startsWith('Looking suppliers up'))).toEqual([]);
    expect(run.code).toBe(0);
    const seen = results(folder);

    for (const { supplier, expect: expected } of fixture.cases) {
      const row = seen.get(supplier)!;
      if (expected.status === 'matched' && DISTRICT[expected.postcode]) {
        // Exactly one organisation: its registered office's district, said so.
        expect({ supplier, lad: row.lad }).toEqual({ supplier, lad: DISTRICT[expected.postcode] });
        expect(row.basis).toMatch(new RegExp(`^(Registered office|Charity contact address) ${expected.postcode} \\(`));
      } else {
        // Nothing, or several: never a district.
        expect({ supplier, locality: row.locality, lad: row.lad }).toEqual({ supplier, locality: 'unknown', lad: '' });
      }
    }
    expect(seen.get('Acme Widgets Ltd')!.basis).toBe('Registered office PR1 2HE (Companies House 01000001, name match)');

    const summary = JSON.parse(fs.readFileSync(path.join(folder, 'summary.json'), 'utf8'));
    expect(summary.coverage.registered_office).toBeGreaterThan(0);
    expect(run.err).toContainEqual(expect.stringMatching(/^note: \d+ suppliers matched in Companies House Basic Company Data 2024-08-01; Charity Commission register extract 2024-08-15, \d+ of them placed by their registered office or charity address; 2 names matching several organisations/));

    // The ambiguous names' candidates are on the Suppliers sheet of the output.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, 'spend-baseline.xlsx'));
    const sheet = workbook.getWorksheet('Suppliers')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const line = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(header.indexOf('Supplier name')).value === 'Ribble Homes Ltd')!;
    expect(line.getCell(header.indexOf('Register candidates')).value).toBe('Companies House 01000005 PR1 9AA; Companies House 01000006 M3 5AB');
  });

  test('says what would place more of the spend when much of it is unknown', async () => {
    const folder = temporaryFolder('registers-hint');
    writeSpend(folder);
    const run = await runIn(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire']);
    expect(run.code).toBe(0);
    const at = run.out.findIndex((line) => /^100% of spend has no known locality\. To place more of it:$/.test(line));
    expect(at).toBeGreaterThan(0);
    expect(run.out.slice(at + 1).map((line) => line.trim().split(':')[0])).toEqual(['--creditors FILE', '--companies / --charities', '--online', 'or type postcodes on the Suppliers sheet of spend-baseline.xlsx, then run on it again']);
  });

  test('a download given with the wrong option, or a path that is not there, is one line and exit status 2', async () => {
    const folder = temporaryFolder('registers-bad');
    writeSpend(folder);
    const base = ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire'];
    const wrong = await runIn(folder, [...base, '--companies', files.charitiesZip]);
    expect(wrong.code).toBe(2);
    expect(wrong.error?.code).toBe('registers-invalid');
    expect(wrong.err).toEqual([expect.stringMatching(/^local-spend-baseline: --companies .*publicextract\.charity\.zip › publicextract\.charity\.json is the Charity Commission's register extract: give it with --charities\.$/)]);
    const missing = await runIn(folder, [...base, '--charities', 'nowhere.zip']);
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([`local-spend-baseline: --charities ${path.join(folder, 'nowhere.zip')}: no such file or folder.`]);
    expect(fs.existsSync(path.join(folder, 'spend-baseline.xlsx'))).toBe(false);
  });
});
