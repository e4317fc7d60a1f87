/**
 * The engine against the cost of getting the rows in, on the same machine in the same run:
 *
 * 1. Classifying a seeded 1,000,000-row spend sheet (supplier keys and the directory, locality from
 *    the geography pack, influenceability from the default rules, the summary), against the
 *    floor of the project's own CSV reader reading the same rows (decode, parse, find the table,
 *    map, read the rows). Goal: classifying costs less than reading (ratio ≤ 1.0). Memory held
 *    by the results per row, at 250,000 and 1,000,000 rows: it should stay flat.
 * 2. The whole command on a 100,000-row .xlsx, against ExcelJS reading and writing the same
 *    workbook. Goal: ratio ≤ 1.25. What share of it is the workbook package reading the input's
 *    values. And the peak memory of the command, each in a process of its own, against ExcelJS
 *    reading and writing the same workbook: goal well under 1 GB.
 *
 * Needs the geography pack (`npm run geo:build`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import ExcelJS from 'exceljs';
import { runCommand } from '../src/cli/command';
import { geoPackFolder } from '../src/cli/project-files';
import { readSpendFile } from '../src/cli/read-file';
import { startAnalysis } from '../src/core/analysis/classify-rows';
import { prepareRows } from '../src/core/analysis/prepare';
import { buildAreas } from '../src/core/areas';
import { parseCsv } from '../src/core/csv';
import { emptyDirectory } from '../src/core/directory';
import { proposeMapping } from '../src/core/mapping-proposal';
import { compileRules, parseRulesCsv } from '../src/core/rules';
import { readSpendRows, type SpendRow } from '../src/core/rows';
import { findTable } from '../src/core/table';
import { decodeText } from '../src/core/text-decode';
import { openGeoPack } from '../src/geo/geo-pack';
import { nodePackSource } from '../src/geo/node-pack-source';
import { generateSpendCsv } from '../test/support/spend-generator';
import { COMMAND } from './child-run';
import { bestTime, type Figure, type Suite } from './harness';
import { measuredNode, SEED, writeSpendWorkbook } from './processes';

const ROWS = 1_000_000;
const SMALLER = 250_000;
const XLSX_ROWS = 100_000;
const MEMORY_GOAL_MB = 1024;

/** The floor: the project's CSV reader, bytes to spend rows. */
function readRows(bytes: Uint8Array): SpendRow[] {
  const grid = parseCsv(decodeText(bytes).text);
  const layout = findTable(grid);
  const { mapping, missing } = proposeMapping(grid, layout);
  if (missing.length > 0) throw new Error(`generated file lost its ${missing.join(', ')} column`);
  return readSpendRows(grid, layout, mapping).rows;
}

async function engineContext() {
  const pack = await openGeoPack(nodePackSource(geoPackFolder()));
  const built = buildAreas('Preston', 'Lancashire (ceremonial county)', pack.districts);
  if (!built.ok) throw new Error(built.message);
  const rulesFile = path.join(__dirname, '..', 'rules', 'default-rules.csv');
  const rules = compileRules(parseRulesCsv(fs.readFileSync(rulesFile, 'utf8'), 'default-rules.csv'));
  return { pack, areas: built.areas, rules };
}

type EngineContext = Awaited<ReturnType<typeof engineContext>>;

/** Everything the engine does once the rows are read; the index is loaded outside the timing, as the host does it. */
async function classify(rows: SpendRow[], ctx: EngineContext) {
  const prepared = prepareRows(rows, emptyDirectory());
  const index = await ctx.pack.loadAreas(prepared.postcodeAreas);
  const analysis = startAnalysis(prepared, { index, online: new Map(), districts: ctx.pack.districts, areas: ctx.areas, threshold: 0.95, rules: ctx.rules });
  return analysis.finish(300);
}

/** A full collection, so heap figures are what is still held. */
const collect: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

async function bytesPerRow(rows: SpendRow[], ctx: EngineContext): Promise<number> {
  collect();
  const before = process.memoryUsage().heapUsed;
  const result = await classify(rows, ctx);
  collect();
  const held = process.memoryUsage().heapUsed - before;
  if (result.results.length !== rows.length) throw new Error('not every row was classified');
  return held / rows.length;
}

export const suite: Suite = {
  name: `The engine: ${ROWS.toLocaleString('en-GB')} generated rows classified; the command on a ${XLSX_ROWS.toLocaleString('en-GB')}-row .xlsx`,
  async run() {
    // Separately, so that the million rows are garbage before the command runs.
    return [...(await engineFigures()), ...(await commandFigures())];
  },
};

async function engineFigures(): Promise<Figure[]> {
  const ctx = await engineContext();
  const bytes = new TextEncoder().encode(generateSpendCsv(ROWS, SEED));
  const rows = readRows(bytes);
  if (rows.length < ROWS * 0.99) throw new Error(`only ${rows.length} rows read`);
  // Each run starts from a collected heap, so neither pays for the other's garbage.
  const readMs = await bestTime(() => readRows(bytes), 0, 5, collect);
  const classifyMs = await bestTime(() => classify(rows, ctx), 0, 5, collect);
  const readRate = (rows.length / readMs) * 1000;
  const classifyRate = (rows.length / classifyMs) * 1000;
  const ratio = classifyMs / readMs;
  const smaller = rows.slice(0, SMALLER);
  const perRowSmall = await bytesPerRow(smaller, ctx);
  const perRowFull = await bytesPerRow(rows, ctx);
  return [
    {
      name: 'rows classified per second (keys, directory, locality, rules, summary)',
      value: classifyRate,
      unit: 'rows/s',
      floor: { name: "the project's CSV reader reading the same rows", value: readRate, unit: 'rows/s' },
      ratio,
      goal: 'classifying time / reading time ≤ 1.0',
      met: ratio <= 1.0,
    },
    {
      name: `memory held by the results at ${SMALLER.toLocaleString('en-GB')} rows`,
      value: perRowSmall,
      unit: 'bytes/row',
    },
    {
      name: `memory held by the results at ${ROWS.toLocaleString('en-GB')} rows`,
      value: perRowFull,
      unit: 'bytes/row',
      floor: { name: `the same at ${SMALLER.toLocaleString('en-GB')} rows`, value: perRowSmall, unit: 'bytes/row' },
      ratio: perRowFull / perRowSmall,
      goal: 'flat per row (ratio ≤ 1.2)',
      met: perRowFull / perRowSmall <= 1.2,
    },
  ];
}

async function commandFigures(): Promise<Figure[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-bench-'));
  try {
    const input = path.join(folder, 'payments.xlsx');
    await writeSpendWorkbook(input, XLSX_ROWS);
    const excelJsMs = await bestTime(async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(input);
      await workbook.xlsx.writeFile(path.join(folder, 'exceljs-copy.xlsx'));
    }, 0, 2);
    const readMs = await bestTime(async () => {
      for (const sheet of (await readSpendFile(input)).sheets) await sheet.grid();
    }, 0, 2);
    const quiet = { cwd: folder, out: () => undefined, err: () => undefined, now: () => new Date() };
    const argv = ['payments.xlsx', '--local', 'Preston', '--wider', 'Lancashire (ceremonial county)', '--out', 'baseline.xlsx', '--cache', 'cache.json'];
    const cliMs = await bestTime(async () => {
      const code = await runCommand(argv, quiet);
      if (code !== 0) throw new Error(`the command ended with ${code}`);
    }, 0, 2);
    const cliRatio = cliMs / excelJsMs;
    const { peakMb: cliPeak } = await measuredNode(folder, [COMMAND, ...argv]);
    const { peakMb: excelJsPeak } = await measuredNode(folder, [
      '-e',
      `const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))}); const w = new ExcelJS.Workbook(); w.xlsx.readFile('payments.xlsx').then(() => w.xlsx.writeFile('exceljs-copy.xlsx'));`,
    ]);
    const figures: Figure[] = [
      {
        name: `the command on a ${XLSX_ROWS.toLocaleString('en-GB')}-row .xlsx`,
        value: cliMs / 1000,
        unit: 's',
        floor: { name: 'ExcelJS reading and writing the same workbook', value: excelJsMs / 1000, unit: 's' },
        ratio: cliRatio,
        goal: 'ratio ≤ 1.25',
        met: cliRatio <= 1.25,
      },
      {
        name: 'the workbook package reading the .xlsx (every sheet\'s values)',
        value: readMs / 1000,
        unit: 's',
        floor: { name: 'the whole command', value: cliMs / 1000, unit: 's' },
        ratio: readMs / cliMs,
      },
      {
        name: `peak memory of the command on a ${XLSX_ROWS.toLocaleString('en-GB')}-row .xlsx`,
        value: cliPeak,
        unit: 'MB',
        floor: { name: 'ExcelJS reading and writing the same workbook', value: excelJsPeak, unit: 'MB' },
        ratio: cliPeak / excelJsPeak,
        goal: `under ${MEMORY_GOAL_MB} MB`,
        met: cliPeak < MEMORY_GOAL_MB,
      },
    ];
    return figures;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
