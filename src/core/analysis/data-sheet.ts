/**
 * A data sheet as both hosts understand it before reading its rows: where the add-in's result
 * columns are (found by their headers, or where the state recorded them), which columns are the
 * user's data, and how those columns map to fields (the saved mapping while its headers are
 * all still there, else a proposal; the block's override columns; the user's choices).
 */
import { isBlank, type Cell, type Grid } from '../cell';
import { columnLetter } from '../column-letters';
import type { Field } from '../header-vocabulary';
import { INFLUENCE_LABELS } from '../labels';
import { REQUIRED_FIELDS, type Mapping } from '../mapping';
import { proposeMapping } from '../mapping-proposal';
import { OVERRIDE_HEADERS, RESULT_BLOCK_HEADERS, RESULT_WIDTH } from '../report/columns';
import type { ResultColumnsRecord, WorkbookState } from '../settings';
import { findTable, type TableLayout } from '../table';

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

/** Where the result columns go. */
export interface BlockPlace {
  /** 0-based sheet column of the first result column. */
  firstColumn: number;
  /** Whether an earlier run's block is there (to be replaced in place; its override cells are the user's). */
  existed: boolean;
  /**
   * How many of the block's columns are already there: all of them when it existed, some when an
   * earlier run failed while adding them to a table, else none.
   */
  present: number;
}

/** How far down the result headers are looked for. */
const HEADER_SEARCH_ROWS = 30;
const BLOCK_WIDTH = RESULT_BLOCK_HEADERS.length;

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Where the eight result headers stand side by side in the first rows, as grid indexes. */
function findResultHeaders(grid: Grid): { row: number; column: number } | undefined {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const row = grid[r];
    for (let c = 0; c + RESULT_WIDTH <= row.length; c++) {
      if (text(row[c]) !== RESULT_BLOCK_HEADERS[0]) continue;
      let all = true;
      for (let i = 1; i < RESULT_WIDTH && all; i++) all = text(row[c + i]) === RESULT_BLOCK_HEADERS[i];
      if (all) return { row: r, column: c };
    }
  }
  return undefined;
}

const INFLUENCE_TEXTS = new Set(Object.values(INFLUENCE_LABELS));

/**
 * The add-in's columns from an earlier run, from the region's cells (`grid` row 0 is the
 * region's top row, column 0 its left column): found by their headers, or (data without a header
 * row) where the state recorded them, when that column still holds influence verdicts only.
 */
export function locateBlock(grid: Grid, region: Region, recorded: ResultColumnsRecord | undefined): BlockPlace {
  const found = findResultHeaders(grid);
  if (found) return { firstColumn: region.left + found.column, existed: true, present: BLOCK_WIDTH };
  const mine = recorded && recorded.sheet === region.sheet ? recorded : undefined;
  if (mine && mine.firstColumn >= region.left && mine.firstColumn + RESULT_WIDTH - 1 <= region.right) {
    const verdictColumn = mine.firstColumn - region.left + 3;
    const values = grid.map((row) => text(row[verdictColumn])).filter((v) => v !== '');
    if (values.length > 0 && values.every((v) => INFLUENCE_TEXTS.has(v))) return { firstColumn: mine.firstColumn, existed: true, present: BLOCK_WIDTH };
  }
  if (region.table && mine?.table === region.table) {
    const present = trailingBlockColumns(grid[0] ?? []);
    if (present > 0) return { firstColumn: region.right + 1 - present, existed: false, present };
  }
  return { firstColumn: region.right + 1, existed: false, present: 0 };
}

/** How many of the block's headers, from the first, end a table's header row (an addition cut short). */
function trailingBlockColumns(header: readonly Cell[]): number {
  for (let count = BLOCK_WIDTH - 1; count > 0; count--) {
    const tail = header.slice(header.length - count).map(text);
    if (tail.length === count && tail.every((h, i) => h === RESULT_BLOCK_HEADERS[i])) return count;
  }
  return 0;
}

/** Columns of the user's data: everything left of the block (or the whole region when there is none). */
export function dataWidthOf(region: Region, block: BlockPlace): number {
  return block.present > 0 ? block.firstColumn - region.left : region.right - region.left + 1;
}

/**
 * The table's layout: found, or with the header row the user chose (grid index, or null for
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

/** The fields named by header label (as the user confirmed them, or as saved), as columns; labels that are not headers are listed. */
export function mappingFromHeaders(labels: Partial<Record<Field, string>>, headers: readonly string[]): { mapping: Mapping; unknown: string[] } {
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

/**
 * The mapping to offer for the data columns (`dataWidth` of them; the block's columns are the
 * add-in's): the one saved for this sheet while every header it names is still there, else a
 * proposal from the headers and contents.
 */
export function proposedMapping(grid: Grid, layout: TableLayout, dataWidth: number, state: WorkbookState | undefined, sheet: string): Mapping {
  const saved = state?.settings.mapping;
  if (saved && (!saved.sheet || saved.sheet === sheet)) {
    const { mapping, unknown } = mappingFromHeaders(saved.fields, layout.headers.slice(0, dataWidth));
    if (unknown.length === 0) return mapping;
  }
  const { mapping } = proposeMapping(grid, layout);
  for (const field of Object.keys(mapping) as Field[]) if (mapping[field]!.column >= dataWidth) delete mapping[field];
  return mapping;
}

/** Required fields (supplier, amount) the mapping has no column for. */
export function missingFields(mapping: Mapping): Field[] {
  return REQUIRED_FIELDS.filter((field) => !mapping[field]);
}

/**
 * The mapping with the override fields read from the block's two override columns (grid column
 * `at` and the next) when the block is there: where the user types overrides.
 */
export function withOverrideColumns(mapping: Mapping, at: number | undefined): Mapping {
  if (at === undefined) return mapping;
  return {
    ...mapping,
    localityOverride: { column: at, header: OVERRIDE_HEADERS[0], confidence: 1 },
    influenceOverride: { column: at + 1, header: OVERRIDE_HEADERS[1], confidence: 1 },
  };
}

