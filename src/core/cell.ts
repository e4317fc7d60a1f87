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
