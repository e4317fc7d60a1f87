/**
 * What the adapter tests share: a simulated Excel installed as the globals the adapter calls, the
 * fixture geography pack, the default rules, requests made the way the task pane makes them, and
 * a before/after comparison of the user's cells.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildAreas } from '../../src/core/areas';
import type { Field } from '../../src/core/mapping';
import { formatDateTime } from '../../src/core/report/blocks';
import type { AnalyseHooks, AnalyseRequest, WorkbookOverview } from '../../src/excel/api';
import { createWorkbookService } from '../../src/excel';
import { openGeoPack, type GeoPack } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { buildFixturePack } from '../geo/fixture-pack';
import { createExcelSimulator, type ExcelSimulator } from '../sim/excel-simulator';
import type { SimulatorSetup } from '../sim/simulator-setup';

export const DEFAULT_RULES_CSV = fs.readFileSync(path.join(__dirname, '..', '..', 'rules', 'default-rules.csv'), 'utf8');

export const FIRST_RUN = new Date('2025-01-31T10:00:00Z');
export const SECOND_RUN = new Date('2025-02-07T16:30:00Z');

let packPromise: Promise<GeoPack> | undefined;
/** The committed NSPL-shaped fixture, built once per test file. */
export function fixturePack(): Promise<GeoPack> {
  packPromise ??= buildFixturePack().then((folder) => openGeoPack(nodePackSource(folder)));
  return packPromise;
}

let restoreGlobals: (() => void) | undefined;
afterEach(() => {
  restoreGlobals?.();
  restoreGlobals = undefined;
});

/** A simulator whose Excel, Office and OfficeExtension are the globals until the test ends. */
export function simulate(setup: SimulatorSetup): ExcelSimulator {
  const sim = createExcelSimulator(setup);
  restoreGlobals?.();
  restoreGlobals = sim.installGlobals();
  return sim;
}

/** A service whose clock reads `at`. */
export function serviceAt(at: Date) {
  return createWorkbookService({ now: () => at });
}

/** The request the task pane sends when the user accepts the proposed mapping, for Preston within Lancashire. */
export async function acceptProposal(overview: WorkbookOverview, online = false): Promise<AnalyseRequest> {
  const pack = await fixturePack();
  const built = buildAreas('Preston', 'Lancashire', pack.districts);
  if (!built.ok) throw new Error(built.message);
  if (!overview.data) throw new Error(`no data: ${overview.dataProblem}`);
  const mapping = Object.fromEntries(Object.entries(overview.data.mapping).map(([field, m]) => [field, m!.header])) as Partial<Record<Field, string>>;
  return { mapping, areas: built.areas, areaQueries: { local: 'Preston', wider: 'Lancashire' }, threshold: 0.95, online };
}

export async function hooks(extra: Partial<AnalyseHooks> = {}): Promise<AnalyseHooks> {
  return { pack: await fixturePack(), defaultRulesCsv: DEFAULT_RULES_CSV, ...extra };
}

/** The cells of a range as the user sees them: formulas (or values) and number formats. */
export interface CellSnapshot {
  sheet: string;
  address: string;
  formulas: unknown[][];
  formats: string[][];
}

export function snapshot(sim: ExcelSimulator, sheet: string, address: string): CellSnapshot {
  return { sheet, address, formulas: sim.formulas(sheet, address), formats: sim.numberFormats(sheet, address) };
}

/** Every cell of the snapshot is as it was. */
export function expectUnchanged(sim: ExcelSimulator, before: CellSnapshot): void {
  expect(snapshot(sim, before.sheet, before.address)).toEqual(before);
}

/** Every sheet's values, with the two run times masked, for "a re-run changes nothing but the time stamp". */
export function workbookValues(sim: ExcelSimulator, runAt: Date): Record<string, unknown[][]> {
  const stamps = [runAt.toISOString(), formatDateTime(runAt.toISOString())];
  const mask = (value: unknown) => (typeof value === 'string' ? stamps.reduce((text, stamp) => text.split(stamp).join('<time>'), value) : value);
  return Object.fromEntries(sim.sheetNames().map((name) => [name, sim.formulas(name).map((row) => row.map(mask))]));
}

