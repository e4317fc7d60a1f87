/**
 * Reading what the analysis needs from the workbook: the state, the sheet names, what the data
 * looks like (for the pane to confirm), and the data's rows, chunk by chunk into the core's
 * reader (cancellable, with progress).
 */
import { createSpendReader, missingFields, proposedMapping, RESULT_WIDTH, stateFromGrid, STATE_SHEET, type Mapping, type SpendData, type TableLayout, type WorkbookState } from '../core';
import type { AnalysePhase, DataFound } from './api';
import { dataAddress, firstRowSheet, headerSheetRow, sheetColumns, type Shape } from './data-location';
import { readRows } from './grid-read';
import { readSheetGrids } from './sheet-read';

export async function readState(context: Excel.RequestContext): Promise<{ state: WorkbookState; rows: number; exists: boolean }> {
  const grid = (await readSheetGrids(context, [STATE_SHEET])).get(STATE_SHEET);
  return { state: stateFromGrid(grid), rows: grid?.length ?? 0, exists: grid !== undefined };
}

export async function existingSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/** The data as the pane shows it to be confirmed: where it is, its headers, and the mapping to offer. */
export function dataFound(shape: Shape, state: WorkbookState): DataFound {
  const { region, layout, headers, dataWidth } = shape;
  const headLayout: TableLayout = { ...layout, lastDataRow: Math.min(layout.lastDataRow, shape.head.length - 1) };
  const mapping = proposedMapping(shape.head, headLayout, dataWidth, state, region.sheet);
  const header = headerSheetRow(shape);
  return {
    sheet: region.sheet,
    ...(region.table ? { table: region.table } : {}),
    address: dataAddress(shape),
    headerRow: header === null ? null : header + 1,
    headers,
    mapping,
    missing: missingFields(mapping),
    rows: Math.max(0, region.bottom - firstRowSheet(shape) + 1),
  };
}

/** Reads every data row, chunk by chunk, into the core's reader: the data columns, and the block's two override columns when it is there. */
export async function readSpendData(
  context: Excel.RequestContext,
  shape: Shape,
  mapping: Mapping,
  signal: AbortSignal | undefined,
  progress: (phase: AnalysePhase, done: number, total: number) => void,
): Promise<SpendData> {
  const { region, layout, block, dataWidth } = shape;
  const header = headerSheetRow(shape);
  const first = firstRowSheet(shape);
  const total = region.bottom - first + 1;
  const spans = [{ left: region.left, count: dataWidth }];
  if (block.existed) spans.push({ left: block.firstColumn + RESULT_WIDTH, count: 2 });
  const reader = createSpendReader();
  const sheet = reader.sheet(
    {
      sheet: region.sheet,
      ...(region.table ? { table: region.table } : {}),
      source: '',
      headerRow: header,
      firstRow: header === null ? first : header + 1,
      lastRow: region.bottom,
      mapping,
      sheetColumns: sheetColumns(shape),
      block,
    },
    layout.headerRow === null ? undefined : shape.head[layout.headerRow],
  );
  progress('reading', 0, total);
  await readRows(context, context.workbook.worksheets.getItem(region.sheet), first, total, spans, (cells, firstRow, hidden) => sheet.read(cells, firstRow, hidden), {
    sheetName: region.sheet,
    hiddenRows: true,
    signal,
    onProgress: (done) => progress('reading', done, total),
  });
  return reader.finish();
}
