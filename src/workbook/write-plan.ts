/**
 * The analysis's plan written into a package as OOXML. An input's package is patched, not
 * re-saved: every part of it is copied unchanged (charts, PivotTables, images, conditional
 * formats, validation, names, styles) except the sheets the add-in writes on, where its cells go
 * into the rows in column order and everything else on the sheet is kept as it was. A new
 * package (for CSV inputs, several files) is written the same way, the data copied in.
 *
 * What is written: the result columns beside the data; the analysis sheet; the summary sheets
 * laid out as the core plans them (formula tables: SUMIFS over the analysis sheet); the user's
 * sheets (Suppliers, Rules, Local register, Re-spend survey), of which only the cells the run
 * changes are written; the summary sheet's two charts (native chart parts, found again by name on
 * a re-run); and the very hidden state sheet.
 */
import {
  columnLetter,
  fittedWidth,
  fitText,
  isFormula,
  RESULT_WIDTH,
  STATE_SHEET,
  stateToCells,
  type AnalysisOutcome,
  type Cell,
  type Extent,
  type Grid,
  type PlanRows,
  type ReportColumn,
  type ResultBlockPlan,
  type SheetLayout,
  type TablePlan,
  type UserSheetPlan,
} from '../core';
import { placeCharts } from './charts';
import type { SheetState, XlsxPackage } from './package';
import { addStyles, columnStyle, type Styles } from './styles';
import { patchWorksheet, type CellWrite, type ColumnSetting, type RowWrite, type SheetEdit } from './worksheet';
import { attribute, rootAttribute, withAttribute, withRootAttribute, type DroppedCharacters } from './xml';

export interface WriteOutcome {
  /**
   * Characters XML cannot hold (control characters in the input's text), left out of the copy:
   * counted as the sheets are patched, which is when the package is written out, so read it then.
   */
  readonly droppedCharacters: number;
}

/** Points per line of Excel's default 11pt font. */
const LINE_HEIGHT = 15;
const RELATIONSHIP_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const RELATIONSHIP_PIVOT_CACHE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition';

/** What the plan is written over, besides the package. */
export interface PlanSheets {
  /** The cells the package holds on a sheet of the user's (Suppliers, Rules, Local register), as read; none when it has no such sheet. */
  userGrid(sheet: string): Grid | undefined;
  /** A data sheet's cells to write with its results, for a new package; none when the package holds them already. */
  dataToCopy(sheet: string): Grid | undefined;
  /** Hears how many of the sheets' rows have been written, as a fraction, while the package is written. */
  onWritten?: (fraction: number) => void;
}

/** Writes the plan into the package (which is then written out whole). */
export async function writePlan(pkg: XlsxPackage, analysis: AnalysisOutcome, sheets: PlanSheets): Promise<WriteOutcome> {
  const { plan } = analysis;
  const dropped: DroppedCharacters = { count: 0 };
  const stylesPart = await pkg.stylesPart();
  const { xml: stylesXml, styles } = addStyles(await pkg.text(stylesPart));
  pkg.setText(stylesPart, stylesXml);
  let rowsToWrite = 0;
  let rowsWritten = 0;
  const onRow = sheets.onWritten && (() => sheets.onWritten!(Math.min(1, ++rowsWritten / rowsToWrite)));
  /** A sheet patched (or added, empty, at the end) with the edit `make` plans for it. */
  const edit = async (sheetName: string, state: SheetState | undefined, make: (part: string) => SheetEdit | Promise<SheetEdit>) => {
    const part = pkg.sheetPart(sheetName) ?? pkg.addSheet(sheetName, state);
    if (state) pkg.setSheetState(sheetName, state);
    const sheetEdit = await make(part);
    rowsToWrite += sheetEdit.extent.rows;
    pkg.patchSheet(part, (source) => patchWorksheet(source, sheetEdit, { dropped, onRow }));
  };

  // The data sheets: the result columns to the right of the data (with the data itself, when the workbook is new).
  for (const block of plan.resultBlocks) await edit(block.sheet, undefined, () => resultBlockEdit(block, sheets.dataToCopy(block.sheet), styles));
  for (const { layout, clear } of plan.summaries) {
    // The charts go on the summary sheet, over its blocks, as the add-in draws them.
    const charts = layout.plan.role === 'summary' ? plan.charts : [];
    await edit(layout.plan.name, undefined, async (part) => ({
      ...summarySheetEdit(layout, styles, clear),
      drawing: charts.length > 0 ? await placeCharts(pkg, part, layout.plan.name, charts) : undefined,
    }));
    pkg.setPrintTitles(layout.plan.name, `$1:$${layout.print.titleRows}`);
  }
  await edit(plan.analysisTable.sheet, undefined, async (part) => {
    const extent = tableExtent(plan.analysisTable);
    // The add-in's analysis sheet holds an Excel table with its own filter: a sheet filter over it would clash.
    const tables = await resizeTables(pkg, part, extent);
    pkg.setFilterRange(plan.analysisTable.sheet, tables === 0 ? extent : undefined);
    return tableEdit(plan.analysisTable, styles, tables === 0 ? extent : undefined);
  });
  for (const sheet of [plan.suppliers, plan.rules, plan.register, plan.respend]) await edit(sheet.sheet, undefined, () => userSheetEdit(sheets.userGrid(sheet.sheet), sheet, styles));
  await edit(STATE_SHEET, 'veryHidden', () => stateSheetEdit(stateToCells(analysis.state), styles));

  await refreshPivotCachesOver(pkg, plan.analysisTable.sheet);
  return {
    get droppedCharacters() {
      return dropped.count;
    },
  };
}

/** A table's extent from A1, for its filter. */
export function tableExtent(table: TablePlan): string {
  return `A1:${columnLetter(table.columns.length - 1)}${table.rows.count + 1}`;
}

/** Header rows tall enough to show every line of headers that wrap in their widths (Excel does not grow them for a file). */
function headerHeight(headers: readonly string[], widths: readonly number[]): number | undefined {
  let lines = 1;
  // Bold text is wider than the width's nominal characters: allow for it.
  headers.forEach((header, i) => (lines = Math.max(lines, Math.ceil(header.length / Math.max(1, widths[i] - 2)))));
  return lines > 1 ? LINE_HEIGHT * lines : undefined;
}

function headerCells(columns: readonly ReportColumn[], firstColumn: number, style: number): CellWrite[] {
  return columns.map((column, i) => ({ column: firstColumn + i, value: column.header, style }));
}

/** Each column's width fitted to what the rows hold, in one pass over them. */
function fittedWidths(columns: readonly ReportColumn[], rows: PlanRows): number[] {
  const longest: (string | undefined)[] = columns.map(() => undefined);
  for (let r = 0; r < rows.count; r++) {
    const cells = rows.row(r);
    for (let c = 0; c < columns.length; c++) {
      const value = cells[c];
      if (typeof value === 'string' && value.length > (longest[c]?.length ?? 0)) longest[c] = value;
    }
  }
  return columns.map((column, c) => fittedWidth(column, [longest[c]]));
}

/**
 * The result block beside a data sheet's data (after the input's cells, when the sheet is new).
 * An earlier run's results are erased first; its override columns are the user's and stay.
 */
function resultBlockEdit(block: ResultBlockPlan, copy: Grid | undefined, styles: Styles): SheetEdit {
  const { columns, rows } = block;
  const widths = fittedWidths(columns, rows);
  const height = headerHeight(columns.map((c) => c.header), widths);
  const source = copy ?? [];
  const rowCount = Math.max(source.length, block.firstRow + rows.count, (block.headerRow ?? -1) + 1);
  const copyWidth = source.reduce((width, row) => Math.max(width, row.length), 0);
  function* rowWrites(): Generator<RowWrite> {
    for (let r = 0; r < rowCount; r++) {
      const cells: CellWrite[] = [];
      const sourceRow = source[r];
      if (sourceRow) {
        for (let c = 0; c < sourceRow.length; c++) {
          const value = sourceRow[c];
          if (value !== null && value !== '') cells.push({ column: c, value: typeof value === 'string' ? fitText(value) : value });
        }
      }
      if (r === block.headerRow) {
        block.header.forEach((header, i) => {
          if (header !== null) cells.push({ column: block.firstColumn + i, value: header, style: styles.resultHeader });
        });
        yield { row: r, cells, height };
        continue;
      }
      const i = r - block.firstRow;
      if (i >= 0 && i < rows.count) {
        const results = rows.row(i);
        for (let c = 0; c < results.length; c++) if (results[c] !== '' && results[c] !== null) cells.push({ column: block.firstColumn + c, value: results[c]! });
      }
      if (cells.length > 0) yield { row: r, cells };
    }
  }
  return {
    erase: block.existed ? [{ firstRow: block.headerRow ?? block.firstRow, lastRow: Infinity, firstColumn: block.firstColumn, lastColumn: block.firstColumn + RESULT_WIDTH - 1 }] : [],
    rows: rowWrites(),
    extent: { rows: rowCount, columns: Math.max(copyWidth, block.firstColumn + columns.length) },
    columns: [...copiedWidths(source.slice(block.headerRow ?? 0), copyWidth), ...widths.map((width, i) => ({ column: block.firstColumn + i, width }))],
  };
}

/** Columns of a copied input as wide as the table in them holds (title lines above it run on to the right, as they do in Excel). */
function copiedWidths(grid: Grid, width: number): ColumnSetting[] {
  const column: ReportColumn = { header: '', format: 'text', width: 10 };
  return Array.from({ length: width }, (_, c) => ({ column: c, width: fittedWidth(column, rowValues(grid, c)) }));
}

function* rowValues(rows: readonly (Cell[] | undefined)[], column: number): Generator<Cell> {
  for (const row of rows) if (row) yield row[column];
}

/** A summary sheet as laid out: title, subtitle, then each block with its title, note, header and rows; the previous run's area cleared first. */
export function summarySheetEdit(layout: SheetLayout, styles: Styles, clear: Extent | undefined): SheetEdit {
  const { plan } = layout;
  const rows: RowWrite[] = [{ row: 0, cells: [{ column: 0, value: plan.title, style: styles.title }] }];
  plan.subtitle.forEach((line, i) => rows.push({ row: i + 1, cells: [{ column: 0, value: line, style: styles.subtitle }] }));
  for (const placed of layout.blocks) {
    const { block } = placed;
    rows.push({ row: placed.titleRow, cells: [{ column: 0, value: block.title, style: styles.blockTitle }] });
    if (block.note) rows.push({ row: placed.titleRow + 1, cells: [{ column: 0, value: block.note, style: styles.note }] });
    rows.push({ row: placed.headerRow, cells: headerCells(block.columns, 0, styles.header), height: headerHeight(block.columns.map((c) => c.header), layout.widths) });
    block.rows.forEach((cells, r) =>
      rows.push({
        row: placed.firstRow + r,
        cells: block.columns.map((column, i) => {
          // Counts and row numbers centred, so they do not run into the text beside them.
          const numeric = typeof cells[i] === 'number' || isFormula(cells[i]);
          const wraps = layout.wrap[i] && column.format === 'text' && !numeric;
          return { column: i, value: cells[i] ?? null, style: wraps ? styles.wrapped : columnStyle(styles, column.format, numeric) };
        }),
        ...(placed.rowLines[r] > 1 ? { height: LINE_HEIGHT * placed.rowLines[r] } : {}),
      }),
    );
  }
  return {
    erase: clear ? [{ firstRow: 0, lastRow: clear.rows - 1, firstColumn: 0, lastColumn: clear.columns - 1, rowHeights: true }] : [],
    rows,
    extent: { rows: layout.rows, columns: layout.columns },
    columns: layout.widths.map((width, i) => ({ column: i, width })),
    freezeRows: layout.print.titleRows,
    print: layout.print,
  };
}

/** A table from A1 that is the whole sheet: bold, filled, frozen header row, and the filter given. */
export function tableEdit(table: TablePlan, styles: Styles, filter: string | undefined): SheetEdit {
  const { columns, rows } = table;
  const widths = fittedWidths(columns, rows);
  const formats = columns.map((column) => columnStyle(styles, column.format, false));
  function* rowWrites(): Generator<RowWrite> {
    yield { row: 0, cells: headerCells(columns, 0, styles.header), height: headerHeight(columns.map((c) => c.header), widths) };
    for (let r = 0; r < rows.count; r++) {
      const cells: CellWrite[] = [];
      const values = rows.row(r);
      for (let c = 0; c < values.length; c++) if (values[c] !== '' && values[c] !== null) cells.push({ column: c, value: values[c]!, style: formats[c] });
      yield { row: r + 1, cells };
    }
  }
  return {
    replaceRows: true,
    rows: rowWrites(),
    extent: { rows: rows.count + 1, columns: columns.length },
    columns: widths.map((width, i): ColumnSetting => ({ column: i, width, style: formats[i] })),
    freezeRows: 1,
    autoFilter: filter,
    onePageWide: true,
  };
}

/**
 * A sheet the user edits (Suppliers, Rules, Local register): only the cells whose value differs
 * from the copy's are written (keeping each one's format), so the user's formulas, formats and
 * cells stay as they were. The header row bold and frozen; columns no narrower than what they hold.
 */
function userSheetEdit(before: Grid | undefined, plan: UserSheetPlan, styles: Styles): SheetEdit {
  const { after, columns } = plan;
  const same = (a: Cell | undefined, b: Cell | undefined) => (a ?? '') === (b ?? '');
  const rows: RowWrite[] = [];
  let width = 0;
  for (let r = 0; r < after.length; r++) {
    const cells: CellWrite[] = [];
    width = Math.max(width, after[r].length);
    after[r].forEach((value, c) => {
      if (same(before?.[r]?.[c], value)) return;
      const style = r === 0 ? styles.bold : columns[c] ? columnStyle(styles, columns[c].format, false) : undefined;
      cells.push({ column: c, value, style });
    });
    if (cells.length > 0) rows.push({ row: r, cells });
  }
  return {
    rows,
    extent: { rows: after.length, columns: width },
    columns: after[0].map((_, c) => ({ column: c, width: fittedWidth({ header: '', format: 'text', width: 12 }, after.map((cells) => cells[c])), widenOnly: true })),
    freezeRows: 1,
    onePageWide: true,
  };
}

/** The state as a column of text cells. */
function stateSheetEdit(cells: readonly string[], styles: Styles): SheetEdit {
  return {
    erase: [{ firstRow: 0, lastRow: Infinity, firstColumn: 0, lastColumn: 0 }],
    rows: cells.map((text, i) => ({ row: i, cells: [{ column: 0, value: text, style: styles.text }] })),
    extent: { rows: cells.length, columns: 1 },
  };
}

/** Excel tables on the sheet (the add-in's analysis table) resized to `reference`; returns how many there are. */
async function resizeTables(pkg: XlsxPackage, sheetPart: string, reference: string): Promise<number> {
  const tables = (await pkg.relationships(sheetPart)).filter((rel) => rel.type === RELATIONSHIP_TABLE && !rel.external && pkg.has(rel.target));
  for (const table of tables) {
    const resized = withRootAttribute(await pkg.text(table.target), 'ref', reference);
    pkg.setText(table.target, resized.replace(/<(?:\w+:)?autoFilter\s[^>]*>/, (filter) => withAttribute(filter, 'ref', reference)));
  }
  return tables.length;
}

/** PivotTables over the rewritten analysis sheet (or a table on it) refresh when the workbook opens: their caches hold the old rows. */
async function refreshPivotCachesOver(pkg: XlsxPackage, analysisSheet: string): Promise<void> {
  const analysisPart = pkg.sheetPart(analysisSheet);
  if (!analysisPart) return;
  const tableNames = new Set<string>();
  for (const rel of (await pkg.relationships(analysisPart)).filter((r) => r.type === RELATIONSHIP_TABLE && pkg.has(r.target))) {
    const name = rootAttribute(await pkg.text(rel.target), 'name');
    if (name) tableNames.add(name);
  }
  for (const rel of (await pkg.relationships(pkg.workbookPart)).filter((r) => r.type === RELATIONSHIP_PIVOT_CACHE && pkg.has(r.target))) {
    const xml = await pkg.text(rel.target);
    const source = /<(?:\w+:)?worksheetSource\s[^>]*>/.exec(xml)?.[0];
    if (!source) continue;
    const over = attribute(source, 'sheet') === analysisSheet || tableNames.has(attribute(source, 'name') ?? '');
    if (!over) continue;
    pkg.setText(rel.target, withRootAttribute(xml, 'refreshOnLoad', '1'));
  }
}
