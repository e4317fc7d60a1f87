/**
 * Finding the spend data in the workbook: the Excel table that holds the selection, else the used
 * range of the active sheet (the sheet analysed last time when the active one is the add-in's
 * own); then its first rows, read to work out its shape with the core (where the result block
 * is, the data's columns and header row).
 */
import { columnLetter, dataWidthOf, layoutOf, locateBlock, RESULT_WIDTH, STATE_SHEET, type BlockPlace, type Cell, type Grid, type Region, type TableLayout, type WorkbookState } from '../core';
import { readRows } from './grid-read';

/** Rows read to find the header and propose a mapping. */
const HEAD_ROWS = 1000;

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
 * A row as the core sees it: the data columns, then the two override cells (blank until the
 * block exists), so the analysis never reads the add-in's own results.
 */
export function coreRow(row: readonly Cell[], dataWidth: number, overrideAt: number | undefined): Cell[] {
  const cells = row.slice(0, dataWidth);
  while (cells.length < dataWidth) cells.push('');
  cells.push(overrideAt === undefined ? '' : (row[overrideAt] ?? ''), overrideAt === undefined ? '' : (row[overrideAt + 1] ?? ''));
  return cells;
}

/** The sheet column of each column of the core grid (data columns, then the two override columns). */
export function sheetColumns(shape: Shape): number[] {
  const columns = Array.from({ length: shape.dataWidth }, (_, c) => shape.region.left + c);
  columns.push(shape.block.firstColumn + RESULT_WIDTH, shape.block.firstColumn + RESULT_WIDTH + 1);
  return columns;
}

/** "A4:I3406": the data's columns from its header (or first data) row to its last row. */
export function dataAddress(shape: Shape): string {
  const { region, dataWidth } = shape;
  const firstRow = headerSheetRow(shape) ?? firstRowSheet(shape);
  return `${columnLetter(region.left)}${firstRow + 1}:${columnLetter(region.left + Math.max(dataWidth, 1) - 1)}${region.bottom + 1}`;
}
