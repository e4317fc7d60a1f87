/**
 * The baseline's figures, with SPEC.md's headline arithmetic: total spend is the net sum of every
 * analysed row (credits net off); every share is a share of total spend, and is not computed when
 * total spend is not positive; leakage is rest of UK + outside UK (known to be outside the wider
 * area), unknown is reported on its own; influenceable leakage is leakage judged influenceable.
 *
 * Money is summed in whole pence, so totals are exact however many rows there are.
 */
import { COVERAGE_BASES, type CoverageBasis, type RowResult } from './classify';
import { INFLUENCES, LOCALITIES, SUPPLIER_TYPES, type Influence, type Locality, type SupplierType } from './codes';
import type { SpendRow } from './rows';

export interface Tally {
  spend: number;
  rows: number;
  suppliers: number;
}

export interface Shares {
  local: number;
  widerIncludingLocal: number;
  restOfUk: number;
  outsideUk: number;
  unknown: number;
  leakage: number;
  influenceableLeakage: number;
  review: number;
}

export interface BreakdownLine {
  /** The category, supplier type, or institution. */
  label: string;
  spend: number;
  byLocality: Record<Locality, number>;
  influenceableLeakage: number;
  /** Whether the rules mark spend of this kind as having co-operative potential. */
  coop: boolean;
}

export interface SupplierLine {
  key: string;
  name: string;
  spend: number;
  rows: number;
  /** The locality and district carrying most of the supplier's spend. */
  locality: Locality;
  districtLabel: string;
  influence: Influence;
  reason: string;
  supplierType: SupplierType;
  /** Share of total spend, or null when total spend is not positive. */
  share: number | null;
}

export interface TopSupplier extends SupplierLine {
  rank: number;
}

export interface Summary {
  totals: Tally;
  locality: Record<Locality, Tally>;
  influence: Record<Influence, Tally>;
  /** Null when total spend is not positive; `sharesNote` says why. */
  shares: Shares | null;
  sharesNote?: string;
  leakage: { spend: number; influenceableSpend: number };
  coverage: Record<CoverageBasis, { spend: number; rows: number }>;
  /** By the file's category where it has one, else by the kind of spend the rules recognised. */
  categories: BreakdownLine[];
  categorySource: 'category' | 'rule';
  supplierTypes: BreakdownLine[];
  /** Present when the data has an institution column. */
  institutions?: BreakdownLine[];
  /** Influenceable leakage by the kind of spend the rules recognised, largest first. */
  leakageByKind: BreakdownLine[];
  topSuppliers: TopSupplier[];
  /** Every supplier's totals and dominant classification, by supplier key. */
  suppliers: Map<string, SupplierLine>;
}

/** The breakdown lines of payments without a category or an institution; the analysis table shows the same. */
export const NO_CATEGORY = '(no category)';
export const NO_INSTITUTION = '(not given)';

const penceOf = (amount: number) => Math.round(amount * 100);
const pounds = (pence: number) => pence / 100;

function zeroBy<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Spend by a label, one line per label ignoring case: the summary's formulas (SUMIFS) match text
 * as Excel does, ignoring case, so "CLEANING" and "Cleaning" must be one line to add up. The
 * line shows the first spelling seen.
 */
class Breakdown {
  private readonly lines = new Map<string, { label: string; pence: Record<Locality, number>; leak: number; coop: boolean }>();
  /** Each spelling seen, to its line: one lookup per row, no lower-casing. */
  private readonly bySpelling = new Map<string, { label: string; pence: Record<Locality, number>; leak: number; coop: boolean }>();

  add(label: string, pence: number, result: RowResult): void {
    let line = this.bySpelling.get(label);
    if (!line) {
      const key = label.toLowerCase();
      line = this.lines.get(key);
      if (!line) {
        line = { label, pence: zeroBy(LOCALITIES), leak: 0, coop: false };
        this.lines.set(key, line);
      }
      this.bySpelling.set(label, line);
    }
    line.pence[result.locality] += pence;
    if (isLeakage(result.locality) && result.influence === 'influenceable') line.leak += pence;
    if (result.coop) line.coop = true;
  }

  result(sortBy: 'spend' | 'leakage' = 'spend'): BreakdownLine[] {
    const lines = [...this.lines.values()].map((line) => {
      const spend = LOCALITIES.reduce((sum, l) => sum + line.pence[l], 0);
      return {
        label: line.label,
        spend: pounds(spend),
        byLocality: Object.fromEntries(LOCALITIES.map((l) => [l, pounds(line.pence[l])])) as Record<Locality, number>,
        influenceableLeakage: pounds(line.leak),
        coop: line.coop,
      };
    });
    const key = (line: BreakdownLine) => (sortBy === 'spend' ? line.spend : line.influenceableLeakage);
    return lines.sort((a, b) => key(b) - key(a) || a.label.localeCompare(b.label));
  }
}

export function isLeakage(locality: Locality): boolean {
  return locality === 'rest_of_uk' || locality === 'outside_uk';
}

/** Weights of pairs (a locality and a district label; a verdict and its reason), to find the heaviest. */
class PairWeights<A extends string> {
  private readonly weights = new Map<A, Map<string, number>>();

  add(first: A, second: string, weight: number): void {
    let inner = this.weights.get(first);
    if (!inner) {
      inner = new Map();
      this.weights.set(first, inner);
    }
    inner.set(second, (inner.get(second) ?? 0) + weight);
  }

  /** The heaviest pair (of equal weights, the one found first). */
  heaviest(): [A, string] {
    let best: [A, string] | undefined;
    let bestWeight = -Infinity;
    for (const [first, inner] of this.weights) {
      for (const [second, weight] of inner) {
        if (weight > bestWeight) {
          best = [first, second];
          bestWeight = weight;
        }
      }
    }
    return best!;
  }
}

interface SupplierTotals {
  name: string;
  pence: number;
  rows: number;
  /** Pence by locality and district label, and by verdict and reason, to pick the dominant. */
  places: PairWeights<Locality>;
  verdicts: PairWeights<Influence>;
  type: SupplierType;
  /** Which localities and verdicts the supplier's payments have, one bit each, to count suppliers. */
  localities: number;
  influences: number;
}

const bits = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k, i) => [k, 1 << i])) as Record<K, number>;
const LOCALITY_BIT = bits(LOCALITIES);
const INFLUENCE_BIT = bits(INFLUENCES);

/** What the rows sharing one result add up to. */
interface ResultTotals {
  result: RowResult;
  pence: number;
  /** Sum of the payments' absolute values, to weigh what a supplier mostly is. */
  absolutePence: number;
  rows: number;
  /** The supplier name of the first of these rows. */
  name: string;
}

/**
 * Accumulates rows one at a time (memory grows with suppliers and categories, not rows). Rows
 * classified alike share one result, numbered by its `id`, so most figures are added up per
 * result (in an array, not by hashing: this runs for every row) and spread to localities,
 * verdicts and suppliers once, when the summary is asked for; only the category and the
 * institution, which are the row's own, are looked at per row.
 */
export class Summariser {
  private readonly byId: ResultTotals[] = [];
  /** Results in the order first met. */
  private readonly firstMet: ResultTotals[] = [];
  private readonly byCategory = new Breakdown();
  private readonly byInstitution = new Breakdown();
  private hasCategory = false;
  private hasInstitution = false;
  /** Whether to break spend down by the rows' categories and institutions (an anchor's own summary does without). */
  private readonly breakdowns: boolean;

  constructor(options: { breakdowns?: boolean } = {}) {
    this.breakdowns = options.breakdowns ?? true;
  }

  add(row: SpendRow, result: RowResult): void {
    const pence = penceOf(row.amount);
    let totals = this.byId[result.id];
    if (totals === undefined) {
      totals = { result, pence: 0, absolutePence: 0, rows: 0, name: row.supplier };
      this.byId[result.id] = totals;
      this.firstMet.push(totals);
    }
    totals.pence += pence;
    totals.absolutePence += Math.abs(pence);
    totals.rows++;
    if (!this.breakdowns) return;
    if (row.category) this.hasCategory = true;
    if (row.institution) this.hasInstitution = true;
    this.byCategory.add(row.category || NO_CATEGORY, pence, result);
    this.byInstitution.add(row.institution || NO_INSTITUTION, pence, result);
  }

  result(topN: number): Summary {
    let total = 0;
    let rowCount = 0;
    const localityPence = zeroBy(LOCALITIES);
    const localityRows = zeroBy(LOCALITIES);
    const influencePence = zeroBy(INFLUENCES);
    const influenceRows = zeroBy(INFLUENCES);
    let leakPence = 0;
    let influenceableLeakPence = 0;
    const coveragePence = zeroBy(COVERAGE_BASES);
    const coverageRows = zeroBy(COVERAGE_BASES);
    const byKind = new Breakdown();
    const byType = new Breakdown();
    const supplierTotals = new Map<string, SupplierTotals>();
    // In the order the results were first met, which is the rows' order for everything that
    // keeps the first of something (a supplier's name, a label's spelling, a tie's winner).
    for (const { result, pence, absolutePence, rows, name } of this.firstMet) {
      const { locality, influence, supplierKey: key } = result;
      total += pence;
      rowCount += rows;
      localityPence[locality] += pence;
      localityRows[locality] += rows;
      influencePence[influence] += pence;
      influenceRows[influence] += rows;
      if (isLeakage(locality)) {
        leakPence += pence;
        if (influence === 'influenceable') influenceableLeakPence += pence;
      }
      coveragePence[result.coverage] += pence;
      coverageRows[result.coverage] += rows;
      byKind.add(result.reason, pence, result);
      byType.add(result.supplierType, pence, result);
      let supplier = supplierTotals.get(key);
      if (!supplier) {
        supplier = { name, pence: 0, rows: 0, places: new PairWeights(), verdicts: new PairWeights(), type: result.supplierType, localities: 0, influences: 0 };
        supplierTotals.set(key, supplier);
      }
      supplier.pence += pence;
      supplier.rows += rows;
      supplier.localities |= LOCALITY_BIT[locality];
      supplier.influences |= INFLUENCE_BIT[influence];
      supplier.places.add(locality, result.districtLabel, absolutePence);
      supplier.verdicts.add(influence, result.reason, absolutePence);
    }

    const suppliersWith = (bit: number, of: 'localities' | 'influences') => {
      let count = 0;
      for (const supplier of supplierTotals.values()) if (supplier[of] & bit) count++;
      return count;
    };
    const tally = <K extends string>(pence: Record<K, number>, rows: Record<K, number>, bit: Record<K, number>, of: 'localities' | 'influences', key: K): Tally => ({
      spend: pounds(pence[key]),
      rows: rows[key],
      suppliers: suppliersWith(bit[key], of),
    });
    const share = (pence: number) => pence / total;
    const shares: Shares | null =
      total > 0
        ? {
            local: share(localityPence.local),
            widerIncludingLocal: share(localityPence.local + localityPence.wider),
            restOfUk: share(localityPence.rest_of_uk),
            outsideUk: share(localityPence.outside_uk),
            unknown: share(localityPence.unknown),
            leakage: share(leakPence),
            influenceableLeakage: share(influenceableLeakPence),
            review: share(influencePence.review),
          }
        : null;

    const suppliers = new Map<string, SupplierLine>();
    for (const [key, s] of supplierTotals) {
      const [locality, districtLabel] = s.places.heaviest();
      const [influence, reason] = s.verdicts.heaviest();
      suppliers.set(key, {
        key,
        name: s.name,
        spend: pounds(s.pence),
        rows: s.rows,
        locality,
        districtLabel,
        influence,
        reason,
        supplierType: s.type,
        share: total > 0 ? s.pence / total : null,
      });
    }
    const topSuppliers = [...suppliers.values()]
      .sort((a, b) => b.spend - a.spend || a.key.localeCompare(b.key))
      .slice(0, topN)
      .map((line, index): TopSupplier => ({ ...line, rank: index + 1 }));

    return {
      totals: { spend: pounds(total), rows: rowCount, suppliers: supplierTotals.size },
      locality: Object.fromEntries(
        LOCALITIES.map((l) => [l, tally(localityPence, localityRows, LOCALITY_BIT, 'localities', l)]),
      ) as Record<Locality, Tally>,
      influence: Object.fromEntries(
        INFLUENCES.map((i) => [i, tally(influencePence, influenceRows, INFLUENCE_BIT, 'influences', i)]),
      ) as Record<Influence, Tally>,
      shares,
      sharesNote:
        shares === null
          ? `Total spend is ${total === 0 ? 'zero' : 'negative (credits exceed payments)'}, so shares of it cannot be computed.`
          : undefined,
      leakage: { spend: pounds(leakPence), influenceableSpend: pounds(influenceableLeakPence) },
      coverage: Object.fromEntries(
        COVERAGE_BASES.map((b) => [b, { spend: pounds(coveragePence[b]), rows: coverageRows[b] }]),
      ) as Record<CoverageBasis, { spend: number; rows: number }>,
      categories: (this.hasCategory ? this.byCategory : byKind).result(),
      categorySource: this.hasCategory ? 'category' : 'rule',
      supplierTypes: byType.result().filter((line) => SUPPLIER_TYPES.includes(line.label as SupplierType)),
      institutions: this.hasInstitution ? this.byInstitution.result() : undefined,
      leakageByKind: byKind.result('leakage').filter((line) => line.influenceableLeakage !== 0),
      topSuppliers,
      suppliers,
    };
  }
}
