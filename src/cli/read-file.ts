/**
 * A spend file from disk as sheets of cells: .csv in whatever encoding, line ends and delimiter
 * it was saved with (or gzip-compressed as .csv.gz, as open-data portals publish large years),
 * or .xlsx opened once by the workbook package, whose sheets' values are read only when asked for
 * (the add-in's analysis sheet of an annotated workbook never is). The same package is what the
 * annotated copy is patched from.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { BaselineError, decodeText, parseCsv, requireWithinSheet, whyNotAWorkbookPackage, type Delimiter, type Grid } from '../core';
import { NotAWorkbookError, XlsxPackage, type SheetState, type SheetValues } from '../workbook';
import { zlibInflate } from './zlib-codec';

export interface SheetData {
  name: string;
  /** Whether the user sees the sheet: the add-in keeps its settings on a very hidden one. */
  state: SheetState;
  /** The sheet's values and the rows it hides (none in a CSV), read on first asking. */
  values(): Promise<SheetValues>;
  /** Its values alone: row index + 1 is the row number Excel shows; column index 0 is column A. */
  grid(): Promise<Grid>;
}

export interface SpendFile {
  /** The path as it was given. */
  file: string;
  sheets: SheetData[];
  /** The package of an .xlsx file, from which its copy is made. */
  workbook?: XlsxPackage;
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

/** `onRead` hears how much of an .xlsx sheet has been read, as its values are read. */
export async function readSpendFile(file: string, onRead?: (fraction: number, sheet: string) => void): Promise<SpendFile> {
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
  if (ending === '.xlsx') return readWorkbook(file, bytes, onRead);
  const name = spendFileStem(file);
  const grid = csvGrid(file, ending === '.csv.gz' ? gunzip(file, bytes) : bytes);
  requireWithinSheet(grid.length, grid[0]?.length ?? 0, path.basename(file), { file, sheet: name });
  const values: SheetValues = { grid, hiddenRows: new Set() };
  return { file, sheets: [{ name, state: 'visible', values: () => Promise.resolve(values), grid: () => Promise.resolve(grid) }] };
}

/** Every sheet read, for a caller that needs them all (an earlier workbook to compare with). */
export async function everySheet(spendFile: SpendFile): Promise<{ name: string; grid: Grid }[]> {
  const sheets: { name: string; grid: Grid }[] = [];
  for (const sheet of spendFile.sheets) sheets.push({ name: sheet.name, grid: await sheet.grid() });
  return sheets;
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

const NOT_A_WORKBOOK = 'it holds no sheets, so it is not an .xlsx workbook (another kind of file saved with an .xlsx name?)';

async function readWorkbook(file: string, bytes: Buffer, onRead?: (fraction: number, sheet: string) => void): Promise<SpendFile> {
  const notAPackage = whyNotAWorkbookPackage(bytes);
  if (notAPackage) throw cannotRead(file, notAPackage);
  let workbook: XlsxPackage;
  try {
    workbook = await XlsxPackage.open(bytes, zlibInflate);
  } catch (error) {
    if (error instanceof NotAWorkbookError) throw cannotRead(file, NOT_A_WORKBOOK);
    throw cannotRead(file, `not a readable .xlsx workbook (${(error as Error).message.split('\n')[0]})`);
  }
  const list = workbook.sheetList();
  // Every workbook has a sheet: a zip without one is another kind of Office file.
  if (list.length === 0) throw cannotRead(file, NOT_A_WORKBOOK);
  const sheets = list.map(({ name, state }): SheetData => {
    let read: Promise<SheetValues> | undefined;
    const readValues = async () => {
      let values: SheetValues;
      try {
        values = await workbook.sheetValues(name, onRead && ((fraction) => onRead(fraction, name)));
      } catch (error) {
        throw cannotRead(file, `its sheet "${name}" is not readable (${(error as Error).message.split('\n')[0]})`);
      }
      requireWithinSheet(values.grid.length, values.grid[0]?.length ?? 0, `${path.basename(file)} (sheet "${name}")`, { file, sheet: name });
      return values;
    };
    const values = () => (read ??= readValues());
    return { name, state, values, grid: async () => (await values()).grid };
  });
  return { file, sheets, workbook };
}
