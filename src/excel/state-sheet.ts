/**
 * The workbook state (SPEC.md, "Workbook state") on the very hidden sheet the command line reads
 * too: versioned JSON split over column A, read and written by the core. Damaged state can be
 * reset: the user cannot remove the sheet (Excel's Unhide dialog does not list a very hidden
 * sheet, and Worksheet.delete refuses one).
 */
import { STATE_SHEET, stateToCells, type WorkbookState } from '../core';
import type { BatchWriter } from './batch-writer';
import { writeRows, type WriteCell } from './grid-write';

/** Adds the very hidden state sheet when the workbook has none. */
export async function ensureStateSheet(context: Excel.RequestContext, exists: boolean): Promise<void> {
  if (exists) return;
  const sheet = context.workbook.worksheets.add(STATE_SHEET);
  sheet.visibility = 'VeryHidden';
  await context.sync();
}

/**
 * Queues the state's cells over what was there (`previousRows` cells), clearing any left below.
 */
export async function writeState(writer: BatchWriter, context: Excel.RequestContext, state: WorkbookState, previousRows: number): Promise<number> {
  const cells = stateToCells(state);
  const rows: WriteCell[][] = cells.map((text) => [text]);
  for (let r = cells.length; r < previousRows; r++) rows.push(['']);
  const sheet = context.workbook.worksheets.getItem(STATE_SHEET);
  await writeRows(writer, sheet, 0, 0, { count: rows.length, width: 1, row: (i) => rows[i] });
  return cells.length;
}

/**
 * Deletes the state sheet, if there is one: made hidden first, since Worksheet.delete fails on a
 * very hidden sheet ("if the worksheet's visibility is set to "VeryHidden", the delete operation
 * will fail with an InvalidOperation exception").
 */
export async function removeStateSheet(context: Excel.RequestContext): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  await context.sync();
  if (sheet.isNullObject) return;
  sheet.visibility = 'Hidden';
  sheet.delete();
  await context.sync();
}
