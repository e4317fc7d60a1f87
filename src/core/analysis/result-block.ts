/**
 * The result columns beside a data sheet (SPEC.md, "What every row gets"): one row of cells per
 * sheet row under the header, the eight results written and the two override columns left as
 * the user left them. Rows that were not analysed say why; blank rows are cleared of old results.
 */
import type { RowResult } from '../classify';
import type { AreaNames } from '../labels';
import { BASIS_COLUMN, RESULT_BLOCK_HEADERS, RESULT_COLUMN_FORMATS, RESULT_WIDTH, resultCells } from '../report/columns';
import type { SkippedRow, SpendRow } from '../rows';
import type { PlanCell, ResultBlockPlan } from './plan-types';
import type { DataSheet } from './spend-data';

const BLANK_RESULTS: PlanCell[] = [...new Array<PlanCell>(RESULT_WIDTH).fill(''), null, null];

export function resultBlockPlan(sheet: DataSheet, rows: readonly SpendRow[], results: readonly RowResult[], skipped: readonly SkippedRow[], areas: AreaNames): ResultBlockPlan {
  const { block } = sheet;
  const count = Math.max(0, sheet.lastRow - sheet.firstRow + 1);
  const mine = (source: string | undefined) => (source ?? '') === sheet.source;
  // +i+1 for the i-th analysed row, -(j+1) for the j-th skipped row, 0 for a blank row.
  const at = new Int32Array(count);
  rows.forEach((row, i) => {
    const index = row.row - 1 - sheet.firstRow;
    if (index >= 0 && index < count && mine(row.source)) at[index] = i + 1;
  });
  skipped.forEach((skip, j) => {
    const index = skip.row - 1 - sheet.firstRow;
    if (index >= 0 && index < count && mine(skip.source)) at[index] = -(j + 1);
  });
  return {
    sheet: sheet.sheet,
    ...(sheet.table ? { table: sheet.table } : {}),
    firstColumn: block.firstColumn,
    existed: block.existed,
    present: block.present,
    columns: RESULT_COLUMN_FORMATS,
    headerRow: sheet.headerRow,
    header: RESULT_BLOCK_HEADERS.map((header, i) => (block.existed && i >= RESULT_WIDTH ? null : header)),
    firstRow: sheet.firstRow,
    rows: {
      count,
      width: RESULT_BLOCK_HEADERS.length,
      row(i) {
        const k = at[i];
        if (k > 0) {
          const row = rows[k - 1];
          const cells: PlanCell[] = resultCells(results[k - 1], areas);
          // A new block takes the overrides the data's own override columns held; an existing block's are the user's.
          cells.push(block.existed ? null : (row.localityOverride ?? null), block.existed ? null : (row.influenceOverride ?? null));
          return cells;
        }
        if (k < 0) {
          const cells = [...BLANK_RESULTS];
          cells[BASIS_COLUMN] = `Not analysed: ${skipped[-k - 1].reason}`;
          return cells;
        }
        return BLANK_RESULTS;
      },
    },
  };
}
