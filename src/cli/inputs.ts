/**
 * The command line's inputs: files or folders as given, each file read and its spend sheet
 * found and mapped on its own (by the core, as the task pane's are); a workbook analysed before
 * brings back its state (settings, the record of the result columns, the lookup cache) and its
 * Suppliers, Rules and register sheets. The rows are read by the core's reader.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  applyMapOverrides,
  BaselineError,
  mapWholeSheet,
  missingColumnsMessage,
  missingFields,
  readWholeSheets,
  STATE_SHEET,
  stateFromGrid,
  type BlockPlace,
  type Grid,
  type MapOverride,
  type Mapping,
  type Period,
  type SpendData,
  type TableLayout,
  type WorkbookState,
} from '../core';
import { isCsvFile, readSpendFile, spendFileEnding, type SheetData, type SpendFile } from './read-file';

export interface InputSheet {
  file: string;
  /** The sheet's name in the input (for a CSV, the file name without extension). */
  sheet: string;
  /** Its name in the annotated copy: the same when an .xlsx input is copied, else made unique among the copy's sheets. */
  outputSheet: string;
  grid: Grid;
  /** 0-based rows hidden or filtered out. */
  hiddenRows: ReadonlySet<number>;
  layout: TableLayout;
  mapping: Mapping;
  /** Where the result columns go. */
  block: BlockPlace;
  /** The Excel table an earlier run recorded the data in. */
  table?: string;
  /** "April-24.csv", or "book.xlsx: Sheet2" when a workbook has several data sheets; '' for one input. */
  source: string;
}

/** How far a step has gone (0 to 1), and what it is. */
export type Progress = (fraction: number, label: string) => void;

export interface LoadedInputs {
  files: SpendFile[];
  dataSheets: InputSheet[];
  /** The .xlsx input that is copied part for part (one .xlsx input); otherwise the copy is a new workbook. */
  copied?: SpendFile;
  /** The state of the first input that had been analysed before, if any. */
  state?: WorkbookState;
  /** The file that state came from. */
  stateFile?: SpendFile;
}

/** Files to read: each file as given, each folder's .csv, .csv.gz and .xlsx files in name order. */
export function expandInputs(inputs: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    if (!fs.existsSync(full)) throw new BaselineError('file-unreadable', `Cannot read "${input}": no such file or folder.`, { file: input });
    if (fs.statSync(full).isDirectory()) {
      const inFolder = fs
        .readdirSync(full)
        .filter((name) => spendFileEnding(name) !== undefined && !name.startsWith('~$') && !name.startsWith('.'))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((name) => path.join(full, name));
      if (inFolder.length === 0) throw new BaselineError('file-unreadable', `The folder "${input}" has no .csv, .csv.gz or .xlsx files.`, { file: input });
      files.push(...inFolder);
    } else {
      files.push(full);
    }
  }
  return files;
}

async function readState(file: SpendFile): Promise<WorkbookState | undefined> {
  const sheet = file.sheets.find((s) => s.name === STATE_SHEET);
  if (!sheet) return undefined;
  const grid = await sheet.grid();
  try {
    return stateFromGrid(grid);
  } catch (error) {
    if (error instanceof BaselineError) throw new BaselineError(error.code, `${path.basename(file.file)}: ${error.message}`, { ...error.where, file: file.file });
    throw error;
  }
}

/** A sheet's table, result block and mapping, as the core works them out, with the user's --map choices. */
function mapSheet(sheet: SheetData, grid: Grid, file: string, state: WorkbookState | undefined, overrides: readonly MapOverride[]) {
  const mapped = mapWholeSheet(grid, sheet.name, state);
  // The mapping as proposed, before --map: what a message on a missing column compares with.
  const proposed = mapped.mapping;
  if (overrides.length === 0) return { ...mapped, proposed };
  try {
    const mapping = applyMapOverrides(proposed, overrides, mapped.layout);
    return { ...mapped, proposed, mapping, missing: missingFields(mapping) };
  } catch (error) {
    const where = `${path.basename(file)}${isCsvFile(file) ? '' : ` (sheet "${sheet.name}")`}`;
    throw new BaselineError('mapping-invalid', `${where}: --map: ${(error as Error).message}.`, { file, sheet: sheet.name });
  }
}

/** The inputs, each a path to read or a file read already; `progress` hears how far the reading of each sheet has gone. */
export async function loadInputs(files: readonly (string | SpendFile)[], options: { sheet?: string; map: readonly MapOverride[]; progress?: Progress }): Promise<LoadedInputs> {
  const loaded: LoadedInputs = { files: [], dataSheets: [] };
  for (const given of files) {
    const spendFile =
      typeof given === 'string' ? await readSpendFile(given, options.progress && ((fraction, sheet) => options.progress!(fraction, `Reading ${path.basename(given)}: ${sheet}`))) : given;
    const file = spendFile.file;
    loaded.files.push(spendFile);
    const state = await readState(spendFile);
    if (state && !loaded.state) {
      loaded.state = state;
      loaded.stateFile = spendFile;
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
        else throw new BaselineError('sheet-missing', `${name} has no sheet "${options.sheet}"; its sheets are ${spendFile.sheets.filter((s) => s.state === 'visible').map((s) => `"${s.name}"`).join(', ')}.`, { file, sheet: options.sheet });
      } else chosen = [sheet];
    } else if (recorded.length > 0) {
      chosen = recorded.map((sheetName) => {
        const sheet = spendFile.sheets.find((s) => s.name === sheetName);
        if (!sheet) throw new BaselineError('sheet-missing', `${name}: the sheet "${sheetName}" analysed before is no longer there; name the sheet with --sheet.`, { file, sheet: sheetName });
        return sheet;
      });
    } else {
      chosen = candidates;
    }

    const mapped: InputSheet[] = [];
    let firstProblem: BaselineError | undefined;
    for (const sheet of chosen) {
      const { grid, hiddenRows } = await sheet.values();
      const { layout, proposed, mapping, block, table, missing } = mapSheet(sheet, grid, file, state, options.map);
      if (layout.lastDataRow < 0) {
        firstProblem ??= new BaselineError('no-data', `${name}${spendFile.sheets.length > 1 || !isCsvFile(file) ? ` (sheet "${sheet.name}")` : ''} is empty.`, { file, sheet: sheet.name });
        continue;
      }
      if (missing.length > 0) {
        const why = missingColumnsMessage({ grid, layout, missing, proposed, mapping, overrides: options.map });
        firstProblem ??= new BaselineError('columns-missing', `${name}${spendFile.sheets.length > 1 ? ` (sheet "${sheet.name}")` : ''}: ${why}`, { file, sheet: sheet.name });
        continue;
      }
      mapped.push({ file, sheet: sheet.name, outputSheet: sheet.name, grid, hiddenRows, layout, mapping, block, ...(table ? { table } : {}), source: '' });
      // Without a saved choice or --sheet, the first sheet that holds spend is the one.
      if (!options.sheet && recorded.length === 0) break;
    }
    if (mapped.length === 0) throw firstProblem ?? new BaselineError('no-data', `${name} has no sheet with spend data.`, { file });
    loaded.dataSheets.push(...mapped);
  }
  const several = loaded.dataSheets.length > 1;
  for (const sheet of loaded.dataSheets) {
    const base = path.basename(sheet.file);
    const sheetsOfFile = loaded.dataSheets.filter((s) => s.file === sheet.file).length;
    // The sheets of a combined analysis analysed again are named after their sources already.
    const combinedBefore = sheetsOfFile > 1 && sheet.block.existed;
    sheet.source = several ? (combinedBefore ? sheet.sheet : sheetsOfFile > 1 ? `${base}: ${sheet.sheet}` : base) : '';
  }
  if (loaded.files.length === 1 && path.extname(loaded.files[0].file).toLowerCase() === '.xlsx') {
    loaded.copied = loaded.files[0];
  } else {
    const used = new Set<string>();
    for (const sheet of loaded.dataSheets) {
      sheet.outputSheet = uniqueSheetName(sheet.source || sheet.sheet, used);
      used.add(sheet.outputSheet.toLowerCase());
    }
  }
  return loaded;
}

function uniqueSheetName(wanted: string, used: Set<string>): string {
  const clean = wanted.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  let name = clean;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - String(n).length - 3)} (${n})`;
  return name;
}

/** The sheets the annotated copy has before the add-in's own are added: the input's, or the data sheets of a new workbook. */
export function copySheetNames(loaded: LoadedInputs): string[] {
  return loaded.copied ? loaded.copied.sheets.map((s) => s.name) : loaded.dataSheets.map((s) => s.outputSheet);
}

/**
 * Every data sheet's rows, read by the core's reader (a whole sheet at once), within the period
 * given; the rows of a file whose anchor institution the user named (by file) are that anchor's.
 */
export function readSpendData(loaded: LoadedInputs, period: Period, institutions: ReadonlyMap<string, string> = new Map()): SpendData {
  return readWholeSheets(
    loaded.dataSheets.map((input) => {
      const institution = institutions.get(input.file);
      return { ...input, sheet: input.outputSheet, ...(institution ? { institution } : {}) };
    }),
    period,
  );
}
