/**
 * An .xlsx file the user picked, read in the pane from its bytes: its sheets' SpreadsheetML
 * parts as grids, for those sheets the caller wants. The zip reader is fetched only when a
 * workbook is chosen.
 */
import type { WorkbookSheet } from '../core';
import { gridOfWorksheet, sharedStringsOf, workbookSheetParts, type SheetPart } from '../core/spreadsheet-xml';

/** The sheets read, or why the file cannot be read as a workbook. */
export type SheetsRead = { ok: true; sheets: WorkbookSheet[] } | { ok: false; why: string };

/** `choose` picks the sheets to read from the workbook's list, or says why there is none to read. */
export async function readWorkbookSheets(bytes: Uint8Array, choose: (parts: SheetPart[]) => SheetPart[] | string): Promise<SheetsRead> {
  const { default: JSZip } = await import(/* webpackChunkName: "xlsx-reader" */ 'jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, why: 'it is not a valid .xlsx file' };
  }
  const part = (path: string) => zip.file(path)?.async('string');
  const [workbook, relationships, shared] = await Promise.all([part('xl/workbook.xml'), part('xl/_rels/workbook.xml.rels'), part('xl/sharedStrings.xml')]);
  if (workbook === undefined || relationships === undefined) return { ok: false, why: 'it has no workbook part' };
  const chosen = choose(workbookSheetParts(workbook, relationships));
  if (typeof chosen === 'string') return { ok: false, why: chosen };
  const strings = shared === undefined ? [] : sharedStringsOf(shared);
  const sheets: WorkbookSheet[] = [];
  for (const sheet of chosen) {
    const xml = await part(sheet.path);
    if (xml === undefined) return { ok: false, why: `its sheet ${sheet.name} is missing` };
    sheets.push({ name: sheet.name, grid: gridOfWorksheet(xml, strings) });
  }
  return { ok: true, sheets };
}
