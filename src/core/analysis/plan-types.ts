/**
 * The plan of every sheet an analysis writes, as plain data a host writes as it is told: the
 * result block beside each data sheet, the analysis table, the summary sheets laid out, the
 * sheets the user edits, and the native summaries (PivotTables, charts) a host may draw.
 */
import type { Grid } from '../cell';
import type { OutCell, ReportColumn } from '../report/columns';
import type { SheetLayout } from '../report/layout';
import type { SheetRole } from '../settings';

/** A cell to write; null leaves the cell (its value and format) as it is. */
export type PlanCell = OutCell | null;

/** Rows of cells, made one at a time when asked for (a million rows are never all held at once). */
export interface PlanRows {
  count: number;
  width: number;
  row(i: number): PlanCell[];
}

export interface Extent {
  rows: number;
  columns: number;
}

export interface WorkbookPlan {
  sheetNames: Record<SheetRole, string>;
  /** The add-in's sheets the workbook does not have yet, in the order to add them. */
  newSheets: string[];
  resultBlocks: ResultBlockPlan[];
  analysisTable: TablePlan;
  summaries: SummarySheetPlan[];
  suppliers: UserSheetPlan;
  /** As the user left it; made with the rules in force when the workbook has none. */
  rules: UserSheetPlan;
  /** As the user left it; made (from a register file, or empty) when the workbook has none. */
  register: UserSheetPlan;
  /** The Re-spend survey: as the user left it; made with the largest local suppliers when the workbook has none. */
  respend: UserSheetPlan;
  /** The cross-tabulations as PivotTables over the analysis table, in bands left to right (null: a band left empty); none for formula tables. */
  crossTabs: (CrossTabSpec | null)[];
  /** Charts on the summary sheet, over its blocks. */
  charts: ChartSpec[];
}

/** The result columns to the right of a data sheet's data. */
export interface ResultBlockPlan {
  sheet: string;
  /** The Excel table the columns join, when the data is a table. */
  table?: string;
  /** 0-based sheet column of the first result column. */
  firstColumn: number;
  /** Whether the block is there from an earlier run (its two override columns are the user's). */
  existed: boolean;
  /** How many of its columns are on the sheet already. */
  present: number;
  columns: ReportColumn[];
  /** 0-based sheet row of the header, or null for data without one. */
  headerRow: number | null;
  /** The header cells (null: leave the cell, the user's override headers of an existing block). */
  header: (string | null)[];
  /** 0-based sheet row of the block's first row (`rows.row(0)`). */
  firstRow: number;
  /** A row per sheet row: an analysed row's results; a skipped row's reason; '' clears an old result; the overrides as the user left them (null). */
  rows: PlanRows;
}

/** A table from A1 that is the whole sheet, header row first. */
export interface TablePlan {
  sheet: string;
  columns: ReportColumn[];
  rows: PlanRows;
}

/** A summary sheet laid out, with the area the add-in wrote there last time (cleared first, so the user's cells beside it stay). */
export interface SummarySheetPlan {
  layout: SheetLayout;
  clear?: Extent;
}

/**
 * A sheet the user edits (Suppliers, Rules, Local register): `after` is the whole sheet as it
 * should be; a host writes only the cells that differ from what its sheet holds (`before`, as the
 * analysis was given it), so that the user's cells, formulas and formats stay. `columns` give each
 * column's format and width, by position.
 */
export interface UserSheetPlan {
  sheet: string;
  /** The sheet as the analysis was given it; absent for a sheet made afresh. */
  before?: Grid;
  after: Grid;
  columns: ReportColumn[];
  /** The sheet is new: its header row is styled and frozen. */
  isNew: boolean;
}

/** A PivotTable over the analysis table. */
export interface CrossTabSpec {
  name: string;
  title: string;
  /** The analysis table's columns: rows, columns, and the summed values. */
  rows: string;
  columns?: string;
  data: string;
  dataName: string;
}

export interface ChartSpec {
  name: string;
  title: string;
  type: 'Pie' | 'BarClustered';
  /** 0-based sheet coordinates of the source: a label column and a value column, header row first. */
  source: { top: number; left: number; rows: number; columns: number };
  /** Where the chart sits, e.g. "I2" to "P17". */
  from: string;
  to: string;
  /** What the source cells hold: its header and each row's label and value (for a file, which caches them in the chart). */
  series: { name: string; labels: string[]; values: number[] };
}
