/**
 * Progress against an earlier workbook, like for like: its payments classified again under this
 * run's areas, rules and supplier directory ("reclassified"), so that the change shown is a change
 * of spending, not of method. When its payments cannot be read again, the figures it stored are
 * compared instead ("stored"), and the reason is given. Change = this run − earlier.
 */
import type { RowResult } from '../classify';
import { LOCALITIES, type Locality } from '../codes';
import type { SpendRow } from '../rows';
import type { HeadlineSnapshot } from '../settings';
import { type BreakdownLine, type Shares, type Summary } from '../summary';

/** The figures compared: total spend, every share of it, and leakage. */
export interface ProgressFigures {
  totals: { spend: number };
  /** Null when total spend is not positive (shares of it cannot be computed). */
  shares: Shares | null;
  leakage: { spend: number; influenceableSpend: number };
  /** Spend by locality, for the sheet's lines. */
  spendByLocality: Record<Locality, number>;
}

/** An institution's (anchor's) figures, by the name in its institution column. */
export interface InstitutionFigures {
  spend: number;
  local: number;
  widerIncludingLocal: number;
  unknown: number;
  leakage: number;
  influenceableLeakage: number;
}

export interface InstitutionProgress {
  institution: string;
  before?: InstitutionFigures;
  after?: InstitutionFigures;
}

/** A supplier whose spend moved the figures, with its spend in each year by where it is placed now. */
export interface SupplierMove {
  key: string;
  name: string;
  /** Where most of its spend is placed in this run (or, gone this year, in the earlier one). */
  locality: Locality;
  before: number;
  after: number;
  local: number;
  widerIncludingLocal: number;
  leakage: number;
}

export interface Progress {
  method: 'reclassified' | 'stored';
  earlier: { name: string; analysedAt?: string };
  /** Why the earlier payments were not classified again (method "stored"). */
  why?: string;
  before: ProgressFigures;
  after: ProgressFigures;
  change: ProgressFigures;
  /** How the earlier analysis's method differed from this run's (areas, rules, threshold, supplier corrections). */
  methodChanges: string[];
  /** The figures the earlier workbook stored, shown beside the re-classified ones when its method differed. */
  stored?: ProgressFigures;
  /** Per institution, when both years' data name institutions. */
  institutions: InstitutionProgress[];
  /** Why there is no per-institution comparison, when there is none. */
  institutionsNote?: string;
  /** The suppliers that moved the figures most, largest first. */
  movers: SupplierMove[];
}

/** How many suppliers the sheet lists as having moved the figures. */
export const MOVERS_SHOWN = 10;

function sharesOf(byLocality: Record<Locality, number>, influenceableLeakage: number, review: number): Shares | null {
  const total = LOCALITIES.reduce((sum, l) => sum + byLocality[l], 0);
  if (!(total > 0)) return null;
  return {
    local: byLocality.local / total,
    widerIncludingLocal: (byLocality.local + byLocality.wider) / total,
    restOfUk: byLocality.rest_of_uk / total,
    outsideUk: byLocality.outside_uk / total,
    unknown: byLocality.unknown / total,
    leakage: (byLocality.rest_of_uk + byLocality.outside_uk) / total,
    influenceableLeakage: influenceableLeakage / total,
    review: review / total,
  };
}

export function figuresOfSummary(summary: Summary): ProgressFigures {
  return {
    totals: { spend: summary.totals.spend },
    shares: summary.shares,
    leakage: { ...summary.leakage },
    spendByLocality: Object.fromEntries(LOCALITIES.map((l) => [l, summary.locality[l].spend])) as Record<Locality, number>,
  };
}

export function figuresOfSnapshot(snapshot: HeadlineSnapshot): ProgressFigures {
  return {
    totals: { spend: snapshot.totalSpend },
    shares: sharesOf(snapshot.spendByLocality, snapshot.influenceableLeakage, snapshot.review),
    leakage: { spend: snapshot.leakage, influenceableSpend: snapshot.influenceableLeakage },
    spendByLocality: { ...snapshot.spendByLocality },
  };
}

/** Money to the penny, so that a change reads as the difference of the two figures shown. */
const pennies = (amount: number) => Math.round(amount * 100) / 100;

export function changeOf(before: ProgressFigures, after: ProgressFigures): ProgressFigures {
  const shares =
    before.shares && after.shares
      ? (Object.fromEntries(Object.keys(after.shares).map((k) => [k, after.shares![k as keyof Shares] - before.shares![k as keyof Shares]])) as unknown as Shares)
      : null;
  return {
    totals: { spend: pennies(after.totals.spend - before.totals.spend) },
    shares,
    leakage: {
      spend: pennies(after.leakage.spend - before.leakage.spend),
      influenceableSpend: pennies(after.leakage.influenceableSpend - before.leakage.influenceableSpend),
    },
    spendByLocality: Object.fromEntries(LOCALITIES.map((l) => [l, pennies(after.spendByLocality[l] - before.spendByLocality[l])])) as Record<Locality, number>,
  };
}

function institutionFigures(line: BreakdownLine): InstitutionFigures {
  const l = line.byLocality;
  return {
    spend: line.spend,
    local: l.local,
    widerIncludingLocal: pennies(l.local + l.wider),
    unknown: l.unknown,
    leakage: pennies(l.rest_of_uk + l.outside_uk),
    influenceableLeakage: line.influenceableLeakage,
  };
}

/** Both years' institutions side by side, matched by name ignoring case, in this year's order then the earlier year's. */
export function institutionProgress(before: readonly BreakdownLine[], after: readonly BreakdownLine[]): InstitutionProgress[] {
  const lines = new Map<string, InstitutionProgress>();
  for (const line of after) lines.set(line.label.toLowerCase(), { institution: line.label, after: institutionFigures(line) });
  for (const line of before) {
    const known = lines.get(line.label.toLowerCase());
    if (known) known.before = institutionFigures(line);
    else lines.set(line.label.toLowerCase(), { institution: line.label, before: institutionFigures(line) });
  }
  return [...lines.values()];
}

interface SupplierPence {
  name: string;
  pence: Record<Locality, number>;
}

function penceBySupplier(rows: readonly SpendRow[], results: readonly RowResult[]): Map<string, SupplierPence> {
  const suppliers = new Map<string, SupplierPence>();
  for (let i = 0; i < rows.length; i++) {
    const result = results[i];
    let supplier = suppliers.get(result.supplierKey);
    if (!supplier) {
      supplier = { name: rows[i].supplier, pence: Object.fromEntries(LOCALITIES.map((l) => [l, 0])) as Record<Locality, number> };
      suppliers.set(result.supplierKey, supplier);
    }
    supplier.pence[result.locality] += Math.round(rows[i].amount * 100);
  }
  return suppliers;
}

const EMPTY: Record<Locality, number> = Object.fromEntries(LOCALITIES.map((l) => [l, 0])) as Record<Locality, number>;

/**
 * The suppliers whose spend changed the local, wider-area and leakage figures most: ranked by
 * the largest of the three changes (in pounds, either way), the supplier key breaking ties.
 */
export function supplierMoves(
  before: { rows: readonly SpendRow[]; results: readonly RowResult[] },
  after: { rows: readonly SpendRow[]; results: readonly RowResult[] },
  shown = MOVERS_SHOWN,
): SupplierMove[] {
  const earlier = penceBySupplier(before.rows, before.results);
  const now = penceBySupplier(after.rows, after.results);
  const moves: (SupplierMove & { size: number })[] = [];
  for (const key of new Set([...now.keys(), ...earlier.keys()])) {
    const a = now.get(key)?.pence ?? EMPTY;
    const b = earlier.get(key)?.pence ?? EMPTY;
    const total = (p: Record<Locality, number>) => LOCALITIES.reduce((sum, l) => sum + p[l], 0);
    const local = a.local - b.local;
    const wider = a.local + a.wider - (b.local + b.wider);
    const leakage = a.rest_of_uk + a.outside_uk - (b.rest_of_uk + b.outside_uk);
    const size = Math.max(Math.abs(local), Math.abs(wider), Math.abs(leakage));
    if (size === 0) continue;
    const placed = now.has(key) ? a : b;
    const locality = LOCALITIES.reduce((best, l) => (Math.abs(placed[l]) > Math.abs(placed[best]) ? l : best), LOCALITIES[0]);
    moves.push({
      key,
      name: (now.get(key) ?? earlier.get(key))!.name,
      locality,
      before: total(b) / 100,
      after: total(a) / 100,
      local: local / 100,
      widerIncludingLocal: wider / 100,
      leakage: leakage / 100,
      size,
    });
  }
  return moves
    .sort((x, y) => y.size - x.size || x.key.localeCompare(y.key))
    .slice(0, shown)
    .map(({ size: _size, ...move }) => move);
}
