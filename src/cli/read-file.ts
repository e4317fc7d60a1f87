/**
 * A spend file from disk as sheets of cells: .csv in whatever encoding, line ends and delimiter
 * it was saved with (or gzip-compressed as .csv.gz, as open-data portals publish large years),
 * or .xlsx through ExcelJS with every sheet's values as Excel shows them.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import { BaselineError, decodeText, parseCsv, requireWithinSheet, whyNotAWorkbookPackage, type Cell, type Delimiter, type Grid } from '../core';

export interface SheetData {
  name: string;
  /** Row index + 1 is the row number Excel shows; column index 0 is column A. */
  grid: Grid;
  /** Whether the user sees the sheet: the add-in keeps its settings on a very hidden one. */
  state: 'visible' | 'hidden' | 'veryHidden';
  /** 0-based rows hidden or filtered out (`<row hidden="1">`); none in a CSV. */
  hiddenRows: ReadonlySet<number>;
}

export interface SpendFile {
  /** The path as it was given. */
  file: string;
  sheets: SheetData[];
}

/** A file that cannot be read: one line that names it. */
function cannotRead(file: string, reason: string): BaselineError {
  return new BaselineError('file-unreadable', `Cannot read ${JSON.stringify(file)}: ${reason}`, { file });
}

/** The kinds of file a spend file may be, by the end of its name. */
const SPEND_FILE_ENDINGS = ['.csv', '.csv.gz', '.xlsx'] as const;
type SpendFileEnding = (typeof SPEND_FILE_ENDINGS)[number];

/** How the file's name ends, when it is a kind of file that can be read. */
export function spendFileEnding(file: string): SpendFileEnding | undefined {
  const name = file.toLowerCase();
  return SPEND_FILE_ENDINGS.find((ending) => name.endsWith(ending));
}

/** The file's name without its folder and its ending: "spend.csv.gz" → "spend". */
export function spendFileStem(file: string): string {
  const name = path.basename(file);
  return name.slice(0, name.length - (spendFileEnding(name)?.length ?? path.extname(name).length));
}

/** A .csv or .csv.gz file: one sheet, named after the file. */
export function isCsvFile(file: string): boolean {
  const ending = spendFileEnding(file);
  return ending === '.csv' || ending === '.csv.gz';
}

export async function readSpendFile(file: string): Promise<SpendFile> {
  const ending = spendFileEnding(file);
  if (ending === undefined) {
    throw cannotRead(
      file,
      path.extname(file).toLowerCase() === '.xls'
        ? 'it is an old-format .xls workbook; open it in Excel and save it as .xlsx or .csv'
        : 'only .csv, .csv.gz and .xlsx files can be read',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    throw cannotRead(file, describeFsError(error));
  }
  const sheets: SheetData[] =
    ending === '.xlsx' ? await readWorkbook(file, bytes) : [{ name: spendFileStem(file), grid: csvGrid(file, ending === '.csv.gz' ? gunzip(file, bytes) : bytes), state: 'visible', hiddenRows: new Set() }];
  for (const sheet of sheets) {
    const what = ending === '.xlsx' ? `${path.basename(file)} (sheet "${sheet.name}")` : path.basename(file);
    requireWithinSheet(sheet.grid.length, sheet.grid[0]?.length ?? 0, what, { file, sheet: sheet.name });
  }
  return { file, sheets };
}

function gunzip(file: string, bytes: Buffer): Buffer {
  try {
    return zlib.gunzipSync(bytes);
  } catch (error) {
    throw cannotRead(file, `not a readable gzip file (${(error as Error).message.split('\n')[0]})`);
  }
}

function describeFsError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as Error).message.split('\n')[0];
  }
}

/** Excel's delimiter line ("sep=;"), which Excel obeys and does not show as a row. */
const SEPARATOR_LINE = /^sep=([,;\t])(\r\n|\r|\n|$)/;

/** Records padded to the widest, so that the grid is the rectangle a sheet would be. */
function csvGrid(file: string, bytes: Uint8Array): Grid {
  let text = decodeText(bytes).text;
  // Text has no NUL character in any encoding a CSV is saved in: this is an image, a workbook or
  // a document given a .csv name, and reading it as rows would only find no columns.
  if (text.includes('\u0000')) throw cannotRead(file, 'it is not text, as a CSV file is; is it another kind of file saved with a .csv name?');
  const separator = SEPARATOR_LINE.exec(text);
  if (separator) text = text.slice(separator[0].length);
  const records: Grid = separator ? parseCsv(text, separator[1] as Delimiter) : parseCsv(text);
  let width = 0;
  for (const record of records) if (record.length > width) width = record.length;
  for (const record of records) while (record.length < width) record.push('');
  return records;
}

async function readWorkbook(file: string, bytes: Buffer): Promise<SheetData[]> {
  const notAPackage = whyNotAWorkbookPackage(bytes);
  if (notAPackage) throw cannotRead(file, notAPackage);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw cannotRead(file, `not a readable .xlsx workbook (${reason})`);
  }
  // Every workbook has a sheet: a zip without one is another kind of Office file.
  if (workbook.worksheets.length === 0) throw cannotRead(file, 'it has no sheets, so it is not an .xlsx workbook (another kind of file saved with an .xlsx name?)');
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, grid: sheetGrid(sheet), state: sheet.state, hiddenRows: hiddenRows(sheet) }));
}

/** Rows the sheet hides, by hand or by a filter: both are saved as `<row hidden="1">`. */
function hiddenRows(sheet: ExcelJS.Worksheet): Set<number> {
  const hidden = new Set<number>();
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (row.hidden) hidden.add(number - 1);
  });
  return hidden;
}

function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  // 1-based and sparse: values[row][column].
  const values = sheet.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
  let width = 0;
  for (const row of values) if (row && row.length - 1 > width) width = row.length - 1;
  const grid: Grid = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const cells: Cell[] = new Array<Cell>(width).fill(null);
    if (row) for (let c = 1; c < row.length; c++) cells[c - 1] = toCell(row[c]);
    grid.push(cells);
  }
  return grid;
}

const MS_PER_DAY = 86400000;
/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** A cell as Excel shows its value: a formula's cached result, rich text as plain, a date as a serial. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // ExcelJS has already applied the workbook's 1900/1904 date system; this is the 1900 serial.
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? null : toCell(value.result);
  }
  if ('hyperlink' in value) return toCell(value.text as ExcelJS.CellValue);
  return null;
}
