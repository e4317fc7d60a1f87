/**
 * Everything that would stop a write part-way, checked before anything is written, each a
 * BaselineError saying what to do: an Excel too old or a document read-only, then protection,
 * merged cells in the header or where the results go, a sheet too large, no room for the result
 * columns, and last a document that cannot be changed though Office's document mode says it can.
 */
import { BaselineError, RESULT_BLOCK_HEADERS, requireRoomForResults, SHEET_COLUMNS } from '../core';
import { firstRowSheet, headerSheetRow, type Shape } from './data-location';
import { assertWorkbookCanChange, hostCapabilities, isReadOnly, MERGED_AREAS_EXCEL_API, MINIMUM_EXCEL_API, onTheWeb, READ_ONLY_MESSAGE, supportsExcelApi } from './host-check';

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
const BLOCK_WIDTH = RESULT_BLOCK_HEADERS.length;

export function requireWritable(): void {
  if (!supportsExcelApi(MINIMUM_EXCEL_API)) {
    throw new BaselineError('host-unsupported', `This Excel is too old for the add-in (it supports ExcelApi ${hostCapabilities().excelApi}; ExcelApi ${MINIMUM_EXCEL_API} is needed). Use Excel on the web or Microsoft 365.`);
  }
  if (isReadOnly()) throw new BaselineError('read-only', READ_ONLY_MESSAGE);
}

export async function preflight(context: Excel.RequestContext, shape: Shape, ownSheets: readonly string[], options: { checkText?: boolean } = {}): Promise<void> {
  const { region, block, dataWidth } = shape;
  const rows = region.bottom - shape.region.top - shape.layout.firstDataRow + 1;
  if (rows * dataWidth > MAX_ANALYSED_CELLS) {
    throw new BaselineError(
      'too-large',
      `The data on "${region.sheet}" has ${rows.toLocaleString('en-GB')} rows of ${dataWidth} columns, more than the add-in can analyse inside Excel (${MAX_ANALYSED_CELLS.toLocaleString('en-GB')} cells). Split it (by month or quarter) or use the command line.`,
    );
  }
  if (region.table && !block.existed) {
    // A table's column names are unique (TableColumnCollection.add is given each result header as the new column's name).
    const taken = new Set(shape.headers.map((h) => h.trim().toLowerCase()));
    const clashes = RESULT_BLOCK_HEADERS.slice(block.present).filter((h) => taken.has(h.toLowerCase()));
    if (clashes.length > 0) {
      throw new BaselineError('column-name-taken', `The table ${region.table} already has a column called ${clashes.map((h) => `"${h}"`).join(', ')}, a name the add-in needs for its result columns. Rename that column (for example "${clashes[0]} (yours)"), then analyse again.`);
    }
  }
  requireRoomForResults(region.sheet, block.firstColumn);
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
    throw new BaselineError('protected', 'The workbook structure is protected, so the add-in cannot add its sheets. Unprotect it (Review > Protect Workbook), then analyse again.');
  }
  if (dataSheet.protection.protected) {
    throw new BaselineError('protected', `The sheet "${region.sheet}" is protected, so the result columns cannot be written. Unprotect it (Review > Unprotect Sheet), then analyse again.`);
  }
  for (const { name, sheet } of others) {
    if (!sheet.isNullObject && sheet.protection.protected) {
      throw new BaselineError('protected', `The add-in's sheet "${name}" is protected. Unprotect it (Review > Unprotect Sheet), then analyse again.`);
    }
  }
  if (rightOfTable && !rightOfTable.values.isNullObject) {
    throw new BaselineError(
      'no-room',
      `The table ${region.table} needs ${BLOCK_WIDTH} more columns for the results, but there are cells to its right (${rightOfTable.values.address.replace(/^.*!/, '')}) that would be moved. Move or clear them, then analyse again.`,
    );
  }
  const tableColumns = region.right - region.left + 1;
  if (rightOfTable && !rightOfTable.anything.isNullObject && onTheWeb() && tableRows * (SHEET_COLUMNS - 1 - tableColumns) > WEB_OPERATION_CELL_LIMIT) {
    throw new BaselineError(
      'no-room',
      `The table ${region.table} has formatted cells to its right (${rightOfTable.anything.address.replace(/^.*!/, '')}). Excel on the web cannot add columns to a table of ${tableRows.toLocaleString('en-GB')} rows while anything lies to its right (it would move more than ${WEB_OPERATION_CELL_LIMIT.toLocaleString('en-GB')} cells). Select those cells and clear them (Home > Clear > Clear Formats), then analyse again.`,
    );
  }
  for (const areas of merged) {
    if (!areas.isNullObject) {
      throw new BaselineError('merged-cells', `There are merged cells (${areas.address.replace(/(?:'[^']*'|[^,!']+)!/g, '')}) in the header row or where the result columns go. Unmerge them (Home > Merge & Center), then analyse again.`);
    }
  }
  await assertWorkbookCanChange(context, options);
}
