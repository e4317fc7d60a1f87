/**
 * The native summaries (ExcelApi 1.8): PivotTables over the analysis table, side by side to the
 * right of the summary sheet's blocks, each in a band of columns of its own so that one growing
 * on refresh never runs into another; and the two charts. Made on the first run and refreshed on
 * later ones; a PivotTable is rebuilt only when its fields must change.
 */
import type { Summary } from '../core/summary';
import { ANALYSIS_TABLE } from './analysis-table';
import { NUMBER_FORMATS } from './grid-write';
import { columnPoints } from './sheet-style';

export interface PivotSpec {
  name: string;
  title: string;
  rows: string;
  columns?: string;
  data: string;
  dataName: string;
}

/** The row above each PivotTable holds its title; the PivotTable starts below it. */
const PIVOT_TOP_ROW = 3;
/** Bands start right of the widest formula layout (7 columns) and the charts. */
const PIVOT_FIRST_COLUMN = 17;
/** Row labels, five localities, grand total, and a spare column. */
const PIVOT_BAND_COLUMNS = 8;

/** The five PivotTables in their bands; null where one is not wanted (no institution column). */
export function pivotSpecs(summary: Summary): (PivotSpec | null)[] {
  const category = summary.categorySource === 'category' ? 'Category' : 'Spend kind';
  const byLocality = (name: string, title: string, rows: string): PivotSpec => ({ name, title, rows, columns: 'Locality', data: 'Amount', dataName: 'Spend (£)' });
  return [
    { name: 'LSB_SpendByLocality', title: 'Spend by locality', rows: 'Locality', data: 'Amount', dataName: 'Spend (£)' },
    byLocality('LSB_CategoryByLocality', `${category} × locality`, category),
    byLocality('LSB_TypeByLocality', 'Supplier type × locality', 'Supplier type'),
    summary.institutions ? byLocality('LSB_InstitutionByLocality', 'Institution × locality', 'Institution') : null,
    { name: 'LSB_LeakageByKind', title: 'Influenceable leakage by kind of spend', rows: 'Spend kind', data: 'Influenceable leakage', dataName: 'Influenceable leakage (£)' },
  ];
}

/** Every PivotTable name the add-in may have made, in band order. */
const PIVOT_NAMES = ['LSB_SpendByLocality', 'LSB_CategoryByLocality', 'LSB_TypeByLocality', 'LSB_InstitutionByLocality', 'LSB_LeakageByKind'];

/** Deletes the add-in's PivotTables (before their source table is replaced). */
export async function deletePivots(context: Excel.RequestContext): Promise<void> {
  const pivots = PIVOT_NAMES.map((name) => context.workbook.pivotTables.getItemOrNullObject(name));
  await context.sync();
  for (const pivot of pivots) if (!pivot.isNullObject) pivot.delete();
  await context.sync();
}

/** Makes or refreshes the PivotTables on `sheetName`; returns how many were refreshed rather than made. */
export async function placePivots(context: Excel.RequestContext, sheetName: string, specs: readonly (PivotSpec | null)[]): Promise<{ refreshed: number; made: number }> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const existing = PIVOT_NAMES.map((name) => context.workbook.pivotTables.getItemOrNullObject(name));
  await context.sync();
  const found = existing.map((pivot) => {
    if (pivot.isNullObject) return undefined;
    pivot.rowHierarchies.load('items/name');
    pivot.columnHierarchies.load('items/name');
    pivot.dataHierarchies.load('items/name');
    pivot.worksheet.load('name');
    return pivot;
  });
  await context.sync();
  let refreshed = 0;
  let made = 0;
  specs.forEach((spec, band) => {
    const pivot = found[band];
    const fits =
      spec !== null &&
      pivot !== undefined &&
      pivot.worksheet.name === sheetName &&
      pivot.rowHierarchies.items.map((h) => h.name).join('|') === spec.rows &&
      pivot.columnHierarchies.items.map((h) => h.name).join('|') === (spec.columns ?? '') &&
      pivot.dataHierarchies.items.map((h) => h.name).join('|') === spec.dataName;
    if (pivot && !fits) pivot.delete();
    if (spec === null) return;
    if (fits) {
      pivot!.refresh();
      refreshed++;
      return;
    }
    const column = PIVOT_FIRST_COLUMN + band * PIVOT_BAND_COLUMNS;
    const title = sheet.getRangeByIndexes(PIVOT_TOP_ROW - 1, column, 1, 1);
    title.numberFormat = [['@']];
    title.values = [[spec.title]];
    title.format.font.bold = true;
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = columnPoints(36);
    const created = sheet.pivotTables.add(spec.name, context.workbook.tables.getItem(ANALYSIS_TABLE), sheet.getRangeByIndexes(PIVOT_TOP_ROW, column, 1, 1));
    created.rowHierarchies.add(created.hierarchies.getItem(spec.rows));
    if (spec.columns) created.columnHierarchies.add(created.hierarchies.getItem(spec.columns));
    const data = created.dataHierarchies.add(created.hierarchies.getItem(spec.data));
    data.summarizeBy = 'Sum';
    data.numberFormat = NUMBER_FORMATS.gbp!;
    data.name = spec.dataName;
    made++;
  });
  await context.sync();
  return { refreshed, made };
}

export interface ChartSpec {
  name: string;
  title: string;
  type: 'Pie' | 'BarClustered';
  /** 0-based sheet coordinates of the source: a label column and a value column, header row first. */
  source: { top: number; left: number; rows: number; columns: number };
  /** Where the chart sits, e.g. "I2" to "P17". */
  from: string;
  to: string;
}

/** Makes the charts, or points the existing ones at this run's ranges. */
export async function placeCharts(context: Excel.RequestContext, sheetName: string, charts: readonly ChartSpec[]): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const existing = charts.map((spec) => sheet.charts.getItemOrNullObject(spec.name));
  await context.sync();
  charts.forEach((spec, i) => {
    const source = sheet.getRangeByIndexes(spec.source.top, spec.source.left, spec.source.rows, spec.source.columns);
    let chart = existing[i];
    if (chart.isNullObject) {
      chart = sheet.charts.add(spec.type, source, 'Columns');
      chart.name = spec.name;
      chart.setPosition(spec.from, spec.to);
    } else {
      chart.setData(source, 'Columns');
    }
    chart.title.text = spec.title;
  });
  await context.sync();
}
