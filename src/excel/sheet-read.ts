/**
 * Whole sheets the add-in owns or shares with the user (the state, Suppliers, Rules, Local
 * register) read as grids from A1, in one request when they are small, in chunks when not.
 */
import type { Cell, Grid } from '../core';
import { readRows } from './grid-read';
import { isOversizedReadError, readRefused, REQUEST_BUDGET_BYTES } from './request-size';

/** Sheets this small (in cells from A1) are read together in one request. */
const SMALL_SHEET_CELLS = Math.floor(REQUEST_BUDGET_BYTES / 64);

interface Extent {
  name: string;
  rows: number;
  columns: number;
}

/** Each named sheet's values from A1 to its last used cell; undefined for a sheet that is not there. */
export async function readSheetGrids(context: Excel.RequestContext, names: readonly string[]): Promise<Map<string, Grid | undefined>> {
  const probes = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name, sheet, used };
  });
  await context.sync();
  const grids = new Map<string, Grid | undefined>();
  const extents: Extent[] = [];
  for (const { name, sheet, used } of probes) {
    if (sheet.isNullObject) grids.set(name, undefined);
    else if (used.isNullObject) grids.set(name, []);
    else extents.push({ name, rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount });
  }
  // Small sheets go together while their cells fit one response; the rest, and any group Excel
  // refuses as too large (the 64 bytes a cell is a guess), are read in chunks.
  const small: Extent[] = [];
  let smallCells = 0;
  for (const e of extents) {
    const cells = e.rows * e.columns;
    if (smallCells + cells > SMALL_SHEET_CELLS) continue;
    small.push(e);
    smallCells += cells;
  }
  const chunked = extents.filter((e) => !small.includes(e));
  if (small.length > 0) {
    const smallRanges = small.map((e) => context.workbook.worksheets.getItem(e.name).getRangeByIndexes(0, 0, e.rows, e.columns).load('values'));
    let refused: boolean;
    try {
      await context.sync();
      refused = readRefused(smallRanges);
    } catch (error) {
      if (!isOversizedReadError(error)) throw error;
      refused = true;
    }
    if (refused) chunked.push(...small);
    else small.forEach((e, i) => grids.set(e.name, smallRanges[i].values as Cell[][]));
  }
  for (const e of chunked) {
    const grid: Grid = [];
    await readRows(context, context.workbook.worksheets.getItem(e.name), 0, e.rows, [{ left: 0, count: e.columns }], (cells) => {
      for (const row of cells) grid.push(row);
    }, { sheetName: e.name });
    grids.set(e.name, grid);
  }
  return grids;
}
