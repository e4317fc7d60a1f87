/** Values the user typed that could not be understood, each with the cell to find it in. */
import type { OverrideProblem } from '../classify';
import { columnLetter } from '../column-letters';
import type { SheetProblem } from '../directory';
import type { DataSheet } from './spend-data';

/** An override that was ignored: on the Suppliers sheet, or in a row's override column. */
export function describeOverrideProblem(problem: OverrideProblem, sheets: readonly DataSheet[]): SheetProblem {
  if (problem.supplier) {
    return { cell: problem.supplier.cells?.[problem.field] ?? `Suppliers (${problem.supplier.name})`, message: `${problem.message}; ignored` };
  }
  const row = problem.row!;
  const sheet = sheets.find((s) => s.source === (row.source ?? '')) ?? sheets[0];
  const column = sheet.mapping[problem.field]?.column;
  const where = column === undefined ? `row ${row.row}` : `${columnLetter(sheet.sheetColumns?.[column] ?? column)}${row.row}`;
  return { cell: `${sheet.sheet}!${where}`, message: `${problem.message}; ignored` };
}
