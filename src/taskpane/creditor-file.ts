/**
 * A creditor master file (the finance system's supplier list with addresses) read from the bytes
 * of a CSV or .xlsx file, the way the command line reads `--creditors`: the table is found (on
 * the first visible sheet of a workbook), its columns mapped by the same vocabulary as spend
 * files, and one record made per supplier line.
 */
import { BaselineError, creditorsFromGrid, decodeText, parseCsv, type CreditorRecord, type Grid } from '../core';
import { readWorkbookSheets } from './xlsx-file';

export type CreditorFileResult = { ok: true; records: CreditorRecord[] } | { ok: false; message: string };

/** The first visible sheet of an .xlsx file. */
async function workbookGrid(bytes: Uint8Array, fileName: string): Promise<{ ok: true; grid: Grid } | { ok: false; message: string }> {
  const read = await readWorkbookSheets(bytes, (sheets) => {
    const visible = sheets.find((sheet) => sheet.state === 'visible');
    return visible ? [visible] : 'it has no visible sheet';
  });
  if (!read.ok) {
    if (read.notAPackage) return { ok: false, message: `${fileName} cannot be read: ${read.why}.` };
    return { ok: false, message: `${fileName} could not be read as an Excel workbook (${read.why}). Open it in Excel and save it again as .xlsx or CSV, then choose it again.` };
  }
  return { ok: true, grid: read.sheets[0].grid };
}

export async function readCreditorFile(bytes: Uint8Array, fileName: string): Promise<CreditorFileResult> {
  let grid: Grid;
  if (/\.(xlsx|xlsm)$/i.test(fileName)) {
    const read = await workbookGrid(bytes, fileName);
    if (!read.ok) return read;
    grid = read.grid;
  } else if (/\.(csv|txt|tsv)$/i.test(fileName)) {
    grid = parseCsv(decodeText(bytes).text);
  } else {
    return { ok: false, message: `${fileName} is not a CSV or .xlsx file. Save the supplier list from your finance system (or from Excel) as either, then choose it again.` };
  }
  try {
    return { ok: true, records: creditorsFromGrid(grid, fileName) };
  } catch (error) {
    if (error instanceof BaselineError) return { ok: false, message: error.message };
    throw error;
  }
}
