/**
 * The simulated workbook: the state Excel holds, and the operations a sync runs against it.
 * Every rule here that Excel enforces raises a HostError with Excel's code; the comments cite
 * where the rule is documented (learn.microsoft.com Excel JavaScript API reference unless said).
 */
import {
  GENERAL_FORMAT, displayText, interpretEntry, valueTypeOf,
  type CellValue, type TextCellEntry, type ValueType,
} from './cell-entry';
import { evaluateFormula, type FormulaScope, type RangeRef } from './formula-evaluator';
import {
  MAX_COLUMNS, MAX_ROWS, cellName, columnCountOf, contains, formatAddress, formatRect, intersect,
  isEntireColumn, isEntireRow, parseAddress, quoteSheetName, rowCountOf, type Rect,
} from './grid-address';
import { HostError } from './host-error';
import { computePivotOutput, type PivotModel, type SourceData } from './pivot-model';
import { SheetCells, type CellStyle, type StyleKey } from './sheet-cells';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of the default font
export const DEFAULT_ROW_HEIGHT = 15;
export const DEFAULT_STYLE: Required<CellStyle> = {
  bold: false,
  italic: false,
  fontColor: '#000000',
  fontName: 'Aptos Narrow',
  fontSize: 11,
  fillColor: '#FFFFFF',
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
};

/**
 * How a sheet prints (Excel.PageLayout, ExcelApi 1.9): margins in points, the zoom
 * (PageLayoutZoomOptions), the rows repeated on every page, and the header and footer for all pages
 * (HeaderFooterGroup.defaultForAllPages).
 */
export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows: string | null;
  headerFooter: Record<'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter', string>;
}

/** A new sheet's page layout, as Excel's defaults are (portrait, Letter, Normal margins of 0.7 and 0.75 inches). */
export function defaultPageLayout(): PageLayoutModel {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    centerHorizontally: false,
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    zoom: { scale: 100 },
    printTitleRows: null,
    headerFooter: { leftHeader: '', centerHeader: '', rightHeader: '', leftFooter: '', centerFooter: '', rightFooter: '' },
  };
}

export class SheetModel {
  visibility: SheetVisibility = 'Visible';
  protected = false;
  protectionPassword: string | undefined;
  showGridlines = true;
  deleted = false;
  frozenRows = 0;
  frozenColumns = 0;
  pageLayout = defaultPageLayout();
  tabColor = '';
  merges: Rect[] = [];
  /** 0-based rows hidden by hand or by a filter (a filter hides the rows it leaves out). */
  readonly hiddenRows = new Set<number>();
  charts: ChartModel[] = [];
  names: NamedItemModel[] = [];
  selection: Rect = { top: 0, left: 0, bottom: 0, right: 0 };
  /** The other areas of a multiple selection (Ctrl+click), after `selection`. */
  moreSelected: Rect[] = [];
  readonly cells = new SheetCells();

  constructor(
    readonly id: string,
    public name: string,
  ) {}
}

export interface TableColumnModel {
  id: number;
  name: string;
}

export class TableModel {
  showHeaders = true;
  showTotals = false;
  showBandedRows = true;
  style = 'TableStyleMedium2';
  deleted = false;
  nextColumnId: number;

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    /** Header row (when shown) through the last row (the totals row when shown). */
    public rect: Rect,
    public columns: TableColumnModel[],
  ) {
    this.nextColumnId = columns.length + 1;
  }

  /** Rows of the range above the data: the header row, unless it is removed. */
  get headerRows(): number {
    return this.showHeaders ? 1 : 0;
  }

  get dataRect(): Rect | null {
    const top = this.rect.top + this.headerRows;
    const bottom = this.rect.bottom - (this.showTotals ? 1 : 0);
    return top <= bottom ? { ...this.rect, top, bottom } : null;
  }

  /** The header row, or null when it is removed. */
  get headerRect(): Rect | null {
    return this.showHeaders ? { ...this.rect, bottom: this.rect.top } : null;
  }
}

export interface NamedItemModel {
  name: string;
  /** A range, or the formula of a constant ("=42", "=\"text\""). */
  reference: { kind: 'range'; sheet: SheetModel; rect: Rect } | { kind: 'constant'; formula: string; value: CellValue };
  comment: string;
  visible: boolean;
  scope: 'Workbook' | 'Worksheet';
}

export class ChartModel {
  title = '';
  titleVisible = false;
  top = 0;
  left = 0;
  width = 360;
  height = 216;
  startCell?: string;
  endCell?: string;
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    public type: string,
    readonly sheet: SheetModel,
    public source: { sheet: SheetModel; rect: Rect },
    public seriesBy: string,
  ) {}
}

export interface CellTarget {
  sheet: SheetModel;
  rect: Rect;
}

export type ClearApplyTo = 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents';

const INVALID_SHEET_NAME_CHARACTERS = /[:\\/?*[\]]/;

/** Either a 2-D array of the range's size, or one value for every cell (null is not allowed). */
function cellInputs(input: unknown, rect: Rect, property: string): (row: number, column: number) => unknown {
  if (input === null || input === undefined) {
    throw new HostError('InvalidArgument', `${property} cannot be set to null; use null inside the 2-D array to leave a cell unchanged.`);
  }
  if (!Array.isArray(input)) return () => input;
  const rows = rowCountOf(rect);
  const columns = columnCountOf(rect);
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns)) {
    const got = `${input.length}x${Array.isArray(input[0]) ? input[0].length : '?'}`;
    throw new HostError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: range is ${rows}x${columns}, array is ${got}).`,
    );
  }
  return (r, c) => (input as unknown[][])[r][c];
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: NamedItemModel[] = [];
  readonly pivots: PivotModel[] = [];
  activeSheet!: SheetModel;
  structureProtected = false;
  structurePassword: string | undefined;
  documentReadOnly = false;
  calculationMode = 'Automatic';
  /** Cell contents changed since the formulas were last calculated (see request-context.ts). */
  needsCalculation = false;
  /** Counts changes to cell contents, so what is read from unchanged cells can be read once. */
  private contentVersion = 0;
  private pivotSource: { version: number; table: TableModel; rect: Rect; data: SourceData } | undefined;
  name = 'Book1.xlsx';
  properties = { title: '', author: '', subject: '', comments: '', keywords: '', category: '', company: '', manager: '' };
  /** Excel on the web refuses TableColumnCollection.add above this many affected cells. */
  operationCellLimit = 33_554_000;
  /** The host is Excel on the web, where some limits apply that desktop Excel does not have. */
  onTheWeb = true;
  /** What a string written to a Text cell becomes (see cell-entry.ts). */
  textCellEntry: TextCellEntry = 'kept';
  private nextId = 1;
  private evaluating = new Set<string>();

  private contentChanged(): void {
    this.needsCalculation = true;
    this.contentVersion++;
  }

  /** Cells holding a formula, in every sheet: what a recalculation computes. */
  formulaCellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.cells.formulaCount(), 0);
  }

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  // -------------------------------------------------------------------------------------------
  // Worksheets

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  requireSheet(name: string): SheetModel {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new HostError('ItemNotFound', `The worksheet "${name}" doesn't exist.`);
    return sheet;
  }

  private assertStructureEditable(): void {
    this.assertDocumentWritable();
    // WorkbookProtection: "Specifies if the workbook is protected" — sheets cannot be added, moved, renamed or hidden.
    if (this.structureProtected) throw new HostError('AccessDenied', 'The workbook structure is protected.');
  }

  assertDocumentWritable(): void {
    if (this.documentReadOnly) throw new HostError('AccessDenied', 'The document is read-only.');
  }

  /** Worksheet.name: "The name must be fewer than 32 characters"; Excel also refuses : \ / ? * [ ] and a leading or trailing apostrophe. */
  private validateSheetName(name: string, except?: SheetModel): void {
    if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || INVALID_SHEET_NAME_CHARACTERS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new HostError('InvalidArgument', `"${name}" is not a valid worksheet name.`);
    }
    const clash = this.sheetByName(name);
    if (clash && clash !== except) throw new HostError('ItemAlreadyExists', `A worksheet named "${name}" already exists.`);
  }

  addSheet(name?: string): SheetModel {
    this.assertStructureEditable();
    let chosen = name;
    if (chosen === undefined || chosen === null) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.validateSheetName(chosen);
    const sheet = new SheetModel(this.newId('sheet'), chosen);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.assertStructureEditable();
    this.validateSheetName(name, sheet);
    sheet.name = name;
  }

  setSheetPosition(sheet: SheetModel, position: number): void {
    this.assertStructureEditable();
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new HostError('InvalidArgument', `Position ${position} is outside 0..${this.sheets.length - 1}.`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setSheetVisibility(sheet: SheetModel, visibility: string): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility)) {
      throw new HostError('InvalidArgument', `"${visibility}" is not a sheet visibility.`);
    }
    if (sheet.visibility === visibility) return;
    this.assertStructureEditable();
    // A workbook must keep at least one visible sheet.
    if (visibility !== 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
      throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    sheet.visibility = visibility as SheetVisibility;
    if (this.activeSheet === sheet && visibility !== 'Visible') {
      this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible')!;
    }
  }

  activateSheet(sheet: SheetModel): void {
    if (sheet.visibility !== 'Visible') throw new HostError('InvalidOperation', `The worksheet "${sheet.name}" is hidden and cannot be activated.`);
    this.activeSheet = sheet;
  }

  /** Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an InvalidOperation exception." */
  deleteSheet(sheet: SheetModel): void {
    this.assertStructureEditable();
    if (sheet.visibility === 'VeryHidden') {
      throw new HostError('InvalidOperation', 'A very hidden worksheet cannot be deleted; make it visible or hidden first.');
    }
    if (sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const table of this.tables.filter((t) => t.sheet === sheet)) this.removeTable(table);
    for (const pivot of this.pivots.filter((p) => p.sheet === sheet)) pivot.deleted = true;
    this.pivots.splice(0, this.pivots.length, ...this.pivots.filter((p) => !p.deleted));
    const kept = this.names.filter((n) => n.reference.kind !== 'range' || n.reference.sheet !== sheet);
    this.names.splice(0, this.names.length, ...kept);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible')!;
  }

  // -------------------------------------------------------------------------------------------
  // Cells

  /** Writes to a protected sheet, or into a PivotTable's output, are refused as Excel refuses them. */
  assertCellsEditable(target: CellTarget): void {
    this.assertDocumentWritable();
    if (target.sheet.protected) {
      throw new HostError('AccessDenied', `The worksheet "${target.sheet.name}" is protected; the cells cannot be changed.`);
    }
    const pivot = this.pivots.find((p) => p.sheet === target.sheet && p.output && intersect(p.output.rect, target.rect));
    if (pivot) {
      throw new HostError('PivotTableRangeConflict', `The change would overwrite the PivotTable "${pivot.name}".`);
    }
  }

  private scopeFor(sheet: SheetModel): FormulaScope {
    return {
      sheetName: sheet.name,
      cellValue: (sheetName, row, column) => {
        const other = this.sheetByName(sheetName);
        return other ? this.cellValue(other, row, column) : '#REF!';
      },
      lastUsedRow: (sheetName) => this.sheetByName(sheetName)?.cells.usedRect(true)?.bottom ?? -1,
      resolveName: (name, column) => this.resolveReferenceName(name, column, sheet),
    };
  }

  private resolveReferenceName(name: string, column: string | undefined, from: SheetModel): RangeRef | null {
    if (column !== undefined) {
      const table = this.tableByName(name);
      if (!table) return null;
      const wanted = column.replace(/^\[|\]$/g, '').toLowerCase();
      if (wanted === '#all') return { kind: 'range', sheet: table.sheet.name, rect: table.rect };
      const index = table.columns.findIndex((c) => c.name.toLowerCase() === wanted);
      const data = table.dataRect;
      if (index < 0 || !data) return null;
      return { kind: 'range', sheet: table.sheet.name, rect: { ...data, left: data.left + index, right: data.left + index } };
    }
    const named = this.nameFor(name, from);
    if (named?.reference.kind === 'range') return { kind: 'range', sheet: named.reference.sheet.name, rect: named.reference.rect };
    const table = this.tableByName(name);
    if (table?.dataRect) return { kind: 'range', sheet: table.sheet.name, rect: table.dataRect };
    return null;
  }

  /** A cell's value as Range.values returns it: "" when empty, the computed value of a formula. */
  cellValue(sheet: SheetModel, row: number, column: number): CellValue | '' {
    const formula = sheet.cells.formulaAt(row, column);
    if (formula === undefined) return sheet.cells.valueAt(row, column) ?? '';
    const key = `${sheet.id}:${row}:${column}`;
    if (this.evaluating.has(key)) return 0; // a circular reference shows 0, as Excel does
    this.evaluating.add(key);
    try {
      return evaluateFormula(formula, this.scopeFor(sheet));
    } finally {
      this.evaluating.delete(key);
    }
  }

  readValues({ sheet, rect }: CellTarget): (CellValue | '')[][] {
    const rows: (CellValue | '')[][] = new Array(rowCountOf(rect));
    const width = columnCountOf(rect);
    for (let r = 0; r < rows.length; r++) rows[r] = new Array(width);
    for (let c = 0; c < width; c++) {
      const column = rect.left + c;
      const data = sheet.cells.columnData(column);
      for (let r = 0; r < rows.length; r++) {
        const row = rect.top + r;
        if (data?.formulas?.has(row)) rows[r][c] = this.cellValue(sheet, row, column);
        else rows[r][c] = data?.values[row] ?? '';
      }
    }
    return rows;
  }

  /** Range.formulas: "If a cell has no formula, its value is returned instead." */
  readFormulas({ sheet, rect }: CellTarget): (CellValue | '')[][] {
    return this.mapCells(rect, (r, c) => sheet.cells.formulaAt(r, c) ?? sheet.cells.valueAt(r, c) ?? '');
  }

  readNumberFormats({ sheet, rect }: CellTarget): string[][] {
    return this.mapCells(rect, (r, c) => sheet.cells.numberFormatAt(r, c));
  }

  readText(target: CellTarget): string[][] {
    const values = this.readValues(target);
    return values.map((row, r) =>
      row.map((value, c) => displayText(value, target.sheet.cells.numberFormatAt(target.rect.top + r, target.rect.left + c))),
    );
  }

  readValueTypes(target: CellTarget): ValueType[][] {
    const values = this.readValues(target);
    return values.map((row, r) =>
      row.map((value, c) => valueTypeOf(value, target.sheet.cells.formulaAt(target.rect.top + r, target.rect.left + c) !== undefined)),
    );
  }

  private mapCells<T>(rect: Rect, cell: (row: number, column: number) => T): T[][] {
    const rows: T[][] = new Array(rowCountOf(rect));
    for (let r = 0; r < rows.length; r++) {
      const line: T[] = new Array(columnCountOf(rect));
      for (let c = 0; c < line.length; c++) line[c] = cell(rect.top + r, rect.left + c);
      rows[r] = line;
    }
    return rows;
  }

  /** Range.values / Range.formulas set: see cell-entry.ts for how each element is read. */
  writeValues(target: CellTarget, input: unknown, property: 'values' | 'formulas'): void {
    this.assertCellsEditable(target);
    this.contentChanged();
    const { sheet, rect } = target;
    const inputAt = cellInputs(input, rect, property);
    const headerTables = this.tables.filter((t) => t.sheet === sheet && t.headerRect && intersect(t.headerRect, rect));
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const where = `${property} of ${formatAddress(sheet.name, { top: r, left: c, bottom: r, right: c })}`;
        const entry = interpretEntry(inputAt(r - rect.top, c - rect.left), sheet.cells.numberFormatAt(r, c), where, this.textCellEntry);
        switch (entry.kind) {
          case 'unchanged':
            break;
          case 'clear':
            sheet.cells.clearContents(r, c);
            break;
          case 'formula':
            sheet.cells.setFormula(r, c, entry.formula);
            break;
          case 'value':
            sheet.cells.setValue(r, c, entry.value);
            if (entry.impliedFormat && sheet.cells.numberFormatAt(r, c) === GENERAL_FORMAT) {
              sheet.cells.setNumberFormat(r, c, entry.impliedFormat);
            }
        }
      }
    }
    for (const table of headerTables) this.syncHeaderNames(table);
  }

  writeNumberFormats(target: CellTarget, input: unknown): void {
    this.assertCellsEditable(target);
    const { sheet, rect } = target;
    if (!Array.isArray(input) && typeof input === 'string' && (isEntireColumn(rect) || isEntireRow(rect))) {
      if (isEntireColumn(rect)) for (let c = rect.left; c <= rect.right; c++) sheet.cells.formatEntireColumn(c, input, undefined);
      else for (let r = rect.top; r <= rect.bottom; r++) sheet.cells.formatEntireRow(r, input, undefined);
      return;
    }
    const inputAt = cellInputs(input, rect, 'numberFormat');
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const format = inputAt(r - rect.top, c - rect.left);
        if (format === null || format === undefined) continue;
        if (typeof format !== 'string') throw new HostError('InvalidArgument', `numberFormat of ${cellName(r, c)} must be a string.`);
        sheet.cells.setNumberFormat(r, c, format);
      }
    }
  }

  patchStyle(target: CellTarget, patch: CellStyle): void {
    this.assertCellsEditable(target);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined) throw new HostError('InvalidArgument', `format ${key} cannot be set to null.`);
    }
    const { sheet, rect } = target;
    if (isEntireColumn(rect)) {
      for (let c = rect.left; c <= rect.right; c++) sheet.cells.formatEntireColumn(c, undefined, patch);
      return;
    }
    if (isEntireRow(rect)) {
      for (let r = rect.top; r <= rect.bottom; r++) sheet.cells.formatEntireRow(r, undefined, patch);
      return;
    }
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) sheet.cells.patchStyle(r, c, patch);
  }

  /**
   * A format property over a range: "Properties return null when a range contains multiple
   * different values" ("Blank and null values in Excel add-ins").
   */
  readStyle<K extends StyleKey>({ sheet, rect }: CellTarget, key: K): CellStyle[K] | null {
    const used = sheet.cells.usedRect(false);
    const seen = new Set<unknown>();
    const area = used ? intersect(used, rect) : null;
    if (area) {
      for (let r = area.top; r <= area.bottom && seen.size < 2; r++) {
        for (let c = area.left; c <= area.right && seen.size < 2; c++) seen.add(sheet.cells.styleValue(r, c, key) ?? DEFAULT_STYLE[key]);
      }
    }
    if (!area || !contains(area, rect)) seen.add(sheet.cells.styleValue(rect.bottom, rect.right, key) ?? DEFAULT_STYLE[key]);
    return seen.size === 1 ? ([...seen][0] as CellStyle[K]) : null;
  }

  columnWidth({ sheet, rect }: CellTarget): number | null {
    const widths = new Set<number>();
    const last = Math.min(rect.right, rect.left + 2048);
    for (let c = rect.left; c <= last && widths.size < 2; c++) widths.add(sheet.cells.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    return widths.size === 1 ? [...widths][0] : null;
  }

  setColumnWidth(target: CellTarget, width: number): void {
    this.assertCellsEditable(target);
    if (typeof width !== 'number' || !(width >= 0)) throw new HostError('InvalidArgument', `columnWidth must be a number of points, not ${width}.`);
    for (let c = target.rect.left; c <= target.rect.right; c++) target.sheet.cells.columnWidths.set(c, width);
  }

  /**
   * Range.rowHidden (ExcelApi 1.2, learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-rowhidden-member):
   * "Value is `true` when all rows in a range are hidden. Value is `false` when no rows in the
   * range are hidden. Value is `null` when some rows in a range are hidden and other rows in the
   * same range are not hidden." Rows left out by an AutoFilter are hidden rows too: Excel raises
   * onRowHiddenChanged for them (OfficeDev/office-js issue #6559).
   */
  rowsHidden({ sheet, rect }: CellTarget): boolean | null {
    let hidden = 0;
    for (const row of sheet.hiddenRows) if (row >= rect.top && row <= rect.bottom) hidden++;
    return hidden === 0 ? false : hidden === rect.bottom - rect.top + 1 ? true : null;
  }

  setRowsHidden(target: CellTarget, hidden: boolean): void {
    this.assertCellsEditable(target);
    if (typeof hidden !== 'boolean') throw new HostError('InvalidArgument', `rowHidden must be true or false, not ${hidden}.`);
    for (let r = target.rect.top; r <= target.rect.bottom; r++) {
      if (hidden) target.sheet.hiddenRows.add(r);
      else target.sheet.hiddenRows.delete(r);
    }
  }

  /** Approximates autofit from the longest displayed text (about 5.6 points per character of the default font). */
  autofitColumns(target: CellTarget): void {
    this.assertCellsEditable(target);
    const { sheet, rect } = target;
    const used = sheet.cells.usedRect(true);
    const area = used ? intersect(used, rect) : null;
    for (let c = rect.left; c <= rect.right; c++) {
      let longest = 0;
      if (area && c >= area.left && c <= area.right) {
        for (let r = area.top; r <= area.bottom; r++) {
          const value = this.cellValue(sheet, r, c);
          if (value !== '') longest = Math.max(longest, displayText(value, sheet.cells.numberFormatAt(r, c)).length);
        }
      }
      sheet.cells.columnWidths.set(c, longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.round((longest * 5.6 + 8) * 100) / 100);
    }
  }

  /** Range.clear(applyTo): "All" (the default), "Formats" or "Contents". */
  clear(target: CellTarget, applyTo: ClearApplyTo = 'All'): void {
    this.assertCellsEditable(target);
    if (applyTo !== 'Formats') this.contentChanged();
    const { sheet } = target;
    const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    if (!contents && !formats) return;
    const used = sheet.cells.usedRect(false);
    const area = used ? intersect(used, target.rect) : null;
    if (formats && isEntireColumn(target.rect)) {
      for (let c = target.rect.left; c <= target.rect.right; c++) sheet.cells.clearEntireColumnFormats(c);
    }
    if (area) {
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          if (contents) sheet.cells.clearContents(r, c);
          if (formats) sheet.cells.clearFormats(r, c);
        }
      }
    }
    const headerTables = this.tables.filter((t) => t.sheet === sheet && t.headerRect && intersect(t.headerRect, target.rect));
    for (const table of headerTables) this.syncHeaderNames(table);
  }

  /** Range.insert(shift): cells move down or right; tables below or to the right move with them. */
  insertCells(target: CellTarget, shift: string): Rect {
    this.assertCellsEditable(target);
    this.contentChanged();
    const { sheet, rect } = target;
    if (shift === 'Down') {
      sheet.cells.insertRows(rect.top, rowCountOf(rect), rect.left, rect.right);
      this.moveObjects(sheet, (r) => r.left >= rect.left && r.right <= rect.right && r.top >= rect.top, rowCountOf(rect), 0);
      this.growTables(sheet, rect, 'rows');
    } else if (shift === 'Right') {
      sheet.cells.shiftColumns(rect.left, columnCountOf(rect), rect.top, rect.bottom);
      this.moveObjects(sheet, (r) => r.top >= rect.top && r.bottom <= rect.bottom && r.left >= rect.left, 0, columnCountOf(rect));
      this.growTables(sheet, rect, 'columns');
    } else {
      throw new HostError('InvalidArgument', `"${shift}" is not an insert direction (Down or Right).`);
    }
    return rect;
  }

  deleteCells(target: CellTarget, shift: string): void {
    this.assertCellsEditable(target);
    this.contentChanged();
    const { sheet, rect } = target;
    if (this.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect) && !contains(rect, t.rect))) {
      throw new HostError('InsertDeleteConflict', 'The delete would cut through a table.');
    }
    for (const table of this.tables.filter((t) => t.sheet === sheet && contains(rect, t.rect))) this.removeTable(table);
    if (shift === 'Up') {
      sheet.cells.deleteRows(rect.top, rowCountOf(rect), rect.left, rect.right);
      this.moveObjects(sheet, (r) => r.left >= rect.left && r.right <= rect.right && r.top > rect.bottom, -rowCountOf(rect), 0);
    } else if (shift === 'Left') {
      for (let c = rect.left; c <= rect.right; c++) {
        for (let r = rect.top; r <= Math.min(rect.bottom, sheet.cells.usedRect(false)?.bottom ?? -1); r++) {
          sheet.cells.clearContents(r, c);
          sheet.cells.clearFormats(r, c);
        }
      }
      sheet.cells.shiftColumns(rect.right + 1, -columnCountOf(rect), rect.top, rect.bottom);
      this.moveObjects(sheet, (r) => r.top >= rect.top && r.bottom <= rect.bottom && r.left > rect.right, 0, -columnCountOf(rect));
    } else {
      throw new HostError('InvalidArgument', `"${shift}" is not a delete direction (Up or Left).`);
    }
  }

  private moveObjects(sheet: SheetModel, affected: (r: Rect) => boolean, rows: number, columns: number): void {
    const move = (r: Rect): Rect => ({ top: r.top + rows, bottom: r.bottom + rows, left: r.left + columns, right: r.right + columns });
    for (const table of this.tables) if (table.sheet === sheet && affected(table.rect)) table.rect = move(table.rect);
    sheet.merges = sheet.merges.map((m) => (affected(m) ? move(m) : m));
    for (const name of [...this.names, ...sheet.names]) {
      if (name.reference.kind === 'range' && name.reference.sheet === sheet && affected(name.reference.rect)) {
        name.reference = { ...name.reference, rect: move(name.reference.rect) };
      }
    }
  }

  /** Rows (or columns) inserted strictly inside a table widen it, as in Excel. */
  private growTables(sheet: SheetModel, inserted: Rect, along: 'rows' | 'columns'): void {
    for (const table of this.tables) {
      if (table.sheet !== sheet) continue;
      const r = table.rect;
      if (along === 'rows' && inserted.left <= r.left && inserted.right >= r.right && inserted.top > r.top && inserted.top <= r.bottom) {
        table.rect = { ...r, bottom: r.bottom + rowCountOf(inserted) };
      }
      if (along === 'columns' && inserted.top <= r.top && inserted.bottom >= r.bottom && inserted.left > r.left && inserted.left <= r.right) {
        table.rect = { ...r, right: r.right + columnCountOf(inserted) };
        this.syncHeaderNames(table);
      }
    }
  }

  /** Range.merge: "only the upper-left value is kept"; merging over part of a table is refused. */
  merge(target: CellTarget, across: boolean): void {
    this.assertCellsEditable(target);
    const { sheet, rect } = target;
    if (this.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect))) {
      throw new HostError('InvalidOperation', 'Merging cells inside a table is not allowed.');
    }
    const areas = across
      ? Array.from({ length: rowCountOf(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i }))
      : [rect];
    sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    for (const area of areas) {
      if (area.top === area.bottom && area.left === area.right) continue;
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) if (r !== area.top || c !== area.left) sheet.cells.clearContents(r, c);
      }
      sheet.merges.push(area);
    }
  }

  unmerge(target: CellTarget): void {
    this.assertCellsEditable(target);
    target.sheet.merges = target.sheet.merges.filter((m) => !intersect(m, target.rect));
  }

  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    return sheet.cells.usedRect(valuesOnly);
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  tableByName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  requireTable(key: string): TableModel {
    const table = this.tableByName(key) ?? this.tables.find((t) => t.id === key);
    if (!table) throw new HostError('ItemNotFound', `The table "${key}" doesn't exist.`);
    return table;
  }

  /** Table and name names: a letter, underscore or backslash first, no spaces, not a cell reference, unique. */
  private validateObjectName(name: string, what: string, except?: unknown): void {
    if (typeof name !== 'string' || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255 || parseAddress(name) || /^[RC]$/i.test(name) || /^R\d*C\d*$/i.test(name)) {
      throw new HostError('InvalidArgument', `"${name}" is not a valid ${what} name.`);
    }
    const clash = this.tableByName(name) ?? this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (clash && clash !== except) throw new HostError('ItemAlreadyExists', `The name "${name}" is already used by a table or named item.`);
  }

  private uniqueColumnNames(raw: (CellValue | '')[]): string[] {
    const used = new Set<string>();
    return raw.map((value, i) => {
      const base = value === '' ? `Column${i + 1}` : displayText(value, GENERAL_FORMAT);
      let name = base;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}${n}`;
      used.add(name.toLowerCase());
      return name;
    });
  }

  /**
   * TableCollection.add: "If the source does not contain headers (i.e., when this property set
   * to false), Excel will automatically generate a header and shift the data down by one row";
   * "If the table cannot be added (e.g., because the address is invalid, or the table would
   * overlap with another table), an error will be thrown".
   */
  addTable(target: CellTarget, hasHeaders: boolean): TableModel {
    this.assertCellsEditable(target);
    const { sheet } = target;
    let rect = target.rect;
    if (isEntireColumn(rect) || isEntireRow(rect)) throw new HostError('InvalidArgument', 'A table cannot span entire rows or columns.');
    const overlapping = this.tables.find((t) => t.sheet === sheet && intersect(t.rect, rect));
    if (overlapping || sheet.merges.some((m) => intersect(m, rect))) {
      throw new HostError('MergedRangeConflict', "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.");
    }
    if (!hasHeaders) {
      sheet.cells.insertRows(rect.top, 1, rect.left, rect.right);
      rect = { ...rect, bottom: rect.bottom + 1 };
    }
    if (rect.top === rect.bottom) rect = { ...rect, bottom: rect.bottom + 1 }; // a table always has a data row
    const headerValues = hasHeaders ? this.readValues({ sheet, rect: { ...rect, bottom: rect.top } })[0] : [];
    const names = this.uniqueColumnNames(hasHeaders ? headerValues : new Array(columnCountOf(rect)).fill(''));
    let n = this.tables.length + 1;
    while (this.tableByName(`Table${n}`) || this.names.some((x) => x.name.toLowerCase() === `table${n}`)) n++;
    const table = new TableModel(this.newId('table'), `Table${n}`, sheet, rect, names.map((name, i) => ({ id: i + 1, name })));
    this.tables.push(table);
    this.writeHeaderCells(table);
    return table;
  }

  private writeHeaderCells(table: TableModel): void {
    if (!table.showHeaders) return;
    table.columns.forEach((column, i) => {
      table.sheet.cells.setValue(table.rect.top, table.rect.left + i, column.name);
    });
  }

  /** Header cells are the column names: editing one renames its column (blank ones become "ColumnN"). */
  private syncHeaderNames(table: TableModel): void {
    const width = columnCountOf(table.rect);
    const header = table.headerRect ? this.readValues({ sheet: table.sheet, rect: table.headerRect })[0] : table.columns.map((c) => c.name);
    while (header.length < width) header.push('');
    const names = this.uniqueColumnNames(header);
    const columns: TableColumnModel[] = [];
    for (let i = 0; i < width; i++) {
      const existing = table.columns[i];
      columns.push(existing ? { ...existing, name: names[i] } : { id: table.nextColumnId++, name: names[i] });
    }
    table.columns = columns;
    this.writeHeaderCells(table);
  }

  renameTable(table: TableModel, name: string): void {
    this.assertDocumentWritable();
    if (table.name === name) return;
    this.validateObjectName(name, 'table', table);
    table.name = name;
  }

  renameTableColumn(table: TableModel, index: number, name: string): void {
    this.assertCellsEditable({ sheet: table.sheet, rect: table.headerRect ?? table.rect });
    if (typeof name !== 'string' || name === '') throw new HostError('InvalidArgument', 'A table column needs a name.');
    if (table.columns.some((c, i) => i !== index && c.name.toLowerCase() === name.toLowerCase())) {
      throw new HostError('InvalidArgument', `The table "${table.name}" already has a column "${name}".`);
    }
    table.columns[index] = { ...table.columns[index], name };
    this.writeHeaderCells(table);
  }

  /**
   * TableColumnCollection.add(index?, values?, name?): "If null or -1, the addition happens at
   * the end. Columns with a higher index will be shifted to the side." Cells to the right of the
   * table, in the table's rows, move right. `values` is the whole column, header first.
   *
   * "Error handling with the application-specific JavaScript APIs" (learn.microsoft.com/office/
   * dev/add-ins/testing/application-specific-api-error-handling), OperationCellsExceedLimit: "The
   * attempted operation affects more than the limit of 33554000 cells. If the
   * TableColumnCollection.add API triggers this error, confirm that there is no unintentional data
   * within the worksheet but outside of the table [...] (number of table rows) x (16383 - (number
   * of table columns)) [...] This error only occurs in Excel on the web." What counts as data is
   * what NonBlankCellOffSheet says of cells that "might appear empty but have blank values, some
   * formatting, or a formula": a formatted cell to the right of the table counts.
   */
  addTableColumn(table: TableModel, index: number | null | undefined, values: unknown, name: string | null | undefined): TableColumnModel {
    const count = table.columns.length;
    const at = index === null || index === undefined || index === -1 ? count : index;
    if (!Number.isInteger(at) || at < 0 || at > count) throw new HostError('InvalidArgument', `Column index ${index} is outside 0..${count}.`);
    const rows = rowCountOf(table.rect);
    const column = table.rect.left + at;
    const band: Rect = { top: table.rect.top, bottom: table.rect.bottom, left: column, right: MAX_COLUMNS - 1 };
    this.assertCellsEditable({ sheet: table.sheet, rect: band });
    this.contentChanged();
    if (values !== undefined && values !== null && Array.isArray(values) && values.length !== rows) {
      throw new HostError('InvalidArgument', `The values for a new column of "${table.name}" need ${rows} rows (header first), not ${values.length}.`);
    }
    const right: Rect = { ...band, left: table.rect.right + 1 };
    const hasDataRight = right.left < MAX_COLUMNS && this.hasAnythingIn(table.sheet, right);
    if (this.onTheWeb && hasDataRight && rows * (MAX_COLUMNS - 1 - count) > this.operationCellLimit) {
      throw new HostError('OperationCellsExceedLimit', `Adding a column to "${table.name}" would move more than ${this.operationCellLimit} cells; clear the cells to the right of the table.`);
    }
    if (this.hasAnythingIn(table.sheet, band)) table.sheet.cells.shiftColumns(column, 1, table.rect.top, table.rect.bottom);
    this.moveObjects(table.sheet, (r) => r !== table.rect && r.left >= column && r.top >= table.rect.top && r.bottom <= table.rect.bottom, 0, 1);
    table.rect = { ...table.rect, right: table.rect.right + 1 };
    const header = Array.isArray(values) ? (values[0] as unknown[])?.[0] : undefined;
    const existing = new Set(table.columns.map((c) => c.name.toLowerCase()));
    let columnName = name ?? (header === undefined || header === null || header === '' ? undefined : String(header));
    if (columnName === undefined) {
      let n = count + 1;
      while (existing.has(`column${n}`)) n++;
      columnName = `Column${n}`;
    }
    if (existing.has(columnName.toLowerCase())) throw new HostError('InvalidArgument', `The table "${table.name}" already has a column "${columnName}".`);
    const model: TableColumnModel = { id: table.nextColumnId++, name: columnName };
    table.columns.splice(at, 0, model);
    this.writeHeaderCells(table);
    if (values !== undefined && values !== null) {
      const body: Rect = { top: table.rect.top + table.headerRows, bottom: table.rect.bottom, left: column, right: column };
      if (body.top <= body.bottom) this.writeValues({ sheet: table.sheet, rect: body }, Array.isArray(values) ? values.slice(table.headerRows) : values, 'values');
    }
    return model;
  }

  private hasAnythingIn(sheet: SheetModel, rect: Rect): boolean {
    const used = sheet.cells.usedRect(false);
    const area = used ? intersect(used, rect) : null;
    if (!area) return false;
    for (const c of sheet.cells.storedColumns()) {
      if (c < area.left || c > area.right) continue;
      for (let r = area.top; r <= area.bottom; r++) if (sheet.cells.hasContent(r, c) || sheet.cells.hasCellFormat(r, c)) return true;
    }
    return false;
  }

  deleteTableColumn(table: TableModel, index: number): void {
    const column = table.rect.left + index;
    const target: CellTarget = { sheet: table.sheet, rect: { ...table.rect, left: column, right: column } };
    this.assertCellsEditable(target);
    if (table.columns.length === 1) throw new HostError('InvalidOperation', 'The last column of a table cannot be deleted.');
    this.clear(target);
    table.sheet.cells.shiftColumns(column + 1, -1, table.rect.top, table.rect.bottom);
    table.rect = { ...table.rect, right: table.rect.right - 1 };
    table.columns.splice(index, 1);
  }

  /**
   * TableRowCollection.add(index?, values?): "If null or -1, the addition happens at the end.
   * Any rows below the inserted row are shifted downwards." Cells below, in the table's columns, move down.
   */
  addTableRows(table: TableModel, index: number | null | undefined, values: unknown): Rect {
    const data = table.dataRect;
    const dataRows = data ? rowCountOf(data) : 0;
    const at = index === null || index === undefined || index === -1 ? dataRows : index;
    if (!Number.isInteger(at) || at < 0 || at > dataRows) throw new HostError('InvalidArgument', `Row index ${index} is outside 0..${dataRows}.`);
    const rows = Array.isArray(values) ? values.length : 1;
    if (Array.isArray(values) && (rows === 0 || values.some((v) => !Array.isArray(v) || v.length !== table.columns.length))) {
      throw new HostError('InvalidArgument', `Each new row of "${table.name}" needs ${table.columns.length} values.`);
    }
    const firstRow = table.rect.top + table.headerRows + at;
    const inserted: Rect = { top: firstRow, bottom: firstRow + rows - 1, left: table.rect.left, right: table.rect.right };
    this.assertCellsEditable({ sheet: table.sheet, rect: { ...inserted, bottom: MAX_ROWS - 1 } });
    this.contentChanged();
    table.sheet.cells.insertRows(firstRow, rows, table.rect.left, table.rect.right);
    this.moveObjects(table.sheet, (r) => r !== table.rect && r.top >= firstRow && r.left >= table.rect.left && r.right <= table.rect.right, rows, 0);
    table.rect = { ...table.rect, bottom: table.rect.bottom + rows };
    if (values !== undefined && values !== null) this.writeValues({ sheet: table.sheet, rect: inserted }, values, 'values');
    return inserted;
  }

  deleteTableRows(table: TableModel, index: number, count: number): void {
    const data = table.dataRect;
    if (!data || index < 0 || index + count > rowCountOf(data)) throw new HostError('InvalidArgument', `Rows ${index}..${index + count - 1} are not in "${table.name}".`);
    const top = data.top + index;
    this.assertCellsEditable({ sheet: table.sheet, rect: { ...data, top, bottom: top + count - 1 } });
    table.sheet.cells.deleteRows(top, count, table.rect.left, table.rect.right);
    table.rect = { ...table.rect, bottom: Math.max(table.rect.top + 1, table.rect.bottom - count) };
  }

  /**
   * Table.resize (ExcelApi 1.13): "The new range must overlap with the original table range and
   * the headers (or the top of the table) must be in the same row."
   */
  resizeTable(table: TableModel, target: CellTarget): void {
    this.assertCellsEditable(target);
    this.contentChanged();
    const { rect } = target;
    if (target.sheet !== table.sheet || rect.top !== table.rect.top || !intersect(rect, table.rect)) {
      throw new HostError('InvalidArgument', `The new range for "${table.name}" must be on the same sheet, overlap the table, and keep its header row.`);
    }
    if (this.tables.some((t) => t !== table && t.sheet === table.sheet && intersect(t.rect, rect))) {
      throw new HostError('MergedRangeConflict', "A table can't overlap with another table.");
    }
    table.rect = rect.top === rect.bottom ? { ...rect, bottom: rect.bottom + 1 } : rect;
    this.syncHeaderNames(table);
  }

  /**
   * Table.showTotals: "Specifies if the total row is visible. This value can be set to show or
   * remove the total row." A shown total row is part of the table's range, below the data; as
   * Excel fills it ("Total the data in an Excel table", support.microsoft.com), its first cell
   * says "Total" and its last column sums the column with SUBTOTAL(109, …).
   */
  setShowTotals(table: TableModel, show: boolean): void {
    if (table.showTotals === show) return;
    this.assertCellsEditable({ sheet: table.sheet, rect: table.rect });
    if (show) {
      table.sheet.cells.insertRows(table.rect.bottom + 1, 1, table.rect.left, table.rect.right);
      table.rect = { ...table.rect, bottom: table.rect.bottom + 1 };
      table.sheet.cells.setValue(table.rect.bottom, table.rect.left, 'Total');
      const last = table.columns[table.columns.length - 1];
      if (table.columns.length > 1) table.sheet.cells.setFormula(table.rect.bottom, table.rect.right, `=SUBTOTAL(109,${table.name}[${last.name}])`);
    } else {
      table.sheet.cells.deleteRows(table.rect.bottom, 1, table.rect.left, table.rect.right);
      table.rect = { ...table.rect, bottom: table.rect.bottom - 1 };
    }
    table.showTotals = show;
  }

  /**
   * Table.showHeaders: "Specifies if the header row is visible. This value can be set to show or
   * remove the header row." A removed header row is no longer part of the table's range (the
   * range starts at the data); its cells are left blank, and the column names are kept, to be
   * shown again in the row above the data.
   */
  setShowHeaders(table: TableModel, show: boolean): void {
    if (table.showHeaders === show) return;
    if (show) {
      if (table.rect.top === 0) throw new HostError('InvalidOperation', `There is no row above "${table.name}" for its header row.`);
      const header: Rect = { ...table.rect, top: table.rect.top - 1, bottom: table.rect.top - 1 };
      this.assertCellsEditable({ sheet: table.sheet, rect: header });
      table.rect = { ...table.rect, top: header.top };
      table.showHeaders = true;
      this.writeHeaderCells(table);
    } else {
      const header = table.headerRect!;
      this.assertCellsEditable({ sheet: table.sheet, rect: header });
      for (let c = header.left; c <= header.right; c++) table.sheet.cells.clearContents(header.top, c);
      table.rect = { ...table.rect, top: table.rect.top + 1 };
      table.showHeaders = false;
    }
  }

  /** Table.delete removes the table and what it held. */
  deleteTable(table: TableModel): void {
    this.assertCellsEditable({ sheet: table.sheet, rect: table.rect });
    this.removeTable(table);
    this.clear({ sheet: table.sheet, rect: table.rect });
  }

  /** Table.convertToRange: the cells stay, the table goes. */
  convertTableToRange(table: TableModel): void {
    this.assertCellsEditable({ sheet: table.sheet, rect: table.rect });
    this.removeTable(table);
  }

  private removeTable(table: TableModel): void {
    table.deleted = true;
    this.tables.splice(this.tables.indexOf(table), 1);
  }

  tablesIn(target: CellTarget, fullyContained: boolean): TableModel[] {
    return this.tables.filter(
      (t) => t.sheet === target.sheet && (fullyContained ? contains(target.rect, t.rect) : intersect(t.rect, target.rect)),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Named items

  nameFor(name: string, from?: SheetModel): NamedItemModel | undefined {
    const lower = name.toLowerCase();
    return from?.names.find((n) => n.name.toLowerCase() === lower) ?? this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** NamedItemCollection.add(name, reference, comment): reference is a Range or a formula such as "=Sheet1!$A$1:$B$2" or "=42". */
  addName(scopeSheet: SheetModel | null, name: string, reference: CellTarget | string, comment: string | undefined): NamedItemModel {
    this.assertDocumentWritable();
    this.validateObjectName(name, 'defined');
    if (scopeSheet?.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      throw new HostError('ItemAlreadyExists', `The name "${name}" already exists on "${scopeSheet.name}".`);
    }
    let resolved: NamedItemModel['reference'];
    if (typeof reference !== 'string') {
      resolved = { kind: 'range', sheet: reference.sheet, rect: reference.rect };
    } else {
      const formula = reference.startsWith('=') ? reference : `=${reference}`;
      const parsed = parseAddress(formula.slice(1));
      if (parsed) {
        const sheet = parsed.sheetName ? this.requireSheet(parsed.sheetName) : scopeSheet ?? this.activeSheet;
        resolved = { kind: 'range', sheet, rect: parsed.rect };
      } else {
        const value = evaluateFormula(formula, this.scopeFor(scopeSheet ?? this.activeSheet));
        resolved = { kind: 'constant', formula, value };
      }
    }
    const item: NamedItemModel = { name, reference: resolved, comment: comment ?? '', visible: true, scope: scopeSheet ? 'Worksheet' : 'Workbook' };
    (scopeSheet ? scopeSheet.names : this.names).push(item);
    return item;
  }

  deleteName(item: NamedItemModel, scopeSheet: SheetModel | null): void {
    this.assertDocumentWritable();
    const list = scopeSheet ? scopeSheet.names : this.names;
    list.splice(list.indexOf(item), 1);
  }

  nameFormula(item: NamedItemModel): string {
    if (item.reference.kind === 'constant') return item.reference.formula;
    const r = item.reference.rect;
    const absolute = formatRect(r).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2').replace(/^([A-Z]+):([A-Z]+)$/, '$$$1:$$$2');
    return `=${quoteSheetName(item.reference.sheet.name)}!${absolute}`;
  }

  // -------------------------------------------------------------------------------------------
  // Charts and PivotTables

  addChart(sheet: SheetModel, type: string, source: CellTarget, seriesBy: string): ChartModel {
    this.assertDocumentWritable();
    if (sheet.protected) throw new HostError('AccessDenied', `The worksheet "${sheet.name}" is protected.`);
    let n = 1;
    while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
    const chart = new ChartModel(this.newId('chart'), `Chart ${n}`, type, sheet, source, seriesBy);
    chart.top = 20 * sheet.charts.length;
    sheet.charts.push(chart);
    return chart;
  }

  deleteChart(chart: ChartModel): void {
    this.assertDocumentWritable();
    chart.deleted = true;
    chart.sheet.charts.splice(chart.sheet.charts.indexOf(chart), 1);
  }

  pivotByName(name: string): PivotModel | undefined {
    const lower = name.toLowerCase();
    return this.pivots.find((p) => p.name.toLowerCase() === lower);
  }

  pivotSourceData(pivot: PivotModel): SourceData {
    const source = pivot.source;
    if (source.kind === 'table') {
      if (source.table.deleted) throw new HostError('InvalidReference', `The source table of "${pivot.name}" no longer exists.`);
      const data = source.table.dataRect;
      // PivotTables made and changed over a table whose cells have not changed read them once.
      const cached = this.pivotSource;
      if (cached && cached.table === source.table && cached.version === this.contentVersion && data && cached.rect.top === data.top && cached.rect.bottom === data.bottom && cached.rect.left === data.left && cached.rect.right === data.right) {
        return { fields: source.table.columns.map((c) => c.name), rows: cached.data.rows };
      }
      const read: SourceData = { fields: source.table.columns.map((c) => c.name), rows: data ? this.readValues({ sheet: source.table.sheet, rect: data }) : [] };
      if (data) this.pivotSource = { version: this.contentVersion, table: source.table, rect: data, data: read };
      return read;
    }
    if (source.sheet.deleted) throw new HostError('InvalidReference', `The source sheet of "${pivot.name}" no longer exists.`);
    const used = source.sheet.cells.usedRect(true);
    const rect = isEntireColumn(source.rect) && used ? { ...source.rect, bottom: Math.max(used.bottom, source.rect.top) } : source.rect;
    const values = this.readValues({ sheet: source.sheet, rect });
    return { fields: this.uniqueColumnNames(values[0]), rows: values.slice(1) };
  }

  /** Recomputes a pivot from its source and rewrites its output cells (refresh, or a layout change). */
  renderPivot(pivot: PivotModel): void {
    this.assertDocumentWritable();
    const output = computePivotOutput(pivot, this.pivotSourceData(pivot));
    const cells = pivot.sheet.cells;
    const conflict = this.tables.find((t) => t.sheet === pivot.sheet && intersect(t.rect, output.rect)) ??
      this.pivots.find((p) => p !== pivot && p.sheet === pivot.sheet && p.output && intersect(p.output.rect, output.rect));
    if (conflict) throw new HostError('PivotTableRangeConflict', `The PivotTable "${pivot.name}" would overlap "${conflict.name}".`);
    if (output.rect.bottom >= MAX_ROWS || output.rect.right >= MAX_COLUMNS) throw new HostError('InvalidArgument', `The PivotTable "${pivot.name}" does not fit on the sheet.`);
    this.erasePivotOutput(pivot);
    output.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value !== '') cells.setValue(output.rect.top + r, output.rect.left + c, value);
      }),
    );
    if (output.dataRect) {
      const columnsPerKey = pivot.dataFields.length;
      for (let c = output.dataRect.left; c <= output.dataRect.right; c++) {
        const field = pivot.dataFields[(c - output.dataRect.left) % Math.max(columnsPerKey, 1)];
        if (!field || field.numberFormat === GENERAL_FORMAT) continue;
        for (let r = output.dataRect.top; r <= output.dataRect.bottom; r++) cells.setNumberFormat(r, c, field.numberFormat);
      }
    }
    pivot.output = output;
  }

  erasePivotOutput(pivot: PivotModel): void {
    const old = pivot.output;
    if (!old) return;
    for (let r = old.rect.top; r <= old.rect.bottom; r++) {
      for (let c = old.rect.left; c <= old.rect.right; c++) {
        pivot.sheet.cells.clearContents(r, c);
        pivot.sheet.cells.clearFormats(r, c);
      }
    }
    pivot.output = null;
  }

  deletePivot(pivot: PivotModel): void {
    this.assertDocumentWritable();
    if (pivot.sheet.protected) throw new HostError('AccessDenied', `The worksheet "${pivot.sheet.name}" is protected.`);
    this.erasePivotOutput(pivot);
    pivot.deleted = true;
    this.pivots.splice(this.pivots.indexOf(pivot), 1);
  }
}
