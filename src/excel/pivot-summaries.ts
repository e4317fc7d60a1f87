/**
 * The native summaries the core plans (ExcelApi 1.8): PivotTables over the analysis table, side by side to the
 * right of the summary sheet's blocks, each in a band of columns of its own so that one growing
 * on refresh never runs into another; and the two charts. Made on the first run and refreshed on
 * later ones; a PivotTable is rebuilt only when its fields must change.
 */
import { NUMBER_FORMATS, type ChartSpec, type CrossTabSpec } from '../core';
import { ANALYSIS_TABLE } from './analysis-table';
import { columnPoints } from './sheet-style';

/** The row above each PivotTable holds its title; the PivotTable starts below it. */
const PIVOT_TOP_ROW = 3;
/** Bands start right of the widest formula layout (7 columns), with room to spare. */
const PIVOT_FIRST_COLUMN = 17;
/** Row labels, five localities, grand total, and a spare column. */
const PIVOT_BAND_COLUMNS = 8;

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
export async function placePivots(context: Excel.RequestContext, sheetName: string, specs: readonly (CrossTabSpec | null)[]): Promise<{ refreshed: number; made: number }> {
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
