/**
 * Reading many rows in as few requests as Excel's limits allow: each read asks for as many rows
 * as fit the response budget and the cell limit, sized from the column count and then from what
 * the rows read so far weighed; a read Excel refuses as too large (with an error, or with null
 * values) is asked again in halves, and no later read is larger than one it refused.
 */
import { BaselineError, type Cell } from '../core';
import { AnalysisCancelled } from './api';
import { isOversizedReadError, isPayloadLimitError, MAX_CELLS_PER_READ, readRefused, REQUEST_BUDGET_BYTES, rowBytes } from './request-size';

/** Columns read side by side for the same rows, e.g. the data and, further right, two override columns. */
export interface ColumnSpan {
  left: number;
  count: number;
}

export interface ReadOptions {
  /** The sheet's name, for messages. */
  sheetName: string;
  signal?: AbortSignal;
  /** Rows read so far, after each request. */
  onProgress?: (done: number) => void;
  /** Also find which rows are hidden (by hand or by a filter), for `onChunk`. */
  hiddenRows?: boolean;
}

/** A first guess of a cell's JSON size, before any row has been weighed. */
const FIRST_GUESS_BYTES_PER_CELL = 48;

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AnalysisCancelled();
}

/** Ranges asked about in one request while finding hidden rows: well inside the request size limit. */
const HIDDEN_RANGES_PER_REQUEST = 2_000;

/**
 * Range.rowHidden is true when every row of a range is hidden, false when none is and null when
 * some are: mixed ranges are halved, the halves of a level asked about together, until each is
 * one or the other. Few requests when few rows are hidden, and none beyond the read when none are.
 */
async function hiddenRowsIn(context: Excel.RequestContext, sheet: Excel.Worksheet, first: Excel.Range, top: number, rows: number, left: number): Promise<Set<number>> {
  const hidden = new Set<number>();
  let level = [{ top, rows, range: first }];
  while (level.length > 0) {
    const halves: { top: number; rows: number }[] = [];
    for (const part of level) {
      if (part.range.rowHidden === null) {
        const half = part.rows >> 1;
        halves.push({ top: part.top, rows: half }, { top: part.top + half, rows: part.rows - half });
      } else if (part.range.rowHidden) {
        for (let r = part.top; r < part.top + part.rows; r++) hidden.add(r);
      }
    }
    level = [];
    for (let i = 0; i < halves.length; i += HIDDEN_RANGES_PER_REQUEST) {
      const asked = halves.slice(i, i + HIDDEN_RANGES_PER_REQUEST).map((p) => ({ ...p, range: sheet.getRangeByIndexes(p.top, left, p.rows, 1).load('rowHidden') }));
      await context.sync();
      level.push(...asked);
    }
  }
  return hidden;
}

/**
 * Reads rows `top`..`top + rows - 1` (0-based sheet rows) of the spans and hands each chunk to
 * `onChunk` as rows of cells (the spans' cells one after another), with the sheet row of its
 * first row and, when asked for, the sheet rows of the chunk that are hidden.
 */
export async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  top: number,
  rows: number,
  spans: readonly ColumnSpan[],
  onChunk: (cells: Cell[][], firstRow: number, hidden?: ReadonlySet<number>) => void,
  options: ReadOptions,
): Promise<void> {
  const width = spans.reduce((sum, span) => sum + span.count, 0);
  if (width === 0 || rows <= 0) return;
  let maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_READ / width));
  let chunkRows = Math.min(maxRows, Math.max(1, Math.floor(REQUEST_BUDGET_BYTES / (width * FIRST_GUESS_BYTES_PER_CELL))));
  let done = 0;
  while (done < rows) {
    throwIfCancelled(options.signal);
    const count = Math.min(chunkRows, rows - done);
    const ranges = spans.map((span, i) => sheet.getRangeByIndexes(top + done, span.left, count, span.count).load(i === 0 && options.hiddenRows ? 'values, rowHidden' : 'values'));
    let refusal: unknown;
    try {
      await context.sync();
    } catch (error) {
      if (!isOversizedReadError(error)) throw error;
      refusal = error;
    }
    if (refusal !== undefined || readRefused(ranges)) {
      if (count === 1) {
        // A GeneralException for a single row is not about its size: it is passed on as it is.
        if (refusal !== undefined && !isPayloadLimitError(refusal)) throw refusal;
        throw new BaselineError('row-too-large', `Row ${top + done + 1} of "${options.sheetName}" is too large for Excel to hand over in one request.`);
      }
      maxRows = Math.max(1, count >> 1);
      chunkRows = maxRows;
      continue;
    }
    const cells: Cell[][] = new Array(count);
    let bytes = 0;
    for (let r = 0; r < count; r++) {
      const row: Cell[] = spans.length === 1 ? (ranges[0].values[r] as Cell[]) : ranges.flatMap((range) => range.values[r] as Cell[]);
      cells[r] = row;
      bytes += rowBytes(row);
    }
    const hidden = options.hiddenRows ? await hiddenRowsIn(context, sheet, ranges[0], top + done, count, spans[0].left) : undefined;
    onChunk(cells, top + done, hidden);
    done += count;
    options.onProgress?.(done);
    // The next request sized from what these rows weighed, with a tenth to spare.
    const perRow = Math.max(1, bytes / count);
    chunkRows = Math.min(maxRows, Math.max(1, Math.floor((REQUEST_BUDGET_BYTES * 0.9) / perRow)));
  }
}
