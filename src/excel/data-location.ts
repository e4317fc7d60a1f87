/**
 * Finding the spend data in the workbook: the Excel table that holds the selection, else the used
 * range of the active sheet (the sheet analysed last time when the active one is the add-in's
 * own); then its first rows, read to work out its shape; then the checks made before anything is
 * written.
 */
import type { Grid } from '../core/cell';
import { columnLetter } from '../core/mapping';
import { STATE_SHEET, type WorkbookState } from '../core/settings';
import { WorkbookError } from './api';
import { BLOCK_HEADERS, BLOCK_WIDTH, coreRow, dataWidthOf, layoutOf, locateBlock, RESULT_WIDTH, type BlockPlace, type Region } from './data-shape';
import { readRows } from './grid-read';
import { assertWorkbookCanChange, MERGED_AREAS_EXCEL_API, onTheWeb, supportsExcelApi } from './host-check';
import type { TableLayout } from '../core/table';

/** Rows read to find the header and propose a mapping. */
const HEAD_ROWS = 1000;
/** Excel's last column (XFD) is index 16383. */
const SHEET_COLUMNS = 16384;
/**
 * Excel on the web refuses TableColumnCollection.add with OperationCellsExceedLimit when
 * (table rows) x (16383 - table columns) is over this and anything, formatting included, lies to
 * the right of the table ("Error handling with the application-specific JavaScript APIs").
 */
const WEB_OPERATION_CELL_LIMIT = 33_554_000;
/**
 * The most cells an analysis reads (about a million rows of thirty columns): beyond it the task
 * pane would hold more than a browser tab comfortably can.
 */
const MAX_ANALYSED_CELLS = 30_000_000;

const lower = (name: string) => name.toLowerCase();

export interface Located {
  region?: Region;
  /** Why no data was found, with what to do. */
  problem?: string;
}

/**
 * The selected range, or undefined when there is none to read: Workbook.getSelectedRange "If
 * there are multiple ranges selected, this method will throw an error", so it has a request of its own.
 */
async function selectedRange(context: Excel.RequestContext): Promise<Excel.Range | undefined> {
  const selection = context.workbook.getSelectedRange();
  selection.load('rowIndex,columnIndex,rowCount,columnCount');
  try {
    await context.sync();
    return selection;
  } catch {
    return undefined;
  }
}

export async function locateData(context: Excel.RequestContext, state: WorkbookState): Promise<Located> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  await context.sync();
  const selection = await selectedRange(context);

  const own = new Set([...Object.values(state.owned.sheets), STATE_SHEET].filter((n): n is string => !!n).map(lower));
  let sheetName = active.name;
  const onOwnSheet = own.has(lower(sheetName));
  if (onOwnSheet) {
    const recorded = state.owned.resultColumns[0]?.sheet ?? state.settings.mapping?.sheet;
    if (!recorded || !sheets.items.some((s) => s.name === recorded)) {
      return { problem: `"${sheetName}" is one of the add-in's own sheets. Select a cell in your spend data, then try again.` };
    }
    sheetName = recorded;
  }
  const sheet = sheets.getItem(sheetName);
  const tables = sheet.tables;
  tables.load('items/name,items/showHeaders,items/showTotals');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();

  const ranges = tables.items.map((table) => table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'));
  if (ranges.length > 0) await context.sync();
  const recordedTable = state.owned.resultColumns.find((r) => r.sheet === sheetName)?.table;
  // With no selection to go by, a sheet's only table is the data.
  const holding = tables.items.findIndex((table, i) =>
    onOwnSheet ? table.name === recordedTable : selection ? overlaps(ranges[i], selection) : tables.items.length === 1,
  );
  if (holding >= 0) {
    const table = tables.items[holding];
    const r = ranges[holding];
    // A total row is not data; a table whose header row is removed has its column names still.
    const region: Region = { sheet: sheetName, table: table.name, top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1 - (table.showTotals ? 1 : 0), right: r.columnIndex + r.columnCount - 1 };
    if (table.showTotals) region.totalRow = true;
    if (!table.showHeaders) {
      table.columns.load('items/name');
      await context.sync();
      region.columnNames = table.columns.items.map((c) => c.name);
    }
    return { region };
  }
  if (used.isNullObject) return { problem: `The sheet "${sheetName}" is empty. Open the sheet that holds your spend data, then try again.` };
  // From column A, so that "Column F" means column F for data without a header row.
  return { region: { sheet: sheetName, top: used.rowIndex, left: 0, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 } };
}

function overlaps(a: Excel.Range, b: Excel.Range): boolean {
  return a.rowIndex <= b.rowIndex + b.rowCount - 1 && b.rowIndex <= a.rowIndex + a.rowCount - 1 && a.columnIndex <= b.columnIndex + b.columnCount - 1 && b.columnIndex <= a.columnIndex + a.columnCount - 1;
}

/** The data's shape from its first rows. */
export interface Shape {
  region: Region;
  block: BlockPlace;
  /** Columns of the user's data, from region.left. */
  dataWidth: number;
  /** The first rows as the core sees them: data columns, then the two override cells. */
  head: Grid;
  /** Grid rows are relative to region.top; lastDataRow is the region's last row. */
  layout: TableLayout;
  /** Labels of the data columns. */
  headers: string[];
}

/** 0-based sheet row of the layout's header, or null. */
export function headerSheetRow(shape: Shape): number | null {
  return shape.layout.headerRow === null ? null : shape.region.top + shape.layout.headerRow;
}

/** 0-based sheet row of the first row under the header (or of the first data row). */
export function firstRowSheet(shape: Shape): number {
  return shape.region.top + shape.layout.firstDataRow;
}

/** Reads the first rows and works out the shape; `headerRow` is the user's choice (0-based sheet row, or null for none). */
export async function readShape(context: Excel.RequestContext, region: Region, state: WorkbookState, headerRow?: number | null): Promise<Shape> {
  const rows = Math.min(HEAD_ROWS, region.bottom - region.top + 1);
  const full: Grid = [];
  await readRows(context, context.workbook.worksheets.getItem(region.sheet), region.top, rows, [{ left: region.left, count: region.right - region.left + 1 }], (cells) => {
    for (const row of cells) full.push(row);
  }, { sheetName: region.sheet });
  // A table without its header row has its column names, the result columns' among them, still.
  const block = locateBlock(region.columnNames ? [region.columnNames, ...full] : full, region, state.owned.resultColumns.find((r) => r.sheet === region.sheet));
  const dataWidth = dataWidthOf(region, block);
  const overrideAt = block.existed ? block.firstColumn - region.left + RESULT_WIDTH : undefined;
  const head = full.map((row) => coreRow(row, dataWidth, overrideAt));
  const lastRow = region.bottom - region.top;
  const chosen = region.table ? (region.columnNames ? null : 0) : headerRow === undefined || headerRow === null ? headerRow : headerRow - region.top;
  const found = layoutOf(head, lastRow, chosen !== undefined && chosen !== null && (chosen < 0 || chosen >= head.length) ? undefined : chosen);
  const layout = region.columnNames ? { ...found, headers: found.headers.map((h, c) => region.columnNames![c] ?? h) } : found;
  return { region, block, dataWidth, head, layout, headers: layout.headers.slice(0, dataWidth) };
}

/**
 * Everything that would stop a write part-way, checked before anything is written: protection,
 * merged cells in the header or where the results go, a sheet too large, no room for the result
 * columns, and last a document that cannot be changed (read-only, though Office may not say so).
 * Each is a WorkbookError saying what to do.
 */
export async function preflight(context: Excel.RequestContext, shape: Shape, ownSheets: readonly string[]): Promise<void> {
  const { region, block, dataWidth } = shape;
  const rows = region.bottom - shape.region.top - shape.layout.firstDataRow + 1;
  if (rows * dataWidth > MAX_ANALYSED_CELLS) {
    throw new WorkbookError(
      `The data on "${region.sheet}" has ${rows.toLocaleString('en-GB')} rows of ${dataWidth} columns, more than the add-in can analyse inside Excel (${MAX_ANALYSED_CELLS.toLocaleString('en-GB')} cells). Split it (by month or quarter) or use the command line.`,
    );
  }
  if (region.table && !block.existed) {
    // A table's column names are unique (TableColumnCollection.add is given each result header as the new column's name).
    const taken = new Set(shape.headers.map((h) => h.trim().toLowerCase()));
    const clashes = BLOCK_HEADERS.slice(block.present).filter((h) => taken.has(h.toLowerCase()));
    if (clashes.length > 0) {
      throw new WorkbookError(`The table ${region.table} already has a column called ${clashes.map((h) => `"${h}"`).join(', ')}, a name the add-in needs for its result columns. Rename that column (for example "${clashes[0]} (yours)"), then analyse again.`);
    }
  }
  if (block.firstColumn + BLOCK_WIDTH > SHEET_COLUMNS) {
    throw new WorkbookError(`There is no room for the ${BLOCK_WIDTH} result columns to the right of the data on "${region.sheet}": it reaches the last column of the sheet.`);
  }
  const workbookProtection = context.workbook.protection;
  workbookProtection.load('protected');
  const sheets = context.workbook.worksheets;
  const dataSheet = sheets.getItem(region.sheet);
  dataSheet.protection.load('protected');
  const others = ownSheets.map((name) => {
    const sheet = sheets.getItemOrNullObject(name);
    sheet.protection.load('protected');
    return { name, sheet };
  });
  // Adding table columns moves what is to the right of every row of the table, its total row too.
  const tableRows = region.bottom - region.top + 1 + (region.totalRow ? 1 : 0);
  let rightOfTable: { values: Excel.Range; anything: Excel.Range } | undefined;
  if (region.table && !block.existed) {
    const band = dataSheet.getRangeByIndexes(region.top, region.right + 1, tableRows, SHEET_COLUMNS - region.right - 1);
    rightOfTable = { values: band.getUsedRangeOrNullObject(true).load('address'), anything: band.getUsedRangeOrNullObject(false).load('address') };
  }
  const merged: Excel.RangeAreas[] = [];
  if (supportsExcelApi(MERGED_AREAS_EXCEL_API)) {
    const header = headerSheetRow(shape);
    if (header !== null) merged.push(dataSheet.getRangeByIndexes(header, region.left, 1, dataWidth).getMergedAreasOrNullObject());
    merged.push(dataSheet.getRangeByIndexes(header ?? firstRowSheet(shape), block.firstColumn, region.bottom - (header ?? firstRowSheet(shape)) + 1, BLOCK_WIDTH).getMergedAreasOrNullObject());
    for (const areas of merged) areas.load('address');
  }
  await context.sync();

  if (workbookProtection.protected) {
    throw new WorkbookError('The workbook structure is protected, so the add-in cannot add its sheets. Unprotect it (Review > Protect Workbook), then analyse again.');
  }
  if (dataSheet.protection.protected) {
    throw new WorkbookError(`The sheet "${region.sheet}" is protected, so the result columns cannot be written. Unprotect it (Review > Unprotect Sheet), then analyse again.`);
  }
  for (const { name, sheet } of others) {
    if (!sheet.isNullObject && sheet.protection.protected) {
      throw new WorkbookError(`The add-in's sheet "${name}" is protected. Unprotect it (Review > Unprotect Sheet), then analyse again.`);
    }
  }
  if (rightOfTable && !rightOfTable.values.isNullObject) {
    throw new WorkbookError(
      `The table ${region.table} needs ${BLOCK_WIDTH} more columns for the results, but there are cells to its right (${rightOfTable.values.address.replace(/^.*!/, '')}) that would be moved. Move or clear them, then analyse again.`,
    );
  }
  const tableColumns = region.right - region.left + 1;
  if (rightOfTable && !rightOfTable.anything.isNullObject && onTheWeb() && tableRows * (SHEET_COLUMNS - 1 - tableColumns) > WEB_OPERATION_CELL_LIMIT) {
    throw new WorkbookError(
      `The table ${region.table} has formatted cells to its right (${rightOfTable.anything.address.replace(/^.*!/, '')}). Excel on the web cannot add columns to a table of ${tableRows.toLocaleString('en-GB')} rows while anything lies to its right (it would move more than ${WEB_OPERATION_CELL_LIMIT.toLocaleString('en-GB')} cells). Select those cells and clear them (Home > Clear > Clear Formats), then analyse again.`,
    );
  }
  for (const areas of merged) {
    if (!areas.isNullObject) {
      throw new WorkbookError(`There are merged cells (${areas.address.replace(/(?:'[^']*'|[^,!']+)!/g, '')}) in the header row or where the result columns go. Unmerge them (Home > Merge & Center), then analyse again.`);
    }
  }  await assertWorkbookCanChange(context);
}

/** "Column F" of the sheet for a column of the core grid (data columns, then the two override columns). */
export function sheetColumnLetter(shape: Shape, column: number): string {
  return column < shape.dataWidth ? columnLetter(shape.region.left + column) : columnLetter(shape.block.firstColumn + RESULT_WIDTH + column - shape.dataWidth);
}
