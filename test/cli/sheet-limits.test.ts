/**
 * Inputs beyond what an Excel sheet holds are refused with a message naming the limit, before
 * anything is written: never cut short without a word. (The largest sheets Excel allows, and what
 * they cost, are in `npm run bench -- limits`.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { SHEET_COLUMNS, SHEET_ROWS } from '../../src/core/sheet-limits';
import { filesIn, runIn, temporaryFolder } from './cli-harness';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire (ceremonial county)'];

async function expectRefused(name: string, text: string, limit: RegExp): Promise<void> {
  const folder = temporaryFolder('sheet-limits');
  fs.writeFileSync(path.join(folder, name), text);
  const before = filesIn(folder);
  const run = await runIn(folder, [name, ...AREAS, '--summary-json', 'summary.json']);
  expect(run).toMatchObject({ code: 2, out: [], error: { code: 'too-large' } });
  expect(run.err).toEqual([expect.stringMatching(limit)]);
  expect(filesIn(folder)).toEqual(before);
}

test(`a CSV of more than ${SHEET_ROWS.toLocaleString('en-GB')} rows is refused, naming the limit`, async () => {
  const lines = ['Supplier Name,Net Amount', ...Array.from({ length: SHEET_ROWS }, (_, i) => `S${i % 100},${i % 1000}`)];
  await expectRefused('long.csv', `${lines.join('\n')}\n`, /^local-spend-baseline: long\.csv has 1,048,577 rows, more than the 1,048,576 an Excel sheet holds\./);
}, 60_000);

test(`a CSV of more than ${SHEET_COLUMNS.toLocaleString('en-GB')} columns is refused, naming the limit`, async () => {
  const width = SHEET_COLUMNS + 1;
  const header = ['Supplier Name', 'Net Amount', ...Array.from({ length: width - 2 }, (_, i) => `Code ${i}`)];
  const row = ['Acme Ltd', '100', ...Array.from({ length: width - 2 }, () => 'x')];
  await expectRefused('wide.csv', `${header.join(',')}\n${row.join(',')}\n`, /^local-spend-baseline: wide\.csv has 16,385 columns, more than the 16,384 an Excel sheet holds\./);
});
