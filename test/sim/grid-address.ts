/**
 * A1-style addresses and rectangles on Excel's grid.
 *
 * Excel's grid is 1,048,576 rows by 16,384 columns ("Excel specifications and limits",
 * support.microsoft.com). Rectangles here are zero-based and inclusive on both ends, as
 * `Range.rowIndex` / `Range.columnIndex` are zero-based in Office.js.
 */
import { HostError } from './host-error';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectOf(top: number, left: number, rowCount: number, columnCount: number): Rect {
  return { top, left, bottom: top + rowCount - 1, right: left + columnCount - 1 };
}

export const rowCountOf = (rect: Rect): number => rect.bottom - rect.top + 1;
export const columnCountOf = (rect: Rect): number => rect.right - rect.left + 1;
export const cellCountOf = (rect: Rect): number => rowCountOf(rect) * columnCountOf(rect);

export const isEntireColumn = (rect: Rect): boolean => rect.top === 0 && rect.bottom === MAX_ROWS - 1;
export const isEntireRow = (rect: Rect): boolean => rect.left === 0 && rect.right === MAX_COLUMNS - 1;

export function isInsideGrid(rect: Rect): boolean {
  return (
    rect.top >= 0 && rect.left >= 0 && rect.bottom < MAX_ROWS && rect.right < MAX_COLUMNS &&
    rect.top <= rect.bottom && rect.left <= rect.right &&
    Number.isInteger(rect.top) && Number.isInteger(rect.left) &&
    Number.isInteger(rect.bottom) && Number.isInteger(rect.right)
  );
}

/** The same rectangle, or InvalidArgument naming what was asked for when it leaves the grid. */
export function checkedRect(rect: Rect, what: string): Rect {
  if (!isInsideGrid(rect)) throw new HostError('InvalidArgument', `${what} is outside the worksheet grid.`);
  return rect;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.left >= outer.left && inner.bottom <= outer.bottom && inner.right <= outer.right;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

export function columnLetters(column: number): string {
  let letters = '';
  let n = column + 1;
  while (n > 0) {
    const digit = (n - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const cellName = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/** "A1:C4", "A:C" for entire columns, "2:5" for entire rows, "B3" for one cell, as Excel writes them. */
export function formatRect(rect: Rect): string {
  if (isEntireColumn(rect) && !isEntireRow(rect)) {
    return `${columnLetters(rect.left)}:${columnLetters(rect.right)}`;
  }
  if (isEntireRow(rect) && !isEntireColumn(rect)) return `${rect.top + 1}:${rect.bottom + 1}`;
  const first = cellName(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? first : `${first}:${cellName(rect.bottom, rect.right)}`;
}

/** Sheet names that are not plain words are quoted, with quotes doubled, as in `'My Sheet'!A1`. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export const formatAddress = (sheetName: string, rect: Rect): string => `${quoteSheetName(sheetName)}!${formatRect(rect)}`;

export interface ParsedAddress {
  /** The sheet named before "!", if any (quotes removed). */
  sheetName?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

function parsePart(part: string): { row?: number; column?: number } | null {
  let m = CELL.exec(part);
  if (m) return { column: columnIndexOf(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(part);
  if (m) return { column: columnIndexOf(m[1]) };
  m = ROW.exec(part);
  if (m) return { row: Number(m[1]) - 1 };
  return null;
}

/** Splits `Sheet!A1:B2` / `'My Sheet'!A1` into the sheet name and the rest. */
export function splitSheetName(address: string): { sheetName?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheetName = address.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, local: address.slice(bang + 1) };
}

/** Parses an A1-style address, or returns null when it is not one (it may be a defined name). */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheetName, local } = splitSheetName(address.trim());
  const parts = local.split(':');
  if (parts.length > 2) return null;
  const first = parsePart(parts[0]);
  const second = parts.length === 2 ? parsePart(parts[1]) : first;
  if (!first || !second) return null;
  const bothRows = first.column === undefined && second.column === undefined;
  const bothColumns = first.row === undefined && second.row === undefined;
  const bothCells = first.row !== undefined && first.column !== undefined && second.row !== undefined && second.column !== undefined;
  if (!bothRows && !bothColumns && !bothCells) return null;
  // A lone column letter or row number is not an address ("A" could be a name; Excel needs "A:A").
  if (parts.length === 1 && !bothCells) return null;
  const rect: Rect = {
    top: bothColumns ? 0 : Math.min(first.row!, second.row!),
    bottom: bothColumns ? MAX_ROWS - 1 : Math.max(first.row!, second.row!),
    left: bothRows ? 0 : Math.min(first.column!, second.column!),
    right: bothRows ? MAX_COLUMNS - 1 : Math.max(first.column!, second.column!),
  };
  if (!isInsideGrid(rect)) return null;
  return { sheetName, rect };
}
