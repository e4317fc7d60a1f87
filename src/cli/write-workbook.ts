/**
 * Writing the annotated copy with ExcelJS: the result columns beside the data, the analysis
 * sheet, the summary sheets laid out as the core plans them, the user's sheets (Suppliers, Rules,
 * Local register) and the very hidden state sheet. Files written outside Excel cannot hold
 * PivotTables or charts, so the summaries are formula tables (SUMIFS over the analysis sheet).
 */
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../core/cell';
import { fittedWidth, isFormula, layoutSheet, type ColumnFormat, type OutCell, type ReportColumn, type SheetPlan } from '../core/report';

export const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: '@',
  // Zero as a dash, as accounts show it: a cross-tab of mostly empty cells stays readable.
  gbp: '"£"#,##0.00;[Red]-"£"#,##0.00;"–"',
  percent: '0.0%',
  integer: '#,##0',
  date: 'dd/mm/yyyy',
  general: undefined,
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBE7' } };
const RESULT_HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE9B2' } };

/** Points per line of Excel's default 11pt font. */
const LINE_HEIGHT = 15;

/**
 * A header row whose headers wrap inside their widths: tall enough to show every line (Excel and
 * LibreOffice do not grow a row for wrapped text written by a file).
 */
function styleHeaderCells(row: ExcelJS.Row, column0: number, headers: readonly string[], widths: readonly number[], fill: ExcelJS.Fill): void {
  let lines = 1;
  headers.forEach((header, i) => {
    const cell = row.getCell(column0 + i + 1);
    cell.font = { bold: true };
    cell.fill = fill;
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Bold text is wider than the width's nominal characters: allow for it.
    lines = Math.max(lines, Math.ceil(header.length / Math.max(1, widths[i] - 2)));
  });
  if (lines > 1) row.height = LINE_HEIGHT * lines;
}

/** For a committee paper: landscape, one page wide, as many pages long as it takes. */
export function printOnePageWide(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function excelValue(cell: OutCell): ExcelJS.CellValue {
  if (isFormula(cell)) return { formula: cell.formula, result: cell.value } as ExcelJS.CellFormulaValue;
  return cell === '' ? null : cell;
}

/** Writes one row of cells from a 0-based column; blank strings leave the cell empty. */
function writeCells(sheet: ExcelJS.Worksheet, row0: number, column0: number, cells: readonly OutCell[]): ExcelJS.Row {
  const row = sheet.getRow(row0 + 1);
  for (let i = 0; i < cells.length; i++) row.getCell(column0 + i + 1).value = excelValue(cells[i]);
  return row;
}

/** A sheet's cells as read, written back unchanged (for inputs that were not .xlsx). */
export function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid): void {
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r];
    if (cells.some((c) => c !== null && c !== '')) writeCells(sheet, r, 0, cells);
  }
}

export function clearArea(sheet: ExcelJS.Worksheet, rows: number, columns: number): void {
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      cell.value = null;
      cell.style = {};
    }
  }
}

export interface ResultBlock {
  /** 0-based sheet row for the headers, or null when the data has no header row. */
  headerRow: number | null;
  firstColumn: number;
  columns: ReportColumn[];
  /** 0-based sheet row and its cells. */
  rows: { row: number; cells: Cell[] }[];
}

export function writeResultBlock(sheet: ExcelJS.Worksheet, block: ResultBlock): void {
  const widths = block.columns.map((column, i) => fittedWidth(column, block.rows.map((r) => r.cells[i])));
  widths.forEach((width, i) => (sheet.getColumn(block.firstColumn + i + 1).width = width));
  if (block.headerRow !== null) {
    const headers = block.columns.map((c) => c.header);
    styleHeaderCells(writeCells(sheet, block.headerRow, block.firstColumn, headers), block.firstColumn, headers, widths, RESULT_HEADER_FILL);
  }
  for (const { row, cells } of block.rows) writeCells(sheet, row, block.firstColumn, cells);
}

/** A table with a bold, filled, frozen header row and a filter, from A1. */
export function writeTable(sheet: ExcelJS.Worksheet, columns: readonly ReportColumn[], rows: readonly OutCell[][]): void {
  const widths = columns.map((column, i) => fittedWidth(column, rows.map((row) => row[i])));
  columns.forEach((column, i) => {
    const excelColumn = sheet.getColumn(i + 1);
    excelColumn.width = widths[i];
    const format = NUMBER_FORMATS[column.format];
    // Text needs no format: every cell would carry a style for nothing (and styles are slow to write).
    if (format && column.format !== 'text') excelColumn.numFmt = format;
  });
  const headers = columns.map((c) => c.header);
  styleHeaderCells(writeCells(sheet, 0, 0, headers), 0, headers, widths, HEADER_FILL);
  for (let r = 0; r < rows.length; r++) writeCells(sheet, r + 1, 0, rows[r]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  printOnePageWide(sheet);
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
}

/** A summary sheet: title, subtitle, then each block with its title, note, header and rows. */
export function writeSummarySheet(sheet: ExcelJS.Worksheet, plan: SheetPlan): { rows: number; columns: number } {
  const layout = layoutSheet(plan);
  layout.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const title = sheet.getCell(1, 1);
  title.value = plan.title;
  title.font = { bold: true, size: 14 };
  plan.subtitle.forEach((line, i) => {
    const cell = sheet.getCell(i + 2, 1);
    cell.value = line;
    cell.font = { italic: true, color: { argb: 'FF555555' } };
  });
  for (const placed of layout.blocks) {
    const { block } = placed;
    const titleCell = sheet.getCell(placed.titleRow + 1, 1);
    titleCell.value = block.title;
    titleCell.font = { bold: true, size: 12 };
    if (block.note) {
      const note = sheet.getCell(placed.titleRow + 2, 1);
      note.value = block.note;
      note.font = { italic: true };
    }
    const headers = block.columns.map((c) => c.header);
    styleHeaderCells(writeCells(sheet, placed.headerRow, 0, headers), 0, headers, layout.widths, HEADER_FILL);
    block.rows.forEach((cells, r) => {
      const row = writeCells(sheet, placed.firstRow + r, 0, cells);
      block.columns.forEach((column, i) => {
        const format = NUMBER_FORMATS[column.format];
        if (format && column.format !== 'text') row.getCell(i + 1).numFmt = format;
        // Counts and row numbers centred, so they do not run into the text beside them.
        const numeric = typeof cells[i] === 'number' || isFormula(cells[i]);
        if (numeric && (column.format === 'integer' || column.format === 'general')) row.getCell(i + 1).alignment = { horizontal: 'center' };
      });
    });
  }
  printOnePageWide(sheet);
  return { rows: layout.rows, columns: layout.columns };
}

/** The state as a column of text cells on a very hidden sheet. */
export function writeStateSheet(sheet: ExcelJS.Worksheet, cells: readonly string[]): void {
  sheet.state = 'veryHidden';
  cells.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.numFmt = '@';
    cell.value = text;
  });
}
