/**
 * What the analysis writes into a workbook, as plain data both hosts lay out the same way: the
 * result columns beside the data, the analysis table the summaries are built on, and the summary
 * sheets. Summary figures are formulas over the analysis table (with their values computed here,
 * so a file shows them before any recalculation), so that every number traces back to rows.
 */
import type { AnalysisResult } from './analysis';
import type { Cell } from './cell';
import { COVERAGE_BASES, COVERAGE_LABELS, type RowResult } from './classify';
import { LOCALITIES, type Locality } from './codes';
import type { DistrictInfo } from './geography';
import { INFLUENCE_LABELS, SUPPLIER_TYPE_LABELS, localityLabel, type AreaNames } from './labels';
import { columnLetter, RESULT_COLUMN_HEADERS } from './mapping';
import type { SpendRow } from './rows';
import type { HeadlineSnapshot, SheetRole } from './settings';
import { isLeakage, NO_CATEGORY, NO_INSTITUTION, type BreakdownLine, type Summary } from './summary';

export const OVERRIDE_HEADERS = ['Locality override', 'Influence override'] as const;

/** The block of columns written to the right of the data: results, then the user's overrides. */
export const RESULT_BLOCK_HEADERS = [...RESULT_COLUMN_HEADERS, ...OVERRIDE_HEADERS];

export type ColumnFormat = 'text' | 'gbp' | 'percent' | 'integer' | 'date' | 'general';

/** A cell the host writes: a value, or a formula with the value it has when computed. */
export type OutCell = Cell | { formula: string; value: number | string };

export function isFormula(cell: OutCell): cell is { formula: string; value: number | string } {
  return typeof cell === 'object' && cell !== null;
}

export function outValue(cell: OutCell): Cell {
  return isFormula(cell) ? cell.value : cell;
}

export interface ReportColumn {
  header: string;
  format: ColumnFormat;
  /** Width in characters. */
  width: number;
  /**
   * Long text that runs on into the empty cells to its right (a sentence, a list), so the column
   * keeps its planned width instead of widening for it and the blocks above and below.
   */
  overflow?: boolean;
}

export interface Block {
  id: string;
  title: string;
  note?: string;
  columns: ReportColumn[];
  rows: OutCell[][];
}

export interface SheetPlan {
  role: SheetRole;
  name: string;
  title: string;
  subtitle: string[];
  blocks: Block[];
}

/** The text Excel would take as a formula, a number sign or a control character: kept as text. */
export function needsTextProtection(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

export function resultCells(result: RowResult, row: SpendRow, areas: AreaNames): Cell[] {
  return [
    localityLabel(result.locality, areas),
    result.districtLabel,
    result.basis,
    INFLUENCE_LABELS[result.influence],
    result.reason,
    SUPPLIER_TYPE_LABELS[result.supplierType],
    result.supplierKey,
    result.coop ? 'Yes' : '',
    row.localityOverride ?? '',
    row.influenceOverride ?? '',
  ];
}

export const RESULT_COLUMN_FORMATS: ReportColumn[] = [
  { header: 'Locality', format: 'text', width: 22 },
  { header: 'Local authority', format: 'text', width: 24 },
  { header: 'Locality basis', format: 'text', width: 48 },
  { header: 'Influenceable', format: 'text', width: 16 },
  { header: 'Influence reason', format: 'text', width: 40 },
  { header: 'Supplier type', format: 'text', width: 16 },
  { header: 'Supplier key', format: 'text', width: 28 },
  { header: 'Co-op potential', format: 'text', width: 10 },
  { header: 'Locality override', format: 'text', width: 18 },
  { header: 'Influence override', format: 'text', width: 18 },
];

// ---------------------------------------------------------------------------------------------
// The analysis table: one row per analysed row, the source of every summary.

export const ANALYSIS_COLUMNS: ReportColumn[] = [
  { header: 'Source', format: 'text', width: 18 },
  { header: 'Row', format: 'general', width: 8 },
  { header: 'Supplier', format: 'text', width: 32 },
  { header: 'Supplier key', format: 'text', width: 28 },
  { header: 'Amount', format: 'gbp', width: 14 },
  { header: 'Locality', format: 'text', width: 22 },
  { header: 'Local authority', format: 'text', width: 24 },
  { header: 'Influence', format: 'text', width: 16 },
  { header: 'Spend kind', format: 'text', width: 36 },
  { header: 'Category', format: 'text', width: 30 },
  { header: 'Institution', format: 'text', width: 24 },
  { header: 'Supplier type', format: 'text', width: 16 },
  { header: 'Locality basis', format: 'text', width: 36 },
  { header: 'Influenceable leakage', format: 'gbp', width: 16 },
];

const column = (header: string) => ANALYSIS_COLUMNS.findIndex((c) => c.header === header);
export const ANALYSIS_COLUMN = {
  amount: column('Amount'),
  key: column('Supplier key'),
  locality: column('Locality'),
  influence: column('Influence'),
  kind: column('Spend kind'),
  category: column('Category'),
  institution: column('Institution'),
  type: column('Supplier type'),
  basis: column('Locality basis'),
  leakage: column('Influenceable leakage'),
};

export function analysisRow(row: SpendRow, result: RowResult, areas: AreaNames): Cell[] {
  return [
    row.source ?? '',
    row.row,
    row.supplier,
    result.supplierKey,
    row.amount,
    localityLabel(result.locality, areas),
    result.districtLabel,
    INFLUENCE_LABELS[result.influence],
    result.reason,
    row.category || NO_CATEGORY,
    row.institution || NO_INSTITUTION,
    SUPPLIER_TYPE_LABELS[result.supplierType],
    COVERAGE_LABELS[result.coverage],
    isLeakage(result.locality) && result.influence === 'influenceable' ? row.amount : 0,
  ];
}

// ---------------------------------------------------------------------------------------------
// Formulas over the analysis table.

/** Absolute references to the analysis table's columns, for SUMIFS. */
export class AnalysisRefs {
  constructor(
    private readonly sheet: string,
    private readonly dataRows: number,
  ) {}

  range(index: number): string {
    const letter = columnLetter(index);
    const last = Math.max(2, this.dataRows + 1);
    return `${quoteSheet(this.sheet)}!$${letter}$2:$${letter}$${last}`;
  }

  /**
   * SUM of a money column where each criterion column equals its text: SUMIFS, or SUMPRODUCT
   * over comparisons when SUMIFS would not match one of the texts literally.
   */
  sum(criteria: [number, string][], money = ANALYSIS_COLUMN.amount): string {
    if (criteria.length === 0) return `SUM(${this.range(money)})`;
    if (!criteria.every(([, text]) => sumifsMatchesLiterally(text))) return `SUMPRODUCT(${this.comparisons(criteria)}*${this.range(money)})`;
    return `SUMIFS(${this.range(money)},${criteria.map(([c, text]) => `${this.range(c)},${criterionText(text)}`).join(',')})`;
  }

  count(criteria: [number, string][]): string {
    if (criteria.length === 0) return `ROWS(${this.range(ANALYSIS_COLUMN.amount)})`;
    if (!criteria.every(([, text]) => sumifsMatchesLiterally(text))) return `SUMPRODUCT(${this.comparisons(criteria)}*1)`;
    return `COUNTIFS(${criteria.map(([c, text]) => `${this.range(c)},${criterionText(text)}`).join(',')})`;
  }

  /** (column="text")*(column="text")…: 1 where a row equals every text (ignoring case, as SUMIFS does), else 0. */
  private comparisons(criteria: [number, string][]): string {
    return criteria.map(([c, text]) => `(${this.range(c)}=${textValue(text)})`).join('*');
  }
}

/** Always quoted: a sheet named like a cell ("LSB1", "R1C1") must be, and quoting is always valid. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel takes no longer text value in a formula, and no longer criterion (SUMIF and COUNTIF, support.microsoft.com). */
const MAX_FORMULA_TEXT = 255;

/**
 * The criterion for a text, before it is quoted: "=" first so it matches exactly (a supplier
 * called "<100 Ltd" or a wildcard "*" is not a comparison or a pattern), with ~ escaping * ? and ~.
 */
const criterion = (text: string): string => `=${text.replace(/[~*?]/g, '~$&')}`;

/**
 * Whether a SUMIFS criterion matches the text literally. A criterion that reads as a number, a
 * date or time, TRUE or FALSE, or an error value matches by value, in the user's culture ("2024"
 * matches "02024" too, "1/4/2024" matches "01/04/2024"), and one over 255 characters does not
 * match at all. Text without a digit reads as no number, date or time in any culture.
 */
export function sumifsMatchesLiterally(text: string): boolean {
  return criterion(text).length <= MAX_FORMULA_TEXT && !/\d/.test(text) && !/^(true|false)$/i.test(text.trim()) && !text.trimStart().startsWith('#');
}

function criterionText(text: string): string {
  return `"${criterion(text).replace(/"/g, '""')}"`;
}

/** A text as a formula's text value: pieces of at most 255 characters joined with &, as Excel requires. */
export function textValue(text: string): string {
  const pieces: string[] = [];
  for (let at = 0; at < text.length || pieces.length === 0; ) {
    let end = Math.min(text.length, at + MAX_FORMULA_TEXT);
    // A piece never ends between the two halves of a surrogate pair.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    pieces.push(`"${text.slice(at, end).replace(/"/g, '""')}"`);
    at = end;
  }
  return pieces.join('&');
}

// ---------------------------------------------------------------------------------------------
// The summary sheets.

export interface ReportContext {
  analysis: AnalysisResult;
  rows: readonly SpendRow[];
  areas: { local: { name: string; districts: string[] }; wider: { name: string; districts: string[] } };
  districts: ReadonlyMap<string, DistrictInfo>;
  sheetNames: Record<'summary' | 'top_suppliers' | 'method' | 'opportunities' | 'analysis', string>;
  /** ISO date-time of the analysis. */
  analysedAt: string;
  /** e.g. "ONS NSPL August 2024" or "no offline geography: online lookup cache only". */
  geographyRelease: string;
  rulesDescription: string[];
  threshold: number;
  inputDescription: string[];
  skipped: { row: number; reason: string; source?: string }[];
  problems: { cell: string; message: string }[];
  history: { baseline?: HeadlineSnapshot; last?: HeadlineSnapshot };
  register: RegisterEntry[];
  /** Labels of the influenceable kinds of spend with co-operative potential. */
  topSuppliers: number;
}

export interface RegisterEntry {
  name: string;
  postcode?: string;
  categories: string;
  flags: string;
  locality?: Locality;
}

const money = (header: string, width = 16): ReportColumn => ({ header, format: 'gbp', width });
const pct = (header: string): ReportColumn => ({ header, format: 'percent', width: 16 });
const text = (header: string, width = 30): ReportColumn => ({ header, format: 'text', width });
const count = (header: string): ReportColumn => ({ header, format: 'integer', width: 10 });
const longText = (header: string): ReportColumn => ({ header, format: 'text', width: 18, overflow: true });

export function headlineSnapshot(summary: Summary, at: string): HeadlineSnapshot {
  return {
    at,
    totalSpend: summary.totals.spend,
    rows: summary.totals.rows,
    suppliers: summary.totals.suppliers,
    spendByLocality: Object.fromEntries(LOCALITIES.map((l) => [l, summary.locality[l].spend])) as Record<Locality, number>,
    leakage: summary.leakage.spend,
    influenceableLeakage: summary.leakage.influenceableSpend,
    review: summary.influence.review.spend,
  };
}

function shareOf(part: number, total: number): number | string {
  return total > 0 ? part / total : 'n/a';
}

/** The titles the summary sheets start with (in A1), by which a workbook without the add-in's record still shows them as its own. */
export const REPORT_TITLES = {
  summary: 'Local spend baseline',
  method: 'Method and coverage',
  opportunities: 'Opportunities',
  topSuppliers: (count: number) => `Top ${count} suppliers by spend`,
};

export function planReport(ctx: ReportContext): SheetPlan[] {
  const { summary } = ctx.analysis;
  const names: AreaNames = { local: ctx.areas.local.name, wider: ctx.areas.wider.name };
  const refs = new AnalysisRefs(ctx.sheetNames.analysis, summary.totals.rows);
  const total = summary.totals.spend;
  const totalFormula = refs.sum([]);
  const shareFormula = (part: string) => `IF(${totalFormula}>0,${part}/${totalFormula},"n/a")`;
  const label = (l: Locality) => localityLabel(l, names);
  const localitySum = (ls: Locality[]) => ls.map((l) => refs.sum([[ANALYSIS_COLUMN.locality, label(l)]])).join('+');
  const localitySpend = (ls: Locality[]) => ls.reduce((sum, l) => sum + summary.locality[l].spend, 0);

  const headlineLine = (measure: string, localities: Locality[] | 'all', influence?: 'influenceable' | 'review'): OutCell[] => {
    if (localities === 'all') {
      const spend = influence ? summary.influence[influence].spend : total;
      const formula = influence ? refs.sum([[ANALYSIS_COLUMN.influence, INFLUENCE_LABELS[influence]]]) : totalFormula;
      return [measure, { formula, value: spend }, { formula: shareFormula(formula), value: shareOf(spend, total) }];
    }
    if (influence) {
      const formula = localities.map((l) => refs.sum([[ANALYSIS_COLUMN.locality, label(l)], [ANALYSIS_COLUMN.influence, INFLUENCE_LABELS[influence]]])).join('+');
      const spend = summary.leakage.influenceableSpend;
      return [measure, { formula, value: spend }, { formula: shareFormula(`(${formula})`), value: shareOf(spend, total) }];
    }
    const formula = localitySum(localities);
    const spend = localitySpend(localities);
    return [measure, { formula, value: spend }, { formula: shareFormula(`(${formula})`), value: shareOf(spend, total) }];
  };

  const headline: Block = {
    id: 'headline',
    title: 'Headline',
    note: summary.sharesNote,
    columns: [text('Measure', 44), money('Spend (£)', 18), pct('Share of total')],
    rows: [
      headlineLine('Total spend (net of credits)', 'all'),
      headlineLine(`Local (${names.local})`, ['local']),
      headlineLine(`Wider area including local (${names.wider})`, ['local', 'wider']),
      headlineLine('Rest of UK', ['rest_of_uk']),
      headlineLine('Outside UK', ['outside_uk']),
      headlineLine('Unknown locality', ['unknown']),
      headlineLine('Leakage (rest of UK + outside UK)', ['rest_of_uk', 'outside_uk']),
      headlineLine('  of which influenceable', ['rest_of_uk', 'outside_uk'], 'influenceable'),
      headlineLine('Review (influenceability to be judged)', 'all', 'review'),
    ],
  };

  const counts: Block = {
    id: 'counts',
    title: 'Rows and suppliers',
    columns: [text('Measure', 44), count('Number')],
    rows: [
      ['Payments analysed', { formula: refs.count([]), value: summary.totals.rows }],
      ['Suppliers', summary.totals.suppliers],
      ['Rows skipped (see Method)', ctx.skipped.length],
      ['Local area', `${names.local}: ${districtList(ctx.areas.local.districts, ctx.districts)}`],
      ['Wider area', `${names.wider}: ${ctx.areas.wider.districts.length} districts`],
    ],
  };

  const byLocality: Block = {
    id: 'by_locality',
    title: 'Spend by locality',
    columns: [text('Locality', 44), money('Spend (£)', 18), pct('Share of total'), count('Payments'), count('Suppliers')],
    rows: LOCALITIES.map((l) => {
      const formula = refs.sum([[ANALYSIS_COLUMN.locality, label(l)]]);
      return [
        label(l),
        { formula, value: summary.locality[l].spend },
        { formula: shareFormula(formula), value: shareOf(summary.locality[l].spend, total) },
        { formula: refs.count([[ANALYSIS_COLUMN.locality, label(l)]]), value: summary.locality[l].rows },
        summary.locality[l].suppliers,
      ];
    }),
  };

  const crossTab = (id: string, title: string, lines: BreakdownLine[], criterion: number, labelOf: (label: string) => string): Block => {
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
  };

  const categoryCriterion = summary.categorySource === 'category' ? ANALYSIS_COLUMN.category : ANALYSIS_COLUMN.kind;
  const summaryBlocks: Block[] = [headline, counts];
  const progress = progressBlock(ctx, summary);
  if (progress) summaryBlocks.push(progress);
  summaryBlocks.push(
    byLocality,
    crossTab(
      'category_by_locality',
      `${summary.categorySource === 'category' ? 'Category' : 'Kind of spend'} × locality`,
      summary.categories,
      categoryCriterion,
      (l) => l,
    ),
    crossTab('type_by_locality', 'Supplier type × locality', summary.supplierTypes, ANALYSIS_COLUMN.type, (l) => SUPPLIER_TYPE_LABELS[l as keyof typeof SUPPLIER_TYPE_LABELS] ?? l),
  );
  if (summary.institutions) {
    summaryBlocks.push(crossTab('institution_by_locality', 'Institution × locality', summary.institutions, ANALYSIS_COLUMN.institution, (l) => l));
  }
  summaryBlocks.push(leakageBlock(summary, refs), lm3Block(summary));

  const subtitle = [
    `Analysed ${formatDateTime(ctx.analysedAt)}. Local area: ${names.local}. Wider area: ${names.wider}.`,
    'Every figure is a formula over the analysis sheet; the Method sheet says how localities were decided.',
  ];

  return [
    { role: 'summary', name: ctx.sheetNames.summary, title: REPORT_TITLES.summary, subtitle, blocks: summaryBlocks },
    {
      role: 'top_suppliers',
      name: ctx.sheetNames.top_suppliers,
      title: REPORT_TITLES.topSuppliers(ctx.topSuppliers),
      subtitle: ['The CLES method: the largest suppliers carry most of the spend; fix their postcodes and types first.'],
      blocks: [topSuppliersBlock(summary, refs, names)],
    },
    { role: 'method', name: ctx.sheetNames.method, title: REPORT_TITLES.method, subtitle: [`Analysed ${formatDateTime(ctx.analysedAt)}.`], blocks: methodBlocks(ctx, refs) },
    {
      role: 'opportunities',
      name: ctx.sheetNames.opportunities,
      title: REPORT_TITLES.opportunities,
      subtitle: ['Influenceable spend that leaves the wider area, by kind of spend, with local suppliers from the Local register sheet.'],
      blocks: [opportunitiesBlock(ctx, summary)],
    },
  ];
}

/** Breakdowns longer than this end with one line for the rest, so a sheet stays readable. */
const MAX_BREAKDOWN_LINES = 200;

function leakageBlock(summary: Summary, refs: AnalysisRefs): Block {
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

function lm3Block(summary: Summary): Block {
  return {
    id: 'lm3',
    title: 'LM3 (Local Multiplier 3): fill in R2 and R3 from a re-spend survey',
    note: 'LM3 = (R1 + R2 + R3) / R1. R1 is the spend in the local area; R2 what local suppliers re-spend locally; R3 what their suppliers and staff re-spend locally.',
    columns: [text('Round', 44), money('Spend (£)', 18)],
    rows: [
      ['R1: spend with local suppliers', summary.locality.local.spend],
      ['R2: re-spent locally by those suppliers', null],
      ['R3: re-spent locally by their suppliers and staff', null],
    ],
  };
}

function progressBlock(ctx: ReportContext, summary: Summary): Block | undefined {
  const baseline = ctx.history.baseline;
  if (!baseline) return undefined;
  const nowShare = (spend: number) => (summary.totals.spend > 0 ? spend / summary.totals.spend : 'n/a');
  const thenShare = (spend: number) => (baseline.totalSpend > 0 ? spend / baseline.totalSpend : 'n/a');
  const line = (measure: string, now: number, then: number): OutCell[] => {
    const a = thenShare(then);
    const b = nowShare(now);
    return [measure, a, b, typeof a === 'number' && typeof b === 'number' ? b - a : 'n/a'];
  };
  const loc = summary.locality;
  const base = baseline.spendByLocality;
  return {
    id: 'progress',
    title: `Progress since the baseline of ${formatDateTime(baseline.at)}`,
    columns: [text('Share of total spend', 44), pct('Baseline'), pct('This run'), pct('Change')],
    rows: [
      line('Local', loc.local.spend, base.local),
      line('Wider area including local', loc.local.spend + loc.wider.spend, base.local + base.wider),
      line('Leakage', summary.leakage.spend, baseline.leakage),
      line('Influenceable leakage', summary.leakage.influenceableSpend, baseline.influenceableLeakage),
      line('Unknown', loc.unknown.spend, base.unknown),
    ],
  };
}

function topSuppliersBlock(summary: Summary, refs: AnalysisRefs, names: AreaNames): Block {
  return {
    id: 'top_suppliers',
    title: 'Top suppliers',
    columns: [
      count('Rank'),
      text('Supplier', 36),
      text('Supplier key', 28),
      money('Spend (£)'),
      pct('Share of total'),
      count('Payments'),
      text('Locality', 22),
      text('Local authority', 24),
      text('Influence', 16),
      text('Influence reason', 36),
      text('Supplier type', 16),
    ],
    rows: summary.topSuppliers.map((s) => {
      const formula = refs.sum([[ANALYSIS_COLUMN.key, s.key]]);
      return [
        s.rank,
        s.name,
        s.key,
        { formula, value: s.spend },
        { formula: `IF(${refs.sum([])}>0,${formula}/${refs.sum([])},"n/a")`, value: s.share ?? 'n/a' },
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

function methodBlocks(ctx: ReportContext, refs: AnalysisRefs): Block[] {
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
        ['Geography', ctx.geographyRelease],
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
          { formula: `IF(${refs.sum([])}>0,${formula}/${refs.sum([])},"n/a")`, value: shareOf(summary.coverage[basis].spend, summary.totals.spend) },
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
  blocks.push({
    id: 'skipped',
    title: `Rows not analysed (${ctx.skipped.length})`,
    columns: [text('Source', 24), { header: 'Row', format: 'general', width: 8 }, longText('Reason')],
    rows: ctx.skipped.map((s) => [s.source ?? '', s.row, s.reason]),
  });
  return blocks;
}

function opportunitiesBlock(ctx: ReportContext, summary: Summary): Block {
  const local = ctx.register.filter((entry) => entry.locality === 'local' || entry.locality === 'wider');
  return {
    id: 'opportunities',
    title: 'Influenceable leakage and local suppliers',
    columns: [text('Kind of spend', 40), money('Influenceable leakage (£)', 20), text('Co-operative potential', 12), longText('Candidate local suppliers (Local register)')],
    rows: summary.leakageByKind.map((line) => [
      line.label,
      line.influenceableLeakage,
      line.coop ? 'Yes' : '',
      candidatesFor(line.label, local).join('; '),
    ]),
  };
}

const WORD = /[a-z]{4,}/g;
const STOP_WORDS = new Set(['services', 'service', 'supplies', 'supply', 'contract', 'contracts', 'other', 'general', 'payment', 'payments']);

/** Register entries whose categories share a meaningful word with the kind of spend. */
function candidatesFor(kind: string, register: RegisterEntry[]): string[] {
  const words = new Set([...kind.toLowerCase().matchAll(WORD)].map((m) => stem(m[0])).filter((w) => !STOP_WORDS.has(w)));
  return register
    .filter((entry) => [...entry.categories.toLowerCase().matchAll(WORD)].some((m) => words.has(stem(m[0]))))
    .map((entry) => [entry.name, entry.postcode, entry.flags].filter(Boolean).join(', '));
}

const stem = (word: string) => word.replace(/(ing|ers|er|es|s)$/, '');

function districtList(codes: readonly string[], districts: ReadonlyMap<string, DistrictInfo>): string {
  return codes.map((code) => districts.get(code)?.name ?? code).join(', ');
}

/** "28 November 2026 19:02" (UTC), readable in a committee paper. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

// ---------------------------------------------------------------------------------------------
// Where each part of a summary sheet goes, the same in both hosts.

export interface PlacedBlock {
  block: Block;
  /** 0-based sheet row of the block's title; its header row is titleRow + 1 (+1 more with a note). */
  titleRow: number;
  headerRow: number;
  /** 0-based sheet row of the first data row. */
  firstRow: number;
}

export interface SheetLayout {
  plan: SheetPlan;
  /** Rows 0.. of the title and subtitle lines. */
  titleRows: number;
  blocks: PlacedBlock[];
  /** The extent of everything the add-in writes on the sheet, from A1. */
  rows: number;
  columns: number;
  /** Width in characters of each column, the widest any block asks for. */
  widths: number[];
}

/** The widest a text column grows to show its longest value; longer text is cut at the cell edge. */
export const MAX_TEXT_WIDTH = 60;

/** A text column's width: as planned, or wider to fit its longest value (up to MAX_TEXT_WIDTH). */
export function fittedWidth(column: ReportColumn, values: Iterable<OutCell>): number {
  let width = column.width;
  if (column.format !== 'text' || column.overflow) return width;
  for (const value of values) {
    if (typeof value === 'string' && value.length + 2 > width) width = Math.min(MAX_TEXT_WIDTH, value.length + 2);
  }
  return width;
}

/** Blocks stacked down the sheet under its title, one blank row between them. */
export function layoutSheet(plan: SheetPlan): SheetLayout {
  let row = 1 + plan.subtitle.length + 1;
  const blocks: PlacedBlock[] = [];
  const widths: number[] = [];
  for (const block of plan.blocks) {
    const titleRow = row;
    const headerRow = titleRow + 1 + (block.note ? 1 : 0);
    blocks.push({ block, titleRow, headerRow, firstRow: headerRow + 1 });
    block.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, fittedWidth(c, block.rows.map((cells) => cells[i])))));
    row = headerRow + 1 + Math.max(block.rows.length, 1) + 1;
  }
  const columns = Math.max(1, widths.length);
  for (let i = 0; i < columns; i++) widths[i] = widths[i] ?? 10;
  return { plan, titleRows: 1 + plan.subtitle.length, blocks, rows: row, columns, widths };
}
