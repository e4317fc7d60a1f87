/**
 * Where the table is in a sheet: the header row (not necessarily row 1, since title lines above
 * it are common, and possibly absent altogether) and the rows of data below it. Rows inside the
 * range that are not payments (totals, notes, a repeated header) are left for readSpendRows to
 * report, so nothing between the first and last data row is dropped unseen.
 */
import { isBlank, type Cell, type Grid } from './cell';
import { columnLetter } from './column-letters';
import { matchHeader } from './header-vocabulary';
import { dateSerial, parseAmountText } from './values';

export interface TableLayout {
  /** 0-based index into the grid, or null when the table has no header row. */
  headerRow: number | null;
  /** One per grid column: the header text, or a generated label such as "Column F". */
  headers: string[];
  /** 0-based, inclusive. */
  firstDataRow: number;
  lastDataRow: number;
}

/** How far down a sheet a header row is looked for: title blocks are a few lines, not pages. */
const HEADER_SEARCH_ROWS = 30;
/** A header row names at least this many recognisable spend columns. */
const MIN_RECOGNISED_HEADERS = 2;
/**
 * Rows of values above a candidate header mean it is not the table's header but a copy of it
 * further down (Hyndburn's March 2025 has its only header line at the bottom).
 */
const MAX_VALUE_ROWS_ABOVE_HEADER = 2;

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

function nonBlankCount(row: Cell[] | undefined): number {
  if (!row) return 0;
  let count = 0;
  for (const cell of row) if (!isBlank(cell)) count++;
  return count;
}

/** A number, money or a date: what a data row has and a header row does not. */
function isValueLike(cell: Cell): boolean {
  if (typeof cell === 'number') return true;
  if (typeof cell !== 'string') return false;
  return !Number.isNaN(parseAmountText(cell)) || !Number.isNaN(dateSerial(cell));
}

/** Text labels only: every filled cell is text that is not a number, an amount or a date. */
function isLabelRow(row: Cell[]): boolean {
  for (const cell of row) {
    if (isBlank(cell)) continue;
    if (typeof cell !== 'string' || isValueLike(cell)) return false;
  }
  return true;
}

/**
 * How strongly a row reads as the header of a spend table: the confidence of each field its
 * cells name, counted once per field, and more for the two every spend table has.
 */
function headerScore(row: Cell[]): { fields: number; score: number } {
  const best = new Map<string, number>();
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    const match = matchHeader(cell)[0];
    if (match && match.confidence >= 0.6 && match.confidence > (best.get(match.field) ?? 0)) {
      best.set(match.field, match.confidence);
    }
  }
  let score = 0;
  for (const [field, confidence] of best) score += confidence + (field === 'supplier' || field === 'amount' ? 0.5 : 0);
  return { fields: best.size, score };
}

function findHeaderRow(grid: Grid, lastRow: number): number | null {
  const limit = Math.min(lastRow + 1, HEADER_SEARCH_ROWS);
  let best: number | null = null;
  let bestScore = 0;
  let valueRowsAbove = 0;
  for (let r = 0; r < limit && valueRowsAbove <= MAX_VALUE_ROWS_ABOVE_HEADER; r++) {
    const row = grid[r];
    if (looksLikeDataRow(row)) valueRowsAbove++;
    if (nonBlankCount(row) < 2 || !isLabelRow(row)) continue;
    const { fields, score } = headerScore(row);
    if (fields >= MIN_RECOGNISED_HEADERS && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best !== null) return best;
  // Headers in words the vocabulary does not know: a row of labels over a row of values.
  valueRowsAbove = 0;
  for (let r = 0; r < limit && valueRowsAbove <= MAX_VALUE_ROWS_ABOVE_HEADER; r++) {
    const row = grid[r];
    if (looksLikeDataRow(row)) valueRowsAbove++;
    if (nonBlankCount(row) < 3 || !isLabelRow(row)) continue;
    let next = r + 1;
    while (next <= lastRow && nonBlankCount(grid[next]) === 0) next++;
    const below = grid[next];
    if (below && row.some((cell, c) => !isBlank(cell) && isValueLike(below[c] ?? null))) return r;
  }
  return null;
}

function looksLikeDataRow(row: Cell[]): boolean {
  return nonBlankCount(row) >= 2 && row.some((cell) => !isBlank(cell) && isValueLike(cell));
}

export function findTable(grid: Grid): TableLayout {
  let lastDataRow = grid.length - 1;
  while (lastDataRow >= 0 && nonBlankCount(grid[lastDataRow]) === 0) lastDataRow--;
  if (lastDataRow < 0) return { headerRow: null, headers: [], firstDataRow: 0, lastDataRow: -1 };

  const headerRow = findHeaderRow(grid, lastDataRow);
  let firstDataRow: number;
  if (headerRow !== null) {
    firstDataRow = headerRow + 1;
  } else {
    firstDataRow = 0;
    while (firstDataRow < lastDataRow && !looksLikeDataRow(grid[firstDataRow])) firstDataRow++;
    if (!looksLikeDataRow(grid[firstDataRow])) {
      firstDataRow = 0;
      while (nonBlankCount(grid[firstDataRow]) === 0) firstDataRow++;
    }
  }

  let width = 0;
  for (let r = headerRow ?? firstDataRow; r <= lastDataRow; r++) width = Math.max(width, grid[r]?.length ?? 0);
  const headerCells = headerRow === null ? [] : grid[headerRow];
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const text = cellText(headerCells[c]).replace(/\s+/g, ' ');
    headers.push(text === '' ? `Column ${columnLetter(c)}` : text);
  }
  return { headerRow, headers, firstDataRow, lastDataRow };
}
