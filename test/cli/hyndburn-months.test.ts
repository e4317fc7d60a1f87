/**
 * The reader against real council files as published (../shared). The independent check: the
 * twelve raw Hyndburn 2024/25 month files, read with no per-file settings, give exactly the rows
 * of the council's normalised 2024/25 file, month by month.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { readSpendFile, type SpendFile } from '../../src/cli/read-file';
import { parseCsv } from '../../src/core/csv';
import { proposeMapping } from '../../src/core/mapping-proposal';
import { readSpendRows, type SpendRow } from '../../src/core/rows';
import { findTable } from '../../src/core/table';
import { decodeText } from '../../src/core/text-decode';
import { describeWithShared, sharedPath } from '../support/shared';

const RAW_DIR = sharedPath('data', 'real', 'hyndburn-raw');

async function analyse(file: SpendFile) {
  const grid = await file.sheets[0].grid();
  const layout = findTable(grid);
  const { mapping, missing } = proposeMapping(grid, layout);
  const result = missing.length === 0 ? readSpendRows(grid, layout, mapping) : { rows: [], skipped: [] };
  return { grid, layout, mapping, missing, ...result };
}

function pence(amount: number): number {
  return Math.round(amount * 100);
}

/** The normalised file's own dd/mm/yy(yy), turned into an Excel serial without the code under test. */
function serialOfDayMonthYear(text: string): number {
  const [day, month, year] = text.split('/').map(Number);
  return Date.UTC(year < 100 ? 2000 + year : year, month - 1, day) / 86400000 + 25569;
}

function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

describeWithShared('real Hyndburn and Salford files', () => {
  test('every raw Hyndburn month reads with no per-file settings', async () => {
    const names = fs.readdirSync(RAW_DIR).filter((name) => name.endsWith('.csv')).sort();
    expect(names).toHaveLength(107);
    const report: string[] = [];
    let totalRows = 0;
    for (const name of names) {
      const result = await analyse(await readSpendFile(`${RAW_DIR}/${name}`));
      expect({ name, missing: result.missing }).toEqual({ name, missing: [] });
      const filled = result.grid.filter((row) => row.some((cell) => cell !== null && String(cell).trim() !== '')).length;
      // Every non-blank line is either a payment, the header, or a reported skip.
      const headerLines = result.layout.headerRow === null ? 0 : 1;
      expect({ name, accounted: result.rows.length + result.skipped.length + headerLines }).toEqual({ name, accounted: filled });
      // A handful of odd lines at most: a month is hundreds of payments.
      expect(result.skipped.length).toBeLessThanOrEqual(2);
      expect(result.rows.length).toBeGreaterThan(10);
      expect(result.rows.every((row) => row.date !== undefined)).toBe(true);
      totalRows += result.rows.length;
      const skips = result.skipped.map((s) => `row ${s.row}: ${s.reason}`).join('; ');
      report.push(`${name}: ${result.rows.length} rows${skips ? `, skipped ${skips}` : ''}`);
    }
    console.log(`${names.length} raw Hyndburn files, ${totalRows} rows\n${report.join('\n')}`);
  });

  test('the twelve 2024/25 months as published give exactly the normalised 2024/25 rows', async () => {
    const normalised = parseCsv(decodeText(fs.readFileSync(sharedPath('data', 'real', 'hyndburn_spend_over_250_2024-25.csv'))).text);
    const header = normalised[0];
    const at = (name: string) => header.indexOf(name);
    const [supplierAt, amountAt, dateAt, sourceAt] = ['Supplier Name', 'Amount Paid', 'Payment Date', 'Source File'].map(at);
    expect(Math.min(supplierAt, amountAt, dateAt, sourceAt)).toBeGreaterThanOrEqual(0);
    const expectedByMonth = new Map<string, string[]>();
    for (const record of normalised.slice(1)) {
      if (record.length < header.length) continue;
      const key = `${record[supplierAt].trim()}|${pence(Number(record[amountAt]))}|${serialOfDayMonthYear(record[dateAt])}`;
      const month = record[sourceAt];
      expectedByMonth.set(month, [...(expectedByMonth.get(month) ?? []), key]);
    }
    expect(expectedByMonth.size).toBe(12);

    let rows = 0;
    let totalPence = 0;
    for (const [month, expected] of expectedByMonth) {
      const result = await analyse(await readSpendFile(`${RAW_DIR}/${month}`));
      const actual = result.rows.map((row: SpendRow) => `${row.supplier}|${pence(row.amount)}|${row.date}`);
      expect({ month, rows: tally(actual) }).toEqual({ month, rows: tally(expected) });
      rows += result.rows.length;
      totalPence += result.rows.reduce((sum, row) => sum + pence(row.amount), 0);
    }
    expect(rows).toBe(8988);
    expect(totalPence).toBe(9411341707);
  });

  test('Salford 2021/22 maps its own headers and reads every row', async () => {
    const bytes = zlib.gunzipSync(fs.readFileSync(sharedPath('data', 'real', 'salford_spend_2021-22.csv.gz')));
    const grid = parseCsv(decodeText(bytes).text);
    const layout = findTable(grid);
    const { mapping, missing } = proposeMapping(grid, layout);
    expect(missing).toEqual([]);
    const headers = Object.fromEntries(Object.entries(mapping).map(([field, mapped]) => [field, mapped?.header]));
    expect(headers).toMatchObject({
      supplier: 'Vendor Name',
      amount: 'Net',
      category: 'GL Description',
      serviceArea: 'Service Area',
      institution: 'Authority Name',
      date: 'Date of Payment',
    });
    const { rows, skipped } = readSpendRows(grid, layout, mapping);
    expect(skipped).toEqual([]);
    expect(rows).toHaveLength(22918);
    expect(rows.every((row) => row.date !== undefined)).toBe(true);
    // As published, four large payments leave the authority's name blank.
    expect(rows.filter((row) => row.institution === 'Salford City Council')).toHaveLength(22914);
  });
});
