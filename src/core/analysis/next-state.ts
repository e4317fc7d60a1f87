/**
 * What the workbook remembers after this run: the settings used, the record of the add-in's own
 * columns and sheets (so that a re-run finds and replaces exactly them), the headline, and the
 * online answers for this workbook's postcodes.
 */
import type { Field } from '../header-vocabulary';
import { stateSchema, type HeadlineSnapshot, type OnlineCacheRecord, type ResultColumnsRecord, type SheetRole, type WorkbookState } from '../settings';
import { RESULT_BLOCK_HEADERS } from '../report/columns';
import type { Extent } from './plan-types';
import type { AnalysisChoices } from './input';
import type { DataSheet } from './spend-data';

/** The fields mapped to the user's data columns (not to the result block's override columns), by header. */
export function dataFields(sheet: DataSheet): [Field, string][] {
  const fields: [Field, string][] = [];
  for (const [field, mapped] of Object.entries(sheet.mapping) as [Field, { column: number; header: string }][]) {
    const column = sheet.sheetColumns?.[mapped.column] ?? mapped.column;
    if (column < sheet.block.firstColumn) fields.push([field, mapped.header]);
  }
  return fields;
}

/** "Sheet "Spend", table Spend2024: header row 4; supplier = Supplier Name, …" for the Method sheet. */
export function describeDataSheet(sheet: DataSheet): string {
  const header = sheet.headerRow === null ? 'none (columns recognised by content)' : `row ${sheet.headerRow + 1}`;
  return `Sheet "${sheet.sheet}"${sheet.table ? `, table ${sheet.table}` : ''}: header ${header}; ${dataFields(sheet).map(([field, name]) => `${field} = ${name}`).join(', ')}`;
}

function resultColumnsRecord(sheet: DataSheet): ResultColumnsRecord {
  return {
    sheet: sheet.sheet,
    ...(sheet.table ? { table: sheet.table } : {}),
    firstColumn: sheet.block.firstColumn,
    headers: RESULT_BLOCK_HEADERS,
    headerRow: sheet.headerRow ?? sheet.firstRow,
    ...(sheet.institution ? { institution: sheet.institution } : {}),
  };
}

export interface StateChange {
  state: WorkbookState;
  sheets: readonly DataSheet[];
  choices: AnalysisChoices;
  threshold: number;
  topSuppliers: number;
  sheetNames: Record<SheetRole, string>;
  extents: Partial<Record<SheetRole, Extent>>;
  baseline?: HeadlineSnapshot;
  headline: HeadlineSnapshot;
  onlineCache: OnlineCacheRecord;
  analysedAt: string;
}

/**
 * The state after this run, and the state to record before writing anything: the columns and
 * sheets about to be written, and every area written before or now (cleared by the next run if
 * this one fails part-way).
 */
export function nextStates(change: StateChange): { final: WorkbookState; whileWriting: WorkbookState } {
  const { state, choices, sheets, analysedAt } = change;
  const first = sheets[0];
  const online = choices.online === state.settings.online.allowed ? state.settings.online : { allowed: choices.online, decidedAt: analysedAt };
  const settled: WorkbookState = {
    ...state,
    settings: {
      ...state.settings,
      mapping: { sheet: first.sheet, fields: Object.fromEntries(dataFields(first)) },
      areas: choices.areas,
      threshold: change.threshold,
      online,
      topSuppliers: change.topSuppliers,
    },
    owned: { resultColumns: sheets.map(resultColumnsRecord), sheets: change.sheetNames, extents: change.extents },
    onlineCache: change.onlineCache,
  };
  const everWritten = { ...state.owned.extents };
  for (const [role, extent] of Object.entries(change.extents) as [SheetRole, Extent][]) {
    const old = everWritten[role];
    everWritten[role] = old ? { rows: Math.max(old.rows, extent.rows), columns: Math.max(old.columns, extent.columns) } : extent;
  }
  return {
    final: stateSchema.parse({ ...settled, history: { baseline: change.baseline, last: change.headline } }),
    whileWriting: stateSchema.parse({ ...settled, owned: { ...settled.owned, extents: everWritten } }),
  };
}
