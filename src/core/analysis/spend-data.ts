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
}

/** Payments dated within these (Excel serial numbers, inclusive); the rest are skipped with why. */
export interface Period {
  from?: number;
  to?: number;
}

export interface SheetReader {
  /** Reads rows whose first is the 0-based sheet row `firstRow`; chunks come in order. */
  read(cells: Grid, firstRow: number): void;
}

export interface SpendReader {
  /** Starts reading a sheet; `header` is its header row's cells (to know the header line repeated in the data). */
  sheet(sheet: DataSheet, header: readonly Cell[] | undefined): SheetReader;
  finish(): SpendData;
}

export function createSpendReader(period: Period = {}): SpendReader {
  const data: SpendData = { sheets: [], rows: [], skipped: [] };
  const inPeriod = (row: SpendRow): boolean => {
    if (period.from === undefined && period.to === undefined) return true;
    const where = row.source === undefined ? { row: row.row } : { row: row.row, source: row.source };
    const reason =
      row.date === undefined
        ? 'no payment date, and --from/--to was given'
        : period.from !== undefined && row.date < period.from
          ? 'paid before --from'
          : period.to !== undefined && row.date > period.to
            ? 'paid after --to'
            : undefined;
    if (reason) data.skipped.push({ ...where, reason });
    return reason === undefined;
  };
  return {
    sheet(sheet, header) {
      data.sheets.push(sheet);
      const options = sheet.source ? { source: sheet.source } : {};
      return {
        read(cells, firstRow) {
          const grid: Grid = header ? [header as Cell[], ...cells] : cells;
          const first = header ? 1 : 0;
          const layout = { headerRow: header ? 0 : null, headers: [], firstDataRow: first, lastDataRow: grid.length - 1 };
          const read = readSpendRows(grid, layout, sheet.mapping, { ...options, firstRowNumber: firstRow + 1 - first });
          for (const skip of read.skipped) data.skipped.push(skip);
          for (const row of read.rows) {
            if (sheet.institution) row.institution = sheet.institution;
            if (inPeriod(row)) data.rows.push(row);
          }
        },
      };
    },
    finish: () => data,
  };
}
