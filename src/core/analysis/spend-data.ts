/**
 * The spend data as the analysis takes it: each sheet it came from (where its rows and result
 * columns are, how its columns were mapped) and its rows read as payments. The rows are read
 * here from the cells a host hands over, a whole sheet at once or in chunks as it reads them,
 * so that no host reads a payment itself and none holds the cells twice.
 */
import type { Cell, Grid } from '../cell';
import type { Mapping } from '../mapping';
import { readSpendRows, type SkippedRow, type SpendRow } from '../rows';
import type { BlockPlace } from './data-sheet';
import { MAX_CELL_TEXT, type LongText } from './excel-limits';

export interface DataSheet {
  /** The sheet's name in the workbook the results are written to. */
  sheet: string;
  /** The Excel table holding the data, when it is one. */
  table?: string;
  /** The source the sheet's rows carry when several inputs are combined; '' for one. */
  source: string;
  /** The anchor institution every row of the sheet belongs to, when the user named it; otherwise each row's institution column says. */
  institution?: string;
  /** 0-based sheet row of the header, or null when the data has none. */
  headerRow: number | null;
  /** 0-based sheet rows of the first row below the header (or of the first data row) and of the last row. */
  firstRow: number;
  lastRow: number;
  /** The grid column of each field, in the cells the host hands over. */
  mapping: Mapping;
  /** The sheet column of each grid column, for a host that hands over only some of a sheet's columns; else they are the same. */
  sheetColumns?: readonly number[];
  /** Where the result columns go. */
  block: BlockPlace;
}

export interface SpendData {
  sheets: DataSheet[];
  rows: SpendRow[];
  /** Rows that are not payments (totals, blanks in the supplier or amount, outside the period), with why. */
  skipped: SkippedRow[];
  /** Cells of the data (any column) whose text is longer than an Excel cell holds: cut where they are written. */
  longTexts: LongText[];
  /**
   * Payments on rows the user had hidden or filtered out: analysed like every other row (a
   * baseline of what is shown would be a baseline of a choice), and counted so the Method sheet
   * can say so.
   */
  hidden: { rows: number; spend: number };
}


/** Payments dated within these (Excel serial numbers, inclusive); the rest are skipped with why. */
export interface Period {
  from?: number;
  to?: number;
}

export interface SheetReader {
  /**
   * Reads rows whose first is the 0-based sheet row `firstRow`; chunks come in order. `hidden`
   * holds the 0-based sheet rows of the chunk that are hidden or filtered out.
   */
  read(cells: Grid, firstRow: number, hidden?: ReadonlySet<number>): void;
}

export interface SpendReader {
  /** Starts reading a sheet; `header` is its header row's cells (to know the header line repeated in the data). */
  sheet(sheet: DataSheet, header: readonly Cell[] | undefined): SheetReader;
  finish(): SpendData;
}

/** Text cells longer than Excel holds among `cells`, whose first is the 0-based sheet row `firstRow`. */
function findLongTexts(cells: Grid, firstRow: number, sheet: DataSheet, found: LongText[]): void {
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'string' && cell.length > MAX_CELL_TEXT) found.push({ sheet: sheet.sheet, row: firstRow + r + 1, column: sheet.sheetColumns?.[c] ?? c, length: cell.length });
    }
  }
}

/** Why a row is outside the period. */
export const PERIOD_REASONS = {
  before: 'paid before --from',
  after: 'paid after --to',
  undated: 'no payment date, and --from/--to was given',
} as const;

export function createSpendReader(period: Period = {}): SpendReader {
  const data: SpendData = { sheets: [], rows: [], skipped: [], longTexts: [], hidden: { rows: 0, spend: 0 } };
  const inPeriod = (row: SpendRow): boolean => {
    if (period.from === undefined && period.to === undefined) return true;
    const where = row.source === undefined ? { row: row.row } : { row: row.row, source: row.source };
    const reason =
      row.date === undefined
        ? PERIOD_REASONS.undated
        : period.from !== undefined && row.date < period.from
          ? PERIOD_REASONS.before
          : period.to !== undefined && row.date > period.to
            ? PERIOD_REASONS.after
            : undefined;
    if (reason) data.skipped.push({ ...where, kind: 'period', reason });
    return reason === undefined;
  };
  return {
    sheet(sheet, header) {
      data.sheets.push(sheet);
      const options = sheet.source ? { source: sheet.source } : {};
      return {
        read(cells, firstRow, hidden) {
          const grid: Grid = header ? [header as Cell[], ...cells] : cells;
          const first = header ? 1 : 0;
          const layout = { headerRow: header ? 0 : null, headers: [], firstDataRow: first, lastDataRow: grid.length - 1 };
          const read = readSpendRows(grid, layout, sheet.mapping, { ...options, firstRowNumber: firstRow + 1 - first });
          findLongTexts(cells, firstRow, sheet, data.longTexts);
          for (const skip of read.skipped) data.skipped.push(skip);
          for (const row of read.rows) {
            if (sheet.institution) row.institution = sheet.institution;
            if (!inPeriod(row)) continue;
            data.rows.push(row);
            // row.row is the row number Excel shows: the 0-based sheet row + 1.
            if (hidden?.has(row.row - 1)) {
              data.hidden.rows++;
              data.hidden.spend += row.amount;
            }
          }
        },
      };
    },
    finish: () => data,
  };
}
