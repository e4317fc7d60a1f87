/**
 * Rows of cells written to a sheet in requests under the budget. Every string is written into a
 * text-formatted cell, its format set before its value in the same request: Excel keeps what is
 * written to a Text ("@") cell as typed, so text that begins with = + - @, a tab or a carriage
 * return stays text (never a formula), and "01234" or "3/4" stay text (never a number or a
 * date). No apostrophe is added: in a Text cell it would be kept as part of the value.
 */
import { isFormula, NUMBER_FORMATS, type ColumnFormat, type PlanCell, type PlanRows } from '../core';
import type { BatchWriter, WriteOp } from './batch-writer';
import { REQUEST_BUDGET_BYTES, rowBytes } from './request-size';

/** A cell to write; null leaves the cell (value or format) as it is. */
export type WriteCell = PlanCell;

export const TEXT_FORMAT = NUMBER_FORMATS.text!;

export const GENERAL_FORMAT = 'General';

/**
 * The number format to set with a value: text for strings, the column's format (else General)
 * for numbers and formulas. Never the cell's old format: a formula written into a Text cell is
 * kept as its text, not calculated (Excel's Text format shows what is entered as entered).
 */
export function formatFor(cell: WriteCell, column: ColumnFormat | null): string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return cell === '' ? null : TEXT_FORMAT;
  if (isFormula(cell) || typeof cell === 'number') return (column === null || column === 'text' ? undefined : NUMBER_FORMATS[column]) ?? GENERAL_FORMAT;
  return null;
}

export interface RowSource extends PlanRows {
  /** The column formats numbers and formulas take (strings are always text). */
  formats?: readonly (ColumnFormat | null)[];
}

interface Chunk {
  first: number;
  values: WriteCell[][];
  formats: (string | null)[][];
  bytes: number;
}

function toExcel(cell: WriteCell): unknown {
  return cell !== null && isFormula(cell) ? `=${cell.formula}` : cell;
}

/**
 * Queues the rows as requests of at most the budget, from sheet row `top` and column `left`
 * (0-based); `onRows` hears how many rows are queued so far.
 */
export async function writeRows(
  writer: BatchWriter,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  source: RowSource,
  onRows?: (done: number) => void,
): Promise<void> {
  const chunkOp = (chunk: Chunk): WriteOp => ({
    bytes: chunk.bytes,
    queue() {
      const range = sheet.getRangeByIndexes(top + chunk.first, left, chunk.values.length, source.width);
      if (chunk.formats.some((row) => row.some((f) => f !== null))) range.numberFormat = chunk.formats;
      const hasFormula = chunk.values.some((row) => row.some((c) => c !== null && isFormula(c)));
      const cells = chunk.values.map((row) => row.map(toExcel));
      if (hasFormula) range.formulas = cells;
      else range.values = cells;
    },
    split() {
      if (chunk.values.length < 2) return [];
      const half = chunk.values.length >> 1;
      return [
        { first: chunk.first, values: chunk.values.slice(0, half), formats: chunk.formats.slice(0, half), bytes: chunk.bytes / 2 },
        { first: chunk.first + half, values: chunk.values.slice(half), formats: chunk.formats.slice(half), bytes: chunk.bytes / 2 },
      ].map(chunkOp);
    },
  });

  const columnFormats = source.formats ?? [];
  let chunk: Chunk = { first: 0, values: [], formats: [], bytes: 64 };
  // Most rows have the formats of the row before: they share its array (a million rows, few arrays).
  let previous: (string | null)[] = [];
  for (let i = 0; i < source.count; i++) {
    const values = source.row(i);
    let formats = previous;
    for (let c = 0; c < values.length; c++) {
      const format = formatFor(values[c], columnFormats[c] ?? null);
      if (formats === previous && (c >= previous.length || previous[c] !== format)) formats = previous.slice(0, c);
      if (formats !== previous) formats.push(format);
    }
    if (formats === previous && previous.length !== values.length) formats = previous.slice(0, values.length);
    previous = formats;
    const bytes = rowBytes(values) + rowBytes(formats);
    if (chunk.values.length > 0 && chunk.bytes + bytes > REQUEST_BUDGET_BYTES) {
      await writer.add(chunkOp(chunk));
      onRows?.(i);
      chunk = { first: i, values: [], formats: [], bytes: 64 };
    }
    chunk.values.push(values);
    chunk.formats.push(formats);
    chunk.bytes += bytes;
  }
  if (chunk.values.length > 0) await writer.add(chunkOp(chunk));
  onRows?.(source.count);
}

/** A small block of rows (a header, a title) as a row source. */
export function rowsOf(rows: WriteCell[][], formats?: readonly (ColumnFormat | null)[]): RowSource {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return {
    count: rows.length,
    width,
    row: (i) => {
      const row = rows[i];
      return row.length === width ? row : [...row, ...new Array<WriteCell>(width - row.length).fill(null)];
    },
    formats,
  };
}
