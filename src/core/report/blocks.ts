/** The blocks of the summary sheets, each from the summary and the formulas that prove it. */
import { COVERAGE_BASES, COVERAGE_LABELS } from '../classify';
import { LOCALITIES, type Locality } from '../codes';
import type { DistrictInfo } from '../geography';
import { INFLUENCE_LABELS, SUPPLIER_TYPE_LABELS, localityLabel, type AreaNames } from '../labels';
import type { BreakdownLine, Summary } from '../summary';
import { ANALYSIS_COLUMN, type OutCell, type ReportColumn } from './columns';
import type { AnalysisRefs } from './formulas';
import type { ReportContext } from './context';
import { headlineMeasures, measureFormula, shareOf } from './measures';
import { countOf, poundsText } from '../wording';

export interface Block {
  id: string;
  title: string;
  note?: string;
  columns: ReportColumn[];
  rows: OutCell[][];
}

/** Breakdowns longer than this end with one line for the rest, so a sheet stays readable. */
const MAX_BREAKDOWN_LINES = 200;

export const money = (header: string, width = 16): ReportColumn => ({ header, format: 'gbp', width });
export const pct = (header: string): ReportColumn => ({ header, format: 'percent', width: 16 });
export const text = (header: string, width = 30): ReportColumn => ({ header, format: 'text', width });
export const count = (header: string): ReportColumn => ({ header, format: 'integer', width: 10 });
export const longText = (header: string): ReportColumn => ({ header, format: 'text', width: 18, overflow: true });

export function headlineBlock(summary: Summary, refs: AnalysisRefs, names: AreaNames): Block {
  const total = summary.totals.spend;
  return {
    id: 'headline',
    title: 'Headline',
    note: summary.sharesNote,
    columns: [text('Measure', 44), money('Spend (£)', 18), pct('Share of total')],
    rows: headlineMeasures(names).map((measure) => {
      const formula = measureFormula(refs, measure);
      const spend = measure.spend(summary);
      return [measure.part ? `  ${measure.label}` : measure.label, { formula, value: spend }, { formula: refs.share(formula), value: shareOf(spend, total) }];
    }),
  };
}

export function countsBlock(ctx: ReportContext, refs: AnalysisRefs, names: AreaNames): Block {
  const { summary } = ctx.analysis;
  return {
    id: 'counts',
    title: 'Rows and suppliers',
    columns: [text('Measure', 44), count('Number')],
    rows: [
      ['Payments analysed', { formula: refs.count([]), value: summary.totals.rows }],
      ['Suppliers', summary.totals.suppliers],
      ['Rows skipped (see Method)', ctx.skipped.length],
      ['Rows without an amount, placed but not counted (see Method)', ctx.withoutAmount.length],
      ['Local area', areaDescription(names.local, ctx.areas.local.districts, ctx.districts)],
      ['Wider area', `${names.wider}: ${countOf(ctx.areas.wider.districts.length, 'district')}`],
    ],
  };
}

export function byLocalityBlock(summary: Summary, refs: AnalysisRefs, names: AreaNames): Block {
  return {
    id: 'by_locality',
    title: 'Spend by locality',
    columns: [text('Locality', 44), money('Spend (£)', 18), pct('Share of total'), count('Payments'), count('Suppliers')],
    rows: LOCALITIES.map((l) => {
      const label = localityLabel(l, names);
      const formula = refs.sum([[ANALYSIS_COLUMN.locality, label]]);
      return [
        label,
        { formula, value: summary.locality[l].spend },
        { formula: refs.share(formula), value: shareOf(summary.locality[l].spend, summary.totals.spend) },
        { formula: refs.count([[ANALYSIS_COLUMN.locality, label]]), value: summary.locality[l].rows },
        summary.locality[l].suppliers,
      ];
    }),
  };
}

/** A breakdown (category, supplier type, institution) by locality, with its total. */
export function crossTabBlock(
  id: string,
  title: string,
  lines: readonly BreakdownLine[],
  criterion: number,
  labelOf: (label: string) => string,
  refs: AnalysisRefs,
  names: AreaNames,
): Block {
  const label = (l: Locality) => localityLabel(l, names);
  const shown = lines.slice(0, MAX_BREAKDOWN_LINES);
  const rest = lines.slice(MAX_BREAKDOWN_LINES);
  const rows: OutCell[][] = shown.map((line) => [
    labelOf(line.label),
    ...LOCALITIES.map((l) => ({
      formula: refs.sum([[criterion, labelOf(line.label)], [ANALYSIS_COLUMN.locality, label(l)]]),
      value: line.byLocality[l],
    })),
    { formula: refs.sum([[criterion, labelOf(line.label)]]), value: line.spend },
  ]);
  if (rest.length > 0) {
    rows.push([
      `All other ${rest.length} lines`,
      ...LOCALITIES.map((l) => rest.reduce((sum, line) => sum + line.byLocality[l], 0)),
      rest.reduce((sum, line) => sum + line.spend, 0),
    ]);
  }
  return {
    id,
    title,
    columns: [text(title.split(' × ')[0], 40), ...LOCALITIES.map((l) => money(label(l), 16)), money('Total (£)', 16)],
    rows,
  };
}

export function leakageBlock(summary: Summary, refs: AnalysisRefs): Block {
  return {
    id: 'leakage_by_kind',
    title: 'Influenceable leakage by kind of spend',
    columns: [text('Kind of spend', 44), money('Influenceable leakage (£)', 20), text('Co-operative potential', 12)],
    rows: summary.leakageByKind.map((line) => [
      line.label,
      { formula: refs.sum([[ANALYSIS_COLUMN.kind, line.label]], ANALYSIS_COLUMN.leakage), value: line.influenceableLeakage },
      line.coop ? 'Yes' : '',
    ]),
  };
}

/**
 * The top suppliers, in columns that print on A4 landscape: the supplier key, by which each
 * figure is summed, is on the Suppliers sheet beside the name.
 */
export function topSuppliersBlock(summary: Summary, refs: AnalysisRefs, names: AreaNames): Block {
  return {
    id: 'top_suppliers',
    title: 'Top suppliers',
    columns: [
      { header: 'Rank', format: 'integer', width: 6 },
      text('Supplier', 28),
      money('Spend (£)'),
      { header: 'Share of total', format: 'percent', width: 9 },
      { header: 'Payments', format: 'integer', width: 9 },
      text('Locality', 20),
      text('Local authority', 18),
      text('Influence', 14),
      text('Influence reason', 28),
      text('Supplier type', 14),
    ],
    rows: summary.topSuppliers.map((s) => {
      const formula = refs.sum([[ANALYSIS_COLUMN.key, s.key]]);
      return [
        s.rank,
        s.name,
        { formula, value: s.spend },
        { formula: refs.share(formula), value: s.share ?? 'n/a' },
        s.rows,
        localityLabel(s.locality, names),
        s.districtLabel,
        INFLUENCE_LABELS[s.influence],
        s.reason,
        SUPPLIER_TYPE_LABELS[s.supplierType],
      ];
    }),
  };
}

export function methodBlocks(ctx: ReportContext, refs: AnalysisRefs): Block[] {
  const { summary } = ctx.analysis;
  const names: AreaNames = { local: ctx.areas.local.name, wider: ctx.areas.wider.name };
  const districtRows = (area: 'local' | 'wider') =>
    ctx.areas[area].districts.map((code) => [area === 'local' ? names.local : names.wider, ctx.districts.get(code)?.name ?? '', code]);
  const blocks: Block[] = [
    {
      id: 'method',
      title: 'Method',
      columns: [text('Item', 36), longText('Value')],
      rows: [
        ['Analysed at', formatDateTime(ctx.analysedAt)],
        ...ctx.inputDescription.map((line, i): OutCell[] => [i === 0 ? 'Input' : '', line]),
        ['Hidden or filtered rows', describeHidden(ctx.hidden)],
        ['Geography', ctx.geographyRelease],
        ['Public registers', ctx.registersDescription],
        ['Partial postcode threshold', `${Math.round(ctx.threshold * 100)}% of a sector's or district's postcodes must agree`],
        ...ctx.rulesDescription.map((line, i): OutCell[] => [i === 0 ? 'Influenceability rules' : '', line]),
        ['Total spend', 'Net sum of every analysed row; credit notes net off. Shares are shares of total spend.'],
        ['Leakage', 'Rest of UK + outside UK: spend known to leave the wider area. Unknown is reported on its own.'],
      ],
    },
    {
      id: 'areas',
      title: 'Areas and their districts',
      columns: [text('Area', 36), text('District', 30), text('ONS code', 12)],
      rows: [...districtRows('local'), ...districtRows('wider')],
    },
    {
      id: 'coverage',
      title: 'Spend by how locality was decided',
      columns: [text('Basis', 44), money('Spend (£)', 18), pct('Share of total'), count('Payments')],
      rows: COVERAGE_BASES.map((basis) => {
        const formula = refs.sum([[ANALYSIS_COLUMN.basis, COVERAGE_LABELS[basis]]]);
        return [
          COVERAGE_LABELS[basis],
          { formula, value: summary.coverage[basis].spend },
          { formula: refs.share(formula), value: shareOf(summary.coverage[basis].spend, summary.totals.spend) },
          summary.coverage[basis].rows,
        ];
      }),
    },
  ];
  if (ctx.problems.length > 0) {
    blocks.push({
      id: 'problems',
      title: 'Values that could not be understood (ignored)',
      columns: [text('Cell', 24), longText('Problem')],
      rows: ctx.problems.map((p) => [p.cell, p.message]),
    });
  }
  if (ctx.withoutAmount.length > 0) {
    blocks.push({
      id: 'without_amount',
      title: `Rows without an amount: placed and judged, not in any total (${ctx.withoutAmount.length})`,
      columns: [text('Source', 24), { header: 'Row', format: 'general', width: 8 }, longText('Why there is no amount')],
      rows: ctx.withoutAmount.map((s) => [s.source ?? '', s.row, s.reason]),
    });
  }
  blocks.push({
    id: 'skipped',
    title: `Rows not analysed (${ctx.skipped.length})`,
    columns: [text('Source', 24), { header: 'Row', format: 'general', width: 8 }, longText('Reason')],
    rows: ctx.skipped.map((s) => [s.source ?? '', s.row, s.reason]),
  });
  return blocks;
}

/** "Preston (E07000123)" for an area that is one district of its name; else "Fylde coast: Blackpool, Fylde, Wyre". */
function areaDescription(name: string, codes: readonly string[], districts: ReadonlyMap<string, DistrictInfo>): string {
  const names = codes.map((code) => districts.get(code)?.name ?? code);
  if (codes.length === 1 && names[0].toLowerCase() === name.toLowerCase()) return `${name} (${codes[0]})`;
  return `${name}: ${names.join(', ')}`;
}

/** What a committee paper should know about rows the sheet did not show: they are in the figures. */
function describeHidden(hidden: ReportContext['hidden']): string {
  if (hidden.rows === 0) return 'None';
  return `${countOf(hidden.rows, 'payment')} (${poundsText(hidden.spend)}) on rows hidden or filtered out in the sheet, analysed like every other row`;
}

/** "28 November 2026 19:02 UTC", readable in a committee paper. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
