/**
 * The add-in's own sheets: those the state records, or, in a workbook without a record of them
 * (its settings were reset), those the core recognises by their first rows.
 */
import { FIRST_ROW_WIDTH, ownSheetCandidates, recogniseOwnSheets, type Cell, type SheetRole, type WorkbookState } from '../core';

export async function ownSheetsOf(context: Excel.RequestContext, state: WorkbookState, existing: readonly string[]): Promise<Partial<Record<SheetRole, string>>> {
  if (Object.keys(state.owned.sheets).length > 0) return state.owned.sheets;
  const candidates = ownSheetCandidates(existing);
  const names = Object.values(candidates) as string[];
  if (names.length === 0) return {};
  const rows = new Map(names.map((name) => [name, context.workbook.worksheets.getItem(name).getRangeByIndexes(0, 0, 1, FIRST_ROW_WIDTH).load('values')]));
  await context.sync();
  return recogniseOwnSheets(candidates, (name) => rows.get(name)!.values[0] as Cell[]);
}
