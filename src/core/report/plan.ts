/**
 * The summary sheets as plain data both hosts lay out the same way: each sheet a title, a
 * subtitle and blocks of rows. Summary figures are formulas over the analysis table (with their
 * values computed here, so a file shows them before any recalculation).
 */
import { SUPPLIER_TYPE_LABELS, type AreaNames } from '../labels';
import type { SheetRole } from '../settings';
import {
  byLocalityBlock,
  countsBlock,
  crossTabBlock,
  formatDateTime,
  headlineBlock,
  leakageBlock,
  methodBlocks,
  topSuppliersBlock,
  type Block,
} from './blocks';
import { ANALYSIS_COLUMN } from './columns';
import type { ReportContext } from './context';
import { opportunityBlocks } from './opportunities';
import { progressBlocks } from './progress-blocks';
import { AnalysisRefs } from './formulas';
import { lm3Blocks } from './lm3-blocks';
import { partnershipBlocks } from './partnership-blocks';
import { countOf } from '../wording';

export interface SheetPlan {
  role: SheetRole;
  name: string;
  title: string;
  subtitle: string[];
  blocks: Block[];
  /** What every printed page's header says besides the title: the areas, and when the analysis was made. */
  page: { areas: string; analysed: string };
}

/** The summary blocks that are cross-tabulations by locality: a host with PivotTables may show them as those instead. */
export const CROSS_TAB_BLOCKS = ['category_by_locality', 'type_by_locality', 'institution_by_locality'] as const;

/** The titles the summary sheets start with (in A1), by which a workbook without the add-in's record still shows them as its own. */
export const REPORT_TITLES = {
  summary: 'Local spend baseline',
  method: 'Method and coverage',
  opportunities: 'Opportunities',
  /** All of them when there are fewer suppliers than asked for. */
  topSuppliers: (listed: number, asked: number) => `${listed < asked ? 'All' : 'Top'} ${countOf(listed, 'supplier')} by spend`,
};

export function planReport(ctx: ReportContext): SheetPlan[] {
  const { summary } = ctx.analysis;
  const names: AreaNames = { local: ctx.areas.local.name, wider: ctx.areas.wider.name };
  const refs = new AnalysisRefs(ctx.sheetNames.analysis, summary.totals.rows);

  const summaryBlocks: Block[] = [headlineBlock(summary, refs, names), countsBlock(ctx, refs, names)];
  summaryBlocks.push(...progressBlocks(ctx.progress, names));
  if (ctx.analysis.anchors) summaryBlocks.push(...partnershipBlocks(ctx.analysis.anchors, summary, refs, names));
  summaryBlocks.push(
    byLocalityBlock(summary, refs, names),
    crossTabBlock(
      CROSS_TAB_BLOCKS[0],
      `${summary.categorySource === 'category' ? 'Category' : 'Kind of spend'} × locality`,
      summary.categories,
      summary.categorySource === 'category' ? ANALYSIS_COLUMN.category : ANALYSIS_COLUMN.kind,
      (l) => l,
      refs,
      names,
    ),
    crossTabBlock(CROSS_TAB_BLOCKS[1], 'Supplier type × locality', summary.supplierTypes, ANALYSIS_COLUMN.type, (l) => SUPPLIER_TYPE_LABELS[l as keyof typeof SUPPLIER_TYPE_LABELS] ?? l, refs, names),
  );
  if (summary.institutions) {
    summaryBlocks.push(crossTabBlock(CROSS_TAB_BLOCKS[2], 'Institution × locality', summary.institutions, ANALYSIS_COLUMN.institution, (l) => l, refs, names));
  }
  summaryBlocks.push(leakageBlock(summary, refs), ...lm3Blocks(ctx.lm3, refs, names, ctx.sheetNames.respend));

  const page = { areas: `Local area: ${names.local}. Wider area: ${names.wider}.`, analysed: `Analysed ${formatDateTime(ctx.analysedAt)}` };
  const subtitle = [
    `Analysed ${formatDateTime(ctx.analysedAt)}. Local area: ${names.local}. Wider area: ${names.wider}.`,
    'Every figure is a formula over the analysis sheet; the Method sheet says how localities were decided.',
  ];

  return [
    { role: 'summary', name: ctx.sheetNames.summary, title: REPORT_TITLES.summary, subtitle, blocks: summaryBlocks, page },
    {
      role: 'top_suppliers',
      name: ctx.sheetNames.top_suppliers,
      title: REPORT_TITLES.topSuppliers(summary.topSuppliers.length, ctx.topSuppliers),
      subtitle: ['The CLES method: the largest suppliers carry most of the spend; fix their postcodes and types first.'],
      blocks: [topSuppliersBlock(summary, refs, names)],
      page,
    },
    { role: 'method', name: ctx.sheetNames.method, title: REPORT_TITLES.method, subtitle: [`Analysed ${formatDateTime(ctx.analysedAt)}.`], blocks: methodBlocks(ctx, refs), page },
    {
      role: 'opportunities',
      name: ctx.sheetNames.opportunities,
      title: REPORT_TITLES.opportunities,
      subtitle: [`Influenceable spend that leaves the wider area, by kind of spend, with local suppliers from the ${ctx.registerSheet} sheet.`],
      blocks: opportunityBlocks(ctx, ctx.registerSheet),
      page,
    },
  ];
}

/** "Top 300 suppliers by spend"; "All 286 suppliers by spend" when there are fewer than the top asked for. */
