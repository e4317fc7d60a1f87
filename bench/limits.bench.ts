/**
 * The largest inputs, through the command as a user runs it (a process of its own, its peak
 * resident memory measured), for issue 17:
 *
 * 1. Excel's largest sheets, each limit on its own: 1,048,576 rows of seven columns (a header and
 *    1,048,575 payments) and 16,384 columns of three rows, as CSV and as .xlsx. Goal: each is
 *    analysed within 2 GB, every payment accounted for, or refused with a message that names the
 *    limit; never a crash and never fewer rows than were given.
 * 2. Time and memory as the input grows: payments per second and peak memory of a first run and
 *    of a re-run over its output, for CSV and .xlsx, at 100,000, 1,000,000 and 1,048,575 payments
 *    (the largest a sheet holds). Goal: flat per row (the rate at a million at least two thirds of
 *    the rate at 100,000) and under 2 GB.
 *
 * Each process's heap is capped at 3 GB, above the goal, so that a run that would need far more
 * ends as "ran out of memory" instead of taking the machine with it. Uses the geography pack that
 * ships with the project. `npm run bench -- limits` runs this suite alone (it takes many minutes).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../src/core/csv';
import { SHEET_COLUMNS, SHEET_ROWS } from '../src/core/sheet-limits';
import { parseAmountText } from '../src/core/values';
import { GENERATED_HEADER, generateSpendCsv } from '../test/support/spend-generator';
import { COMMAND, describeEnd, runChild, type ChildRun } from './child-run';
import { formatNumber, type Figure, type Suite } from './harness';

const SEED = 20240401;
const MEMORY_GOAL_MB = 2048;
const HEAP_CAP_MB = 3072;
const LARGEST = SHEET_ROWS - 1;
const SIZES = [100_000, 1_000_000, LARGEST];
const AREAS = ['--local', 'Preston', '--wider', 'Lancashire (ceremonial county)'];

type Format = 'csv' | 'xlsx';

/** The generated payments as a CSV file. */
function writeCsv(file: string, rows: number): void {
  fs.writeFileSync(file, generateSpendCsv(rows, SEED));
}

/** The same payments as a workbook a finance system might export (dates, numbers, text), written as a stream. */
async function writeWorkbook(file: string, rows: number): Promise<void> {
  const lines = generateSpendCsv(rows, SEED).split('\r\n');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Payments');
  sheet.addRow(GENERATED_HEADER.split(',')).commit();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const [date, ...rest] = parseCsv(lines[i])[0];
    const [day, month, year] = date.split('/').map(Number);
    const row = sheet.addRow([new Date(Date.UTC(year, month - 1, day)), ...rest.slice(0, 5), parseAmountText(rest[5])]);
    row.getCell(1).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  await workbook.commit();
}

interface Measured {
  run: ChildRun;
  /** Payments analysed, payments without an amount and rows listed as not analysed, from --summary-json; undefined when the run did not finish. */
  accounted?: number;
}

async function measure(folder: string, input: string, out: string): Promise<Measured> {
  const summary = path.join(folder, `${out}.json`);
  const run = await runChild(folder, [COMMAND, input, ...AREAS, '--out', out, '--summary-json', summary, '--cache', 'cache.json'], HEAP_CAP_MB);
  // A long suite: each run said as it ends.
  console.error(`  … ${path.basename(input)} → ${out}: ${describeEnd(run)}, ${run.seconds.toFixed(1)} s (${run.cpuSeconds.toFixed(1)} s of CPU), ${formatNumber(run.peakMb)} MB`);
  if (run.status !== 0) return { run };
  const json = JSON.parse(fs.readFileSync(summary, 'utf8')) as { totals: { rows: number }; input: { skippedRows: unknown[]; rowsWithoutAmount: unknown[] } };
  return { run, accounted: json.totals.rows + json.input.rowsWithoutAmount.length + json.input.skippedRows.length };
}

/** Whether a run met the goal of the largest sheets: done within the memory goal with every row, or refused naming the limit. */
function largestMet(measured: Measured, given: number, limit: RegExp): boolean {
  const { run, accounted } = measured;
  if (run.status === 0) return run.peakMb < MEMORY_GOAL_MB && accounted === given;
  return run.status === 2 && limit.test(run.stderr);
}

function seriesFigures(format: Format, results: Map<number, { first: Measured; rerun?: Measured }>): Figure[] {
  const figures: Figure[] = [];
  const base = results.get(SIZES[0])!;
  // Per second of CPU: on a machine shared with other work the clock also counts the waiting.
  const rate = (m: Measured, rows: number) => (m.run.status === 0 ? rows / m.run.cpuSeconds : NaN);
  for (const rows of SIZES) {
    const { first, rerun } = results.get(rows)!;
    for (const [which, measured, floor] of [
      ['first run', first, base.first],
      ['re-run over its output', rerun, base.rerun],
    ] as const) {
      const label = `${format.toUpperCase()}, ${rows.toLocaleString('en-GB')} payments, ${which}`;
      if (!measured) {
        figures.push({ name: `${label}: not run (the first run did not finish)`, value: NaN, unit: '', goal: 'runs', met: false });
        continue;
      }
      const ended = describeEnd(measured.run);
      const perSecond = rate(measured, rows);
      const rateFigure: Figure = { name: `${label}: ${ended} in ${measured.run.seconds.toFixed(0)} s on the clock; payments per second of CPU`, value: perSecond, unit: 'rows/s' };
      if (rows !== SIZES[0] && floor) {
        const floorRate = rate(floor, SIZES[0]);
        rateFigure.floor = { name: `the same at ${SIZES[0].toLocaleString('en-GB')}`, value: floorRate, unit: 'rows/s' };
        rateFigure.ratio = perSecond / floorRate;
        rateFigure.goal = 'flat per row (ratio ≥ 0.67)';
        rateFigure.met = perSecond / floorRate >= 0.67;
      }
      if (measured.run.status !== 0) {
        rateFigure.goal = 'done';
        rateFigure.met = false;
      }
      figures.push(rateFigure, {
        name: `${label}: peak memory${measured.run.status === 0 ? '' : ' until it ended'} (${formatNumber((measured.run.peakMb * 1024 * 1024) / rows)} bytes per payment)`,
        value: measured.run.peakMb,
        unit: 'MB',
        goal: `under ${MEMORY_GOAL_MB.toLocaleString('en-GB')} MB`,
        met: measured.run.peakMb < MEMORY_GOAL_MB,
      });
    }
  }
  return figures;
}

async function growth(folder: string, format: Format): Promise<Figure[]> {
  const results = new Map<number, { first: Measured; rerun?: Measured }>();
  for (const rows of SIZES) {
    const input = path.join(folder, `payments-${rows}.${format}`);
    if (format === 'csv') writeCsv(input, rows);
    else await writeWorkbook(input, rows);
    const first = await measure(folder, input, `first-${rows}.xlsx`);
    const rerun = first.run.status === 0 ? await measure(folder, `first-${rows}.xlsx`, `rerun-${rows}.xlsx`) : undefined;
    results.set(rows, { first, rerun });
    for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  }
  const figures = seriesFigures(format, results);
  // The largest accepted sheet is the first limit: done within 2 GB with every payment, or refused naming the limit.
  const largest = results.get(LARGEST)!.first;
  figures.push({
    name: `the largest sheet, ${SHEET_ROWS.toLocaleString('en-GB')} rows of ${GENERATED_HEADER.split(',').length} columns as ${format.toUpperCase()}: ${describeEnd(largest.run)}${largest.accounted !== undefined ? `, ${largest.accounted.toLocaleString('en-GB')} of ${LARGEST.toLocaleString('en-GB')} payments accounted for` : ''}`,
    value: largest.run.peakMb,
    unit: 'MB',
    goal: `within ${MEMORY_GOAL_MB.toLocaleString('en-GB')} MB with every payment, or refused naming the limit`,
    met: largestMet(largest, LARGEST, /1,048,576 rows/),
  });
  return figures;
}

/** 16,384 columns of three rows: the supplier and amount first, then ledger codes to the last column. */
async function widest(folder: string, format: Format): Promise<Figure> {
  const header = ['Supplier Name', 'Net Amount', ...Array.from({ length: SHEET_COLUMNS - 2 }, (_, i) => `Code ${i + 1}`)];
  const rows = [
    ['Fishergate Cleaning Ltd', '1250.00', ...Array.from({ length: SHEET_COLUMNS - 2 }, (_, i) => `A${i}`)],
    ['Manchester Legal LLP', '2300.25', ...Array.from({ length: SHEET_COLUMNS - 2 }, (_, i) => `B${i}`)],
  ];
  const input = path.join(folder, `widest.${format}`);
  if (format === 'csv') {
    fs.writeFileSync(input, [header, ...rows].map((row) => row.join(',')).join('\r\n'));
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Payments');
    sheet.addRow(header);
    for (const row of rows) sheet.addRow([row[0], Number(row[1]), ...row.slice(2)]);
    await workbook.xlsx.writeFile(input);
  }
  const measured = await measure(folder, input, 'widest-out.xlsx');
  for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  return {
    name: `the widest sheet, ${SHEET_COLUMNS.toLocaleString('en-GB')} columns of 3 rows as ${format.toUpperCase()}: ${describeEnd(measured.run)}`,
    value: measured.run.peakMb,
    unit: 'MB',
    goal: `within ${MEMORY_GOAL_MB.toLocaleString('en-GB')} MB, or refused naming the limit`,
    met: largestMet(measured, 2, /16,384 columns/),
  };
}

export const suite: Suite = {
  name: `The largest inputs: Excel's ${SHEET_ROWS.toLocaleString('en-GB')} rows and ${SHEET_COLUMNS.toLocaleString('en-GB')} columns, and time and memory from 100,000 payments up (each run a process of its own, heap capped at ${HEAP_CAP_MB.toLocaleString('en-GB')} MB)`,
  async run() {
    // The command rebuilds its bundle when the sources are newer: not inside a measured run.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../scripts/build-cli.js').buildCliIfStale();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'limits-bench-'));
    try {
      const figures: Figure[] = [];
      for (const format of ['csv', 'xlsx'] as const) figures.push(await widest(folder, format));
      for (const format of ['csv', 'xlsx'] as const) figures.push(...(await growth(folder, format)));
      return figures;
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  },
};
