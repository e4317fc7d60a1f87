/**
 * The result columns beside the data (SPEC.md, "What every row gets"): one row of cells per sheet
 * row under the header, the eight results written and the two override columns left as the user
 * left them. Rows that were not analysed say why; blank rows are cleared of old results.
 */
import type { RowResult } from '../core/classify';
import type { AreaNames } from '../core/labels';
import { resultCells } from '../core/report';
import type { SkippedRow, SpendRow } from '../core/rows';
import { BLOCK_HEADERS, BLOCK_WIDTH, RESULT_WIDTH } from './data-shape';
import type { RowSource, WriteCell } from './grid-write';

const BLANK_RESULTS: WriteCell[] = [...new Array<WriteCell>(RESULT_WIDTH).fill(''), null, null];

/**
 * Rows from sheet row `firstRow` to `lastRow` (0-based, inclusive); `rows` and `skipped` carry
 * their Excel row numbers (1-based).
 */
export function resultRows(firstRow: number, lastRow: number, rows: readonly SpendRow[], results: readonly RowResult[], skipped: readonly SkippedRow[], areas: AreaNames): RowSource {
  const count = Math.max(0, lastRow - firstRow + 1);
  // +i+1 for the i-th analysed row, -(j+1) for the j-th skipped row, 0 for a blank row.
  const at = new Int32Array(count);
  rows.forEach((row, i) => {
    const index = row.row - 1 - firstRow;
    if (index >= 0 && index < count) at[index] = i + 1;
  });
  skipped.forEach((skip, j) => {
    const index = skip.row - 1 - firstRow;
    if (index >= 0 && index < count) at[index] = -(j + 1);
  });
  return {
    count,
    width: BLOCK_WIDTH,
    row(i) {
      const k = at[i];
      if (k > 0) {
        const cells: WriteCell[] = resultCells(results[k - 1], rows[k - 1], areas).slice(0, RESULT_WIDTH);
        cells.push(null, null);
        return cells;
      }
      if (k < 0) {
        const cells = [...BLANK_RESULTS];
        cells[2] = `Not analysed: ${skipped[-k - 1].reason}`;
        return cells;
      }
      return BLANK_RESULTS;
    },
  };
}

/** The header cells: the result headers, and the override headers only where the block is new. */
export function blockHeader(existed: boolean): WriteCell[] {
  return BLOCK_HEADERS.map((header, i) => (existed && i >= RESULT_WIDTH ? null : header));
}
