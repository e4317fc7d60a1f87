/**
 * Excel.Worksheet, WorksheetCollection, WorksheetProtection and WorksheetFreezePanes
 * (learn.microsoft.com/javascript/api/excel/excel.worksheet and siblings).
 */
import { ClientObject, CollectionObject, type Locate } from '../client-object';
import { MAX_COLUMNS, MAX_ROWS, columnCountOf, rectOf, rowCountOf } from '../grid-address';
import { HostError } from '../host-error';
import type { ClientResult } from '../office-extension';
import type { RequestContext } from '../request-context';
import type { SheetModel } from '../workbook-model';
import { ChartCollectionProxy } from './chart-proxy';
import { NamedItemCollectionProxy } from './named-item-proxy';
import { PageLayoutProxy } from './page-layout-proxy';
import { PivotTableCollectionProxy } from './pivot-proxy';
import { rangeTarget, requireApi, resolveAddress, resolveRangeArgument, workbookOf } from './proxy-support';
import { RangeProxy } from './range-proxy';
import { TableCollectionProxy } from './table-proxy';

export class WorksheetProxy extends ClientObject<SheetModel> {
  protected readonly typeName = 'Worksheet';

  constructor(context: RequestContext, path: string, locate: Locate<SheetModel>, nullable = false) {
    super(context, path, locate, nullable);
  }

  protected scalarNames(): readonly string[] {
    return ['id', 'name', 'position', 'visibility', 'tabColor', 'showGridlines'];
  }

  protected readScalar(sheet: SheetModel, name: string): unknown {
    switch (name) {
      case 'id': return sheet.id;
      case 'name': return sheet.name;
      case 'position': return workbookOf(this.context).sheets.indexOf(sheet);
      case 'visibility': return sheet.visibility;
      // Worksheet.tabColor: "if the worksheet is invisible, the value will be null".
      case 'tabColor': return sheet.visibility === 'Visible' ? sheet.tabColor : null;
      default: return sheet.showGridlines;
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    const navigations: Record<string, () => ClientObject<unknown>> = {
      protection: () => this.protection as ClientObject<unknown>,
      freezePanes: () => this.freezePanes as ClientObject<unknown>,
      tables: () => this.tables as ClientObject<unknown>,
      charts: () => this.charts as ClientObject<unknown>,
      pivotTables: () => this.pivotTables as ClientObject<unknown>,
      names: () => this.names as ClientObject<unknown>,
      pageLayout: () => this.pageLayout as ClientObject<unknown>,
    };
    return navigations[name]?.();
  }

  get id(): string { return this.get('id'); }

  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.setProperty('name', name, (s) => workbookOf(this.context).renameSheet(s, name));
  }

  get position(): number { return this.get('position'); }
  set position(position: number) {
    this.setProperty('position', position, (s) => workbookOf(this.context).setSheetPosition(s, position));
  }

  get visibility(): string { return this.get('visibility'); }
  set visibility(visibility: string) {
    this.setProperty('visibility', visibility, (s) => {
      requireApi(this.context, '1.2', 'Worksheet.visibility (set)');
      workbookOf(this.context).setSheetVisibility(s, visibility);
    });
  }

  get tabColor(): string { return this.get('tabColor'); }
  set tabColor(color: string) {
    this.setProperty('tabColor', color, (s) => {
      workbookOf(this.context).assertDocumentWritable();
      s.tabColor = color;
    });
  }

  get showGridlines(): boolean { return this.get('showGridlines'); }
  set showGridlines(show: boolean) {
    this.setProperty('showGridlines', show, (s) => {
      workbookOf(this.context).assertDocumentWritable();
      s.showGridlines = show;
    });
  }

  get protection(): WorksheetProtectionProxy {
    return this.navigationProxy('protection', () => new WorksheetProtectionProxy(this.context, this.childPath('protection'), this.derive((s) => s)));
  }

  get freezePanes(): WorksheetFreezePanesProxy {
    return this.navigationProxy('freezePanes', () => new WorksheetFreezePanesProxy(this.context, this.childPath('freezePanes'), this.derive((s) => s)));
  }

  /** Worksheet.pageLayout (ExcelApi 1.9): "Gets the PageLayout object of the worksheet." */
  get pageLayout(): PageLayoutProxy {
    return this.navigationProxy('pageLayout', () => new PageLayoutProxy(this.context, this.childPath('pageLayout'), this.derive((s) => s)));
  }

  get tables(): TableCollectionProxy {
    return this.navigationProxy('tables', () => new TableCollectionProxy(this.context, this.childPath('tables'), this.derive((s) => ({ sheet: s }))));
  }

  get charts(): ChartCollectionProxy {
    return this.navigationProxy('charts', () => new ChartCollectionProxy(this.context, this.childPath('charts'), this.derive((s) => s)));
  }

  get pivotTables(): PivotTableCollectionProxy {
    return this.navigationProxy('pivotTables', () => new PivotTableCollectionProxy(this.context, this.childPath('pivotTables'), this.derive((s) => ({ sheet: s }))));
  }

  get names(): NamedItemCollectionProxy {
    return this.navigationProxy('names', () => new NamedItemCollectionProxy(this.context, this.childPath('names'), this.derive((s) => ({ sheet: s }))));
  }

  activate(): void {
    this.call('activate', [], (s) => workbookOf(this.context).activateSheet(s));
  }

  delete(): void {
    this.call('delete', [], (s) => workbookOf(this.context).deleteSheet(s));
  }

  /** Worksheet.getRange: "If not specified, the entire worksheet range is returned." */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this.childPath(`getRange(${JSON.stringify(address ?? '')})`), this.derive((s) =>
      address === undefined
        ? { sheet: s, rect: rectOf(0, 0, MAX_ROWS, MAX_COLUMNS) }
        : resolveAddress(workbookOf(this.context), address, s, 'getRange')));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, this.childPath(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`), this.derive((s) => {
      requireApi(this.context, '1.7', 'Worksheet.getRangeByIndexes');
      return rangeTarget(s, rectOf(startRow, startColumn, rowCount, columnCount), 'getRangeByIndexes');
    }));
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, this.childPath(`getCell(${row},${column})`), this.derive((s) =>
      rangeTarget(s, rectOf(row, column, 1, 1), 'getCell')));
  }

  /**
   * "The used range is the smallest range that encompasses any cells that have a value or
   * formatting assigned to them. If the entire worksheet is blank, this function will return the
   * top left cell."
   */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, this.childPath(`getUsedRange(${valuesOnly})`), this.derive((s) => ({
      sheet: s,
      rect: s.cells.usedRect(valuesOnly) ?? rectOf(0, 0, 1, 1),
    })));
  }

  /** "If the entire worksheet is blank, then this method returns an object with its isNullObject property set to true." */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, this.childPath(`getUsedRangeOrNullObject(${valuesOnly})`), this.derive((s) => {
      requireApi(this.context, '1.4', 'Worksheet.getUsedRangeOrNullObject');
      const rect = s.cells.usedRect(valuesOnly);
      return rect ? { sheet: s, rect } : null;
    }), true);
  }
}

export class WorksheetCollectionProxy extends CollectionObject<SheetModel, WorksheetProxy, SheetModel[]> {
  protected readonly typeName = 'WorksheetCollection';

  protected list(): SheetModel[] {
    return [...workbookOf(this.context).sheets];
  }

  protected item(sheet: SheetModel, index: number): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this.path}.items[${index}]`, () => sheet);
  }

  protected readScalar(): unknown {
    return undefined;
  }

  private sheetProxy(method: string, key: string, find: () => SheetModel | null, nullable = false): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this.path}.${method}(${JSON.stringify(key)})`, find, nullable);
  }

  private byKey(key: string): SheetModel | undefined {
    const workbook = workbookOf(this.context);
    return workbook.sheetByName(key) ?? workbook.sheets.find((s) => s.id === key);
  }

  getActiveWorksheet(): WorksheetProxy {
    return this.sheetProxy('getActiveWorksheet', '', () => workbookOf(this.context).activeSheet);
  }

  /** getItem: by name or id; ItemNotFound when there is none. */
  getItem(key: string): WorksheetProxy {
    return this.sheetProxy('getItem', key, () => {
      const sheet = this.byKey(key);
      if (!sheet) throw new HostError('ItemNotFound', `The worksheet "${key}" doesn't exist.`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return this.sheetProxy('getItemOrNullObject', key, () => {
      requireApi(this.context, '1.4', 'WorksheetCollection.getItemOrNullObject');
      return this.byKey(key) ?? null;
    }, true);
  }

  getFirst(visibleOnly = false): WorksheetProxy {
    return this.sheetProxy('getFirst', String(visibleOnly), () => {
      const sheet = workbookOf(this.context).sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
      if (!sheet) throw new HostError('ItemNotFound', 'There is no worksheet.');
      return sheet;
    });
  }

  /** WorksheetCollection.add: "Adds a new worksheet to the workbook. The worksheet will be added at the end of existing worksheets." */
  add(name?: string): WorksheetProxy {
    return this.create('add', name === undefined ? [] : [name], () => workbookOf(this.context).addSheet(name),
      (locate, path) => new WorksheetProxy(this.context, path, locate));
  }

  getCount(visibleOnly = false): ClientResult<number> {
    return this.callForResult('getCount', [visibleOnly], () => {
      requireApi(this.context, '1.4', 'WorksheetCollection.getCount');
      return workbookOf(this.context).sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length;
    });
  }
}

export class WorksheetProtectionProxy extends ClientObject<SheetModel> {
  protected readonly typeName = 'WorksheetProtection';

  protected scalarNames(): readonly string[] {
    return ['protected', 'options'];
  }

  protected readScalar(sheet: SheetModel, name: string): unknown {
    if (name === 'protected') return sheet.protected;
    return { allowFormatCells: false, allowFormatColumns: false, allowFormatRows: false, allowInsertRows: false, allowDeleteRows: false, allowSort: false, allowAutoFilter: false };
  }

  get protected(): boolean { return this.get('protected'); }
  get options(): Record<string, boolean> { return this.get('options'); }

  /** "Protects a worksheet. Fails if the worksheet has already been protected." */
  protect(options?: Record<string, boolean>, password?: string): void {
    this.call('protect', password === undefined ? [options ?? null] : [options ?? null, '***'], (sheet) => {
      workbookOf(this.context).assertDocumentWritable();
      if (sheet.protected) throw new HostError('InvalidOperation', `The worksheet "${sheet.name}" is already protected.`);
      sheet.protected = true;
      sheet.protectionPassword = password || undefined;
    });
  }

  unprotect(password?: string): void {
    this.call('unprotect', password === undefined ? [] : ['***'], (sheet) => {
      workbookOf(this.context).assertDocumentWritable();
      if (sheet.protectionPassword !== undefined && sheet.protectionPassword !== password) {
        throw new HostError('BadPassword', 'The password you supplied is incorrect.');
      }
      sheet.protected = false;
      sheet.protectionPassword = undefined;
    });
  }
}

/** WorksheetFreezePanes (ExcelApi 1.7). */
export class WorksheetFreezePanesProxy extends ClientObject<SheetModel> {
  protected readonly typeName = 'WorksheetFreezePanes';

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  private freeze(method: string, args: unknown[], apply: (sheet: SheetModel) => void): void {
    this.call(method, args, (sheet) => {
      requireApi(this.context, '1.7', `WorksheetFreezePanes.${method}`);
      workbookOf(this.context).assertDocumentWritable();
      apply(sheet);
    });
  }

  /** freezeRows(count): "Optional number of rows to freeze, or zero to unfreeze all rows" (default 1). */
  freezeRows(count = 1): void {
    this.freeze('freezeRows', [count], (sheet) => {
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', [count], (sheet) => {
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }

  freezeAt(frozenRange: RangeProxy | string): void {
    this.freeze('freezeAt', [typeof frozenRange === 'string' ? frozenRange : '…'], (sheet) => {
      const { rect } = resolveRangeArgument(workbookOf(this.context), frozenRange, sheet, 'frozenRange');
      sheet.frozenRows = rect.top === 0 ? rowCountOf(rect) : 0;
      sheet.frozenColumns = rect.left === 0 ? columnCountOf(rect) : 0;
    });
  }

  unfreeze(): void {
    this.freeze('unfreeze', [], (sheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }

  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, this.childPath('getLocationOrNullObject()'), this.derive((sheet) => {
      if (sheet.frozenRows === 0 && sheet.frozenColumns === 0) return null;
      const rows = sheet.frozenRows || MAX_ROWS;
      const columns = sheet.frozenColumns || MAX_COLUMNS;
      return { sheet, rect: rectOf(0, 0, rows, columns) };
    }), true);
  }
}
