/**
 * The analysis table the summaries are built on (one row per analysed row), an Excel table the
 * add-in owns on its own sheet. Each run replaces its rows; the table itself is kept and resized
 * (ExcelApi 1.13) so that the PivotTables over it can be refreshed rather than rebuilt. A host
 * without Table.resize gets a new table (and the caller rebuilds the PivotTables).
 */
import type { TablePlan } from '../core';
import type { BatchWriter } from './batch-writer';
import { rowsOf, writeRows } from './grid-write';
import { freezeHeaderOp, widthsOp } from './sheet-style';

export const ANALYSIS_TABLE = 'LSB_Analysis';

export interface AnalysisTableState {
  /** The table exists (on the analysis sheet), with this many data rows. */
  existingRows?: number;
}

/** Whether the analysis table is there, and how many data rows it has. */
export async function inspectAnalysisTable(context: Excel.RequestContext): Promise<AnalysisTableState> {
  const table = context.workbook.tables.getItemOrNullObject(ANALYSIS_TABLE);
  await context.sync();
  if (table.isNullObject) return {};
  const body = table.getRange();
  body.load('rowCount');
  await context.sync();
  return { existingRows: body.rowCount - 1 };
}

/**
 * Writes the planned table from A1 of `sheet` and makes it the Excel table. With `keep`
 * the existing table is resized over them; otherwise any old table is deleted first.
 */
export async function writeAnalysisTable(
  context: Excel.RequestContext,
  writer: BatchWriter,
  sheet: Excel.Worksheet,
  existing: AnalysisTableState,
  keep: boolean,
  plan: TablePlan,
  onRows: (done: number) => void,
): Promise<void> {
  const { columns, rows: source } = plan;
  const width = columns.length;
  if (existing.existingRows === undefined || !keep) {
    // The sheet is the add-in's: any table on it (the old one, or one a failed run left unnamed) goes.
    const tables = sheet.tables;
    tables.load('items/name');
    await context.sync();
    for (const table of tables.items) table.delete();
    // The whole sheet, not its used range: that is a null object on an empty sheet, and the
    // documented pattern is to act on a *OrNullObject result only after checking isNullObject.
    sheet.getRange().clear('All');
    await context.sync();
  }
  await writeRows(writer, sheet, 0, 0, rowsOf([columns.map((c) => c.header)]));
  await writeRows(writer, sheet, 1, 0, { count: source.count, width, row: (i) => source.row(i), formats: columns.map((c) => c.format) }, onRows);
  await writer.flush();
  const dataRows = Math.max(1, source.count);
  // A Range, not an address: TableCollection.add takes a sheetless address as being on the active
  // sheet (the user's data), even through this sheet's collection (Excel.TableCollection.add, learn.microsoft.com).
  const range = sheet.getRangeByIndexes(0, 0, dataRows + 1, width);
  if (existing.existingRows !== undefined && keep) {
    context.workbook.tables.getItem(ANALYSIS_TABLE).resize(range);
    if (existing.existingRows > dataRows) sheet.getRangeByIndexes(dataRows + 1, 0, existing.existingRows - dataRows, width).clear('All');
  } else {
    const table = sheet.tables.add(range, true);
    table.name = ANALYSIS_TABLE;
    table.style = 'TableStyleLight9';
  }
  await context.sync();
  await writer.add(widthsOp(sheet, 0, columns.map((c) => c.width)));
  await writer.add(freezeHeaderOp(sheet));
}
