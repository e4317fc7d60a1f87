/**
 * How far the product agrees with a practitioner, measured as a user would meet it: each council's
 * file is run through the command (no column roles given, no --map), and its --results-csv rows
 * are scored against the practitioner's labels (../shared/data/labels, see its README).
 *
 * The score is the share of absolute labelled spend whose verdict the label allows. A row is
 * labelled by its supplier's label, else by its category's; against a category label, a
 * "not influenceable" verdict decided by a fact about the supplier (a public body, a utility, a
 * lender, an insurer, national infrastructure) also agrees, since such a supplier is not
 * influenceable whatever the category says. Beside it: the share of all absolute spend left to
 * review. `npm run agreement`, the tests and the README's figures all come from here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { runCommand } from '../src/cli/command';
import { readSpendFile } from '../src/cli/read-file';
import type { Grid } from '../src/core/cell';
import { INFLUENCES, type Influence } from '../src/core/codes';
import { parseCsv } from '../src/core/csv';

export interface Council {
  name: string;
  /** The spend file, under data/real of the shared folder. */
  data: string;
  /** The labels, under data/labels. */
  labels: string;
  /** The columns the labels are keyed by (the labels README names them). */
  supplierColumn: string;
  categoryColumn?: string;
  local: string;
  wider: string;
  /** Not looked at while the rules were developed: its first score is the honest one. */
  heldOut: boolean;
}

export const COUNCILS: readonly Council[] = [
  {
    name: 'Hyndburn 2024/25',
    data: 'hyndburn_spend_over_250_2024-25.csv',
    labels: 'hyndburn-2024-25-influence.csv',
    supplierColumn: 'Supplier Name',
    local: 'Hyndburn',
    wider: 'Lancashire',
    heldOut: false,
  },
  {
    name: 'Calderdale 2021/22',
    data: 'calderdale_spend_2021-22.csv.gz',
    labels: 'calderdale-labels.csv',
    supplierColumn: 'Supplier(Beneficiary) Name',
    categoryColumn: "Procurement Classification: Council's Procurement Category Name",
    local: 'Calderdale',
    wider: 'West Yorkshire',
    heldOut: false,
  },
  {
    name: 'Newcastle 2021/22',
    data: 'newcastle_spend_2021-22.csv.gz',
    labels: 'newcastle-labels.csv',
    supplierColumn: 'Supplier Name',
    categoryColumn: 'Cost Centre Name',
    local: 'Newcastle upon Tyne',
    wider: 'North East (region)',
    heldOut: false,
  },
  {
    name: 'Salford 2021/22',
    data: 'salford_spend_2021-22.csv.gz',
    labels: 'salford-2021-22-gl-influence.csv',
    supplierColumn: 'Vendor Name',
    categoryColumn: 'GL Description',
    local: 'Salford',
    wider: 'Greater Manchester',
    heldOut: true,
  },
  {
    name: 'Bradford 2018/19',
    data: 'bradford_spend_2018-19.csv.gz',
    labels: 'bradford-labels.csv',
    supplierColumn: 'Supplier Name',
    categoryColumn: 'Expenditure category',
    local: 'Bradford',
    wider: 'West Yorkshire',
    heldOut: true,
  },
];

// ---------------------------------------------------------------------------------------------
// The labels

export interface Label {
  /** Every verdict a careful practitioner could defend. */
  allowed: Influence[];
  note: string;
}

export interface Labels {
  bySupplier: Map<string, Label>;
  byCategory: Map<string, Label>;
}

const allowedSchema = z
  .string()
  .transform((text) => text.split('|').map((verdict) => verdict.trim()))
  .pipe(z.array(z.enum(INFLUENCES)).min(1));

/** `kind,key,allowed,note`: a supplier or a category (an empty key is the blank category). */
const keyedLabelSchema = z.object({ kind: z.enum(['supplier', 'category']), key: z.string(), allowed: allowedSchema, note: z.string().default('') });
/** The two older files: the key in the first column (`supplier` or a category column), `allowed`, `why`. */
const firstColumnLabelSchema = z.object({ key: z.string(), allowed: allowedSchema, why: z.string().default('') });

/** Reads a labels file of either layout; `file` names it in messages. */
export function readLabels(text: string, file: string): Labels {
  const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, '')).filter((record) => record.some((cell) => cell.trim() !== ''));
  if (!header) throw new Error(`${file}: no header line`);
  const names = header.map((name) => name.trim().toLowerCase());
  const keyed = names.includes('kind');
  const labels: Labels = { bySupplier: new Map(), byCategory: new Map() };
  records.forEach((record, index) => {
    const cells = Object.fromEntries(names.map((name, i) => [name, record[i] ?? '']));
    const where = `${file} line ${index + 2}`;
    if (keyed) {
      const parsed = keyedLabelSchema.safeParse(cells);
      if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues[0].message}`);
      const { kind, key, allowed, note } = parsed.data;
      (kind === 'supplier' ? labels.bySupplier : labels.byCategory).set(key, { allowed, note });
    } else {
      const parsed = firstColumnLabelSchema.safeParse({ ...cells, key: record[0] });
      if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues[0].message}`);
      const { key, allowed, why } = parsed.data;
      (names[0] === 'supplier' ? labels.bySupplier : labels.byCategory).set(key, { allowed, note: why });
    }
  });
  return labels;
}

// ---------------------------------------------------------------------------------------------
// The score

/** One analysed row: its supplier and category as the data file has them, and what the product said. */
export interface JudgedRow {
  supplier: string;
  category: string;
  amount: number;
  influence: Influence;
  reason: string;
  supplierType: string;
}

/**
 * Reasons of the rules that judge a supplier by what it is: a public body, a utility, national
 * infrastructure, a lender or an insurer. Such a rule names the supplier after a colon
 * ("Utility supply: Water Plus"); a rule about the category does not.
 */
const SUPPLIER_FACT_REASONS = ['Payment to a public body', 'Utility supply', 'National infrastructure', 'Financing', 'Insurance'];

/** Whether a "not influenceable" verdict was decided by a fact about the supplier. */
export function decidedBySupplierFact(row: JudgedRow): boolean {
  if (row.influence !== 'not_influenceable') return false;
  if (row.supplierType === 'public_body') return true;
  const supplier = row.supplier.trim();
  return row.reason.endsWith(`: ${supplier}`) && SUPPLIER_FACT_REASONS.some((stem) => row.reason.startsWith(stem));
}

export interface Disagreement {
  what: string;
  /** Share of labelled spend. */
  share: number;
}

export interface Agreement {
  /** Share of absolute labelled spend whose verdict is allowed. */
  agreement: number;
  /** Share of all absolute spend left to review. */
  reviewShare: number;
  /** Share of all absolute spend that is labelled. */
  labelledShare: number;
  rows: number;
  /** The largest disagreements, largest first. */
  disagreements: Disagreement[];
}

function labelOf(row: JudgedRow, labels: Labels): { label: Label; by: 'supplier' | 'category' } | undefined {
  const supplier = labels.bySupplier.get(row.supplier) ?? labels.bySupplier.get(row.supplier.trim());
  if (supplier) return { label: supplier, by: 'supplier' };
  const category = labels.byCategory.get(row.category) ?? labels.byCategory.get(row.category.trim());
  return category ? { label: category, by: 'category' } : undefined;
}

export function scoreRows(rows: readonly JudgedRow[], labels: Labels, disagreementsShown = 40): Agreement {
  let all = 0;
  let labelled = 0;
  let agreed = 0;
  let review = 0;
  const misses = new Map<string, number>();
  for (const row of rows) {
    const amount = Math.abs(row.amount);
    all += amount;
    if (row.influence === 'review') review += amount;
    const found = labelOf(row, labels);
    if (!found) continue;
    labelled += amount;
    const { label, by } = found;
    if (label.allowed.includes(row.influence) || (by === 'category' && decidedBySupplierFact(row))) {
      agreed += amount;
      continue;
    }
    const what = `${by} label: ${by === 'supplier' ? row.supplier : `"${row.category}" (${row.supplier})`} — allowed ${label.allowed.join('|')} (${label.note}), got ${row.influence}: ${row.reason}`;
    misses.set(what, (misses.get(what) ?? 0) + amount);
  }
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    agreement: share(agreed, labelled),
    reviewShare: share(review, all),
    labelledShare: share(labelled, all),
    rows: rows.length,
    disagreements: [...misses]
      .sort((a, b) => b[1] - a[1])
      .slice(0, disagreementsShown)
      .map(([what, amount]) => ({ what, share: share(amount, labelled) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Through the front door

export interface CouncilRun {
  /** The rows as the command judged them. */
  rows: JudgedRow[];
  /** What the command took each field from (--summary-json `columns`). */
  columns: Record<string, string | null>;
  /** Every verdict, with the supplier type and row, for checks beyond the score. */
  results: ResultLine[];
}

export interface ResultLine {
  row: number;
  supplier: string;
  amount: number;
  influence: Influence;
  reason: string;
  supplierType: string;
  /** The data file's own cells of the row, by header. */
  cells: (header: string) => string;
  /** All of the row's cells, as one text. */
  text: string;
}

/**
 * Runs the command on a council's file in `folder`, as a user would: the file as published,
 * the areas, the outputs; nothing about its columns.
 */
export async function runCouncil(council: Council, sharedDir: string, folder: string): Promise<CouncilRun> {
  const data = path.join(sharedDir, 'data', 'real', council.data);
  const errors: string[] = [];
  const code = await runCommand(
    [data, '--local', council.local, '--wider', council.wider, '--out', 'baseline.xlsx', '--results-csv', 'results.csv', '--summary-json', 'summary.json', '--cache', 'lookup-cache.json'],
    { cwd: folder, out: () => undefined, err: (line) => errors.push(line), now: () => new Date() },
  );
  if (code !== 0) throw new Error(`${council.name}: the command ended with status ${code}: ${errors.join(' / ')}`);
  const summary = JSON.parse(fs.readFileSync(path.join(folder, 'summary.json'), 'utf8')) as { columns: Record<string, string | null> };
  const grid = await (await readSpendFile(data)).sheets[0].grid();
  const cellsOf = rowCells(grid, council.supplierColumn);
  const [header, ...lines] = parseCsv(fs.readFileSync(path.join(folder, 'results.csv'), 'utf8'));
  const at = (name: string) => header.indexOf(name);
  const results: ResultLine[] = lines
    .filter((line) => line.length > 1)
    .map((line) => {
      const row = Number(line[at('row')]);
      return {
        row,
        supplier: unprotected(line[at('supplier')]),
        amount: Number(line[at('amount')]),
        influence: line[at('influence')] as Influence,
        reason: unprotected(line[at('reason')]),
        supplierType: line[at('supplier_type')],
        cells: cellsOf(row),
        text: grid[row - 1]?.map((cell) => (cell === null ? '' : String(cell))).join(' | ') ?? '',
      };
    });
  const rows = results.map((result) => ({
    supplier: result.cells(council.supplierColumn),
    category: council.categoryColumn ? result.cells(council.categoryColumn) : '',
    amount: result.amount,
    influence: result.influence,
    reason: result.reason,
    supplierType: result.supplierType,
  }));
  return { rows, columns: summary.columns, results };
}

/** Text the results CSV protected from Excel's formula reading ("'-" → "-"). */
function unprotected(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** The cells of a data row (by its row number as the results CSV gives it), by header. */
function rowCells(grid: Grid, anyHeader: string): (row: number) => (header: string) => string {
  const headerRow = grid.findIndex((cells) => cells.some((cell) => cell === anyHeader));
  if (headerRow < 0) throw new Error(`no column "${anyHeader}" in the data file`);
  const columns = new Map(grid[headerRow].map((cell, index) => [String(cell), index]));
  return (row) => (header) => {
    const column = columns.get(header);
    if (column === undefined) throw new Error(`no column "${header}" in the data file`);
    const cell = grid[row - 1]?.[column];
    return cell === null || cell === undefined ? '' : String(cell);
  };
}

/** Runs and scores one council. */
export async function measureCouncil(council: Council, sharedDir: string, folder: string): Promise<{ run: CouncilRun; agreement: Agreement }> {
  const run = await runCouncil(council, sharedDir, folder);
  const labels = readLabels(fs.readFileSync(path.join(sharedDir, 'data', 'labels', council.labels), 'utf8'), council.labels);
  return { run, agreement: scoreRows(run.rows, labels) };
}

/** "Calderdale 2021/22: agreement 96.1%, review 3.2% of spend (labelled rows hold 99.8% of spend)". */
export function describeAgreement(council: Council, agreement: Agreement): string {
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `${council.name}${council.heldOut ? ' (held out)' : ''}: agreement ${percent(agreement.agreement)}, review ${percent(agreement.reviewShare)} of spend (labelled rows hold ${percent(agreement.labelledShare)} of spend)`;
}
