/**
 * Excel.PivotTable (ExcelApi 1.8) and its hierarchies and layout
 * (learn.microsoft.com/javascript/api/excel/excel.pivottable). Every change to the hierarchies,
 * the data fields or the layout re-renders the output, as Excel updates a PivotTable at once.
 */
import { ClientObject, CollectionObject, type Locate } from '../client-object';
import { HostError } from '../host-error';
import type { Rect } from '../grid-address';
import type { ClientResult } from '../office-extension';
import { AGGREGATION_FUNCTIONS, PivotModel, aggregationLabel, type AggregationFunction, type DataField, type PivotSource } from '../pivot-model';
import type { RequestContext } from '../request-context';
import type { SheetModel, WorkbookModel } from '../workbook-model';
import { requireApi, resolveRangeArgument, workbookOf } from './proxy-support';
import { RangeProxy } from './range-proxy';
import { TableProxy } from './table-proxy';
import { WorksheetProxy } from './worksheet-proxy';

const PIVOT_API = '1.8';

function renderAfter(context: RequestContext, pivot: PivotModel, change: () => void): void {
  const workbook = workbookOf(context);
  if (pivot.sheet.protected) throw new HostError('AccessDenied', `The worksheet "${pivot.sheet.name}" is protected.`);
  change();
  workbook.renderPivot(pivot);
}

export class PivotTableProxy extends ClientObject<PivotModel> {
  protected readonly typeName = 'PivotTable';

  constructor(context: RequestContext, path: string, locate: Locate<PivotModel>, nullable = false) {
    super(context, path, locate, nullable);
  }

  protected scalarNames(): readonly string[] {
    return ['id', 'name'];
  }

  protected readScalar(pivot: PivotModel, name: string): unknown {
    return name === 'id' ? pivot.id : pivot.name;
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    const navigations: Record<string, () => ClientObject<unknown>> = {
      layout: () => this.layout as ClientObject<unknown>,
      worksheet: () => this.worksheet as ClientObject<unknown>,
      hierarchies: () => this.hierarchies as ClientObject<unknown>,
      rowHierarchies: () => this.rowHierarchies as ClientObject<unknown>,
      columnHierarchies: () => this.columnHierarchies as ClientObject<unknown>,
      dataHierarchies: () => this.dataHierarchies as ClientObject<unknown>,
      filterHierarchies: () => this.filterHierarchies as ClientObject<unknown>,
    };
    return navigations[name]?.();
  }

  get id(): string { return this.get('id'); }

  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.setProperty('name', name, (pivot) => {
      const clash = workbookOf(this.context).pivotByName(name);
      if (clash && clash !== pivot) throw new HostError('ItemAlreadyExists', `A PivotTable named "${name}" already exists.`);
      pivot.name = name;
    });
  }

  get worksheet(): WorksheetProxy {
    return this.navigationProxy('worksheet', () => new WorksheetProxy(this.context, this.childPath('worksheet'), this.derive((p) => p.sheet)));
  }

  get layout(): PivotLayoutProxy {
    return this.navigationProxy('layout', () => new PivotLayoutProxy(this.context, this.childPath('layout'), this.derive((p) => p)));
  }

  get hierarchies(): PivotHierarchyCollectionProxy {
    return this.navigationProxy('hierarchies', () => new PivotHierarchyCollectionProxy(this.context, this.childPath('hierarchies'), this.derive((p) => p)));
  }

  get rowHierarchies(): RowColumnPivotHierarchyCollectionProxy {
    return this.navigationProxy('rowHierarchies', () => new RowColumnPivotHierarchyCollectionProxy(this.context, this.childPath('rowHierarchies'), this.derive((p) => ({ pivot: p, axis: 'rowFields' as const }))));
  }

  get columnHierarchies(): RowColumnPivotHierarchyCollectionProxy {
    return this.navigationProxy('columnHierarchies', () => new RowColumnPivotHierarchyCollectionProxy(this.context, this.childPath('columnHierarchies'), this.derive((p) => ({ pivot: p, axis: 'columnFields' as const }))));
  }

  get filterHierarchies(): RowColumnPivotHierarchyCollectionProxy {
    return this.navigationProxy('filterHierarchies', () => new RowColumnPivotHierarchyCollectionProxy(this.context, this.childPath('filterHierarchies'), this.derive((p) => ({ pivot: p, axis: 'filterFields' as const }))));
  }

  get dataHierarchies(): DataPivotHierarchyCollectionProxy {
    return this.navigationProxy('dataHierarchies', () => new DataPivotHierarchyCollectionProxy(this.context, this.childPath('dataHierarchies'), this.derive((p) => p)));
  }

  /** PivotTable.refresh: "Refreshes the PivotTable" from its current source. */
  refresh(): void {
    this.call('refresh', [], (pivot) => workbookOf(this.context).renderPivot(pivot));
  }

  delete(): void {
    this.call('delete', [], (pivot) => workbookOf(this.context).deletePivot(pivot));
  }
}

export interface PivotScope {
  sheet?: SheetModel;
}

/** The source may be on any sheet: a Table, a table's name, a Range, or an address with its sheet name. */
function pivotSource(workbook: WorkbookModel, source: unknown): PivotSource {
  if (source instanceof TableProxy) {
    const table = source.resolve();
    if (!table) throw new HostError('InvalidArgument', 'The source table does not exist.');
    return { kind: 'table', table };
  }
  const named = typeof source === 'string' ? workbook.tableByName(source) : undefined;
  if (named) return { kind: 'table', table: named };
  const target = resolveRangeArgument(workbook, source, null, 'source');
  const header = workbook.readValues({ sheet: target.sheet, rect: { ...target.rect, bottom: target.rect.top } })[0];
  if (header.some((h) => h === '')) {
    throw new HostError('InvalidArgument', 'The PivotTable field name is not valid: every column of the source needs a header.');
  }
  return { kind: 'range', sheet: target.sheet, rect: target.rect };
}

export class PivotTableCollectionProxy extends CollectionObject<PivotModel, PivotTableProxy, PivotScope> {
  protected readonly typeName = 'PivotTableCollection';

  protected list(scope: PivotScope): PivotModel[] {
    return workbookOf(this.context).pivots.filter((p) => !scope.sheet || p.sheet === scope.sheet);
  }

  protected item(pivot: PivotModel, index: number): PivotTableProxy {
    return new PivotTableProxy(this.context, `${this.path}.items[${index}]`, () => pivot);
  }

  protected readScalar(): unknown {
    return undefined;
  }

  private find(scope: PivotScope, name: string): PivotModel | undefined {
    return this.list(scope).find((p) => p.name.toLowerCase() === name.toLowerCase());
  }

  getItem(name: string): PivotTableProxy {
    return new PivotTableProxy(this.context, this.childPath(`getItem(${JSON.stringify(name)})`), this.derive((scope) => {
      const pivot = this.find(scope, name);
      if (!pivot) throw new HostError('ItemNotFound', `The PivotTable "${name}" doesn't exist.`);
      return pivot;
    }));
  }

  getItemOrNullObject(name: string): PivotTableProxy {
    return new PivotTableProxy(this.context, this.childPath(`getItemOrNullObject(${JSON.stringify(name)})`), this.derive((scope) => {
      requireApi(this.context, PIVOT_API, 'PivotTableCollection.getItemOrNullObject');
      return this.find(scope, name) ?? null;
    }), true);
  }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (scope) => this.list(scope).length);
  }

  refreshAll(): void {
    this.call('refreshAll', [], (scope) => {
      for (const pivot of this.list(scope)) workbookOf(this.context).renderPivot(pivot);
    });
  }

  /**
   * PivotTableCollection.add(name, source, destination): "source … can either be a range (or
   * string address including the worksheet name) or a table"; destination is "the cell in the
   * upper-left corner of the PivotTable report's destination range".
   */
  add(name: string, source: RangeProxy | TableProxy | string, destination: RangeProxy | string): PivotTableProxy {
    const describe = (a: unknown): unknown => (typeof a === 'string' ? a : '…');
    return this.create('add', [name, describe(source), describe(destination)], (scope) => {
      requireApi(this.context, PIVOT_API, 'PivotTableCollection.add');
      const workbook = workbookOf(this.context);
      workbook.assertDocumentWritable();
      if (typeof name !== 'string' || name.trim() === '') throw new HostError('InvalidArgument', 'A PivotTable needs a name.');
      if (workbook.pivotByName(name)) throw new HostError('ItemAlreadyExists', `A PivotTable named "${name}" already exists.`);
      const where = resolveRangeArgument(workbook, destination, scope.sheet ?? null, 'destination');
      if (where.sheet.protected) throw new HostError('AccessDenied', `The worksheet "${where.sheet.name}" is protected.`);
      const pivot = new PivotModel(workbook.newId('pivot'), name, where.sheet, { row: where.rect.top, column: where.rect.left }, pivotSource(workbook, source));
      workbook.pivots.push(pivot);
      try {
        workbook.renderPivot(pivot);
      } catch (error) {
        workbook.pivots.splice(workbook.pivots.indexOf(pivot), 1);
        throw error;
      }
      return pivot;
    }, (locate, path) => new PivotTableProxy(this.context, path, locate));
  }
}

interface HierarchyTarget {
  pivot: PivotModel;
  name: string;
}

/** PivotHierarchy: one field of the source. */
export class PivotHierarchyProxy extends ClientObject<HierarchyTarget> {
  protected readonly typeName = 'PivotHierarchy';

  protected scalarNames(): readonly string[] {
    return ['id', 'name'];
  }

  protected readScalar(target: HierarchyTarget): unknown {
    return target.name;
  }

  get id(): string { return this.get('id'); }
  get name(): string { return this.get('name'); }
}

export class PivotHierarchyCollectionProxy extends CollectionObject<HierarchyTarget, PivotHierarchyProxy, PivotModel> {
  protected readonly typeName = 'PivotHierarchyCollection';

  protected list(pivot: PivotModel): HierarchyTarget[] {
    return workbookOf(this.context).pivotSourceData(pivot).fields.map((name) => ({ pivot, name }));
  }

  protected item(target: HierarchyTarget, index: number): PivotHierarchyProxy {
    return new PivotHierarchyProxy(this.context, `${this.path}.items[${index}]`, () => target);
  }

  protected readScalar(): unknown {
    return undefined;
  }

  getItem(name: string): PivotHierarchyProxy {
    return new PivotHierarchyProxy(this.context, this.childPath(`getItem(${JSON.stringify(name)})`), this.derive((pivot) => {
      const found = this.list(pivot).find((h) => h.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new HostError('ItemNotFound', `The PivotTable "${pivot.name}" has no field "${name}".`);
      return found;
    }));
  }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (pivot) => this.list(pivot).length);
  }
}

type Axis = 'rowFields' | 'columnFields' | 'filterFields';

interface AxisScope {
  pivot: PivotModel;
  axis: Axis;
}

/** RowColumnPivotHierarchy: a field on the rows, columns or filters axis. */
export class RowColumnPivotHierarchyProxy extends ClientObject<{ scope: AxisScope; name: string }> {
  protected readonly typeName = 'RowColumnPivotHierarchy';

  protected scalarNames(): readonly string[] {
    return ['id', 'name', 'position'];
  }

  protected readScalar({ scope, name }: { scope: AxisScope; name: string }, property: string): unknown {
    if (property === 'position') return scope.pivot[scope.axis].indexOf(name);
    return name;
  }

  get id(): string { return this.get('id'); }
  get name(): string { return this.get('name'); }
  get position(): number { return this.get('position'); }
}

export class RowColumnPivotHierarchyCollectionProxy extends CollectionObject<{ scope: AxisScope; name: string }, RowColumnPivotHierarchyProxy, AxisScope> {
  protected readonly typeName = 'RowColumnPivotHierarchyCollection';

  protected list(scope: AxisScope): Array<{ scope: AxisScope; name: string }> {
    return scope.pivot[scope.axis].map((name) => ({ scope, name }));
  }

  protected item(target: { scope: AxisScope; name: string }, index: number): RowColumnPivotHierarchyProxy {
    return new RowColumnPivotHierarchyProxy(this.context, `${this.path}.items[${index}]`, () => target);
  }

  protected readScalar(): unknown {
    return undefined;
  }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (scope) => scope.pivot[scope.axis].length);
  }

  /** add(pivotHierarchy): a field can be on one of the rows, columns and filters axes at a time. */
  add(pivotHierarchy: PivotHierarchyProxy): RowColumnPivotHierarchyProxy {
    return this.create('add', ['…'], (scope) => {
      const hierarchy = pivotHierarchy.resolve() as HierarchyTarget | null;
      if (!hierarchy || hierarchy.pivot !== scope.pivot) throw new HostError('InvalidArgument', 'The hierarchy does not belong to this PivotTable.');
      const { pivot, axis } = scope;
      const taken = (['rowFields', 'columnFields', 'filterFields'] as const).find((a) => pivot[a].includes(hierarchy.name));
      if (taken) throw new HostError('InvalidArgument', `The field "${hierarchy.name}" is already on the PivotTable's ${taken.replace('Fields', '')}s.`);
      renderAfter(this.context, pivot, () => pivot[axis].push(hierarchy.name));
      return { scope, name: hierarchy.name };
    }, (locate, path) => new RowColumnPivotHierarchyProxy(this.context, path, locate));
  }

  remove(rowColumnPivotHierarchy: RowColumnPivotHierarchyProxy): void {
    this.call('remove', ['…'], (scope) => {
      const target = rowColumnPivotHierarchy.resolve() as { name: string } | null;
      if (!target) return;
      renderAfter(this.context, scope.pivot, () => {
        scope.pivot[scope.axis] = scope.pivot[scope.axis].filter((n) => n !== target.name);
      });
    });
  }
}

interface DataTarget {
  pivot: PivotModel;
  field: DataField;
}

/** DataPivotHierarchy: a data field with its name, summarizeBy and numberFormat. */
export class DataPivotHierarchyProxy extends ClientObject<DataTarget> {
  protected readonly typeName = 'DataPivotHierarchy';

  protected scalarNames(): readonly string[] {
    return ['id', 'name', 'numberFormat', 'position', 'summarizeBy'];
  }

  protected readScalar({ pivot, field }: DataTarget, name: string): unknown {
    switch (name) {
      case 'id': return field.id;
      case 'name': return field.name;
      case 'numberFormat': return field.numberFormat;
      case 'position': return pivot.dataFields.indexOf(field);
      default: return field.summarizeBy;
    }
  }

  private change(name: string, value: unknown, apply: (field: DataField) => void): void {
    this.setProperty(name, value, ({ pivot, field }) => renderAfter(this.context, pivot, () => apply(field)));
  }

  get id(): string { return this.get('id'); }
  get position(): number { return this.get('position'); }

  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.change('name', name, (field) => {
      field.name = name;
      field.defaultName = false;
    });
  }

  get numberFormat(): string { return this.get('numberFormat'); }
  set numberFormat(format: string) {
    this.change('numberFormat', format, (field) => (field.numberFormat = format));
  }

  get summarizeBy(): string { return this.get('summarizeBy'); }
  set summarizeBy(fn: string) {
    this.change('summarizeBy', fn, (field) => {
      if (!AGGREGATION_FUNCTIONS.includes(fn)) throw new HostError('InvalidArgument', `"${fn}" is not an aggregation function.`);
      field.summarizeBy = fn as AggregationFunction;
      if (field.defaultName) field.name = `${aggregationLabel(field.summarizeBy)} of ${field.field}`;
    });
  }
}

export class DataPivotHierarchyCollectionProxy extends CollectionObject<DataTarget, DataPivotHierarchyProxy, PivotModel> {
  protected readonly typeName = 'DataPivotHierarchyCollection';

  protected list(pivot: PivotModel): DataTarget[] {
    return pivot.dataFields.map((field) => ({ pivot, field }));
  }

  protected item(target: DataTarget, index: number): DataPivotHierarchyProxy {
    return new DataPivotHierarchyProxy(this.context, `${this.path}.items[${index}]`, () => target);
  }

  protected readScalar(): unknown {
    return undefined;
  }

  getItem(name: string): DataPivotHierarchyProxy {
    return new DataPivotHierarchyProxy(this.context, this.childPath(`getItem(${JSON.stringify(name)})`), this.derive((pivot) => {
      const field = pivot.dataFields.find((f) => f.name.toLowerCase() === name.toLowerCase());
      if (!field) throw new HostError('ItemNotFound', `The PivotTable "${pivot.name}" has no data field "${name}".`);
      return { pivot, field };
    }));
  }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (pivot) => pivot.dataFields.length);
  }

  /** A new data field sums numeric fields and counts others, named "Sum of X" / "Count of X", as Excel names them. */
  add(pivotHierarchy: PivotHierarchyProxy): DataPivotHierarchyProxy {
    return this.create('add', ['…'], (pivot) => {
      const hierarchy = pivotHierarchy.resolve() as HierarchyTarget | null;
      if (!hierarchy || hierarchy.pivot !== pivot) throw new HostError('InvalidArgument', 'The hierarchy does not belong to this PivotTable.');
      const data = workbookOf(this.context).pivotSourceData(pivot);
      const index = data.fields.findIndex((f) => f.toLowerCase() === hierarchy.name.toLowerCase());
      const numeric = data.rows.every((row) => row[index] === '' || typeof row[index] === 'number');
      const summarizeBy: AggregationFunction = numeric ? 'Sum' : 'Count';
      const field: DataField = {
        id: workbookOf(this.context).newId('data'),
        field: hierarchy.name,
        name: `${summarizeBy} of ${hierarchy.name}`,
        defaultName: true,
        summarizeBy,
        numberFormat: 'General',
      };
      renderAfter(this.context, pivot, () => pivot.dataFields.push(field));
      return { pivot, field };
    }, (locate, path) => new DataPivotHierarchyProxy(this.context, path, locate));
  }

  remove(dataPivotHierarchy: DataPivotHierarchyProxy): void {
    this.call('remove', ['…'], (pivot) => {
      const target = dataPivotHierarchy.resolve() as DataTarget | null;
      if (!target) return;
      renderAfter(this.context, pivot, () => {
        pivot.dataFields = pivot.dataFields.filter((f) => f !== target.field);
      });
    });
  }
}

export class PivotLayoutProxy extends ClientObject<PivotModel> {
  protected readonly typeName = 'PivotLayout';

  protected scalarNames(): readonly string[] {
    return ['layoutType', 'showColumnGrandTotals', 'showRowGrandTotals'];
  }

  protected readScalar(pivot: PivotModel, name: string): unknown {
    if (name === 'layoutType') return pivot.layoutType;
    return name === 'showColumnGrandTotals' ? pivot.showColumnGrandTotals : pivot.showRowGrandTotals;
  }

  get layoutType(): string { return this.get('layoutType'); }
  set layoutType(type: string) {
    this.setProperty('layoutType', type, (pivot) => renderAfter(this.context, pivot, () => (pivot.layoutType = type)));
  }

  /** showColumnGrandTotals: "Specifies if the PivotTable report shows grand totals for columns" (the bottom row). */
  get showColumnGrandTotals(): boolean { return this.get('showColumnGrandTotals'); }
  set showColumnGrandTotals(show: boolean) {
    this.setProperty('showColumnGrandTotals', show, (pivot) => renderAfter(this.context, pivot, () => (pivot.showColumnGrandTotals = show)));
  }

  get showRowGrandTotals(): boolean { return this.get('showRowGrandTotals'); }
  set showRowGrandTotals(show: boolean) {
    this.setProperty('showRowGrandTotals', show, (pivot) => renderAfter(this.context, pivot, () => (pivot.showRowGrandTotals = show)));
  }

  private range(method: string, pick: (pivot: PivotModel) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, this.childPath(`${method}()`), this.derive((pivot) => {
      const rect = pick(pivot);
      if (!rect) throw new HostError('ItemNotFound', `The PivotTable "${pivot.name}" has no such area.`);
      return { sheet: pivot.sheet, rect };
    }));
  }

  getRange(): RangeProxy {
    return this.range('getRange', (p) => p.output?.rect ?? null);
  }

  getDataBodyRange(): RangeProxy {
    return this.range('getDataBodyRange', (p) => p.output?.dataRect ?? null);
  }

  getRowLabelRange(): RangeProxy {
    return this.range('getRowLabelRange', (p) => p.output?.rowLabelRect ?? null);
  }

  getColumnLabelRange(): RangeProxy {
    return this.range('getColumnLabelRange', (p) => p.output?.columnLabelRect ?? null);
  }
}
