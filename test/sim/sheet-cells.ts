/**
 * The cells of one worksheet, stored column by column so that a 1,000,000-row sheet costs one
 * array slot per cell rather than one object per cell. Formats are kept in parallel arrays that
 * exist only once something is formatted; styles are shared (interned) objects.
 *
 * Formats applied to entire columns or rows are kept as column / row formats rather than as a
 * million cell formats, and do not count towards the used range (see `usedRect`).
 */
import { HostError } from './host-error';
import { GENERAL_FORMAT, type CellValue } from './cell-entry';
import { MAX_ROWS, MAX_COLUMNS, type Rect } from './grid-address';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontName?: string;
  fontSize?: number;
  fillColor?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export type StyleKey = keyof CellStyle;

const internedStyles = new Map<string, CellStyle>();

/** One shared frozen object per distinct style, so formatting a million cells stores a million pointers. */
function internStyle(style: CellStyle): CellStyle | undefined {
  const keys = (Object.keys(style) as StyleKey[]).filter((k) => style[k] !== undefined).sort();
  if (keys.length === 0) return undefined;
  const key = keys.map((k) => `${k}=${String(style[k])}`).join(';');
  let shared = internedStyles.get(key);
  if (!shared) {
    const clean: CellStyle = {};
    for (const k of keys) (clean as Record<string, unknown>)[k] = style[k];
    shared = Object.freeze(clean);
    internedStyles.set(key, shared);
  }
  return shared;
}

function withoutKeys(style: CellStyle | undefined, keys: StyleKey[]): CellStyle | undefined {
  if (!style) return undefined;
  const copy = { ...style };
  for (const k of keys) delete copy[k];
  return internStyle(copy);
}

class ColumnCells {
  values: (CellValue | undefined)[] = [];
  formulas: Map<number, string> | undefined;
  numberFormats: (string | undefined)[] | undefined;
  styles: (CellStyle | undefined)[] | undefined;

  hasContent(row: number): boolean {
    return this.values[row] !== undefined || (this.formulas?.has(row) ?? false);
  }
}

interface LayerFormat {
  numberFormat?: string;
  style?: CellStyle;
}

function lastDefined(array: unknown[] | undefined): number {
  if (!array) return -1;
  let i = array.length - 1;
  while (i >= 0 && array[i] === undefined) i--;
  array.length = i + 1; // trailing holes left by clears are dropped
  return i;
}

function firstDefined(array: unknown[] | undefined): number {
  if (!array) return -1;
  for (let i = 0; i < array.length; i++) if (array[i] !== undefined) return i;
  return -1;
}

/** Opens `count` empty slots at `at`, moving later entries down. */
function insertBand<T>(array: T[] | undefined, at: number, count: number): void {
  if (!array || at >= array.length) return;
  for (let i = array.length - 1; i >= at; i--) {
    if (array[i] === undefined) delete array[i + count];
    else array[i + count] = array[i];
  }
  for (let i = at; i < at + count; i++) delete array[i];
}

/** Removes the slots at..at+count-1, moving later entries up. */
function removeBand<T>(array: T[] | undefined, at: number, count: number): void {
  if (!array || at >= array.length) return;
  const end = array.length;
  for (let i = at; i + count < end; i++) {
    if (array[i + count] === undefined) delete array[i];
    else array[i] = array[i + count];
  }
  for (let i = Math.max(at, end - count); i < end; i++) delete array[i];
  lastDefined(array);
}

/** Formula rows after inserting (count > 0) or removing (count < 0) |count| rows at `at`. */
function shiftFormulaRows(map: Map<number, string> | undefined, at: number, count: number): Map<number, string> | undefined {
  if (!map) return map;
  const shifted = new Map<number, string>();
  for (const [row, formula] of map) {
    if (row < at) shifted.set(row, formula);
    else if (count > 0) shifted.set(row + count, formula);
    else if (row >= at - count) shifted.set(row + count, formula);
  }
  return shifted.size > 0 ? shifted : undefined;
}

export class SheetCells {
  private readonly columns = new Map<number, ColumnCells>();
  private readonly columnFormats = new Map<number, LayerFormat>();
  private readonly rowFormats = new Map<number, LayerFormat>();
  readonly columnWidths = new Map<number, number>();

  private column(index: number): ColumnCells {
    let column = this.columns.get(index);
    if (!column) {
      column = new ColumnCells();
      this.columns.set(index, column);
    }
    return column;
  }

  /** The stored constant (undefined when empty or a formula). */
  valueAt(row: number, column: number): CellValue | undefined {
    return this.columns.get(column)?.values[row];
  }

  formulaAt(row: number, column: number): string | undefined {
    return this.columns.get(column)?.formulas?.get(row);
  }

  hasContent(row: number, column: number): boolean {
    return this.columns.get(column)?.hasContent(row) ?? false;
  }

  /** How many cells hold a formula. */
  formulaCount(): number {
    let count = 0;
    for (const column of this.columns.values()) count += column.formulas?.size ?? 0;
    return count;
  }

  /** Columns that hold anything, for scans that must not visit 16,384 empty columns. */
  storedColumns(): number[] {
    return [...this.columns.keys()].sort((a, b) => a - b);
  }

  /** Every formula cell, column by column. */
  formulaCells(): { row: number; column: number; formula: string }[] {
    const cells: { row: number; column: number; formula: string }[] = [];
    for (const [column, data] of [...this.columns].sort((a, b) => a[0] - b[0])) {
      for (const [row, formula] of data.formulas ?? []) cells.push({ row, column, formula });
    }
    return cells;
  }

  /** Fast path for bulk reads: a column's constants and formulas (may be undefined). */
  columnData(column: number): { values: (CellValue | undefined)[]; formulas?: Map<number, string> } | undefined {
    return this.columns.get(column);
  }

  setValue(row: number, column: number, value: CellValue): void {
    const cells = this.column(column);
    cells.values[row] = value;
    if (cells.formulas?.delete(row) && cells.formulas.size === 0) cells.formulas = undefined;
  }

  /** Bulk load for setup: rows top..top+count-1 of one column; undefined leaves a cell empty. */
  fillColumn(column: number, top: number, count: number, valueAt: (offset: number) => CellValue | undefined): void {
    const cells = this.column(column);
    for (let i = 0; i < count; i++) {
      const value = valueAt(i);
      if (value === undefined) continue;
      cells.values[top + i] = value;
      cells.formulas?.delete(top + i);
    }
  }

  setFormula(row: number, column: number, formula: string): void {
    const cells = this.column(column);
    delete cells.values[row];
    (cells.formulas ??= new Map()).set(row, formula);
  }

  clearContents(row: number, column: number): void {
    const cells = this.columns.get(column);
    if (!cells) return;
    delete cells.values[row];
    if (cells.formulas?.delete(row) && cells.formulas.size === 0) cells.formulas = undefined;
  }

  numberFormatAt(row: number, column: number): string {
    return (
      this.columns.get(column)?.numberFormats?.[row] ??
      this.rowFormats.get(row)?.numberFormat ??
      this.columnFormats.get(column)?.numberFormat ??
      GENERAL_FORMAT
    );
  }

  setNumberFormat(row: number, column: number, format: string): void {
    const cells = this.column(column);
    const stored = format === GENERAL_FORMAT || format === '' ? undefined : format;
    if (stored === undefined) {
      if (cells.numberFormats) delete cells.numberFormats[row];
    } else {
      (cells.numberFormats ??= [])[row] = stored;
    }
  }

  styleValue<K extends StyleKey>(row: number, column: number, key: K): CellStyle[K] | undefined {
    return (
      this.columns.get(column)?.styles?.[row]?.[key] ??
      this.rowFormats.get(row)?.style?.[key] ??
      this.columnFormats.get(column)?.style?.[key]
    );
  }

  patchStyle(row: number, column: number, patch: CellStyle): void {
    const cells = this.column(column);
    const styles = (cells.styles ??= []);
    const next = internStyle({ ...styles[row], ...patch });
    if (next === undefined) delete styles[row];
    else styles[row] = next;
  }

  /** Formats a whole column: the column format changes and cell formats of the same kind give way to it. */
  formatEntireColumn(column: number, numberFormat: string | undefined, patch: CellStyle | undefined): void {
    const layer = this.columnFormats.get(column) ?? {};
    const cells = this.columns.get(column);
    if (numberFormat !== undefined) {
      layer.numberFormat = numberFormat === GENERAL_FORMAT || numberFormat === '' ? undefined : numberFormat;
      if (cells) cells.numberFormats = undefined;
    }
    if (patch) {
      layer.style = internStyle({ ...layer.style, ...patch });
      const keys = Object.keys(patch) as StyleKey[];
      cells?.styles?.forEach((style, row) => {
        const rest = withoutKeys(style, keys);
        if (rest) cells.styles![row] = rest;
        else delete cells.styles![row];
      });
    }
    this.columnFormats.set(column, layer);
  }

  formatEntireRow(row: number, numberFormat: string | undefined, patch: CellStyle | undefined): void {
    const layer = this.rowFormats.get(row) ?? {};
    if (numberFormat !== undefined) {
      layer.numberFormat = numberFormat === GENERAL_FORMAT || numberFormat === '' ? undefined : numberFormat;
      for (const cells of this.columns.values()) if (cells.numberFormats) delete cells.numberFormats[row];
    }
    if (patch) {
      layer.style = internStyle({ ...layer.style, ...patch });
      const keys = Object.keys(patch) as StyleKey[];
      for (const cells of this.columns.values()) {
        const rest = withoutKeys(cells.styles?.[row], keys);
        if (cells.styles && rest) cells.styles[row] = rest;
        else if (cells.styles) delete cells.styles[row];
      }
    }
    this.rowFormats.set(row, layer);
  }

  clearFormats(row: number, column: number): void {
    const cells = this.columns.get(column);
    if (!cells) return;
    if (cells.numberFormats) delete cells.numberFormats[row];
    if (cells.styles) delete cells.styles[row];
  }

  clearEntireColumnFormats(column: number): void {
    this.columnFormats.delete(column);
    const cells = this.columns.get(column);
    if (cells) {
      cells.numberFormats = undefined;
      cells.styles = undefined;
    }
  }

  hasCellFormat(row: number, column: number): boolean {
    const cells = this.columns.get(column);
    return cells?.numberFormats?.[row] !== undefined || cells?.styles?.[row] !== undefined;
  }

  /**
   * The smallest rectangle holding every cell with a value or formula, plus (unless valuesOnly)
   * every cell with a format of its own: Worksheet.getUsedRange, "The used range is the smallest
   * range that encompasses any cells that have a value or formatting assigned to them."
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [index, cells] of this.columns) {
      let first = firstDefined(cells.values);
      let last = lastDefined(cells.values);
      if (cells.formulas) {
        for (const row of cells.formulas.keys()) {
          if (first < 0 || row < first) first = row;
          if (row > last) last = row;
        }
      }
      if (!valuesOnly) {
        for (const array of [cells.numberFormats, cells.styles]) {
          const f = firstDefined(array);
          if (f >= 0 && (first < 0 || f < first)) first = f;
          last = Math.max(last, lastDefined(array));
        }
      }
      if (last < 0) continue;
      top = Math.min(top, first);
      bottom = Math.max(bottom, last);
      left = Math.min(left, index);
      right = Math.max(right, index);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /**
   * The smallest rectangle holding the used cells inside `area` (null when none is): Range.getUsedRange,
   * "Returns the used range of the given range object. If there are no used cells within the
   * range, this function will throw an ItemNotFound error." Not the sheet's used range clipped to
   * the area: a used cell above or beside the area does not make any of the area used.
   */
  usedRectWithin(area: Rect, valuesOnly: boolean): Rect | null {
    const sheetUsed = this.usedRect(valuesOnly);
    if (!sheetUsed) return null;
    const top = Math.max(area.top, sheetUsed.top);
    const bottom = Math.min(area.bottom, sheetUsed.bottom);
    let first = Infinity;
    let last = -1;
    let left = Infinity;
    let right = -1;
    for (const [index, cells] of this.columns) {
      if (index < area.left || index > area.right) continue;
      const used = (row: number) => cells.hasContent(row) || (!valuesOnly && this.hasCellFormat(row, index));
      let r = top;
      while (r <= bottom && !used(r)) r++;
      if (r > bottom) continue;
      let s = bottom;
      while (s > r && !used(s)) s--;
      first = Math.min(first, r);
      last = Math.max(last, s);
      left = Math.min(left, index);
      right = Math.max(right, index);
    }
    return last < 0 ? null : { top: first, left, bottom: last, right };
  }

  /** Inserts `count` empty rows at `row` in columns left..right, pushing cells below down. */
  insertRows(row: number, count: number, left: number, right: number): void {
    for (const [index, cells] of this.columns) {
      if (index < left || index > right) continue;
      for (const array of [cells.values, cells.numberFormats, cells.styles]) {
        if (array && array.length > MAX_ROWS - count && lastDefined(array) >= MAX_ROWS - count) {
          throw new HostError('NonBlankCellOffSheet', "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.");
        }
      }
      if (cells.formulas && [...cells.formulas.keys()].some((r) => r >= MAX_ROWS - count)) {
        throw new HostError('NonBlankCellOffSheet');
      }
    }
    for (const [index, cells] of this.columns) {
      if (index < left || index > right) continue;
      insertBand(cells.values, row, count);
      insertBand(cells.numberFormats, row, count);
      insertBand(cells.styles, row, count);
      cells.formulas = shiftFormulaRows(cells.formulas, row, count);
    }
  }

  /** Deletes rows row..row+count-1 in columns left..right, pulling cells below up. */
  deleteRows(row: number, count: number, left: number, right: number): void {
    for (const [index, cells] of this.columns) {
      if (index < left || index > right) continue;
      removeBand(cells.values, row, count);
      removeBand(cells.numberFormats, row, count);
      removeBand(cells.styles, row, count);
      cells.formulas = shiftFormulaRows(cells.formulas, row, -count);
    }
  }

  /** Moves the cells of rows top..bottom in columns >= column right by `count` (negative: left). */
  shiftColumns(column: number, count: number, top: number, bottom: number): void {
    const affected = [...this.columns.keys()].filter((c) => c >= column).sort((a, b) => (count > 0 ? b - a : a - b));
    if (count > 0 && affected.some((c) => c + count >= MAX_COLUMNS && this.columnHasCellsIn(c, top, bottom))) {
      throw new HostError('NonBlankCellOffSheet');
    }
    for (const from of affected) {
      const to = from + count;
      this.moveBand(from, to, top, bottom);
    }
  }

  private columnHasCellsIn(column: number, top: number, bottom: number): boolean {
    const cells = this.columns.get(column);
    if (!cells) return false;
    const end = Math.min(bottom, Math.max(cells.values.length, cells.numberFormats?.length ?? 0, cells.styles?.length ?? 0) - 1);
    for (let r = top; r <= end; r++) if (cells.hasContent(r) || this.hasCellFormat(r, column)) return true;
    return [...(cells.formulas?.keys() ?? [])].some((r) => r >= top && r <= bottom);
  }

  /** Moves the band top..bottom of column `from` to column `to` (to < 0 or off-grid: discarded). */
  private moveBand(from: number, to: number, top: number, bottom: number): void {
    const source = this.columns.get(from);
    if (!source) return;
    const target = to >= 0 && to < MAX_COLUMNS ? this.column(to) : undefined;
    const end = Math.min(bottom, Math.max(source.values.length, source.numberFormats?.length ?? 0, source.styles?.length ?? 0) - 1);
    for (let r = top; r <= end; r++) {
      if (target) {
        const value = source.values[r];
        if (value === undefined) delete target.values[r];
        else target.values[r] = value;
        const format = source.numberFormats?.[r];
        if (format !== undefined) (target.numberFormats ??= [])[r] = format;
        else if (target.numberFormats) delete target.numberFormats[r];
        const style = source.styles?.[r];
        if (style !== undefined) (target.styles ??= [])[r] = style;
        else if (target.styles) delete target.styles[r];
      }
      delete source.values[r];
      if (source.numberFormats) delete source.numberFormats[r];
      if (source.styles) delete source.styles[r];
    }
    if (target?.formulas) for (const r of [...target.formulas.keys()]) if (r >= top && r <= bottom) target.formulas.delete(r);
    if (source.formulas) {
      for (const [r, formula] of [...source.formulas]) {
        if (r < top || r > bottom) continue;
        source.formulas.delete(r);
        if (target) (target.formulas ??= new Map()).set(r, formula);
      }
    }
  }
}
