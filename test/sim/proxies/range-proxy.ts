/**
 * Excel.Range and its format objects (RangeFormat, RangeFont, RangeFill) and RangeAreas.
 * Member semantics follow learn.microsoft.com/javascript/api/excel/excel.range.
 */
import { ClientObject, CollectionObject, type Locate } from '../client-object';
import {
  MAX_COLUMNS, MAX_ROWS, boundingRect, cellCountOf, columnCountOf, formatAddress, intersect, isEntireColumn,
  isEntireRow, rowCountOf, type Rect,
} from '../grid-address';
import { HostError } from '../host-error';
import type { RequestContext } from '../request-context';
import type { CellStyle, StyleKey } from '../sheet-cells';
import { DEFAULT_ROW_HEIGHT, type CellTarget, type ClearApplyTo } from '../workbook-model';
import { rangeTarget, requireApi, resolveRangeArgument, workbookOf } from './proxy-support';
import { TableScopedCollectionProxy } from './table-proxy';
import { WorksheetProxy } from './worksheet-proxy';

const RANGE_SCALARS = [
  'address', 'addressLocal', 'cellCount', 'columnCount', 'columnIndex', 'rowCount', 'rowIndex', 'values', 'formulas',
  'formulasLocal', 'numberFormat', 'text', 'valueTypes', 'isEntireColumn', 'isEntireRow', 'rowHidden',
] as const;

/** Properties that carry every cell, and so count against the five-million-cell read limit. */
const CELL_PROPERTIES = new Set(['values', 'formulas', 'formulasLocal', 'numberFormat', 'text', 'valueTypes']);

export class RangeProxy extends ClientObject<CellTarget> {
  protected readonly typeName = 'Range';

  constructor(context: RequestContext, path: string, locate: Locate<CellTarget>, nullable = false) {
    super(context, path, locate, nullable);
  }

  protected scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  protected override isCellProperty(name: string): boolean {
    return CELL_PROPERTIES.has(name);
  }

  protected readScalar(target: CellTarget, name: string): unknown {
    const { sheet, rect } = target;
    if (CELL_PROPERTIES.has(name)) {
      const limit = this.context.session.limits.cellReadLimit;
      // "On all platforms, a range is limited to five million cells for get operations"; the
      // documented code for a range over the limit is RangeExceedsLimit.
      if (cellCountOf(rect) > limit) {
        const answer = this.context.session.oversizedReads;
        if (answer === 'null-values') return null;
        throw new HostError(answer === 'general-exception' ? 'GeneralException' : 'RangeExceedsLimit', `The cell count in the range has exceeded the maximum supported number (${cellCountOf(rect)} cells > ${limit}).`);
      }
    }
    const workbook = workbookOf(this.context);
    switch (name) {
      case 'address':
      case 'addressLocal':
        return formatAddress(sheet.name, rect);
      case 'cellCount': return cellCountOf(rect);
      case 'columnCount': return columnCountOf(rect);
      case 'rowCount': return rowCountOf(rect);
      case 'columnIndex': return rect.left;
      case 'rowIndex': return rect.top;
      case 'isEntireColumn': return isEntireColumn(rect);
      case 'isEntireRow': return isEntireRow(rect);
      case 'rowHidden': return workbook.rowsHidden(target);
      case 'values': return workbook.readValues(target);
      case 'formulas':
      case 'formulasLocal':
        return workbook.readFormulas(target);
      case 'numberFormat': return workbook.readNumberFormats(target);
      case 'text': return workbook.readText(target);
      default: return workbook.readValueTypes(target);
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === 'format') return this.format as ClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as ClientObject<unknown>;
    return undefined;
  }

  get address(): string { return this.get('address'); }
  get addressLocal(): string { return this.get('addressLocal'); }
  get cellCount(): number { return this.get('cellCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get isEntireColumn(): boolean { return this.get('isEntireColumn'); }
  get isEntireRow(): boolean { return this.get('isEntireRow'); }
  get text(): string[][] { return this.get('text'); }

  get rowHidden(): boolean { return this.get('rowHidden'); }
  set rowHidden(hidden: boolean) {
    this.setProperty('rowHidden', hidden, (t) => workbookOf(this.context).setRowsHidden(t, hidden));
  }
  get valueTypes(): string[][] { return this.get('valueTypes'); }

  get values(): unknown[][] { return this.get('values'); }
  set values(values: unknown[][]) {
    this.setProperty('values', values, (t) => workbookOf(this.context).writeValues(t, values, 'values'));
  }

  get formulas(): unknown[][] { return this.get('formulas'); }
  set formulas(formulas: unknown[][]) {
    this.setProperty('formulas', formulas, (t) => workbookOf(this.context).writeValues(t, formulas, 'formulas'));
  }

  get formulasLocal(): unknown[][] { return this.get('formulasLocal'); }
  set formulasLocal(formulas: unknown[][]) {
    this.setProperty('formulasLocal', formulas, (t) => workbookOf(this.context).writeValues(t, formulas, 'formulas'));
  }

  get numberFormat(): unknown[][] { return this.get('numberFormat'); }
  set numberFormat(formats: unknown[][]) {
    this.setProperty('numberFormat', formats, (t) => workbookOf(this.context).writeNumberFormats(t, formats));
  }

  get format(): RangeFormatProxy {
    return this.navigationProxy('format', () => new RangeFormatProxy(this.context, this.childPath('format'), this.derive((t) => t)));
  }

  get worksheet(): WorksheetProxy {
    return this.navigationProxy('worksheet', () => new WorksheetProxy(this.context, this.childPath('worksheet'), this.derive((t) => t.sheet)));
  }

  private range(method: string, args: unknown[], rect: (t: CellTarget) => Rect | null, nullable = false): RangeProxy {
    const path = `${this.path}.${method}(${args.map((a) => JSON.stringify(a)).join(',')})`;
    return new RangeProxy(this.context, path, this.derive((t) => {
      const r = rect(t);
      return r === null ? null : rangeTarget(t.sheet, r, `${method}(${args.join(', ')})`);
    }), nullable);
  }

  /** "The cell can be outside the bounds of its parent range, so long as it stays within the worksheet grid." */
  getCell(row: number, column: number): RangeProxy {
    return this.range('getCell', [row, column], ({ rect }) => ({ top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.range('getOffsetRange', [rowOffset, columnOffset], ({ rect }) => ({
      top: rect.top + rowOffset, bottom: rect.bottom + rowOffset, left: rect.left + columnOffset, right: rect.right + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.range('getResizedRange', [deltaRows, deltaColumns], ({ rect }) => ({ ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns }));
  }

  getEntireColumn(): RangeProxy {
    return this.range('getEntireColumn', [], ({ rect }) => ({ ...rect, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getEntireRow(): RangeProxy {
    return this.range('getEntireRow', [], ({ rect }) => ({ ...rect, left: 0, right: MAX_COLUMNS - 1 }));
  }

  getColumn(column: number): RangeProxy {
    return this.range('getColumn', [column], ({ rect }) => {
      if (column < 0 || column > rect.right - rect.left) throw new HostError('InvalidArgument', `Column ${column} is outside the range.`);
      return { ...rect, left: rect.left + column, right: rect.left + column };
    });
  }

  getRow(row: number): RangeProxy {
    return this.range('getRow', [row], ({ rect }) => {
      if (row < 0 || row > rect.bottom - rect.top) throw new HostError('InvalidArgument', `Row ${row} is outside the range.`);
      return { ...rect, top: rect.top + row, bottom: rect.top + row };
    });
  }

  getLastRow(): RangeProxy {
    return this.range('getLastRow', [], ({ rect }) => ({ ...rect, top: rect.bottom }));
  }

  getLastColumn(): RangeProxy {
    return this.range('getLastColumn', [], ({ rect }) => ({ ...rect, left: rect.right }));
  }

  getLastCell(): RangeProxy {
    return this.range('getLastCell', [], ({ rect }) => ({ top: rect.bottom, bottom: rect.bottom, left: rect.right, right: rect.right }));
  }

  getColumnsAfter(count = 1): RangeProxy {
    return this.range('getColumnsAfter', [count], ({ rect }) => ({ ...rect, left: rect.right + 1, right: rect.right + count }));
  }

  getColumnsBefore(count = 1): RangeProxy {
    return this.range('getColumnsBefore', [count], ({ rect }) => ({ ...rect, left: rect.left - count, right: rect.left - 1 }));
  }

  getRowsAbove(count = 1): RangeProxy {
    return this.range('getRowsAbove', [count], ({ rect }) => ({ ...rect, top: rect.top - count, bottom: rect.top - 1 }));
  }

  getRowsBelow(count = 1): RangeProxy {
    return this.range('getRowsBelow', [count], ({ rect }) => ({ ...rect, top: rect.bottom + 1, bottom: rect.bottom + count }));
  }

  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this.range('getBoundingRect', [typeof anotherRange === 'string' ? anotherRange : '…'], (t) =>
      boundingRect(t.rect, this.sameSheetArgument(t, anotherRange).rect));
  }

  /** getIntersection: ItemNotFound when the ranges do not meet (getIntersectionOrNullObject gives a null object). */
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this.range('getIntersection', [typeof anotherRange === 'string' ? anotherRange : '…'], (t) => {
      const meet = intersect(t.rect, this.sameSheetArgument(t, anotherRange).rect);
      if (!meet) throw new HostError('ItemNotFound', 'The ranges do not intersect.');
      return meet;
    });
  }

  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this.range('getIntersectionOrNullObject', [typeof anotherRange === 'string' ? anotherRange : '…'], (t) =>
      intersect(t.rect, this.sameSheetArgument(t, anotherRange).rect), true);
  }

  private sameSheetArgument(t: CellTarget, argument: RangeProxy | string): CellTarget {
    const other = resolveRangeArgument(workbookOf(this.context), argument, t.sheet, 'anotherRange');
    if (other.sheet !== t.sheet) throw new HostError('InvalidArgument', 'The ranges are on different worksheets.');
    return other;
  }

  /** Range.getUsedRange: "If there are no used cells within the range, this function will throw an ItemNotFound error." */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range('getUsedRange', [valuesOnly], (t) => {
      const area = t.sheet.cells.usedRectWithin(t.rect, valuesOnly);
      if (!area) throw new HostError('ItemNotFound', 'There are no used cells in the range.');
      return area;
    });
  }

  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): a null object when no cell within the range is used. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range('getUsedRangeOrNullObject', [valuesOnly], (t) => {
      requireApi(this.context, '1.4', 'Range.getUsedRangeOrNullObject');
      return t.sheet.cells.usedRectWithin(t.rect, valuesOnly);
    }, true);
  }

  /** Range.getTables (ExcelApi 1.9): "a scoped collection of tables that overlap with the range". */
  getTables(fullyContained = false): TableScopedCollectionProxy {
    return new TableScopedCollectionProxy(this.context, this.childPath(`getTables(${fullyContained})`), this.derive((t) => {
      requireApi(this.context, '1.9', 'Range.getTables');
      return workbookOf(this.context).tablesIn(t, fullyContained);
    }));
  }

  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): null when no merged area meets the range. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this.childPath('getMergedAreasOrNullObject()'), this.derive((t) => {
      requireApi(this.context, '1.13', 'Range.getMergedAreasOrNullObject');
      const areas = t.sheet.merges.filter((m) => intersect(m, t.rect));
      return areas.length === 0 ? null : { sheet: t.sheet, rects: areas };
    }), true);
  }

  merge(across = false): void {
    this.call('merge', [across], (t) => workbookOf(this.context).merge(t, across));
  }

  unmerge(): void {
    this.call('unmerge', [], (t) => workbookOf(this.context).unmerge(t));
  }

  clear(applyTo: ClearApplyTo = 'All'): void {
    this.call('clear', [applyTo], (t) => workbookOf(this.context).clear(t, applyTo));
  }

  /** Range.insert: "Returns a new Range object at the now blank space." */
  insert(shift: 'Down' | 'Right'): RangeProxy {
    return this.create('insert', [shift], (t) => ({ sheet: t.sheet, rect: workbookOf(this.context).insertCells(t, shift) }),
      (locate, path) => new RangeProxy(this.context, path, locate));
  }

  delete(shift: 'Up' | 'Left'): void {
    this.call('delete', [shift], (t) => workbookOf(this.context).deleteCells(t, shift));
  }

  /** Range.select: selects the range and shows its sheet. */
  select(): void {
    this.call('select', [], (t) => {
      const workbook = workbookOf(this.context);
      workbook.activateSheet(t.sheet);
      t.sheet.selection = t.rect;
      t.sheet.moreSelected = [];
    });
  }
}

const FORMAT_SCALARS = ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment'] as const;

export class RangeFormatProxy extends ClientObject<CellTarget> {
  protected readonly typeName = 'RangeFormat';

  protected scalarNames(): readonly string[] {
    return FORMAT_SCALARS;
  }

  protected readScalar(target: CellTarget, name: string): unknown {
    const workbook = workbookOf(this.context);
    switch (name) {
      case 'columnWidth': return workbook.columnWidth(target);
      case 'rowHeight': return DEFAULT_ROW_HEIGHT;
      case 'wrapText': return workbook.readStyle(target, 'wrapText');
      case 'horizontalAlignment': return workbook.readStyle(target, 'horizontalAlignment');
      default: return workbook.readStyle(target, 'verticalAlignment');
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === 'font') return this.font as ClientObject<unknown>;
    if (name === 'fill') return this.fill as ClientObject<unknown>;
    return undefined;
  }

  get font(): RangeFontProxy {
    return this.navigationProxy('font', () => new RangeFontProxy(this.context, this.childPath('font'), this.derive((t) => t)));
  }

  get fill(): RangeFillProxy {
    return this.navigationProxy('fill', () => new RangeFillProxy(this.context, this.childPath('fill'), this.derive((t) => t)));
  }

  private style(name: string, key: StyleKey, value: CellStyle[StyleKey]): void {
    this.setProperty(name, value, (t) => workbookOf(this.context).patchStyle(t, { [key]: value }));
  }

  get columnWidth(): number { return this.get('columnWidth'); }
  set columnWidth(width: number) {
    this.setProperty('columnWidth', width, (t) => workbookOf(this.context).setColumnWidth(t, width));
  }

  get rowHeight(): number { return this.get('rowHeight'); }
  set rowHeight(height: number) {
    this.setProperty('rowHeight', height, (t) => workbookOf(this.context).assertCellsEditable(t));
  }

  get wrapText(): boolean { return this.get('wrapText'); }
  set wrapText(wrap: boolean) { this.style('wrapText', 'wrapText', wrap); }

  get horizontalAlignment(): string { return this.get('horizontalAlignment'); }
  set horizontalAlignment(alignment: string) { this.style('horizontalAlignment', 'horizontalAlignment', alignment); }

  get verticalAlignment(): string { return this.get('verticalAlignment'); }
  set verticalAlignment(alignment: string) { this.style('verticalAlignment', 'verticalAlignment', alignment); }

  autofitColumns(): void {
    this.call('autofitColumns', [], (t) => workbookOf(this.context).autofitColumns(t));
  }

  autofitRows(): void {
    this.call('autofitRows', [], (t) => workbookOf(this.context).assertCellsEditable(t));
  }
}

export class RangeFontProxy extends ClientObject<CellTarget> {
  protected readonly typeName = 'RangeFont';

  protected scalarNames(): readonly string[] {
    return ['bold', 'italic', 'color', 'name', 'size'];
  }

  private static readonly keys: Record<string, StyleKey> = { bold: 'bold', italic: 'italic', color: 'fontColor', name: 'fontName', size: 'fontSize' };

  protected readScalar(target: CellTarget, name: string): unknown {
    return workbookOf(this.context).readStyle(target, RangeFontProxy.keys[name]);
  }

  private style(name: string, value: CellStyle[StyleKey]): void {
    this.setProperty(name, value, (t) => workbookOf(this.context).patchStyle(t, { [RangeFontProxy.keys[name]]: value }));
  }

  get bold(): boolean { return this.get('bold'); }
  set bold(bold: boolean) { this.style('bold', bold); }
  get italic(): boolean { return this.get('italic'); }
  set italic(italic: boolean) { this.style('italic', italic); }
  get color(): string { return this.get('color'); }
  set color(color: string) { this.style('color', color); }
  get name(): string { return this.get('name'); }
  set name(name: string) { this.style('name', name); }
  get size(): number { return this.get('size'); }
  set size(size: number) { this.style('size', size); }
}

export class RangeFillProxy extends ClientObject<CellTarget> {
  protected readonly typeName = 'RangeFill';

  protected scalarNames(): readonly string[] {
    return ['color'];
  }

  protected readScalar(target: CellTarget): unknown {
    return workbookOf(this.context).readStyle(target, 'fillColor');
  }

  get color(): string { return this.get('color'); }
  set color(color: string) {
    this.setProperty('color', color, (t) => workbookOf(this.context).patchStyle(t, { fillColor: color }));
  }

  clear(): void {
    this.call('clear', [], (t) => workbookOf(this.context).patchStyle(t, { fillColor: '#FFFFFF' }));
  }
}

export interface AreasTarget {
  sheet: CellTarget['sheet'];
  rects: Rect[];
}

/** RangeAreas: several rectangles on one sheet (as returned for merged areas). */
export class RangeAreasProxy extends ClientObject<AreasTarget> {
  protected readonly typeName = 'RangeAreas';

  protected scalarNames(): readonly string[] {
    return ['address', 'areaCount', 'cellCount'];
  }

  protected readScalar(target: AreasTarget, name: string): unknown {
    if (name === 'address') return target.rects.map((r) => formatAddress(target.sheet.name, r)).join(',');
    if (name === 'areaCount') return target.rects.length;
    return target.rects.reduce((sum, r) => sum + cellCountOf(r), 0);
  }

  get address(): string { return this.get('address'); }
  get areaCount(): number { return this.get('areaCount'); }
  get cellCount(): number { return this.get('cellCount'); }

  get areas(): RangeCollectionProxy {
    return this.navigationProxy('areas', () => new RangeCollectionProxy(this.context, this.childPath('areas'), this.derive((t) => t.rects.map((rect) => ({ sheet: t.sheet, rect })))));
  }
}

export class RangeCollectionProxy extends CollectionObject<CellTarget, RangeProxy, CellTarget[]> {
  protected readonly typeName = 'RangeCollection';

  protected list(target: CellTarget[]): CellTarget[] {
    return target;
  }

  protected item(model: CellTarget, index: number): RangeProxy {
    return new RangeProxy(this.context, `${this.path}[${index}]`, () => model);
  }

  protected readScalar(): unknown {
    return undefined;
  }
}
