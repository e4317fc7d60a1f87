/**
 * An .xlsx file the user picked, read in the pane from its bytes by the workbook package: the
 * values of the sheets the caller wants. The reader is fetched only when a workbook is chosen.
 */
import { whyNotAWorkbookPackage, type WorkbookSheet } from '../core';
import type { SheetInfo } from '../workbook';

/** The sheets read, or why the file cannot be read as a workbook. */
export type SheetsRead =
  | { ok: true; sheets: WorkbookSheet[] }
  /** `notAPackage` when the file is not a zip package at all (password-protected, or an .xls): `why` says what to do. */
  | { ok: false; why: string; notAPackage?: true };

/** `choose` picks the sheets to read from the workbook's list, or says why there is none to read. */
export async function readWorkbookSheets(bytes: Uint8Array, choose: (sheets: SheetInfo[]) => SheetInfo[] | string): Promise<SheetsRead> {
  const notAPackage = whyNotAWorkbookPackage(bytes);
  if (notAPackage) return { ok: false, why: notAPackage, notAPackage: true };
  const { XlsxPackage, streamInflate } = await import(/* webpackChunkName: "xlsx-reader" */ '../workbook');
  let workbook: Awaited<ReturnType<typeof XlsxPackage.open>>;
  try {
    workbook = await XlsxPackage.open(bytes, streamInflate);
  } catch {
    return { ok: false, why: 'it is not a valid .xlsx file' };
  }
  const chosen = choose(workbook.sheetList());
  if (typeof chosen === 'string') return { ok: false, why: chosen };
  const sheets: WorkbookSheet[] = [];
  for (const sheet of chosen) {
    try {
      sheets.push({ name: sheet.name, grid: (await workbook.sheetValues(sheet.name)).grid });
    } catch {
      return { ok: false, why: `its sheet ${sheet.name} is damaged` };
    }
  }
  return { ok: true, sheets };
}
