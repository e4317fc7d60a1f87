/**
 * The shape of the spend data on its sheet, worked out from its first rows: where the add-in's
 * own result columns are (from the workbook state, checked against the sheet), which columns are
 * the user's data, the header row, and the mapping of columns to fields. Plain functions over
 * cells; the reading is done elsewhere.
 */
import { isBlank, type Cell, type Grid } from '../core/cell';
import { INFLUENCE_LABELS } from '../core/labels';
import { columnLetter, proposeMapping, REQUIRED_FIELDS, type Field, type Mapping } from '../core/mapping';
import { RESULT_COLUMN_FORMATS } from '../core/report';
import type { ResultColumnsRecord, SavedMapping } from '../core/settings';
import { findTable, type TableLayout } from '../core/table';

/** The result block: eight result columns, then the two override columns. */
export const BLOCK_WIDTH = RESULT_COLUMN_FORMATS.length;
export const RESULT_WIDTH = BLOCK_WIDTH - 2;
export const BLOCK_HEADERS = RESULT_COLUMN_FORMATS.map((c) => c.header);

/**
 * Where the data is: 0-based, inclusive sheet coordinates. A table's region starts at its header
 * row (or at its first row when its header row is removed) and ends at its last data row.
 */
export interface Region {
  sheet: string;
  table?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** A table with its header row removed (Table.showHeaders false): its column names. */
  columnNames?: string[];
  /** A table with a total row (Table.showTotals), the row below `bottom`. */
  totalRow?: boolean;
}

export interface BlockPlace {
  /** 0-based sheet column of the first result column. */
  firstColumn: number;
  /** Whether an earlier run's block is there (to be replaced in place). */
  existed: boolean;
  /**
   * How many of the block's columns are already there: all of them when it existed, some when an
   * earlier run failed while adding them to a table, else none.
   */
  present: number;
}

/** How far down the result headers are looked for. */
const HEADER_SEARCH_ROWS = 30;

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Where the eight result headers stand side by side in the first rows, as grid indexes. */
export function findResultHeaders(grid: Grid): { row: number; column: number } | undefined {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const row = grid[r];
    for (let c = 0; c + RESULT_WIDTH <= row.length; c++) {
      if (text(row[c]) !== BLOCK_HEADERS[0]) continue;
      let all = true;
      for (let i = 1; i < RESULT_WIDTH && all; i++) all = text(row[c + i]) === BLOCK_HEADERS[i];
      if (all) return { row: r, column: c };
    }
  }
  return undefined;
}

const INFLUENCE_TEXTS = new Set(Object.values(INFLUENCE_LABELS));

/**
 * The add-in's columns from an earlier run: found by their headers, or (data without a header
 * row) where the state recorded them, when that column still holds influence verdicts only.
 */
export function locateBlock(head: Grid, region: Region, recorded: ResultColumnsRecord | undefined): BlockPlace {
  const found = findResultHeaders(head);
  if (found) return { firstColumn: region.left + found.column, existed: true, present: BLOCK_WIDTH };
  const mine = recorded && recorded.sheet === region.sheet ? recorded : undefined;
  if (mine && mine.firstColumn >= region.left && mine.firstColumn + RESULT_WIDTH - 1 <= region.right) {
    const verdictColumn = mine.firstColumn - region.left + 3;
    const values = head.map((row) => text(row[verdictColumn])).filter((v) => v !== '');
    if (values.length > 0 && values.every((v) => INFLUENCE_TEXTS.has(v))) return { firstColumn: mine.firstColumn, existed: true, present: BLOCK_WIDTH };
  }
  if (region.table && mine?.table === region.table) {
    const present = trailingBlockColumns(head[0] ?? []);
    if (present > 0) return { firstColumn: region.right + 1 - present, existed: false, present };
  }
  return { firstColumn: region.right + 1, existed: false, present: 0 };
}

/** How many of the block's headers, from the first, end a table's header row (an addition cut short). */
function trailingBlockColumns(header: readonly Cell[]): number {
  for (let count = BLOCK_WIDTH - 1; count > 0; count--) {
    const tail = header.slice(header.length - count).map(text);
    if (tail.length === count && tail.every((h, i) => h === BLOCK_HEADERS[i])) return count;
  }
  return 0;
}

/** Columns of the user's data: everything left of the block (or the whole region when there is none). */
export function dataWidthOf(region: Region, block: BlockPlace): number {
  return block.present > 0 ? block.firstColumn - region.left : region.right - region.left + 1;
}

/**
 * A row as the core sees it: the data columns, then the two override cells (blank until the
 * block exists), so the analysis never reads the add-in's own results.
 */
export function coreRow(row: readonly Cell[], dataWidth: number, overrideAt: number | undefined): Cell[] {
  const cells = row.slice(0, dataWidth);
  while (cells.length < dataWidth) cells.push('');
  cells.push(overrideAt === undefined ? '' : (row[overrideAt] ?? ''), overrideAt === undefined ? '' : (row[overrideAt + 1] ?? ''));
  return cells;
}

/**
 * The table's layout: detected, or with the header row the user chose (grid index, or null for
 * none). `lastRow` is the grid index of the region's last row.
 */
export function layoutOf(grid: Grid, lastRow: number, headerRow?: number | null): TableLayout {
  const detected = findTable(grid);
  const chosen: TableLayout =
    headerRow === undefined
      ? detected
      : headerRow === null
        ? { ...detected, headerRow: null, headers: detected.headers.map((_, c) => `Column ${columnLetter(c)}`), firstDataRow: grid.findIndex((row) => row.some((cell) => !isBlank(cell))) }
        : {
            headerRow,
            headers: detected.headers.map((_, c) => {
              const header = text(grid[headerRow]?.[c]).replace(/\s+/g, ' ');
              return header === '' ? `Column ${columnLetter(c)}` : header;
            }),
            firstDataRow: headerRow + 1,
            lastDataRow: detected.lastDataRow,
          };
  return { ...chosen, firstDataRow: Math.max(0, chosen.firstDataRow), lastDataRow: lastRow };
}

/** The saved mapping, when every header it names is still there. */
export function savedMapping(saved: SavedMapping | undefined, headers: readonly string[]): Mapping | undefined {
  if (!saved) return undefined;
  const mapping: Mapping = {};
  for (const [field, header] of Object.entries(saved.fields)) {
    const column = headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase());
    if (column < 0) return undefined;
    mapping[field as Field] = { column, header: headers[column], confidence: 1 };
  }
  return mapping;
}

/** The mapping the user confirmed (field → header), as columns; headers that are not there are listed. */
export function mappingFromLabels(labels: Partial<Record<Field, string>>, headers: readonly string[]): { mapping: Mapping; unknown: string[] } {
  const mapping: Mapping = {};
  const unknown: string[] = [];
  for (const [field, label] of Object.entries(labels) as [Field, string][]) {
    if (!label) continue;
    const column = headers.findIndex((h) => h.trim().toLowerCase() === label.trim().toLowerCase());
    if (column < 0) unknown.push(`${field} = "${label}"`);
    else mapping[field] = { column, header: headers[column], confidence: 1 };
  }
  return { mapping, unknown };
}

/** The proposed mapping over the data columns (the override columns are the block's, by position). */
export function proposeDataMapping(grid: Grid, layout: TableLayout, dataWidth: number): { mapping: Mapping; missing: Field[] } {
  const { mapping } = proposeMapping(grid, layout);
  for (const field of Object.keys(mapping) as Field[]) if (mapping[field]!.column >= dataWidth) delete mapping[field];
  return { mapping, missing: REQUIRED_FIELDS.filter((f) => !mapping[f]) };
}

/** The block's override columns, when it exists, as the override fields of the core grid. */
export function withOverrideColumns(mapping: Mapping, dataWidth: number, block: BlockPlace): Mapping {
  const result: Mapping = { ...mapping };
  if (block.existed) {
    result.localityOverride = { column: dataWidth, header: BLOCK_HEADERS[RESULT_WIDTH], confidence: 1 };
    result.influenceOverride = { column: dataWidth + 1, header: BLOCK_HEADERS[RESULT_WIDTH + 1], confidence: 1 };
  }
  return result;
}

/** "A4:I3406": the data's columns from its header (or first data) row to its last row. */
export function dataAddress(region: Region, dataWidth: number, firstRow: number): string {
  return `${columnLetter(region.left)}${firstRow + 1}:${columnLetter(region.left + Math.max(dataWidth, 1) - 1)}${region.bottom + 1}`;
}
