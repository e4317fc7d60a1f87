/**
 * Excel.Table and its collections: TableCollection (workbook or worksheet), TableScopedCollection
 * (Range.getTables), TableColumnCollection / TableColumn and TableRowCollection / TableRow.
 */
import { ClientObject, CollectionObject, type Locate } from '../client-object';
import { rowCountOf } from '../grid-address';
import { HostError } from '../host-error';
import type { ClientResult } from '../office-extension';
import type { RequestContext } from '../request-context';
import type { CellTarget, SheetModel, TableColumnModel, TableModel } from '../workbook-model';
import { requireApi, resolveRangeArgument, workbookOf } from './proxy-support';
import { RangeProxy } from './range-proxy';
import { WorksheetProxy } from './worksheet-proxy';

export interface TableScope {
  sheet?: SheetModel;
}

export class TableProxy extends ClientObject<TableModel> {
  protected readonly typeName = 'Table';

  constructor(context: RequestContext, path: string, locate: Locate<TableModel>, nullable = false) {
    super(context, path, locate, nullable);
  }

  protected scalarNames(): readonly string[] {
    return ['id', 'name', 'showTotals', 'showHeaders', 'showBandedRows', 'style'];
  }

  protected readScalar(table: TableModel, name: string): unknown {
    switch (name) {
      case 'id': return table.id;
      case 'name': return table.name;
      case 'showTotals': return table.showTotals;
      case 'showHeaders': return table.showHeaders;
      case 'showBandedRows': return table.showBandedRows;
      default: return table.style;
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === 'columns') return this.columns as ClientObject<unknown>;
    if (name === 'rows') return this.rows as ClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as ClientObject<unknown>;
    return undefined;
  }

  get id(): string { return this.get('id'); }

  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.setProperty('name', name, (t) => workbookOf(this.context).renameTable(t, name));
  }

  get showTotals(): boolean { return this.get('showTotals'); }
  set showTotals(show: boolean) {
    this.setProperty('showTotals', show, (t) => workbookOf(this.context).setShowTotals(t, show));
  }

  get showHeaders(): boolean { return this.get('showHeaders'); }
  set showHeaders(show: boolean) {
    this.setProperty('showHeaders', show, (t) => workbookOf(this.context).setShowHeaders(t, show));
  }

  get showBandedRows(): boolean { return this.get('showBandedRows'); }
  set showBandedRows(show: boolean) {
    this.setProperty('showBandedRows', show, (t) => {
      workbookOf(this.context).assertCellsEditable({ sheet: t.sheet, rect: t.rect });
      t.showBandedRows = show;
    });
  }

  get style(): string { return this.get('style'); }
  set style(style: string) {
    this.setProperty('style', style, (t) => {
      workbookOf(this.context).assertCellsEditable({ sheet: t.sheet, rect: t.rect });
      t.style = style;
    });
  }

  get columns(): TableColumnCollectionProxy {
    return this.navigationProxy('columns', () => new TableColumnCollectionProxy(this.context, this.childPath('columns'), this.derive((t) => t)));
  }

  get rows(): TableRowCollectionProxy {
    return this.navigationProxy('rows', () => new TableRowCollectionProxy(this.context, this.childPath('rows'), this.derive((t) => t)));
  }

  get worksheet(): WorksheetProxy {
    return this.navigationProxy('worksheet', () => new WorksheetProxy(this.context, this.childPath('worksheet'), this.derive((t) => t.sheet)));
  }

  private range(method: string, rect: (t: TableModel) => CellTarget['rect'] | null): RangeProxy {
    return new RangeProxy(this.context, this.childPath(`${method}()`), this.derive((t) => {
      const r = rect(t);
      if (!r) throw new HostError('ItemNotFound', `The table "${t.name}" has no ${method.replace(/^get|Range$/g, '')} range.`);
      return { sheet: t.sheet, rect: r };
    }));
  }

  getRange(): RangeProxy {
    return this.range('getRange', (t) => t.rect);
  }

  getHeaderRowRange(): RangeProxy {
    return this.range('getHeaderRowRange', (t) => t.headerRect);
  }

  getDataBodyRange(): RangeProxy {
    return this.range('getDataBodyRange', (t) => t.dataRect);
  }

  getTotalRowRange(): RangeProxy {
    return this.range('getTotalRowRange', (t) => (t.showTotals ? { ...t.rect, top: t.rect.bottom } : null));
  }

  /** Table.resize (ExcelApi 1.13). */
  resize(newRange: RangeProxy | string): void {
    this.call('resize', [typeof newRange === 'string' ? newRange : '…'], (t) => {
      requireApi(this.context, '1.13', 'Table.resize');
      const workbook = workbookOf(this.context);
      workbook.resizeTable(t, resolveRangeArgument(workbook, newRange, t.sheet, 'newRange'));
    });
  }

  delete(): void {
    this.call('delete', [], (t) => workbookOf(this.context).deleteTable(t));
  }

  convertToRange(): RangeProxy {
    return this.create('convertToRange', [], (t) => {
      workbookOf(this.context).convertTableToRange(t);
      return { sheet: t.sheet, rect: t.rect };
    }, (locate, path) => new RangeProxy(this.context, path, locate));
  }
}

export class TableCollectionProxy extends CollectionObject<TableModel, TableProxy, TableScope> {
  protected readonly typeName = 'TableCollection';

  protected list(scope: TableScope): TableModel[] {
    return workbookOf(this.context).tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);
  }

  protected item(table: TableModel, index: number): TableProxy {
    return new TableProxy(this.context, `${this.path}.items[${index}]`, () => table);
  }

  protected override ownScalars(): readonly string[] {
    return ['count'];
  }

  protected readScalar(scope: TableScope): unknown {
    return this.list(scope).length;
  }

  get count(): number { return this.get('count'); }

  private find(scope: TableScope, key: string): TableModel | undefined {
    return this.list(scope).find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, this.childPath(`getItem(${JSON.stringify(key)})`), this.derive((scope) => {
      const table = this.find(scope, key);
      if (!table) throw new HostError('ItemNotFound', `The table "${key}" doesn't exist.`);
      return table;
    }));
  }

  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, this.childPath(`getItemOrNullObject(${JSON.stringify(key)})`), this.derive((scope) => {
      requireApi(this.context, '1.4', 'TableCollection.getItemOrNullObject');
      return this.find(scope, key) ?? null;
    }), true);
  }

  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, this.childPath(`getItemAt(${index})`), this.derive((scope) => {
      const table = this.list(scope)[index];
      if (!table) throw new HostError('ItemNotFound', `There is no table at index ${index}.`);
      return table;
    }));
  }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (scope) => {
      requireApi(this.context, '1.4', 'TableCollection.getCount');
      return this.list(scope).length;
    });
  }

  /**
   * TableCollection.add(address, hasHeaders): "The range object or source address determines the
   * worksheet under which the table will be added. [...] If the address does not contain a sheet
   * name, the currently-active sheet is used" - also when the collection is a worksheet's.
   */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    return this.create('add', [typeof address === 'string' ? address : '…', hasHeaders], () => {
      const workbook = workbookOf(this.context);
      const target = resolveRangeArgument(workbook, address, null, 'address');
      return workbook.addTable(target, hasHeaders);
    }, (locate, path) => new TableProxy(this.context, path, locate));
  }
}

/** Range.getTables(): the tables meeting a range. */
export class TableScopedCollectionProxy extends CollectionObject<TableModel, TableProxy, TableModel[]> {
  protected readonly typeName = 'TableScopedCollection';

  protected list(tables: TableModel[]): TableModel[] {
    return tables;
  }

  protected item(table: TableModel, index: number): TableProxy {
    return new TableProxy(this.context, `${this.path}.items[${index}]`, () => table);
  }

  protected readScalar(): unknown {
    return undefined;
  }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (tables) => tables.length);
  }

  /** getFirst: "the first table in the collection… ordered top to bottom, left to right"; ItemNotFound when empty. */
  getFirst(): TableProxy {
    return new TableProxy(this.context, this.childPath('getFirst()'), this.derive((tables) => {
      const first = sortTopLeft(tables)[0];
      if (!first) throw new HostError('ItemNotFound', 'The range does not meet any table.');
      return first;
    }));
  }

  getFirstOrNullObject(): TableProxy {
    return new TableProxy(this.context, this.childPath('getFirstOrNullObject()'), this.derive((tables) => sortTopLeft(tables)[0] ?? null), true);
  }
}

const sortTopLeft = (tables: TableModel[]): TableModel[] =>
  [...tables].sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);

export interface ColumnTarget {
  table: TableModel;
  column: TableColumnModel;
}

function columnIndex({ table, column }: ColumnTarget): number {
  const index = table.columns.findIndex((c) => c.id === column.id);
  if (index < 0) throw new HostError('ItemNotFound', `The column "${column.name}" is no longer in "${table.name}".`);
  return index;
}

export class TableColumnProxy extends ClientObject<ColumnTarget> {
  protected readonly typeName = 'TableColumn';

  protected scalarNames(): readonly string[] {
    return ['id', 'index', 'name', 'values'];
  }

  protected readScalar(target: ColumnTarget, name: string): unknown {
    const index = columnIndex(target);
    switch (name) {
      case 'id': return target.column.id;
      case 'index': return index;
      case 'name': return target.table.columns[index].name;
      default: {
        const left = target.table.rect.left + index;
        return workbookOf(this.context).readValues({ sheet: target.table.sheet, rect: { ...target.table.rect, left, right: left } });
      }
    }
  }

  get id(): number { return this.get('id'); }
  get index(): number { return this.get('index'); }

  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.setProperty('name', name, (t) => workbookOf(this.context).renameTableColumn(t.table, columnIndex(t), name));
  }

  get values(): unknown[][] { return this.get('values'); }
  set values(values: unknown[][]) {
    this.setProperty('values', values, (t) => {
      const left = t.table.rect.left + columnIndex(t);
      workbookOf(this.context).writeValues({ sheet: t.table.sheet, rect: { ...t.table.rect, left, right: left } }, values, 'values');
    });
  }

  private range(method: string, rows: (table: TableModel) => { top: number; bottom: number } | null): RangeProxy {
    return new RangeProxy(this.context, this.childPath(`${method}()`), this.derive((t) => {
      const band = rows(t.table);
      if (!band) throw new HostError('ItemNotFound', `The column "${t.column.name}" has no such range.`);
      const left = t.table.rect.left + columnIndex(t);
      return { sheet: t.table.sheet, rect: { ...band, left, right: left } };
    }));
  }

  getRange(): RangeProxy {
    return this.range('getRange', (table) => table.rect);
  }

  getDataBodyRange(): RangeProxy {
    return this.range('getDataBodyRange', (table) => table.dataRect);
  }

  getHeaderRowRange(): RangeProxy {
    return this.range('getHeaderRowRange', (table) => table.headerRect);
  }

  getTotalRowRange(): RangeProxy {
    return this.range('getTotalRowRange', (table) => (table.showTotals ? { top: table.rect.bottom, bottom: table.rect.bottom } : null));
  }

  delete(): void {
    this.call('delete', [], (t) => workbookOf(this.context).deleteTableColumn(t.table, columnIndex(t)));
  }
}

export class TableColumnCollectionProxy extends CollectionObject<ColumnTarget, TableColumnProxy, TableModel> {
  protected readonly typeName = 'TableColumnCollection';

  protected list(table: TableModel): ColumnTarget[] {
    return table.columns.map((column) => ({ table, column }));
  }

  protected item(target: ColumnTarget, index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, `${this.path}.items[${index}]`, () => target);
  }

  protected override ownScalars(): readonly string[] {
    return ['count'];
  }

  protected readScalar(table: TableModel): unknown {
    return table.columns.length;
  }

  get count(): number { return this.get('count'); }

  /** getItem(key): "Column name or ID." */
  private find(table: TableModel, key: number | string): ColumnTarget | null {
    const column = typeof key === 'number'
      ? table.columns.find((c) => c.id === key)
      : table.columns.find((c) => c.name.toLowerCase() === key.toLowerCase() || String(c.id) === key);
    return column ? { table, column } : null;
  }

  getItem(key: number | string): TableColumnProxy {
    return new TableColumnProxy(this.context, this.childPath(`getItem(${JSON.stringify(key)})`), this.derive((table) => {
      const found = this.find(table, key);
      if (!found) throw new HostError('ItemNotFound', `The table "${table.name}" has no column ${JSON.stringify(key)}.`);
      return found;
    }));
  }

  getItemOrNullObject(key: number | string): TableColumnProxy {
    return new TableColumnProxy(this.context, this.childPath(`getItemOrNullObject(${JSON.stringify(key)})`), this.derive((table) => this.find(table, key)), true);
  }

  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, this.childPath(`getItemAt(${index})`), this.derive((table) => {
      const column = table.columns[index];
      if (!column) throw new HostError('ItemNotFound', `The table "${table.name}" has no column at index ${index}.`);
      return { table, column };
    }));
  }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (table) => table.columns.length);
  }

  add(index?: number | null, values?: unknown, name?: string | null): TableColumnProxy {
    return this.create('add', [index ?? null, values ?? null, name ?? null], (table) => ({
      table,
      column: workbookOf(this.context).addTableColumn(table, index, values, name),
    }), (locate, path) => new TableColumnProxy(this.context, path, locate));
  }
}

export interface RowTarget {
  table: TableModel;
  /** The physical position in the data body: "a TableRow object represents the physical location of the table row, but not the data." */
  index: number;
}

export class TableRowProxy extends ClientObject<RowTarget> {
  protected readonly typeName = 'TableRow';

  protected scalarNames(): readonly string[] {
    return ['index', 'values'];
  }

  private rect({ table, index }: RowTarget): CellTarget {
    const data = table.dataRect;
    if (!data || index >= rowCountOf(data)) throw new HostError('ItemNotFound', `The table "${table.name}" has no row ${index}.`);
    return { sheet: table.sheet, rect: { ...data, top: data.top + index, bottom: data.top + index } };
  }

  protected readScalar(target: RowTarget, name: string): unknown {
    return name === 'index' ? target.index : workbookOf(this.context).readValues(this.rect(target));
  }

  get index(): number { return this.get('index'); }

  get values(): unknown[][] { return this.get('values'); }
  set values(values: unknown[][]) {
    this.setProperty('values', values, (t) => workbookOf(this.context).writeValues(this.rect(t), values, 'values'));
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, this.childPath('getRange()'), this.derive((t) => this.rect(t)));
  }

  delete(): void {
    this.call('delete', [], (t) => workbookOf(this.context).deleteTableRows(t.table, t.index, 1));
  }
}

export class TableRowCollectionProxy extends CollectionObject<RowTarget, TableRowProxy, TableModel> {
  protected readonly typeName = 'TableRowCollection';

  protected list(table: TableModel): RowTarget[] {
    const data = table.dataRect;
    return Array.from({ length: data ? rowCountOf(data) : 0 }, (_, index) => ({ table, index }));
  }

  protected item(target: RowTarget, index: number): TableRowProxy {
    return new TableRowProxy(this.context, `${this.path}.items[${index}]`, () => target);
  }

  protected override ownScalars(): readonly string[] {
    return ['count'];
  }

  protected readScalar(table: TableModel): unknown {
    return table.dataRect ? rowCountOf(table.dataRect) : 0;
  }

  get count(): number { return this.get('count'); }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (table) => (table.dataRect ? rowCountOf(table.dataRect) : 0));
  }

  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.context, this.childPath(`getItemAt(${index})`), this.derive((table) => ({ table, index })));
  }

  /** TableRowCollection.add: "The return object will be the top of the newly added row(s)." */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): TableRowProxy {
    return this.create('add', [index ?? null, values ?? null, alwaysInsert ?? true], (table) => {
      const inserted = workbookOf(this.context).addTableRows(table, index, values);
      return { table, index: inserted.top - table.rect.top - 1 };
    }, (locate, path) => new TableRowProxy(this.context, path, locate));
  }

  deleteRows(rows: TableRowProxy[]): void {
    this.call('deleteRows', [rows.length], (table) => {
      const indexes = rows.map((row) => (row.resolve() as RowTarget).index).sort((a, b) => b - a);
      for (const index of indexes) workbookOf(this.context).deleteTableRows(table, index, 1);
    });
  }

  deleteRowsAt(index: number, count = 1): void {
    this.call('deleteRowsAt', [index, count], (table) => workbookOf(this.context).deleteTableRows(table, index, count));
  }
}
