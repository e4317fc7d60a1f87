/**
 * The columns the analysis writes and how they look: the result block beside the data, the
 * analysis table the summaries are built on, and the number formats every host shows them with.
 */
import type { Cell } from '../cell';
import { COVERAGE_LABELS, type RowResult } from '../classify';
import { RESULT_COLUMN_HEADERS } from '../header-vocabulary';
import { INFLUENCE_LABELS, SUPPLIER_TYPE_LABELS, localityLabel, type AreaNames } from '../labels';
import type { SpendRow } from '../rows';
import { isLeakage, NO_CATEGORY, NO_INSTITUTION } from '../summary';

export type ColumnFormat = 'text' | 'gbp' | 'percent' | 'integer' | 'date' | 'general';

/** Excel's number format of each column format (undefined: General). */
export const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: '@',
  // Zero as a dash, as accounts show it: a cross-tab of mostly empty cells stays readable.
  gbp: '"£"#,##0.00;[Red]-"£"#,##0.00;"–"',
  percent: '0.0%',
  integer: '#,##0',
  date: 'dd/mm/yyyy',
  general: undefined,
};

/** A cell the host writes: a value, or a formula with the value it has when computed. */
export type OutCell = Cell | { formula: string; value: number | string };

export function isFormula(cell: OutCell): cell is { formula: string; value: number | string } {
  return typeof cell === 'object' && cell !== null;
}

export function outValue(cell: OutCell): Cell {
  return isFormula(cell) ? cell.value : cell;
}

/** The text Excel would take as a formula, a number sign or a control character: kept as text. */
export function needsTextProtection(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

export interface ReportColumn {
  header: string;
  format: ColumnFormat;
  /** Width in characters. */
  width: number;
  /**
   * Long text that runs on into the empty cells to its right (a sentence, a list), so the column
   * keeps its planned width instead of widening for it and the blocks above and below.
   */
  overflow?: boolean;
}

/** The widest a text column grows to show its longest value; longer text is cut at the cell edge. */
export const MAX_TEXT_WIDTH = 60;

/** A text column's width: as planned, or wider to fit its longest value (up to MAX_TEXT_WIDTH). */
export function fittedWidth(column: ReportColumn, values: Iterable<OutCell | undefined>): number {
  let width = column.width;
  if (column.format !== 'text' || column.overflow) return width;
  for (const value of values) {
    if (typeof value === 'string' && value.length + 2 > width) width = Math.min(MAX_TEXT_WIDTH, value.length + 2);
  }
  return width;
}

// ---------------------------------------------------------------------------------------------
// The result block: eight result columns to the right of the data, then the user's two overrides.

export const OVERRIDE_HEADERS = ['Locality override', 'Influence override'] as const;

export const RESULT_COLUMN_FORMATS: ReportColumn[] = [
  { header: RESULT_COLUMN_HEADERS[0], format: 'text', width: 22 },
  { header: RESULT_COLUMN_HEADERS[1], format: 'text', width: 24 },
  { header: RESULT_COLUMN_HEADERS[2], format: 'text', width: 48 },
  { header: RESULT_COLUMN_HEADERS[3], format: 'text', width: 16 },
  { header: RESULT_COLUMN_HEADERS[4], format: 'text', width: 40 },
  { header: RESULT_COLUMN_HEADERS[5], format: 'text', width: 16 },
  { header: RESULT_COLUMN_HEADERS[6], format: 'text', width: 28 },
  { header: RESULT_COLUMN_HEADERS[7], format: 'text', width: 10 },
  { header: OVERRIDE_HEADERS[0], format: 'text', width: 18 },
  { header: OVERRIDE_HEADERS[1], format: 'text', width: 18 },
];

/** The block's headers, results then overrides. */
export const RESULT_BLOCK_HEADERS = RESULT_COLUMN_FORMATS.map((c) => c.header);
/** How many of the block's columns are the add-in's results (the rest are the user's overrides). */
export const RESULT_WIDTH = RESULT_COLUMN_HEADERS.length;
/** Where a row that was not analysed says why. */
export const BASIS_COLUMN = RESULT_BLOCK_HEADERS.indexOf('Locality basis');

/** The eight result cells of an analysed row. */
export function resultCells(result: RowResult, areas: AreaNames): Cell[] {
  return [
    localityLabel(result.locality, areas),
    result.districtLabel,
    result.basis,
    INFLUENCE_LABELS[result.influence],
    result.reason,
    SUPPLIER_TYPE_LABELS[result.supplierType],
    result.supplierKey,
    result.coop ? 'Yes' : '',
  ];
}

// ---------------------------------------------------------------------------------------------
// The analysis table: one row per analysed row, the source of every summary.

export const ANALYSIS_COLUMNS: ReportColumn[] = [
  { header: 'Source', format: 'text', width: 18 },
  { header: 'Row', format: 'general', width: 8 },
  { header: 'Supplier', format: 'text', width: 32 },
  { header: 'Supplier key', format: 'text', width: 28 },
  { header: 'Amount', format: 'gbp', width: 14 },
  { header: 'Locality', format: 'text', width: 22 },
  { header: 'Local authority', format: 'text', width: 24 },
  { header: 'Influence', format: 'text', width: 16 },
  { header: 'Spend kind', format: 'text', width: 36 },
  { header: 'Category', format: 'text', width: 30 },
  { header: 'Institution', format: 'text', width: 24 },
  { header: 'Supplier type', format: 'text', width: 16 },
  { header: 'Locality basis', format: 'text', width: 36 },
  { header: 'Influenceable leakage', format: 'gbp', width: 16 },
];

const column = (header: string) => ANALYSIS_COLUMNS.findIndex((c) => c.header === header);
export const ANALYSIS_COLUMN = {
  source: column('Source'),
  row: column('Row'),
  supplier: column('Supplier'),
  amount: column('Amount'),
  key: column('Supplier key'),
  locality: column('Locality'),
  district: column('Local authority'),
  influence: column('Influence'),
  kind: column('Spend kind'),
  category: column('Category'),
  institution: column('Institution'),
  type: column('Supplier type'),
  basis: column('Locality basis'),
  leakage: column('Influenceable leakage'),
};

export function analysisRow(row: SpendRow, result: RowResult, areas: AreaNames): Cell[] {
  return [
    row.source ?? '',
    row.row,
    row.supplier,
    result.supplierKey,
    row.amount,
    localityLabel(result.locality, areas),
    result.districtLabel,
    INFLUENCE_LABELS[result.influence],
    result.reason,
    row.category || NO_CATEGORY,
    row.institution || NO_INSTITUTION,
    SUPPLIER_TYPE_LABELS[result.supplierType],
    COVERAGE_LABELS[result.coverage],
    isLeakage(result.locality) && result.influence === 'influenceable' ? row.amount : 0,
  ];
}
