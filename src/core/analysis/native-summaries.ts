/**
 * The summaries a host may draw natively: the cross-tabulations as PivotTables over the analysis
 * table (instead of the formula blocks they replace), and the two charts of the summary sheet's
 * blocks (the headline split, and influenceable leakage by kind of spend), drawn below them.
 */
import { columnLetter } from '../column-letters';
import { outValue, type OutCell } from '../report/columns';
import type { SheetLayout } from '../report/layout';
import { CROSS_TAB_BLOCKS, type SheetPlan } from '../report/plan';
import type { Summary } from '../summary';
import type { ChartSpec, CrossTabSpec } from './plan-types';

/** The PivotTables in their bands; null where one is not wanted (no institution column). */
export function crossTabSpecs(summary: Summary): (CrossTabSpec | null)[] {
  const category = summary.categorySource === 'category' ? 'Category' : 'Spend kind';
  const byLocality = (name: string, title: string, rows: string): CrossTabSpec => ({ name, title, rows, columns: 'Locality', data: 'Amount', dataName: 'Spend (£)' });
  return [
    { name: 'LSB_SpendByLocality', title: 'Spend by locality', rows: 'Locality', data: 'Amount', dataName: 'Spend (£)' },
    byLocality('LSB_CategoryByLocality', `${category} × locality`, category),
    byLocality('LSB_TypeByLocality', 'Supplier type × locality', 'Supplier type'),
    summary.institutions ? byLocality('LSB_InstitutionByLocality', 'Institution × locality', 'Institution') : null,
    { name: 'LSB_LeakageByKind', title: 'Influenceable leakage by kind of spend', rows: 'Spend kind', data: 'Influenceable leakage', dataName: 'Influenceable leakage (£)' },
  ];
}

/** The summary sheet without the blocks PivotTables show instead. */
export function withoutCrossTabBlocks(plan: SheetPlan): SheetPlan {
  const replaced = new Set<string>(CROSS_TAB_BLOCKS);
  return { ...plan, blocks: plan.blocks.filter((block) => !replaced.has(block.id)) };
}

/** Rows the pie chart spans. */
const PIE_ROWS = 16;

/** The leakage chart's height in rows: its first 18, and a row and a half a bar beyond 9 bars, so that every kind's label is drawn rather than every other one. */
function leakageChartRows(kinds: number): number {
  return Math.max(18, 4 + Math.ceil(1.5 * kinds));
}

/** The two charts, each over a label column and a value column of a block of the summary sheet. */
export function chartSpecs(summary: SheetLayout): ChartSpec[] {
  const over = (id: string) => {
    const { headerRow, block } = summary.blocks.find((b) => b.block.id === id)!;
    const value = (cell: OutCell) => Number(outValue(cell)) || 0;
    return {
      source: { top: headerRow, left: 0, rows: 1 + Math.max(block.rows.length, 1), columns: 2 },
      series: { name: block.columns[1].header, labels: block.rows.map((cells) => String(outValue(cells[0]) ?? '')), values: block.rows.map((cells) => value(cells[1])) },
    };
  };
  // Below the blocks and as wide as they are, so that the sheet still prints one page wide at its
  // own size (charts beside the blocks made the page twice as wide, its text some 6 pt).
  const right = columnLetter(Math.max(summary.columns, 1) - 1);
  const pieTop = summary.rows + 2;
  const barTop = pieTop + PIE_ROWS + 1;
  const leakage = over('leakage_by_kind');
  return [
    { name: 'LSB_HeadlineSplit', title: 'Where the spend goes', type: 'Pie', ...over('by_locality'), from: `A${pieTop}`, to: `${right}${pieTop + PIE_ROWS - 1}` },
    {
      name: 'LSB_LeakageByKind',
      title: 'Influenceable leakage by kind of spend',
      type: 'BarClustered',
      ...leakage,
      from: `A${barTop}`,
      to: `${right}${barTop + leakageChartRows(leakage.series.labels.length) - 1}`,
    },
  ];
}
