/**
 * Excel.Chart and ChartCollection (learn.microsoft.com/javascript/api/excel/excel.chartcollection):
 * charts are kept as inspectable records (type, source, series orientation, title, position).
 */
import { ClientObject, CollectionObject, type Locate } from '../client-object';
import { ChartSeriesBy, ChartType } from '../excel-enums';
import { cellName } from '../grid-address';
import { HostError } from '../host-error';
import type { ClientResult } from '../office-extension';
import type { RequestContext } from '../request-context';
import type { ChartModel, SheetModel } from '../workbook-model';
import { resolveRangeArgument, workbookOf } from './proxy-support';
import type { RangeProxy } from './range-proxy';
import { WorksheetProxy } from './worksheet-proxy';

/** Excel.ChartType values a chart can have. */
export const CHART_TYPES: readonly string[] = Object.values(ChartType).filter((type) => type !== 'Invalid');

const SERIES_BY: readonly string[] = Object.values(ChartSeriesBy);

function checkChartType(type: string): void {
  if (!CHART_TYPES.includes(type)) throw new HostError('InvalidArgument', `"${type}" is not an Excel.ChartType.`);
}

function checkSeriesBy(seriesBy: string): void {
  if (!SERIES_BY.includes(seriesBy)) throw new HostError('InvalidArgument', `"${seriesBy}" is not an Excel.ChartSeriesBy.`);
}

export class ChartTitleProxy extends ClientObject<ChartModel> {
  protected readonly typeName = 'ChartTitle';

  protected scalarNames(): readonly string[] {
    return ['text', 'visible'];
  }

  protected readScalar(chart: ChartModel, name: string): unknown {
    return name === 'text' ? chart.title : chart.titleVisible;
  }

  get text(): string { return this.get('text'); }
  set text(text: string) {
    this.setProperty('text', text, (chart) => {
      chart.title = text;
      chart.titleVisible = true;
    });
  }

  get visible(): boolean { return this.get('visible'); }
  set visible(visible: boolean) {
    this.setProperty('visible', visible, (chart) => (chart.titleVisible = visible));
  }
}

export class ChartProxy extends ClientObject<ChartModel> {
  protected readonly typeName = 'Chart';

  constructor(context: RequestContext, path: string, locate: Locate<ChartModel>, nullable = false) {
    super(context, path, locate, nullable);
  }

  protected scalarNames(): readonly string[] {
    return ['id', 'name', 'chartType', 'top', 'left', 'width', 'height'];
  }

  protected readScalar(chart: ChartModel, name: string): unknown {
    switch (name) {
      case 'id': return chart.id;
      case 'name': return chart.name;
      case 'chartType': return chart.type;
      case 'top': return chart.top;
      case 'left': return chart.left;
      case 'width': return chart.width;
      default: return chart.height;
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === 'title') return this.title as ClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as ClientObject<unknown>;
    return undefined;
  }

  private change(name: string, value: unknown, apply: (chart: ChartModel) => void): void {
    this.setProperty(name, value, (chart) => {
      workbookOf(this.context).assertDocumentWritable();
      apply(chart);
    });
  }

  get id(): string { return this.get('id'); }
  get name(): string { return this.get('name'); }
  set name(name: string) { this.change('name', name, (c) => (c.name = name)); }
  get chartType(): string { return this.get('chartType'); }
  set chartType(type: string) {
    this.change('chartType', type, (c) => {
      checkChartType(type);
      c.type = type;
    });
  }
  get top(): number { return this.get('top'); }
  set top(top: number) { this.change('top', top, (c) => (c.top = top)); }
  get left(): number { return this.get('left'); }
  set left(left: number) { this.change('left', left, (c) => (c.left = left)); }
  get width(): number { return this.get('width'); }
  set width(width: number) { this.change('width', width, (c) => (c.width = width)); }
  get height(): number { return this.get('height'); }
  set height(height: number) { this.change('height', height, (c) => (c.height = height)); }

  get title(): ChartTitleProxy {
    return this.navigationProxy('title', () => new ChartTitleProxy(this.context, this.childPath('title'), this.derive((c) => c)));
  }

  get worksheet(): WorksheetProxy {
    return this.navigationProxy('worksheet', () => new WorksheetProxy(this.context, this.childPath('worksheet'), this.derive((c) => c.sheet)));
  }

  /** setPosition(startCell, endCell?): the chart covers the cells from startCell to endCell. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    const describe = (a: unknown): unknown => (typeof a === 'string' ? a : '…');
    this.call('setPosition', [describe(startCell), describe(endCell ?? null)], (chart) => {
      const workbook = workbookOf(this.context);
      workbook.assertDocumentWritable();
      const start = resolveRangeArgument(workbook, startCell, chart.sheet, 'startCell');
      const end = endCell === undefined ? undefined : resolveRangeArgument(workbook, endCell, chart.sheet, 'endCell');
      chart.startCell = cellName(start.rect.top, start.rect.left);
      chart.endCell = end ? cellName(end.rect.bottom, end.rect.right) : undefined;
      chart.top = start.rect.top * 15;
      chart.left = start.rect.left * 48;
      if (end) {
        chart.height = (end.rect.bottom - start.rect.top + 1) * 15;
        chart.width = (end.rect.right - start.rect.left + 1) * 48;
      }
    });
  }

  setData(sourceData: RangeProxy, seriesBy = 'Auto'): void {
    this.call('setData', ['…', seriesBy], (chart) => {
      checkSeriesBy(seriesBy);
      chart.source = resolveRangeArgument(workbookOf(this.context), sourceData, chart.sheet, 'sourceData');
      chart.seriesBy = seriesBy;
    });
  }

  delete(): void {
    this.call('delete', [], (chart) => workbookOf(this.context).deleteChart(chart));
  }
}

export class ChartCollectionProxy extends CollectionObject<ChartModel, ChartProxy, SheetModel> {
  protected readonly typeName = 'ChartCollection';

  protected list(sheet: SheetModel): ChartModel[] {
    return [...sheet.charts];
  }

  protected item(chart: ChartModel, index: number): ChartProxy {
    return new ChartProxy(this.context, `${this.path}.items[${index}]`, () => chart);
  }

  protected override ownScalars(): readonly string[] {
    return ['count'];
  }

  protected readScalar(sheet: SheetModel): unknown {
    return sheet.charts.length;
  }

  get count(): number { return this.get('count'); }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (sheet) => sheet.charts.length);
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, this.childPath(`getItem(${JSON.stringify(name)})`), this.derive((sheet) => {
      const chart = sheet.charts.find((c) => c.name === name);
      if (!chart) throw new HostError('ItemNotFound', `The chart "${name}" doesn't exist.`);
      return chart;
    }));
  }

  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.context, this.childPath(`getItemOrNullObject(${JSON.stringify(name)})`), this.derive((sheet) => sheet.charts.find((c) => c.name === name) ?? null), true);
  }

  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.context, this.childPath(`getItemAt(${index})`), this.derive((sheet) => {
      const chart = sheet.charts[index];
      if (!chart) throw new HostError('ItemNotFound', `There is no chart at index ${index}.`);
      return chart;
    }));
  }

  /** ChartCollection.add(type, sourceData, seriesBy?). */
  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    return this.create('add', [type, '…', seriesBy], (sheet) => {
      checkChartType(type);
      checkSeriesBy(seriesBy);
      const workbook = workbookOf(this.context);
      return workbook.addChart(sheet, type, resolveRangeArgument(workbook, sourceData, sheet, 'sourceData'), seriesBy);
    }, (locate, path) => new ChartProxy(this.context, path, locate));
  }
}
