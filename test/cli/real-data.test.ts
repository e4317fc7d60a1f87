/**
 * The command over real council files as published (../shared): the twelve raw Hyndburn 2024/25
 * months given together, the whole raw Hyndburn folder, and Salford 2021/22.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { parseCsv } from '../../src/core/csv';
import { decodeText } from '../../src/core/text-decode';
import { describeWithShared, sharedPath } from '../support/shared';
import { runIn, temporaryFolder } from './cli-harness';

const RAW_DIR = sharedPath('data', 'real', 'hyndburn-raw');
const HYNDBURN = ['--local', 'Hyndburn', '--wider', 'Lancashire'];

/** The months the council's own normalised 2024/25 file was made from, as its Source File column names them. */
function monthsOf2024To25(): string[] {
  const records = parseCsv(decodeText(fs.readFileSync(sharedPath('data', 'real', 'hyndburn_spend_over_250_2024-25.csv'))).text);
  const source = records[0].indexOf('Source File');
  return [...new Set(records.slice(1).map((record) => record[source]).filter(Boolean))];
}

describeWithShared('the command on real council data', () => {
  jest.setTimeout(240_000);
  let folder: string;
  beforeAll(() => {
    folder = temporaryFolder('real');
  });

  test('the twelve raw Hyndburn 2024/25 month files, given together: 8,988 rows and £94,113,417.07', async () => {
    const months = monthsOf2024To25();
    expect(months).toHaveLength(12);
    const run = await runIn(folder, [...months.map((name) => path.join(RAW_DIR, name)), ...HYNDBURN, '--out', 'hyndburn-2024-25.xlsx', '--summary-json', 'hyndburn.json', '--results-csv', 'hyndburn.csv']);
    expect(run.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(folder, 'hyndburn.json'), 'utf8'));
    expect(json.totals.rows).toBe(8988);
    expect(Math.round(json.totals.spend * 100)).toBe(9411341707);
    expect(json.inputs).toHaveLength(12);
    // The header-less March 2025 is mapped from its content.
    expect(json.inputs.find((input: { file: string }) => input.file === 'March-25-CSV.csv').headerRow).toBeNull();
    const lines = fs.readFileSync(path.join(folder, 'hyndburn.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(8988 + 1);
    expect(lines[0].endsWith(',source')).toBe(true);
  });

  test('the whole raw Hyndburn folder (107 files in three layouts) runs as one analysis', async () => {
    const run = await runIn(folder, [RAW_DIR, ...HYNDBURN, '--out', 'hyndburn-all.xlsx', '--summary-json', 'hyndburn-all.json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(folder, 'hyndburn-all.json'), 'utf8'));
    expect(json.inputs).toHaveLength(107);
    console.log(`Hyndburn, all ${json.inputs.length} raw files: ${json.totals.rows} rows, £${json.totals.spend.toFixed(2)}, ${json.totals.suppliers} suppliers`);
    // Every month contributes its payments; at most a couple of odd lines each are set aside, with the reason.
    for (const input of json.inputs as { file: string; dataRows: number; skippedRows: unknown[] }[]) {
      expect({ file: input.file, ok: input.dataRows > 10 && input.skippedRows.length <= 2 }).toEqual({ file: input.file, ok: true });
    }
    expect(json.inputs.reduce((sum: number, input: { dataRows: number }) => sum + input.dataRows, 0)).toBe(json.totals.rows);
  });

  test('Salford 2021/22 runs: 22,918 rows', async () => {
    fs.writeFileSync(path.join(folder, 'salford_spend_2021-22.csv'), zlib.gunzipSync(fs.readFileSync(sharedPath('data', 'real', 'salford_spend_2021-22.csv.gz'))));
    const run = await runIn(folder, ['salford_spend_2021-22.csv', '--local', 'Salford', '--wider', 'Greater Manchester', '--summary-json', 'salford.json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(folder, 'salford.json'), 'utf8'));
    expect(json.totals.rows).toBe(22918);
    expect(json.input.skippedRows).toEqual([]);
    expect(json.columns).toMatchObject({ supplier: 'Vendor Name', amount: 'Net', category: 'GL Description', institution: 'Authority Name' });
  });
});
