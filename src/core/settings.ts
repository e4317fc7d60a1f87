/**
 * What a workbook remembers between runs (SPEC.md, "Workbook state"): the settings the user chose,
 * the record of the add-in's own columns and sheets, the previous headline, and the online-lookup
 * cache. Both hosts keep it as versioned JSON on a very hidden sheet, so a workbook annotated by
 * the command line opens in the add-in with everything intact, and the other way round.
 */
import { z } from 'zod';
import type { Grid } from './cell';
import { LOCALITIES } from './codes';
import { BaselineError } from './errors';
import { FIELDS } from './header-vocabulary';

/**
 * Version 2 starts every cell of the state with STATE_CELL_MARK; version 1 (plain JSON split
 * over the cells) is still read, and written back as version 2.
 */
export const STATE_VERSION = 2;

/** The name of the very hidden sheet that holds the state. */
export const STATE_SHEET = 'LSB_State';

export const DEFAULT_THRESHOLD = 0.95;
export const DEFAULT_TOP_SUPPLIERS = 300;

const areaSchema = z.object({
  /** What the user typed or picked, e.g. "Lancashire (ceremonial county)". */
  query: z.string(),
  name: z.string(),
  districts: z.array(z.string()),
});
export type SavedArea = z.infer<typeof areaSchema>;

const mappingSchema = z.object({
  /** The sheet the data was on, when it was mapped. */
  sheet: z.string().optional(),
  /** Header text (or "Column F" for a file without headers) per field. */
  fields: z.partialRecord(z.enum(FIELDS), z.string()),
});
export type SavedMapping = z.infer<typeof mappingSchema>;

export const settingsSchema = z.object({
  mapping: mappingSchema.optional(),
  areas: z.object({ local: areaSchema, wider: areaSchema }).optional(),
  /** Share of a partial postcode's postcodes that must agree before it decides a locality. */
  threshold: z.number().gt(0.5).max(1).default(DEFAULT_THRESHOLD),
  /** Online postcode lookup is off unless the user turned it on; when they did, and when. */
  online: z.object({ allowed: z.boolean(), decidedAt: z.string().optional() }).default({ allowed: false }),
  topSuppliers: z.number().int().positive().default(DEFAULT_TOP_SUPPLIERS),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Where the add-in's own result columns are, so a re-run finds and replaces exactly them. */
const resultColumnsSchema = z.object({
  sheet: z.string(),
  /** The Excel table the results were added to, when the data is a table. */
  table: z.string().optional(),
  /** 0-based sheet column of the first result column. */
  firstColumn: z.number().int().nonnegative(),
  headers: z.array(z.string()),
  /** 0-based sheet row of the header row the results were written beside. */
  headerRow: z.number().int().nonnegative(),
  /** The anchor institution the user named for the sheet's rows (rather than an institution column). */
  institution: z.string().optional(),
});
export type ResultColumnsRecord = z.infer<typeof resultColumnsSchema>;

export const SHEET_ROLES = ['summary', 'top_suppliers', 'method', 'opportunities', 'analysis', 'suppliers', 'rules', 'register', 'respend'] as const;
export type SheetRole = (typeof SHEET_ROLES)[number];

/** The names the add-in gives its sheets, in the order it adds them. */
export const DEFAULT_SHEET_NAMES: Record<SheetRole, string> = {
  summary: 'Baseline',
  top_suppliers: 'Top suppliers',
  method: 'Method',
  opportunities: 'Opportunities',
  analysis: 'Analysis data',
  suppliers: 'Suppliers',
  rules: 'Rules',
  register: 'Local register',
  respend: 'Re-spend survey',
};

/**
 * The sheet names to use: those recorded from an earlier run, else the defaults, made unique
 * against the user's own sheets (a user's "Method" sheet is never taken over).
 */
export function sheetNamesFor(recorded: Partial<Record<SheetRole, string>>, existing: readonly string[]): Record<SheetRole, string> {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (const name of Object.values(recorded)) if (name) taken.delete(name.toLowerCase());
  const names = {} as Record<SheetRole, string>;
  for (const role of SHEET_ROLES) {
    let name = recorded[role] ?? DEFAULT_SHEET_NAMES[role];
    if (!recorded[role]) {
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${DEFAULT_SHEET_NAMES[role]} (${n})`;
    }
    taken.add(name.toLowerCase());
    names[role] = name;
  }
  return names;
}

const headlineSnapshotSchema = z.object({
  at: z.string(),
  totalSpend: z.number(),
  rows: z.number(),
  suppliers: z.number(),
  spendByLocality: z.record(z.enum(LOCALITIES), z.number()),
  leakage: z.number(),
  influenceableLeakage: z.number(),
  review: z.number(),
});
export type HeadlineSnapshot = z.infer<typeof headlineSnapshotSchema>;

export const onlineAnswerSchema = z.object({
  /** ONS code of the district, or null when the service does not know the postcode. */
  district: z.string().nullable(),
  districtName: z.string().optional(),
  country: z.string().optional(),
});
export const onlineCacheSchema = z.record(z.string(), onlineAnswerSchema);
export type OnlineCacheRecord = z.infer<typeof onlineCacheSchema>;

export const stateSchema = z.object({
  version: z.union([z.literal(1), z.literal(STATE_VERSION)]).transform((): typeof STATE_VERSION => STATE_VERSION),
  settings: settingsSchema.default(settingsSchema.parse({})),
  owned: z
    .object({
      /** One record per data sheet (several when files were combined). */
      resultColumns: z.array(resultColumnsSchema).default([]),
      sheets: z.partialRecord(z.enum(SHEET_ROLES), z.string()).default({}),
      /** The area from A1 the add-in wrote on each summary sheet: cleared before it writes again. */
      extents: z.partialRecord(z.enum(SHEET_ROLES), z.object({ rows: z.number().int(), columns: z.number().int() })).default({}),
    })
    .default({ resultColumns: [], sheets: {}, extents: {} }),
  /** The headline of the previous run and of the first (baseline) run, for "what changed". */
  history: z.object({ baseline: headlineSnapshotSchema.optional(), last: headlineSnapshotSchema.optional() }).default({}),
  onlineCache: onlineCacheSchema.default({}),
});
export type WorkbookState = z.infer<typeof stateSchema>;

export function emptyState(): WorkbookState {
  return stateSchema.parse({ version: STATE_VERSION });
}

/** Excel holds at most 32,767 characters in a cell; the JSON is split across a column of cells. */
export const STATE_CELL_CHARS = 30000;

/**
 * The character every cell of the state starts with, taken off again on reading: a piece of
 * JSON may start with "-", a quote or anything, and Excel may take text starting with = + - as a
 * formula or an apostrophe as its quote prefix, whatever the cell's format.
 */
export const STATE_CELL_MARK = '|';

/** The state as text cells; through its schema first, so that equal states are written as equal text. */
export function stateToCells(state: WorkbookState): string[] {
  const json = JSON.stringify(stateSchema.parse(state));
  const cells: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CELL_CHARS) cells.push(STATE_CELL_MARK + json.slice(i, i + STATE_CELL_CHARS));
  return cells;
}

/** The state from the cells of the state sheet (version 2, or 1 without marks); a clear error naming what is wrong. */
export function stateFromCells(cells: readonly string[]): WorkbookState {
  const where = { sheet: STATE_SHEET };
  const marked = cells[0]?.startsWith(STATE_CELL_MARK) ?? false;
  let data: unknown;
  try {
    data = JSON.parse((marked ? cells.map((cell) => (cell.startsWith(STATE_CELL_MARK) ? cell.slice(STATE_CELL_MARK.length) : cell)) : cells).join(''));
  } catch {
    throw new BaselineError('state-damaged', `The add-in's settings on the hidden sheet ${STATE_SHEET} are damaged (not valid JSON).`, where);
  }
  const version = (data as { version?: unknown })?.version;
  if (typeof version === 'number' && version > STATE_VERSION) {
    throw new BaselineError('state-newer', `This workbook was analysed by a newer version of Local Spend Baseline (settings version ${version}); update the add-in.`, where);
  }
  const parsed = stateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BaselineError('state-damaged', `The add-in's settings on the hidden sheet ${STATE_SHEET} are damaged: ${issue.path.join('.') || 'state'}: ${issue.message}.`, where);
  }
  return parsed.data;
}

/** The state from the state sheet's cells (column A); a workbook never analysed (no sheet, or nothing on it) has the empty state. */
export function stateFromGrid(grid: Grid | undefined): WorkbookState {
  const cells = (grid ?? []).map((row) => row[0]).filter((cell): cell is string => typeof cell === 'string' && cell !== '');
  return cells.length === 0 ? emptyState() : stateFromCells(cells);
}
