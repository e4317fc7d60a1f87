/**
 * The sheets the user edits (Suppliers, Rules, Local register), written as the core plans them:
 * a cell is written only when its new content differs from what is there, so nothing the user
 * typed, and none of their formats, is touched; a new sheet gets its header styled and frozen.
 */
import { isBlank, type Cell, type Grid, type UserSheetPlan } from '../core';
import type { BatchWriter } from './batch-writer';
import { writeRows, type WriteCell } from './grid-write';
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

export async function writeUserSheet(writer: BatchWriter, sheet: Excel.Worksheet, plan: UserSheetPlan): Promise<void> {
  const changes = changedCells(plan.before ?? [], plan.after);
  if (changes) {
    const width = changes.rows[0]?.length ?? 0;
    await writeRows(writer, sheet, changes.top, 0, { count: changes.rows.length, width, row: (i) => changes.rows[i], formats: plan.columns.map((c) => c.format) });
  }
  if (plan.isNew && plan.columns.length > 0) {
    await writer.add(headerStyleOp(() => sheet.getRangeByIndexes(0, 0, 1, plan.columns.length)));
    await writer.add(widthsOp(sheet, 0, plan.columns.map((c) => c.width)));
    await writer.add(freezeHeaderOp(sheet));
  }
}
