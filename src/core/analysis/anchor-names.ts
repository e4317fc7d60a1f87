/**
 * Which anchor institution each payment is: its institution column, or the name the user gave
 * its file (which the workbook remembers, so that a partnership's workbook analysed again keeps
 * its anchors); and what the user is told when the data names none.
 */
import type { WorkbookState } from '../settings';
import type { DataSheet, SpendData } from './spend-data';

/**
 * The data with each sheet whose anchor was named on an earlier run (and not now) named again:
 * its rows are that anchor's, as they were then.
 */
export function withRecordedAnchors(data: SpendData, state: WorkbookState): SpendData {
  const recorded = new Map(state.owned.resultColumns.filter((r) => r.institution).map((r) => [r.sheet, r.institution!]));
  const named = new Map<string, string>();
  const sheets = data.sheets.map((sheet) => {
    const institution = recorded.get(sheet.sheet);
    if (sheet.institution || !institution) return sheet;
    named.set(sheet.source, institution);
    return { ...sheet, institution };
  });
  if (named.size === 0) return data;
  for (const row of data.rows) {
    const institution = named.get(row.source ?? '');
    if (institution) row.institution = institution;
  }
  return { ...data, sheets };
}

export function noAnchorsNote(sheets: readonly DataSheet[]): string {
  const sheet = sheets[0];
  const where = sheet.headerRow === null ? `"${sheet.sheet}" (no header row)` : `the header of "${sheet.sheet}" (row ${sheet.headerRow + 1})`;
  return `No institution column in ${where}: the baseline is one organisation's, with no figures per anchor. For a partnership, map the column that names each anchor institution.`;
}
