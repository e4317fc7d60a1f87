/**
 * The annotated copy, written straight as OOXML. A single .xlsx input is patched, not re-saved:
 * every part of it is copied unchanged (charts, PivotTables, images, conditional formats,
 * validation, names, styles) except the sheets the add-in writes on, where its cells go into the
 * rows in column order and everything else on the sheet is kept as it was. Other inputs (CSV,
 * several files) get a new package made by the same writer, one sheet per input.
 *
 * What is written: the result columns beside the data; the analysis sheet; the summary sheets
 * laid out as the core plans them (formula tables: SUMIFS over the analysis sheet); the user's
 * sheets (Suppliers, Rules, Local register), of which only the cells the run changes are written;
 * and the very hidden state sheet.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AnalysisResult } from '../core/analysis';
import type { Areas } from '../core/areas';
import type { Cell, Grid } from '../core/cell';
import { parseCsv } from '../core/csv';
import { suppliersSheetGrid, type SheetProblem, type SupplierDirectory } from '../core/directory';
import type { DistrictInfo } from '../core/geography';
import { INFLUENCE_LABELS, localityLabel } from '../core/labels';
import { columnLetter } from '../core/mapping';
import {
  ANALYSIS_COLUMNS,
  analysisRow,
  fittedWidth,
  isFormula,
  layoutSheet,
  OVERRIDE_HEADERS,
  planReport,
  RESULT_COLUMN_FORMATS,
  resultCells,
  type OutCell,
  type RegisterEntry,
  type ReportColumn,
  type SheetPlan,
} from '../core/report';
import type { SkippedRow, SpendRow } from '../core/rows';
import { rulesToCsv, type Rule } from '../core/rules';
import { sheetNamesFor, STATE_SHEET, stateToCells, type HeadlineSnapshot, type ResultColumnsRecord, type WorkbookState } from '../core/settings';
import { inputColumns, InputError, type LoadedInputs } from './inputs';
import type { DroppedCharacters } from './xlsx-cells';
import { XlsxPackage, type SheetState } from './xlsx-package';
import { EMPTY_WORKSHEET, patchWorksheet, type CellWrite, type ColumnSetting, type RowWrite, type SheetEdit } from './xlsx-sheet';
import { addStyles, columnStyle, type Styles } from './xlsx-styles';
import { attribute, rootAttribute, withAttribute, withRootAttribute } from './xlsx-xml';
import { ZipError } from './xlsx-zip';

export interface OutputPlan {
  outFile: string;
  loaded: LoadedInputs;
  rows: SpendRow[];
  skipped: SkippedRow[];
  result: AnalysisResult;
  areas: Areas;
  districts: ReadonlyMap<string, DistrictInfo>;
  state: WorkbookState;
  register: { grid: Grid; entries: RegisterEntry[] };
  directory: SupplierDirectory;
  rules: Rule[];
  rulesDescription: string[];
  problems: SheetProblem[];
  analysedAt: string;
  geographyRelease: string;
  threshold: number;
  top: number;
  baselineSnapshot?: HeadlineSnapshot;
}

export interface WriteOutcome {
  /** Characters XML cannot hold (control characters in the input's text), left out of the copy. */
  droppedCharacters: number;
}

/** Points per line of Excel's default 11pt font. */
const LINE_HEIGHT = 15;
/** Where a row that was not analysed says why, and where the user's overrides are, in the result block. */
const BASIS_COLUMN = RESULT_COLUMN_FORMATS.findIndex((c) => c.header === 'Locality basis');
const OVERRIDE_COLUMNS = OVERRIDE_HEADERS.map((header) => RESULT_COLUMN_FORMATS.findIndex((c) => c.header === header));
const RELATIONSHIP_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const RELATIONSHIP_PIVOT_CACHE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition';

export async function writeWorkbook(plan: OutputPlan): Promise<WriteOutcome> {
  const { loaded, result, areas, state } = plan;
  const names = { local: areas.local.name, wider: areas.wider.name };
  const dropped: DroppedCharacters = { count: 0 };
  const input = loaded.files.length === 1 && path.extname(loaded.files[0].file).toLowerCase() === '.xlsx' ? loaded.files[0] : undefined;
  const pkg = input ? openInput(input.file) : XlsxPackage.blank();
  const stylesPart = pkg.stylesPart();
  const { xml: stylesXml, styles } = addStyles(pkg.text(stylesPart));
  pkg.setText(stylesPart, stylesXml);
  /** The grid read from the input for one of its sheets (for a generated package, none). */
  const gridOf = (sheetName: string): Grid | undefined => input?.sheets.find((sheet) => sheet.name === sheetName)?.grid;
  /** A sheet patched (or added, empty, at the end) with the edit `make` plans for it. */
  const edit = (sheetName: string, state: SheetState | undefined, make: (part: string) => SheetEdit) => {
    let part = pkg.sheetPart(sheetName);
    const source = part ? pkg.text(part) : EMPTY_WORKSHEET;
    part ??= pkg.addSheet(sheetName, state);
    if (state) pkg.setSheetState(sheetName, state);
    const sheetEdit = make(part);
    pkg.setChunks(part, () => patchWorksheet(source, sheetEdit, dropped));
  };

  // The data sheets: the result columns to the right of the data (with the data itself, when the package is new).
  const resultsBySource = new Map<string, Cell[][]>();
  plan.rows.forEach((row, i) => {
    const key = row.source ?? '';
    if (!resultsBySource.has(key)) resultsBySource.set(key, []);
    resultsBySource.get(key)![row.row - 1] = resultCells(result.results[i], row, names);
  });
  const resultColumns: ResultColumnsRecord[] = [];
  const usedNames = new Set<string>();
  for (const data of loaded.dataSheets) {
    const sheetName = input ? data.sheet : uniqueSheetName(data.source || data.sheet, usedNames);
    usedNames.add(sheetName.toLowerCase());
    const recorded = data.resultColumns;
    const firstColumn = recorded?.firstColumn ?? dataWidth(data.grid);
    const headerRow = data.layout.headerRow;
    const results = resultsBySource.get(data.source) ?? [];
    for (const skip of plan.skipped.filter((s) => (s.source ?? '') === data.source)) {
      const cells: Cell[] = RESULT_COLUMN_FORMATS.map(() => '');
      cells[BASIS_COLUMN] = `Not analysed: ${skip.reason}`;
      // The row's override cells stay as the user left them.
      if (recorded) for (const column of OVERRIDE_COLUMNS) cells[column] = data.grid[skip.row - 1]?.[firstColumn + column] ?? '';
      results[skip.row - 1] = cells;
    }
    edit(sheetName, undefined, () =>
      resultBlockEdit({
        copy: input ? undefined : data.grid,
        headerRow,
        firstColumn,
        results,
        styles,
        // On a re-run the recorded block is replaced: its old cells go first.
        erase: recorded
          ? { firstRow: Math.min(recorded.headerRow, headerRow ?? recorded.headerRow), firstColumn: recorded.firstColumn, lastColumn: recorded.firstColumn + recorded.headers.length - 1 }
          : undefined,
      }),
    );
    resultColumns.push({
      sheet: sheetName,
      ...(recorded?.table ? { table: recorded.table } : {}),
      firstColumn,
      headers: RESULT_COLUMN_FORMATS.map((c) => c.header),
      headerRow: headerRow ?? 0,
    });
  }

  const existing = pkg.sheetNames();
  const owned = new Set(Object.values(state.owned.sheets));
  const sheetNames = sheetNamesFor(state.owned.sheets, existing.filter((n) => !owned.has(n)));
  const report = planReport({
    analysis: result,
    rows: plan.rows,
    areas,
    districts: plan.districts,
    sheetNames,
    analysedAt: plan.analysedAt,
    geographyRelease: plan.geographyRelease,
    rulesDescription: plan.rulesDescription,
    threshold: plan.threshold,
    // Named by the sheet in the copy, so that analysing the copy again describes it the same way.
    inputDescription: loaded.dataSheets.map(
      (d, i) =>
        `Sheet "${resultColumns[i].sheet}": header ${d.layout.headerRow === null ? 'none (columns recognised by content)' : `row ${d.layout.headerRow + 1}`}; ${inputColumns(d)
          .map(([f, m]) => `${f} = ${m.header}`)
          .join(', ')}`,
    ),
    skipped: plan.skipped,
    problems: plan.problems,
    history: { baseline: plan.baselineSnapshot },
    register: plan.register.entries,
    topSuppliers: plan.top,
  });

  const extents: WorkbookState['owned']['extents'] = {};
  for (const sheetPlan of report) {
    const previous = state.owned.extents[sheetPlan.role];
    edit(sheetNames[sheetPlan.role], undefined, () => {
      const { edit: sheetEdit, extent } = summarySheetEdit(sheetPlan, styles, previous);
      extents[sheetPlan.role] = extent;
      return sheetEdit;
    });
  }

  edit(sheetNames.analysis, undefined, (part) => {
    const rows = plan.rows.map((row, i) => analysisRow(row, result.results[i], names));
    const extent = `A1:${columnLetter(ANALYSIS_COLUMNS.length - 1)}${rows.length + 1}`;
    // The add-in's analysis sheet holds an Excel table with its own filter: a sheet filter over it would clash.
    const tables = resizeTables(pkg, part, extent);
    pkg.setFilterRange(sheetNames.analysis, tables === 0 ? extent : undefined);
    return tableEdit(ANALYSIS_COLUMNS, rows, styles, tables === 0 ? extent : undefined);
  });

  edit(sheetNames.suppliers, undefined, () => {
    const before = gridOf(sheetNames.suppliers);
    const after = suppliersSheetGrid(before, plan.directory, (key) => {
      const line = result.summary.suppliers.get(key);
      return line && { locality: localityLabel(line.locality, names), districtLabel: line.districtLabel, influence: INFLUENCE_LABELS[line.influence], reason: line.reason, spend: line.spend, rows: line.rows };
    });
    return userSheetEdit(before, after, styles, after[0].indexOf('Spend'));
  });
  // The Rules and Local register sheets are the user's once written: only made when missing.
  if (!pkg.sheetPart(sheetNames.rules)) edit(sheetNames.rules, undefined, () => userSheetEdit(undefined, parseCsv(rulesToCsv(plan.rules)), styles, -1));
  if (!pkg.sheetPart(sheetNames.register)) edit(sheetNames.register, undefined, () => userSheetEdit(undefined, plan.register.grid, styles, -1));

  // The mapping is remembered for the sheet as it is named in the copy, where the next run finds it.
  const mapping = state.settings.mapping && { ...state.settings.mapping, sheet: resultColumns[0].sheet };
  const finalState: WorkbookState = { ...state, settings: { ...state.settings, mapping }, owned: { resultColumns, sheets: sheetNames, extents } };
  edit(STATE_SHEET, 'veryHidden', () => stateSheetEdit(stateToCells(finalState), styles));

  refreshPivotCachesOver(pkg, sheetNames.analysis);
  // Written beside the destination and moved into place whole, so a failure leaves no half-written file.
  const partial = `${plan.outFile}.partial`;
  await pkg.write(partial);
  fs.renameSync(partial, plan.outFile);
  return { droppedCharacters: dropped.count };
}

function openInput(file: string): XlsxPackage {
  try {
    return XlsxPackage.fromBytes(fs.readFileSync(file));
  } catch (error) {
    if (error instanceof ZipError) throw new InputError(`Cannot copy ${JSON.stringify(file)}: ${error.message}.`);
    throw new InputError(`Cannot copy ${JSON.stringify(file)}: its package is not as Excel writes one (${(error as Error).message}).`);
  }
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

interface ResultBlock {
  /** The input's cells, written first, when the sheet is new. */
  copy?: Grid;
  /** 0-based sheet row for the headers, or null when the data has no header row. */
  headerRow: number | null;
  firstColumn: number;
  /** Result cells by 0-based sheet row. */
  results: Cell[][];
  styles: Styles;
  erase?: { firstRow: number; firstColumn: number; lastColumn: number };
}

function resultBlockEdit(block: ResultBlock): SheetEdit {
  const columns = RESULT_COLUMN_FORMATS;
  const widths = columns.map((column, i) => fittedWidth(column, rowValues(block.results, i)));
  const height = headerHeight(columns.map((c) => c.header), widths);
  const copy = block.copy ?? [];
  const rowCount = Math.max(copy.length, block.results.length, (block.headerRow ?? -1) + 1);
  const copyWidth = copy.reduce((width, row) => Math.max(width, row.length), 0);
  function* rows(): Generator<RowWrite> {
    for (let r = 0; r < rowCount; r++) {
      const cells: CellWrite[] = [];
      const source = copy[r];
      if (source) for (let c = 0; c < source.length; c++) if (source[c] !== null && source[c] !== '') cells.push({ column: c, value: source[c] });
      if (r === block.headerRow) {
        cells.push(...headerCells(columns, block.firstColumn, block.styles.resultHeader));
        yield { row: r, cells, height };
        continue;
      }
      const results = block.results[r];
      if (results) for (let i = 0; i < results.length; i++) if (results[i] !== '' && results[i] !== null) cells.push({ column: block.firstColumn + i, value: results[i] });
      if (cells.length > 0) yield { row: r, cells };
    }
  }
  return {
    erase: block.erase ? [{ ...block.erase, lastRow: Infinity }] : [],
    rows: rows(),
    extent: { rows: rowCount, columns: Math.max(copyWidth, block.firstColumn + columns.length) },
    columns: [...copiedWidths(copy.slice(block.headerRow ?? 0), copyWidth), ...widths.map((width, i) => ({ column: block.firstColumn + i, width }))],
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

/** A summary sheet: title, subtitle, then each block with its title, note, header and rows; the previous run's area cleared first. */
function summarySheetEdit(plan: SheetPlan, styles: Styles, previous: { rows: number; columns: number } | undefined): { edit: SheetEdit; extent: { rows: number; columns: number } } {
  const layout = layoutSheet(plan);
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
          return { column: i, value: cells[i] ?? null, style: columnStyle(styles, column.format, numeric) };
        }),
      }),
    );
  }
  const extent = { rows: layout.rows, columns: layout.columns };
  return {
    edit: {
      erase: previous ? [{ firstRow: 0, lastRow: previous.rows - 1, firstColumn: 0, lastColumn: previous.columns - 1, rowHeights: true }] : [],
      rows,
      extent,
      columns: layout.widths.map((width, i) => ({ column: i, width })),
      onePageWide: true,
    },
    extent,
  };
}

/** A table from A1 that is the whole sheet: bold, filled, frozen header row, and the filter given. */
function tableEdit(columns: readonly ReportColumn[], rows: readonly OutCell[][], styles: Styles, filter: string | undefined): SheetEdit {
  const widths = columns.map((column, i) => fittedWidth(column, rows.map((row) => row[i])));
  const formats = columns.map((column) => columnStyle(styles, column.format, false));
  function* rowWrites(): Generator<RowWrite> {
    yield { row: 0, cells: headerCells(columns, 0, styles.header), height: headerHeight(columns.map((c) => c.header), widths) };
    for (let r = 0; r < rows.length; r++) {
      const cells: CellWrite[] = [];
      const values = rows[r];
      for (let c = 0; c < values.length; c++) if (values[c] !== '' && values[c] !== null) cells.push({ column: c, value: values[c], style: formats[c] });
      yield { row: r + 1, cells };
    }
  }
  return {
    replaceRows: true,
    rows: rowWrites(),
    extent: { rows: rows.length + 1, columns: columns.length },
    columns: widths.map((width, i): ColumnSetting => ({ column: i, width, style: formats[i] })),
    freezeTopRow: true,
    autoFilter: filter,
    onePageWide: true,
  };
}

/**
 * A sheet the user edits (Suppliers, Rules, Local register): only the cells whose value changes
 * are written (keeping each one's format), so the user's formulas, formats and cells stay as
 * they were. The header row bold and frozen; columns no narrower than what they hold.
 */
function userSheetEdit(before: Grid | undefined, after: Grid, styles: Styles, moneyColumn: number): SheetEdit {
  const same = (a: Cell | undefined, b: Cell | undefined) => (a ?? '') === (b ?? '');
  const rows: RowWrite[] = [];
  let width = 0;
  for (let r = 0; r < after.length; r++) {
    const cells: CellWrite[] = [];
    width = Math.max(width, after[r].length);
    after[r].forEach((value, c) => {
      if (same(before?.[r]?.[c], value)) return;
      const style = r === 0 ? styles.bold : c === moneyColumn ? styles.gbp : undefined;
      cells.push({ column: c, value, style });
    });
    if (cells.length > 0) rows.push({ row: r, cells });
  }
  return {
    rows,
    extent: { rows: after.length, columns: width },
    columns: after[0].map((_, c) => ({ column: c, width: fittedWidth({ header: '', format: 'text', width: 12 }, after.map((cells) => cells[c])), widenOnly: true })),
    freezeTopRow: true,
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
function resizeTables(pkg: XlsxPackage, sheetPart: string, reference: string): number {
  const tables = pkg.relationships(sheetPart).filter((rel) => rel.type === RELATIONSHIP_TABLE && !rel.external && pkg.has(rel.target));
  for (const table of tables) {
    const resized = withRootAttribute(pkg.text(table.target), 'ref', reference);
    pkg.setText(table.target, resized.replace(/<(?:\w+:)?autoFilter\s[^>]*>/, (filter) => withAttribute(filter, 'ref', reference)));
  }
  return tables.length;
}

/** PivotTables over the rewritten analysis sheet (or a table on it) refresh when the workbook opens: their caches hold the old rows. */
function refreshPivotCachesOver(pkg: XlsxPackage, analysisSheet: string): void {
  const analysisPart = pkg.sheetPart(analysisSheet);
  if (!analysisPart) return;
  const tableNames = new Set<string>();
  for (const rel of pkg.relationships(analysisPart).filter((r) => r.type === RELATIONSHIP_TABLE && pkg.has(r.target))) {
    const name = rootAttribute(pkg.text(rel.target), 'name');
    if (name) tableNames.add(name);
  }
  for (const rel of pkg.relationships(pkg.workbookPart).filter((r) => r.type === RELATIONSHIP_PIVOT_CACHE && pkg.has(r.target))) {
    const xml = pkg.text(rel.target);
    const source = /<(?:\w+:)?worksheetSource\s[^>]*>/.exec(xml)?.[0];
    if (!source) continue;
    const over = attribute(source, 'sheet') === analysisSheet || tableNames.has(attribute(source, 'name') ?? '');
    if (!over) continue;
    pkg.setText(rel.target, withRootAttribute(xml, 'refreshOnLoad', '1'));
  }
}

/** The width of the data: the result columns go immediately to its right. */
function dataWidth(grid: Grid): number {
  let width = 0;
  for (const row of grid) {
    for (let c = row.length - 1; c >= width; c--) {
      const cell = row[c];
      if (cell !== null && cell !== '') {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

function uniqueSheetName(wanted: string, used: Set<string>): string {
  const clean = wanted.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  let name = clean;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - String(n).length - 3)} (${n})`;
  return name;
}
