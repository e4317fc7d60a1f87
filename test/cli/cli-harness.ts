/**
 * Running the command in a temporary folder as a user would, and reading what it wrote: the
 * tests' shared tools. `runIn` calls the command in-process (fast); `spawnCommand` runs
 * bin/local-spend-baseline.js in a child process, exactly as `npx local-spend-baseline` does.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCommandOutcome } from '../../src/cli/command';
import { BaselineError, type ErrorCode, type ErrorLocation } from '../../src/core/errors';
import type { RunIO } from '../../src/cli/run';
import { buildFixturePack } from '../geo/fixture-pack';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const CLI_FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
/** The analysis time of every in-process run, so that two runs differ only where they must. */
export const FIXED_NOW = new Date('2025-05-01T09:30:00Z');

const folders: string[] = [];
/** A new empty folder, removed when the test file is done. */
export function temporaryFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `lsb-${prefix}-`));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

let fixturePack: Promise<string> | undefined;
/** The committed NSPL fixture built into a pack once per test file (PR1 Preston, PR25 South Ribble, FY1 Blackpool, M1 Manchester…). */
export function fixturePackFolder(): Promise<string> {
  fixturePack ??= buildFixturePack();
  return fixturePack;
}

export interface CommandRun {
  code: number;
  out: string[];
  err: string[];
  /** The code and location of the error that stopped an in-process run. */
  error?: { code: ErrorCode; where: ErrorLocation };
}

/**
 * The command in-process, in `folder`, with the fixture pack and a lookup cache file inside the
 * folder (never the user's own), unless `io` says otherwise.
 */
export async function runIn(folder: string, argv: string[], io: Partial<RunIO> = {}): Promise<CommandRun> {
  const out: string[] = [];
  const err: string[] = [];
  const args = argv.includes('--cache') ? argv : [...argv, '--cache', 'lookup-cache.json'];
  const outcome = await runCommandOutcome(args, {
    cwd: folder,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => FIXED_NOW,
    geoPack: io.geoPack ?? (await fixturePackFolder()),
    ...io,
  });
  const error = outcome.error instanceof BaselineError ? { error: { code: outcome.error.code, where: outcome.error.where } } : {};
  return { code: outcome.status, out, err, ...error };
}

/**
 * `node bin/local-spend-baseline.js ARGS` in `folder`, with the user cache folder inside it;
 * `node` takes `nodeArgs` first (a `--require` preload) and the environment adds `env`.
 */
export function spawnCommand(folder: string, argv: string[], { nodeArgs = [], env = {} }: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(PROJECT_ROOT, 'bin', 'local-spend-baseline.js'), ...argv], {
      cwd: folder,
      env: { ...process.env, XDG_CACHE_HOME: path.join(folder, '.cache'), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = (text: string) => text.split('\n').filter((line) => line !== '');
      resolve({ code: code ?? -1, out: lines(stdout), err: lines(stderr) });
    });
  });
}

/** Files in a folder (not the lookup cache the harness keeps there), for "nothing written". */
export function filesIn(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name !== 'lookup-cache.json' && name !== '.cache')
    .sort();
}

export interface CellRecord {
  value: unknown;
  numFmt?: string;
}

export interface SheetRecord {
  state: string;
  cells: Map<string, CellRecord>;
}

/** Every non-empty cell of every sheet, by address, with the number format it shows with. */
export async function workbookCells(file: string): Promise<Map<string, SheetRecord>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = new Map<string, SheetRecord>();
  for (const sheet of workbook.worksheets) {
    const cells = new Map<string, CellRecord>();
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.set(cell.address, { value: plain(cell.value), numFmt: cell.numFmt || undefined });
      });
    });
    sheets.set(sheet.name, { state: sheet.state, cells });
  }
  return sheets;
}

/** A cell value as comparable data (dates as ISO text). */
function plain(value: ExcelJS.CellValue): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') return JSON.parse(JSON.stringify(value));
  return value;
}

/** Column letters to a 1-based column number ("A" → 1, "AA" → 27). */
export function columnNumber(address: string): number {
  const letters = /^[A-Z]+/.exec(address)![0];
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n;
}

/** Lines of a CSV written by the command, split into fields (no embedded line ends in these tests). */
export function readCsvLines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\r\n').filter((line) => line !== '');
}

/**
 * A council's export as people get them: title lines above the header, dates and numbers with
 * their formats, rich text, a hyperlink, a blank row inside the data, a formula total, and a
 * sheet of the user's own notes beside it. Postcodes are in the fixture pack.
 */
export async function writeTitledWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('April payments');
  sheet.getCell('A1').value = 'Preston City Council: payments over £500';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = 'Published under the Local Government Transparency Code';
  sheet.getRow(4).values = ['Supplier Name', 'Supplier Postcode', 'Expense Type', 'Payment Date', 'Net Amount', 'Reference'];
  sheet.getRow(4).font = { bold: true };
  const day = (d: number) => new Date(Date.UTC(2024, 3, d));
  const rows: ExcelJS.CellValue[][] = [
    ['Fishergate Cleaning Ltd', 'PR1 2AA', 'Cleaning Services', day(3), 1250, 'INV-001'],
    [{ richText: [{ text: 'Ribble ' }, { text: 'Roofing Ltd', font: { bold: true } }] }, 'PR25 1AA', 'Building Repairs & Maintenance', day(4), 4800, 'INV-002'],
    ['Lancashire County Council', 'PR1 2HE', 'Payments to Other Local Authorities', day(5), 45000, '=not a formula'],
    ['Blackpool Coaches Ltd', 'FY1 1AA', 'Transport & Vehicle Hire', day(8), 975.5, { text: 'INV-004', hyperlink: 'https://example.org/inv/4' }],
    [],
    ['Manchester Legal LLP', 'M1 1AE', 'Legal Fees', day(9), 2300.25, 'INV-005'],
    ['EDF Energy Customers Ltd', 'M3 5AB', 'Electricity', day(10), 9100, 'INV-006'],
    ['Fishergate Cleaning Limited', '', 'Cleaning Services', day(16), -150, 'CR-007'],
  ];
  rows.forEach((values, i) => (sheet.getRow(5 + i).values = values));
  const last = 4 + rows.length;
  sheet.getCell(`D${last + 2}`).value = 'Total';
  sheet.getCell(`E${last + 2}`).value = { formula: `SUM(E5:E${last})`, result: 63275.75 };
  sheet.getColumn(4).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(5).numFmt = '#,##0.00';
  sheet.getColumn(1).width = 32;
  const notes = workbook.addWorksheet('My notes');
  notes.getCell('A1').value = 'Checked by finance';
  notes.getCell('B2').value = 42;
  await workbook.xlsx.writeFile(file);
}
