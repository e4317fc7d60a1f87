/**
 * "Compare with an earlier workbook": the workbook an earlier analysis wrote, picked by the user
 * and read in the pane from its bytes (every sheet: its settings, its payments, its Suppliers and
 * Rules sheets), then understood by the core as the command line's --baseline is.
 */
import { BaselineError, readEarlierWorkbook, type EarlierWorkbook } from '../core';
import { readWorkbookSheets } from './xlsx-file';

export type EarlierFileResult = { ok: true; earlier: EarlierWorkbook } | { ok: false; message: string };

const CHOOSE = 'Choose the workbook an earlier analysis wrote (the one with its Baseline sheet), saved as .xlsx.';

export async function readEarlierFile(bytes: Uint8Array, fileName: string): Promise<EarlierFileResult> {
  if (!/\.(xlsx|xlsm)$/i.test(fileName)) return { ok: false, message: `${fileName} is not an Excel workbook. ${CHOOSE}` };
  const read = await readWorkbookSheets(bytes, (parts) => parts);
  if (!read.ok) return { ok: false, message: `${fileName} could not be read as an Excel workbook (${read.why}). ${CHOOSE}` };
  try {
    return { ok: true, earlier: readEarlierWorkbook(fileName, read.sheets) };
  } catch (error) {
    if (error instanceof BaselineError) return { ok: false, message: error.message };
    throw error;
  }
}
