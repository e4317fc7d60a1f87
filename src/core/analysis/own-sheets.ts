/**
 * The add-in's own sheets in a workbook that has no record of them (its settings were reset): a
 * sheet with the add-in's name for it is taken as the add-in's when its first row is what the
 * add-in writes there (a title, or a header row), as its result columns are found by their
 * headers. Any other sheet is the user's and is never taken over.
 */
import type { Cell } from '../cell';
import { SUPPLIER_INPUT_COLUMNS } from '../directory';
import { REGISTER_COLUMNS } from '../register';
import { SURVEY_COLUMNS } from '../respend-survey';
import { ANALYSIS_COLUMNS } from '../report/columns';
import { REPORT_TITLES } from '../report/plan';
import { RULE_COLUMNS } from '../rule-schema';
import { DEFAULT_SHEET_NAMES, SHEET_ROLES, type SheetRole } from '../settings';

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim().toLowerCase());
const holdsAll = (row: readonly Cell[], headers: readonly string[]) => headers.every((h) => row.some((cell) => text(cell) === h.toLowerCase()));

/** A title the add-in gives its top suppliers sheet: "Top 300 suppliers by spend", or "All 12 suppliers by spend" when fewer. */
function isTopSuppliersTitle(title: string): boolean {
  const listed = Number(/^\S+ ([\d,]+) /.exec(title)?.[1].replace(/,/g, ''));
  if (!Number.isInteger(listed)) return false;
  return [listed, listed + 1].some((asked) => REPORT_TITLES.topSuppliers(listed, asked).toLowerCase() === title);
}

/** Whether a sheet's first row is the one the add-in writes on the sheet of this role. */
const FIRST_ROWS: Record<SheetRole, (row: readonly Cell[]) => boolean> = {
  summary: (row) => text(row[0]) === REPORT_TITLES.summary.toLowerCase(),
  top_suppliers: (row) => isTopSuppliersTitle(text(row[0])),
  method: (row) => text(row[0]) === REPORT_TITLES.method.toLowerCase(),
  opportunities: (row) => text(row[0]) === REPORT_TITLES.opportunities.toLowerCase(),
  analysis: (row) => ANALYSIS_COLUMNS.every((c, i) => text(row[i]) === c.header.toLowerCase()),
  suppliers: (row) => holdsAll(row, SUPPLIER_INPUT_COLUMNS),
  rules: (row) => holdsAll(row, RULE_COLUMNS),
  register: (row) => holdsAll(row, REGISTER_COLUMNS),
  respend: (row) => holdsAll(row, SURVEY_COLUMNS),
};

/** Columns of a first row that are enough to recognise a sheet. */
export const FIRST_ROW_WIDTH = Math.max(ANALYSIS_COLUMNS.length, SUPPLIER_INPUT_COLUMNS.length + 10, RULE_COLUMNS.length, REGISTER_COLUMNS.length, SURVEY_COLUMNS.length);

/** The sheets among `existing` that could be the add-in's: those with its names for them, by role. */
export function ownSheetCandidates(existing: readonly string[]): Partial<Record<SheetRole, string>> {
  const byName = new Map(existing.map((name) => [name.toLowerCase(), name]));
  return Object.fromEntries(SHEET_ROLES.flatMap((role) => {
    const name = byName.get(DEFAULT_SHEET_NAMES[role].toLowerCase());
    return name ? [[role, name]] : [];
  }));
}

/** Of the candidates, the sheets whose first row shows them as the add-in's. */
export function recogniseOwnSheets(candidates: Partial<Record<SheetRole, string>>, firstRow: (name: string) => readonly Cell[]): Partial<Record<SheetRole, string>> {
  return Object.fromEntries((Object.entries(candidates) as [SheetRole, string][]).filter(([role, name]) => FIRST_ROWS[role](firstRow(name))));
}
