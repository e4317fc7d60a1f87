/**
 * The add-in's own sheets in a workbook that has no record of them (its settings were reset):
 * a sheet with the add-in's name for it is taken as the add-in's when its first row is what the
 * add-in writes there (a title, or a header row), as its result columns are found by their
 * headers. Any other sheet is the user's and is never taken over.
 */
import type { Cell } from '../core/cell';
import { SUPPLIER_INPUT_COLUMNS } from '../core/directory';
import { REGISTER_COLUMNS } from '../core/register';
import { ANALYSIS_COLUMNS, REPORT_TITLES } from '../core/report';
import { RULE_COLUMNS } from '../core/rules';
import { DEFAULT_SHEET_NAMES, SHEET_ROLES, type SheetRole, type WorkbookState } from '../core/settings';

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim().toLowerCase());
const holdsAll = (row: readonly Cell[], headers: readonly string[]) => headers.every((h) => row.some((cell) => text(cell) === h.toLowerCase()));
const TOP_SUPPLIERS_TITLE = new RegExp(`^${REPORT_TITLES.topSuppliers(0).toLowerCase().replace('0', '\\d+')}$`);

/** Whether a sheet's first row is the one the add-in writes on the sheet of this role. */
const FIRST_ROWS: Record<SheetRole, (row: readonly Cell[]) => boolean> = {
  summary: (row) => text(row[0]) === REPORT_TITLES.summary.toLowerCase(),
  top_suppliers: (row) => TOP_SUPPLIERS_TITLE.test(text(row[0])),
  method: (row) => text(row[0]) === REPORT_TITLES.method.toLowerCase(),
  opportunities: (row) => text(row[0]) === REPORT_TITLES.opportunities.toLowerCase(),
  analysis: (row) => ANALYSIS_COLUMNS.every((c, i) => text(row[i]) === c.header.toLowerCase()),
  suppliers: (row) => holdsAll(row, SUPPLIER_INPUT_COLUMNS),
  rules: (row) => holdsAll(row, RULE_COLUMNS),
  register: (row) => holdsAll(row, REGISTER_COLUMNS),
};

/** Columns of the first row read to recognise a sheet. */
const FIRST_ROW_WIDTH = Math.max(ANALYSIS_COLUMNS.length, SUPPLIER_INPUT_COLUMNS.length + 10, RULE_COLUMNS.length, REGISTER_COLUMNS.length);

/** The sheets the state records as the add-in's, else those recognised among `existing`. */
export async function ownSheetsOf(context: Excel.RequestContext, state: WorkbookState, existing: readonly string[]): Promise<Partial<Record<SheetRole, string>>> {
  if (Object.keys(state.owned.sheets).length > 0) return state.owned.sheets;
  const byName = new Map(existing.map((name) => [name.toLowerCase(), name]));
  const candidates = SHEET_ROLES.flatMap((role) => {
    const name = byName.get(DEFAULT_SHEET_NAMES[role].toLowerCase());
    return name ? [{ role, name, row: context.workbook.worksheets.getItem(name).getRangeByIndexes(0, 0, 1, FIRST_ROW_WIDTH).load('values') }] : [];
  });
  if (candidates.length === 0) return {};
  await context.sync();
  return Object.fromEntries(candidates.filter(({ role, row }) => FIRST_ROWS[role](row.values[0] as Cell[])).map(({ role, name }) => [role, name]));
}
