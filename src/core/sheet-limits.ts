/**
 * The size of an Excel sheet ("Excel specifications and limits": 1,048,576 rows by 16,384
 * columns). Data that would not fit is refused with the limit named, never cut short, and the
 * result columns are written only where the sheet has room for them.
 */
import { columnLetter } from './column-letters';
import { BaselineError, type ErrorLocation } from './errors';
import { RESULT_BLOCK_HEADERS } from './report/columns';

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Refuses data of more rows or columns than a sheet holds: the annotated copy could not hold it,
 * and a baseline of part of it would be wrong without saying so. `what` names it ("spend.csv").
 */
export function requireWithinSheet(rows: number, columns: number, what: string, where: ErrorLocation): void {
  if (rows > SHEET_ROWS) {
    throw new BaselineError('too-large', `${what} has ${count(rows)} rows, more than the ${count(SHEET_ROWS)} an Excel sheet holds. Split it (by month or quarter) and analyse the parts together.`, where);
  }
  if (columns > SHEET_COLUMNS) {
    throw new BaselineError('too-large', `${what} has ${count(columns)} columns, more than the ${count(SHEET_COLUMNS)} an Excel sheet holds. Remove the columns the analysis does not need.`, where);
  }
}

/** Refuses to analyse a sheet whose result columns, from `firstColumn` (0-based), would run past the sheet's last column. */
export function requireRoomForResults(sheet: string, firstColumn: number): void {
  const width = RESULT_BLOCK_HEADERS.length;
  if (firstColumn + width <= SHEET_COLUMNS) return;
  throw new BaselineError(
    'no-room',
    `There is no room for the ${width} result columns to the right of the data on "${sheet}": the data reaches column ${columnLetter(firstColumn - 1)}, and a sheet ends at column ${columnLetter(SHEET_COLUMNS - 1)} (${count(SHEET_COLUMNS)} columns). Delete or move columns the analysis does not need, so that ${width} columns are free to the right of the data, then analyse again.`,
    { sheet, column: columnLetter(firstColumn) },
  );
}
