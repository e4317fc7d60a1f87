/**
 * When no column fitted the supplier name or the amount well enough to be taken: the columns
 * likeliest to hold it, with values from them, for a message that lets the user name one.
 */
import { isBlank, type Grid } from './cell';
import { profileColumn, sampleRows } from './column-profile';
import type { TableLayout } from './table';

/** A column that might hold a field that was not found, with values from it to recognise it by. */
export interface ColumnCandidate {
  column: number;
  header: string;
  samples: string[];
}

/**
 * The columns likeliest to hold the supplier name or the amount when none fitted well enough to
 * be taken, best first: text that is not codes for a name, numbers for an amount.
 */
export function likeliestColumns(grid: Grid, layout: TableLayout, field: 'supplier' | 'amount', count = 3): ColumnCandidate[] {
  const rows = sampleRows(layout);
  const scored: { column: number; score: number }[] = [];
  for (let c = 0; c < layout.headers.length; c++) {
    const p = profileColumn(grid, rows, c);
    if (p.count === 0) continue;
    const share = (n: number) => n / p.count;
    const score = field === 'amount' ? share(p.money) : share(p.text) * (1 - share(p.reference)) * Math.min(1, p.distinct / p.count / 0.3);
    if (score >= 0.5) scored.push({ column: c, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.column - b.column)
    .slice(0, count)
    .map(({ column }) => ({ column, header: layout.headers[column], samples: sampleValues(grid, rows, column) }));
}

function sampleValues(grid: Grid, rows: readonly number[], column: number): string[] {
  const values = new Set<string>();
  for (const r of rows) {
    const cell = grid[r]?.[column];
    if (cell === undefined || isBlank(cell)) continue;
    const text = String(cell).trim();
    values.add(text.length > 30 ? `${text.slice(0, 27)}...` : text);
    if (values.size === 2) break;
  }
  return [...values];
}
