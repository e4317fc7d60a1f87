/**
 * A copy to publish: a new workbook for a partner or a committee paper, holding the summary
 * sheets and the analysis data and nothing else (no data sheets, no Suppliers, Rules, register or
 * survey sheets, no hidden state or lookup cache). Every figure is a value (the analysis
 * sheet a formula would add up is itself changed below); payments to individuals show
 * "Individual (redacted)" wherever the supplier would be named; and with a minimum, payments
 * smaller than it (in size, so credits too) become one line per category, within each anchor,
 * locality and verdict, so that the totals still add up from the published rows.
 */
import type { Cell } from '../cell';
import { INFLUENCES, LOCALITIES } from '../codes';
import type { RowResult } from '../classify';
import type { AreaNames } from '../labels';
import type { Block } from '../report/blocks';
import { ANALYSIS_COLUMN, ANALYSIS_COLUMNS, analysisRow, outValue, type OutCell } from '../report/columns';
import { layoutSheet, type SheetLayout } from '../report/layout';
import type { SheetPlan } from '../report/plan';
import type { SpendRow } from '../rows';
import { isLeakage, NO_CATEGORY, NO_INSTITUTION, type Summary, type SupplierLine } from '../summary';
import type { TablePlan } from './plan-types';

export const REDACTED = 'Individual (redacted)';

export interface PublishOptions {
  /** Payments smaller than this (in size) are added up into one line per category. */
  minimum?: number;
}

export interface Publication {
  /** The summary sheets, laid out, every figure a value. */
  summaries: SheetLayout[];
  analysisTable: TablePlan;
  /** Payments whose supplier is shown as "Individual (redacted)". */
  redacted: number;
  /** Payments under the minimum, and the lines they became. */
  aggregated: { payments: number; lines: number };
}

export interface PublicationSource {
  /** The summary sheets as planned for the workbook (with every block, PivotTable hosts' cross-tabulations included). */
  sheetPlans: readonly SheetPlan[];
  rows: readonly SpendRow[];
  results: readonly RowResult[];
  summary: Summary;
  areas: AreaNames;
  analysisSheet: string;
  analysedAt: string;
  /** The earlier workbook's suppliers, when this run is compared with one: its individuals are named among the suppliers that moved. */
  earlierSuppliers?: ReadonlyMap<string, SupplierLine>;
}

const NOT_PUBLISHED_BLOCKS = new Set(['problems']);

export function planPublication(source: PublicationSource, options: PublishOptions = {}): Publication {
  const { rows, results } = source;
  // Every spelling and key of an individual's name, so that no block names one (a top supplier, a survey answer).
  const names = new Set<string>();
  let redacted = 0;
  results.forEach((result, i) => {
    if (result.supplierType !== 'individual') return;
    redacted++;
    names.add(rows[i].supplier.trim().toLowerCase());
    names.add(result.supplierKey.trim().toLowerCase());
    const shown = source.summary.suppliers.get(result.supplierKey)?.name;
    if (shown) names.add(shown.trim().toLowerCase());
  });
  for (const supplier of source.earlierSuppliers?.values() ?? []) {
    if (supplier.supplierType !== 'individual') continue;
    names.add(supplier.name.trim().toLowerCase());
    names.add(supplier.key.trim().toLowerCase());
  }
  const redactText = redactor(names);
  const clean = (cell: OutCell): Cell => {
    const value = outValue(cell);
    return typeof value === 'string' ? redactText(value) : value;
  };
  const table = publishedTable(source, options.minimum, redactText);
  const note = [
    `A copy to publish: every figure is a value; payments to individuals (${redacted}) show "${REDACTED}"`,
    options.minimum ? `; payments under £${options.minimum.toLocaleString('en-GB')} (${table.aggregated.payments}) are added up into ${table.aggregated.lines} lines by category` : '',
    '.',
  ].join('');
  const summaries = source.sheetPlans.map((plan, i): SheetLayout => {
    const blocks: Block[] = plan.blocks.filter((block) => !NOT_PUBLISHED_BLOCKS.has(block.id)).map((block) => ({ ...block, rows: block.rows.map((cells) => cells.map(clean)) }));
    if (plan.role === 'method') blocks.push(aboutThisCopy(redacted, options.minimum, table.aggregated));
    return layoutSheet({ ...plan, subtitle: i === 0 ? [plan.subtitle[0], note] : plan.subtitle, blocks });
  });
  return { summaries, analysisTable: table.plan, redacted, aggregated: table.aggregated };
}

/** Names shorter than this are not looked for inside longer text (they would match ordinary words). */
const SHORTEST_NAME_IN_TEXT = 5;

/**
 * Text with every individual's name taken out: a cell that is a name becomes "Individual
 * (redacted)", and a name inside longer text (a rule's reason that quotes the supplier, say) is
 * replaced by it.
 */
function redactor(names: ReadonlySet<string>): (text: string) => string {
  const inText = [...names].filter((name) => name.length >= SHORTEST_NAME_IN_TEXT).sort((a, b) => b.length - a.length);
  const pattern = inText.length > 0 ? new RegExp(inText.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi') : undefined;
  return (text) => {
    if (names.has(text.trim().toLowerCase())) return REDACTED;
    return pattern ? text.replace(pattern, REDACTED) : text;
  };
}

function aboutThisCopy(redacted: number, minimum: number | undefined, aggregated: Publication['aggregated']): Block {
  return {
    id: 'publication',
    title: 'This copy',
    columns: [
      { header: 'Item', format: 'text', width: 36 },
      { header: 'Value', format: 'text', width: 18, overflow: true },
    ],
    rows: [
      ['What it holds', 'The summary sheets and the analysis data, every figure a value.'],
      ['What it leaves out', "The spend data itself, the Suppliers, Rules, Local register and Re-spend survey sheets, the add-in's hidden settings and lookup cache, the list of values that could not be understood, and any other sheet."],
      ['Payments to individuals', `${redacted} payments: the supplier is shown as "${REDACTED}".`],
      [
        'Small payments',
        minimum ? `${aggregated.payments} payments under £${minimum.toLocaleString('en-GB')} are added up into ${aggregated.lines} lines, one per category within each anchor, locality and verdict, so every total still adds up.` : 'Every payment is shown.',
      ],
    ],
  };
}

const toPence = (amount: number) => Math.round(amount * 100);

/** The payments under the minimum that one line adds up, and the columns in which they differ. */
interface Group {
  first: number;
  pence: number;
  leakagePence: number;
  count: number;
  /** One bit per analysis column whose value is not the same for every payment of the line. */
  several: number;
}

/** The analysis table with individuals redacted and, with a minimum, the smaller payments added up. */
function publishedTable(source: PublicationSource, minimum: number | undefined, redactText: (text: string) => string): { plan: TablePlan; aggregated: Publication['aggregated'] } {
  const { rows, results, areas } = source;
  /** An individual's row with the name taken out of every text cell (the payments of others cannot name them). */
  const redacted = (cells: Cell[]): Cell[] => cells.map((cell) => (typeof cell === 'string' ? redactText(cell) : cell));
  const redactedRow = (i: number): Cell[] => {
    const cells = analysisRow(rows[i], results[i], areas);
    if (results[i].supplierType !== 'individual') return cells;
    cells[ANALYSIS_COLUMN.supplier] = cells[ANALYSIS_COLUMN.key] = REDACTED;
    return redacted(cells);
  };
  // A line per category as the summary sheets show categories: the file's own, else the kind of spend.
  const byFileCategory = source.summary.categorySource === 'category';
  const category = (i: number) => (byFileCategory ? rows[i].category || NO_CATEGORY : results[i].reason);
  // Each spelling to a number, one per name whatever its case (as the summary sheets' formulas match it), so a line's key is a number.
  const numbers = (): ((text: string) => number) => {
    const bySpelling = new Map<string, number>();
    const byName = new Map<string, number>();
    return (text) => {
      let n = bySpelling.get(text);
      if (n === undefined) {
        const name = text.toLowerCase();
        n = byName.get(name) ?? byName.size;
        byName.set(name, n);
        bySpelling.set(text, n);
      }
      return n;
    };
  };
  const anchorNumber = numbers();
  const categoryNumber = numbers();
  const verdicts = LOCALITIES.length * INFLUENCES.length;
  // What else a payment's row of the analysis table says, compared with the line's first payment.
  const sameRow: [number, (i: number) => unknown][] = [
    [ANALYSIS_COLUMN.source, (i) => rows[i].source ?? ''],
    [byFileCategory ? ANALYSIS_COLUMN.kind : ANALYSIS_COLUMN.category, (i) => (byFileCategory ? results[i].reason : rows[i].category || NO_CATEGORY)],
  ];
  const sameResult: [number, (i: number) => unknown][] = [
    [ANALYSIS_COLUMN.district, (i) => results[i].districtLabel],
    [ANALYSIS_COLUMN.type, (i) => results[i].supplierType],
    [ANALYSIS_COLUMN.basis, (i) => results[i].coverage],
  ];
  const kept: number[] = [];
  const groups = new Map<number, Group>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (minimum === undefined || Math.abs(row.amount) >= minimum) {
      kept.push(i);
      continue;
    }
    const result = results[i];
    const key = (anchorNumber(row.institution || NO_INSTITUTION) * 0x100000 + categoryNumber(category(i))) * verdicts + LOCALITIES.indexOf(result.locality) * INFLUENCES.length + INFLUENCES.indexOf(result.influence);
    const pence = toPence(row.amount);
    const leakagePence = isLeakage(result.locality) && result.influence === 'influenceable' ? pence : 0;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: i, pence, leakagePence, count: 1, several: 0 });
      continue;
    }
    group.pence += pence;
    group.leakagePence += leakagePence;
    group.count++;
    for (const [column, value] of sameRow) if (value(i) !== value(group.first)) group.several |= 1 << column;
    if (results[group.first] !== result) for (const [column, value] of sameResult) if (value(i) !== value(group.first)) group.several |= 1 << column;
  }
  const under = `Payments under £${(minimum ?? 0).toLocaleString('en-GB')}`;
  const sortedBy = [ANALYSIS_COLUMN.institution, byFileCategory ? ANALYSIS_COLUMN.category : ANALYSIS_COLUMN.kind, ANALYSIS_COLUMN.locality, ANALYSIS_COLUMN.influence];
  const lines = [...groups.values()]
    .map(({ first, pence, leakagePence, count, several }): Cell[] => {
      const line = analysisRow(rows[first], results[first], areas);
      line.forEach((_, c) => {
        if (several & (1 << c)) line[c] = '(several)';
      });
      line[ANALYSIS_COLUMN.row] = '';
      line[ANALYSIS_COLUMN.supplier] = `${under} (${count})`;
      line[ANALYSIS_COLUMN.key] = '';
      line[ANALYSIS_COLUMN.amount] = pence / 100;
      line[ANALYSIS_COLUMN.leakage] = leakagePence / 100;
      return redacted(line);
    })
    .sort((a, b) => sortedBy.reduce((order, c) => order || String(a[c]).localeCompare(String(b[c])), 0));
  return {
    plan: {
      sheet: source.analysisSheet,
      columns: ANALYSIS_COLUMNS,
      rows: { count: kept.length + lines.length, width: ANALYSIS_COLUMNS.length, row: (i) => (i < kept.length ? redactedRow(kept[i]) : lines[i - kept.length]) },
    },
    aggregated: { payments: rows.length - kept.length, lines: lines.length },
  };
}
