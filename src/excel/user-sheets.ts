/**
 * The sheets the user edits (Suppliers, Rules, Local register): created on the first run, then
 * only changed cell by cell. A cell is written only when its new content differs from what is
 * there, and the core never gives a user's non-blank cell new content (it fills blanks, appends
 * suppliers and refreshes the add-in's own columns), so nothing the user typed is overwritten.
 */
import { isBlank, type Cell, type Grid } from '../core/cell';
import { SUPPLIER_RESULT_COLUMNS, type SupplierFindings } from '../core/directory';
import type { ColumnFormat } from '../core/report';
import { REGISTER_COLUMNS } from '../core/register';
import { RULE_COLUMNS, ruleCells, type Rule } from '../core/rules';
import type { BatchWriter } from './batch-writer';
import { rowsOf, writeRows, type WriteCell } from './grid-write';
import { freezeHeaderOp, headerStyleOp, widthsOp } from './sheet-style';

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (isBlank(a ?? null) && isBlank(b ?? null)) return true;
  return a === b;
}

/** The writes that turn `before` into `after`: null wherever a cell stays as it is. */
export function changedCells(before: Grid, after: Grid): { top: number; rows: WriteCell[][] } | undefined {
  const width = after.reduce((max, row) => Math.max(max, row.length), 0);
  let first = -1;
  let last = -1;
  const rows: WriteCell[][] = after.map((row, r) => {
    const cells: WriteCell[] = new Array(width).fill(null);
    for (let c = 0; c < width; c++) {
      const next = row[c] ?? '';
      if (sameCell(before[r]?.[c], next)) continue;
      cells[c] = next;
      if (first < 0) first = r;
      last = r;
    }
    return cells;
  });
  return first < 0 ? undefined : { top: first, rows: rows.slice(first, last + 1) };
}

const RESULT_COLUMNS = new Set<string>(SUPPLIER_RESULT_COLUMNS);

/** Number formats of the Suppliers sheet's money and count columns, by header. */
function supplierFormats(header: readonly Cell[]): (ColumnFormat | null)[] {
  return header.map((h) => (h === 'Spend' ? 'gbp' : h === 'Payments' ? 'integer' : null));
}

/** Writes the Suppliers sheet's changes; a new sheet gets its header styled and frozen. */
export async function updateSuppliersSheet(writer: BatchWriter, sheet: Excel.Worksheet, before: Grid, after: Grid, isNew: boolean): Promise<void> {
  const changes = changedCells(before, after);
  if (changes) {
    await writeRows(writer, sheet, changes.top, 0, { ...rowsOf(changes.rows), formats: supplierFormats(after[0] ?? []) });
  }
  if (isNew) await styleNewSheet(writer, sheet, after[0]?.length ?? 0, (after[0] ?? []).map((h) => (RESULT_COLUMNS.has(String(h)) ? 16 : 22)));
}

/** The Rules sheet's cells for these rules: priority as a number, the rest as text. */
export function rulesGrid(rules: readonly Rule[]): WriteCell[][] {
  return [
    [...RULE_COLUMNS],
    ...rules.map(ruleCells),
  ];
}

const RULE_WIDTHS = [9, 14, 10, 60, 30, 18, 50, 7];
const REGISTER_WIDTHS = [32, 12, 40, 8, 8, 12, 30];

export async function writeRulesSheet(writer: BatchWriter, sheet: Excel.Worksheet, rules: readonly Rule[]): Promise<void> {
  await writeRows(writer, sheet, 0, 0, { ...rowsOf(rulesGrid(rules)), formats: ['integer', ...RULE_COLUMNS.slice(1).map(() => null)] });
  await styleNewSheet(writer, sheet, RULE_COLUMNS.length, RULE_WIDTHS);
}

export async function writeRegisterSheet(writer: BatchWriter, sheet: Excel.Worksheet): Promise<void> {
  await writeRows(writer, sheet, 0, 0, rowsOf([[...REGISTER_COLUMNS]]));
  await styleNewSheet(writer, sheet, REGISTER_COLUMNS.length, REGISTER_WIDTHS);
}

async function styleNewSheet(writer: BatchWriter, sheet: Excel.Worksheet, columns: number, widths: readonly number[]): Promise<void> {
  if (columns === 0) return;
  await writer.add(headerStyleOp(() => sheet.getRangeByIndexes(0, 0, 1, columns)));
  await writer.add(widthsOp(sheet, 0, widths));
  await writer.add(freezeHeaderOp(sheet));
}

/**
 * What the Suppliers sheet already shows for each supplier (its result columns), so that a change
 * that is not an analysis (a creditor import) leaves them as they are.
 */
export function findingsOnSheet(grid: Grid): (key: string) => SupplierFindings | undefined {
  const header = (grid[0] ?? []).map((h) => String(h ?? '').trim().toLowerCase());
  const at = (name: string) => header.indexOf(name.toLowerCase());
  const key = at('Supplier key');
  const byKey = new Map<string, Cell[]>();
  if (key >= 0) for (const row of grid.slice(1)) if (!isBlank(row[key])) byKey.set(String(row[key]).trim(), row);
  const cell = (row: Cell[], name: string): Cell => (at(name) >= 0 ? (row[at(name)] ?? '') : '');
  return (supplier) => {
    const row = byKey.get(supplier);
    if (!row || isBlank(cell(row, 'Locality'))) return undefined;
    return {
      locality: String(cell(row, 'Locality')),
      districtLabel: String(cell(row, 'Local authority')),
      influence: String(cell(row, 'Influenceable')),
      reason: String(cell(row, 'Influence reason')),
      spend: cell(row, 'Spend') as number,
      rows: cell(row, 'Payments') as number,
    };
  };
}
