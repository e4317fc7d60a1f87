/**
 * The command line's inputs: files or folders as given, each file read and its spend sheet
 * found and mapped on its own; a workbook analysed before brings back its state (settings, the
 * record of the result columns, the lookup cache) and its Suppliers, Rules and register sheets.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../core/cell';
import { applyMapOverrides, columnLetter, likeliestColumns, proposeMapping, REQUIRED_FIELDS, type Field, type MapOverride, type MappedColumn, type Mapping } from '../core/mapping';
import { readSpendRows, type SkippedRow, type SpendRow } from '../core/rows';
import { OVERRIDE_HEADERS } from '../core/report';
import { STATE_SHEET, stateFromCells, StateError, type ResultColumnsRecord, type SavedMapping, type WorkbookState } from '../core/settings';
import { findTable, type TableLayout } from '../core/table';
import { InputFileError, isCsvFile, readSpendFile, spendFileEnding, type SheetData, type SpendFile } from './read-file';

/** Bad input: the message is one line naming the file, sheet, row or column. Exit status 2. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface DataSheet {
  file: string;
  /** The sheet's name in the input (for a CSV, the file name without extension). */
  sheet: string;
  grid: Grid;
  layout: TableLayout;
  mapping: Mapping;
  /** "April-24.csv", or "book.xlsx: Sheet2" when a workbook has several data sheets. */
  source: string;
  /** Where an earlier run wrote its result columns on this sheet. */
  resultColumns?: ResultColumnsRecord;
}

/** The columns of the input itself, without the override columns an earlier run added. */
export function inputColumns(sheet: DataSheet): [Field, MappedColumn][] {
  const firstOwn = sheet.resultColumns?.firstColumn ?? Infinity;
  return (Object.entries(sheet.mapping) as [Field, MappedColumn][]).filter(([, mapped]) => mapped.column < firstOwn);
}

export interface LoadedInputs {
  files: SpendFile[];
  dataSheets: DataSheet[];
  /** The state of the first input that had been analysed before, if any. */
  state?: WorkbookState;
  /** The file that state came from. */
  stateFile?: string;
}

/** Files to read: each file as given, each folder's .csv, .csv.gz and .xlsx files in name order. */
export function expandInputs(inputs: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    if (!fs.existsSync(full)) throw new InputError(`Cannot read "${input}": no such file or folder.`);
    if (fs.statSync(full).isDirectory()) {
      const inFolder = fs
        .readdirSync(full)
        .filter((name) => spendFileEnding(name) !== undefined && !name.startsWith('~$') && !name.startsWith('.'))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((name) => path.join(full, name));
      if (inFolder.length === 0) throw new InputError(`The folder "${input}" has no .csv, .csv.gz or .xlsx files.`);
      files.push(...inFolder);
    } else {
      files.push(full);
    }
  }
  return files;
}

function readState(file: SpendFile): WorkbookState | undefined {
  const sheet = file.sheets.find((s) => s.name === STATE_SHEET);
  if (!sheet) return undefined;
  const cells = sheet.grid.map((row) => row[0]).filter((cell): cell is string => typeof cell === 'string' && cell !== '');
  try {
    return stateFromCells(cells);
  } catch (error) {
    if (error instanceof StateError) throw new InputError(`${path.basename(file.file)}: ${error.message}`);
    throw error;
  }
}

function describeColumns(layout: TableLayout): string {
  return layout.headers
    .map((header, i) => (header ? `${columnLetter(i)} "${header}"` : ''))
    .filter(Boolean)
    .join(', ');
}

/** The columns likeliest to hold the missing fields, with values from them; else every column. */
function describeCandidates(sheet: SheetData, layout: TableLayout, missing: readonly Field[]): string {
  const described = missing.map((field) => {
    const candidates = field === 'supplier' || field === 'amount' ? likeliestColumns(sheet.grid, layout, field) : [];
    const list = candidates.map((c) => `${columnLetter(c.column)} "${c.header}" (e.g. ${c.samples.map((v) => JSON.stringify(v)).join(', ')})`);
    return list.length > 0 ? `the likeliest for the ${field} are ${list.join(', ')}` : undefined;
  });
  if (described.every((text) => text !== undefined)) return described.join('; ');
  return `the columns are ${describeColumns(layout) || 'none (the sheet is empty)'}`;
}

/** The saved mapping, when every header it names is still there. */
function savedMapping(saved: SavedMapping | undefined, layout: TableLayout): Mapping | undefined {
  if (!saved) return undefined;
  const mapping: Mapping = {};
  for (const [field, header] of Object.entries(saved.fields)) {
    const column = layout.headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase());
    if (column < 0) return undefined;
    mapping[field as keyof Mapping] = { column, header: layout.headers[column], confidence: 1 };
  }
  return mapping;
}

/**
 * The override columns of the result block an earlier run wrote: where the user types overrides
 * in the copy (values from the input's own override columns were carried into them).
 */
function recordedOverrides(mapping: Mapping, record: ResultColumnsRecord | undefined, layout: TableLayout): Mapping {
  if (!record) return mapping;
  const withOverrides = { ...mapping };
  const fields = [
    ['localityOverride', OVERRIDE_HEADERS[0]],
    ['influenceOverride', OVERRIDE_HEADERS[1]],
  ] as const;
  for (const [field, header] of fields) {
    const index = record.headers.indexOf(header);
    if (index < 0) continue;
    const column = record.firstColumn + index;
    withOverrides[field] = { column, header: layout.headers[column] ?? header, confidence: 1 };
  }
  return withOverrides;
}

function mapSheet(
  sheet: SheetData,
  file: string,
  saved: SavedMapping | undefined,
  record: ResultColumnsRecord | undefined,
  overrides: readonly MapOverride[],
): { layout: TableLayout; mapping: Mapping; missing: Field[] } {
  const layout = findTable(sheet.grid);
  let mapping = recordedOverrides(savedMapping(saved, layout) ?? proposeMapping(sheet.grid, layout).mapping, record, layout);
  if (overrides.length > 0) {
    try {
      mapping = applyMapOverrides(mapping, overrides, layout);
    } catch (error) {
      throw new InputError(`${path.basename(file)}${isCsvFile(file) ? '' : ` (sheet "${sheet.name}")`}: --map: ${(error as Error).message}.`);
    }
  }
  const missing = REQUIRED_FIELDS.filter((field) => !mapping[field]);
  return { layout, mapping, missing };
}

export async function loadInputs(
  files: readonly string[],
  options: { sheet?: string; map: readonly MapOverride[] },
): Promise<LoadedInputs> {
  const loaded: LoadedInputs = { files: [], dataSheets: [] };
  for (const file of files) {
    let spendFile: SpendFile;
    try {
      spendFile = await readSpendFile(file);
    } catch (error) {
      if (error instanceof InputFileError) throw new InputError(error.message);
      throw error;
    }
    loaded.files.push(spendFile);
    const state = readState(spendFile);
    if (state && !loaded.state) {
      loaded.state = state;
      loaded.stateFile = file;
    }
    const name = path.basename(file);
    const recorded = state?.owned.resultColumns.map((r) => r.sheet) ?? [];
    const ownNames = new Set(Object.values(state?.owned.sheets ?? {}).map((n) => n?.toLowerCase()));
    const candidates = spendFile.sheets.filter((s) => s.state === 'visible' && !ownNames.has(s.name.toLowerCase()) && s.name !== STATE_SHEET);
    let chosen: SheetData[];
    if (options.sheet) {
      const sheet = spendFile.sheets.find((s) => s.name.toLowerCase() === options.sheet!.toLowerCase());
      if (!sheet) {
        if (spendFile.sheets.length === 1 && isCsvFile(file)) chosen = spendFile.sheets;
        else throw new InputError(`${name} has no sheet "${options.sheet}"; its sheets are ${spendFile.sheets.filter((s) => s.state === 'visible').map((s) => `"${s.name}"`).join(', ')}.`);
      } else chosen = [sheet];
    } else if (recorded.length > 0) {
      chosen = recorded.map((sheetName) => {
        const sheet = spendFile.sheets.find((s) => s.name === sheetName);
        if (!sheet) throw new InputError(`${name}: the sheet "${sheetName}" analysed before is no longer there; name the sheet with --sheet.`);
        return sheet;
      });
    } else {
      chosen = candidates;
    }

    const mapped: DataSheet[] = [];
    let firstProblem: string | undefined;
    for (const sheet of chosen) {
      const saved = state?.settings.mapping && (!state.settings.mapping.sheet || state.settings.mapping.sheet === sheet.name) ? state.settings.mapping : undefined;
      const record = state?.owned.resultColumns.find((r) => r.sheet === sheet.name);
      const { layout, mapping, missing } = mapSheet(sheet, file, saved, record, options.map);
      if (missing.length > 0) {
        const how = missing.map((field) => `--map ${field}="HEADER" (or a column letter)`).join(' and ');
        firstProblem ??= `${name}${spendFile.sheets.length > 1 ? ` (sheet "${sheet.name}")` : ''}: no ${missing.join(' or ')} column found; ${describeCandidates(sheet, layout, missing)}. Name ${missing.length > 1 ? 'them' : 'it'} with ${how}.`;
        continue;
      }
      mapped.push({ file, sheet: sheet.name, grid: sheet.grid, layout, mapping, source: '', resultColumns: record });
      // Without a saved choice or --sheet, the first sheet that holds spend is the one.
      if (!options.sheet && recorded.length === 0) break;
    }
    if (mapped.length === 0) throw new InputError(firstProblem ?? `${name} has no sheet with spend data.`);
    loaded.dataSheets.push(...mapped);
  }
  const several = loaded.dataSheets.length > 1;
  for (const sheet of loaded.dataSheets) {
    const base = path.basename(sheet.file);
    const sheetsOfFile = loaded.dataSheets.filter((s) => s.file === sheet.file).length;
    // The sheets of a combined analysis analysed again are named after their sources already.
    const combinedBefore = sheetsOfFile > 1 && sheet.resultColumns !== undefined;
    sheet.source = several ? (combinedBefore ? sheet.sheet : sheetsOfFile > 1 ? `${base}: ${sheet.sheet}` : base) : '';
  }
  return loaded;
}

export function readRows(sheets: readonly DataSheet[]): { rows: SpendRow[]; skipped: SkippedRow[] } {
  const rows: SpendRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const sheet of sheets) {
    const read = readSpendRows(sheet.grid, sheet.layout, sheet.mapping, sheet.source ? { source: sheet.source } : undefined);
    for (const row of read.rows) rows.push(row);
    for (const skip of read.skipped) skipped.push(skip);
  }
  return { rows, skipped };
}

/** Keeps the rows dated within [from, to]; the rest are reported as skipped, never dropped. */
export function filterByDate(rows: SpendRow[], skipped: SkippedRow[], from?: number, to?: number): SpendRow[] {
  if (from === undefined && to === undefined) return rows;
  return rows.filter((row) => {
    const where = { row: row.row, source: row.source };
    if (row.date === undefined) {
      skipped.push({ ...where, reason: 'no payment date, and --from/--to was given' });
      return false;
    }
    if (from !== undefined && row.date < from) {
      skipped.push({ ...where, reason: 'paid before --from' });
      return false;
    }
    if (to !== undefined && row.date > to) {
      skipped.push({ ...where, reason: 'paid after --to' });
      return false;
    }
    return true;
  });
}
