/**
 * The Excel adapter in the simulator, on generated sheets of 100,000 and 1,000,000 payments:
 * the syncs an analysis makes against the fewest the bytes it moves allow (syncs should follow
 * the data's size over the request budget, not its rows), the largest request against Excel on
 * the web's limit, and the time per 100,000 rows against the core pipeline alone on the same rows
 * (what any host must spend; the rest is reading, writing and the simulator).
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildAreas } from '../src/core/areas';
import type { Grid } from '../src/core/cell';
import { startAnalysis } from '../src/core/analysis/classify-rows';
import { prepareRows } from '../src/core/analysis/prepare';
import { emptyDirectory } from '../src/core/directory';
import type { Field } from '../src/core/header-vocabulary';
import { proposeMapping } from '../src/core/mapping-proposal';
import { readSpendRows } from '../src/core/rows';
import { compileRules, parseRulesCsv } from '../src/core/rules';
import { findTable } from '../src/core/table';
import { createWorkbookService } from '../src/excel';
import { REQUEST_LIMIT_BYTES } from '../src/excel/request-size';
import { openGeoPack, type GeoPack } from '../src/geo/geo-pack';
import { nodePackSource } from '../src/geo/node-pack-source';
import { buildFixturePack } from '../test/geo/fixture-pack';
import { createExcelSimulator } from '../test/sim/excel-simulator';
import type { Figure, Suite } from './harness';

const RULES_CSV = fs.readFileSync(path.join(__dirname, '..', 'rules', 'default-rules.csv'), 'utf8');
const HEADER = ['Payment Date', 'Supplier Name', 'Supplier Postcode', 'Expense Type', 'Description', 'Service Area', 'Net Amount'];
const POSTCODES = ['PR1 2HE', 'M1 1AE', 'PR25 1AB', 'FY1 1AA', '', 'PR3 2', 'PR1 9AB', 'M3 5AB'];
const CATEGORIES = ['Cleaning Services', 'Building Works', 'Electricity', 'Consultancy', 'Catering', 'Agency Staff', 'Levies'];
const SERVICES = ['Environmental Services', 'Housing Advice', 'Regeneration', 'Finance', 'Waste Services'];

/** A deterministic payment sheet: header, then `rows` payments of 7 columns. */
function cellAt(row: number, column: number): string | number {
  if (row === 0) return HEADER[column];
  const r = row - 1;
  const supplier = (r * 31) % 7919;
  switch (column) {
    case 0: return 45383 + (r % 365);
    case 1: return `Supplier ${supplier} ${supplier % 3 === 0 ? 'Ltd' : 'Limited'}`;
    case 2: return POSTCODES[supplier % POSTCODES.length];
    case 3: return CATEGORIES[r % CATEGORIES.length];
    case 4: return `Invoice ${r} for services rendered`;
    case 5: return SERVICES[r % SERVICES.length];
    default: return ((r * 7919) % 2_000_000) / 100;
  }
}

function grid(rows: number): Grid {
  return Array.from({ length: rows + 1 }, (_, r) => HEADER.map((_h, c) => cellAt(r, c)));
}

/** The core pipeline alone on rows already in memory: read, prepare, classify, summarise. */
async function corePipelineMs(rows: number, pack: GeoPack, areas: ReturnType<typeof areasOf>): Promise<number> {
  const cells = grid(rows);
  const started = performance.now();
  const layout = findTable(cells);
  const { mapping } = proposeMapping(cells, layout);
  const read = readSpendRows(cells, layout, mapping);
  const prepared = prepareRows(read.rows, emptyDirectory());
  const index = await pack.loadAreas(prepared.postcodeAreas);
  startAnalysis(prepared, { index, online: new Map(), districts: pack.districts, areas, threshold: 0.95, rules: compileRules(parseRulesCsv(RULES_CSV, 'rules')) }).finish(300);
  return performance.now() - started;
}

function areasOf(pack: GeoPack) {
  const built = buildAreas('Preston', 'Lancashire', pack.districts);
  if (!built.ok) throw new Error(built.message);
  return built.areas;
}

async function measure(rows: number, excelApiVersion: string, pack: GeoPack): Promise<Figure[]> {
  const sim = createExcelSimulator({ sheets: [{ name: 'Payments' }], host: { excelApiVersion } });
  const restore = sim.installGlobals();
  try {
    sim.fillCells('Payments', 'A1', rows + 1, HEADER.length, cellAt);
    const service = createWorkbookService();
    const overview = await service.inspect();
    const mapping = Object.fromEntries(Object.entries(overview.data!.mapping).map(([f, m]) => [f, m!.header])) as Partial<Record<Field, string>>;
    const areas = areasOf(pack);
    sim.resetStats();
    const started = performance.now();
    await service.analyse({ mapping, areas, areaQueries: { local: 'Preston', wider: 'Lancashire' }, threshold: 0.95, online: false }, { pack, defaultRulesCsv: RULES_CSV });
    const analyseMs = performance.now() - started;
    const stats = sim.stats;
    const coreMs = await corePipelineMs(rows, pack, areas);
    const fewestSyncs = Math.ceil((stats.requestBytes + stats.responseBytes) / REQUEST_LIMIT_BYTES);
    const label = `${rows.toLocaleString('en-GB')} rows${excelApiVersion === '1.7' ? ', formula summaries' : ', PivotTables'}`;
    const per100k = (ms: number) => (ms * 100_000) / rows;
    return [
      {
        name: `${label}: syncs`,
        value: stats.syncs,
        unit: 'syncs',
        floor: { name: `bytes moved (${((stats.requestBytes + stats.responseBytes) / 1e6).toFixed(0)} MB) / 4 MB`, value: fewestSyncs, unit: 'syncs' },
        ratio: stats.syncs / fewestSyncs,
        goal: 'syncs ≤ 1.25 × floor + 40',
        met: stats.syncs <= 1.25 * fewestSyncs + 40,
      },
      {
        name: `${label}: largest request`,
        value: stats.largestRequestBytes / 1e6,
        unit: 'MB',
        floor: { name: 'the request budget', value: REQUEST_LIMIT_BYTES / 1e6, unit: 'MB' },
        ratio: stats.largestRequestBytes / REQUEST_LIMIT_BYTES,
        goal: '≤ 4 MB (and the largest response too)',
        met: stats.largestRequestBytes <= REQUEST_LIMIT_BYTES && stats.largestResponseBytes <= REQUEST_LIMIT_BYTES,
      },
      {
        name: `${label}: analyse time per 100,000 rows (adapter and simulator)`,
        value: per100k(analyseMs),
        unit: 'ms',
        floor: { name: 'the core pipeline alone on the same rows', value: per100k(coreMs), unit: 'ms' },
        ratio: analyseMs / coreMs,
      },
    ];
  } finally {
    restore();
  }
}

export const suite: Suite = {
  name: 'The Excel adapter in the simulator: syncs, request sizes and time',
  async run() {
    const pack = await openGeoPack(nodePackSource(await buildFixturePack()));
    // A million rows on a host without PivotTables: the simulator recomputes a PivotTable from
    // every source row at each change, which at that size is its cost, not the adapter's.
    return [...(await measure(100_000, '1.17', pack)), ...(await measure(1_000_000, '1.7', pack))];
  },
};
