/**
 * A cell value as both hosts deliver it: Office.js `Range.values` and the CLI's readers.
 * Dates are Excel serial numbers (days since 1899-12-30), as Office.js returns them;
 * empty cells are "" (Office.js) or null (file readers); both mean blank.
 */
export type Cell = string | number | boolean | null;

/** A rectangular block of cells, row-major, as read from a sheet. */
export type Grid = Cell[][];

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The most characters a cell holds ("Excel specifications and limits"). */
export const CELL_CHARACTERS = 32_767;

/**
 * Text the add-in makes from the user's (a reason that names a supplier) cut to what a cell
 * holds, ending in "…" so that the cut shows: longer text fails the write in Excel and makes
 * Excel repair an .xlsx.
 */
export function fitInCell(text: string): string {
  if (text.length <= CELL_CHARACTERS) return text;
  let end = CELL_CHARACTERS - 1;
  // Never half of a character written as two UTF-16 units (an emoji).
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…`;
}
