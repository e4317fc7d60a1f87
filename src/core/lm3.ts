/**
 * LM3, the New Economics Foundation's Local Multiplier 3 (Sacks, "The Money Trail", NEF 2002):
 * money followed through three rounds of spending in the local area.
 *
 * - R1, the income: the partnership's total spend (net of credits), plus its payroll when given;
 * - R2, what is spent locally: the spend with local suppliers, plus the wages paid to staff who
 *   live in the local area when given;
 * - R3, what is re-spent locally: each surveyed local supplier's R2 spend × the share of its own
 *   spending (wages to local residents, purchases from local businesses) that stays local;
 *   local suppliers not surveyed at the surveyed suppliers' spend-weighted mean share; and the
 *   local staff's wages × the share of their pay they spend locally (a staff survey, else the
 *   suppliers' mean share);
 * - LM3 = (R1 + R2 + R3) / R1: what each £1 spent is worth to the local economy.
 *
 * Without a usable supplier answer R3, and so LM3, are not computed.
 */
import type { RowResult } from './classify';
import type { SheetProblem } from './directory';
import type { RespendSurvey } from './respend-survey';
import type { SpendRow } from './rows';
import { keyIdentity } from './supplier-key';

export interface LocalSupplier {
  key: string;
  name: string;
  /** Its R2 spend: the net spend of its payments placed in the local area. */
  spend: number;
}

export interface SurveyedSupplier extends LocalSupplier {
  share: number;
  /** spend × share. */
  respend: number;
  /** Where the answer was given. */
  cell: string;
}

export interface Lm3 {
  r1: number;
  r2: number;
  /** Null without a usable survey answer. */
  r3: number | null;
  value: number | null;
  /** The share of R2 whose re-spending was surveyed (suppliers answered, and local staff when their share was given), 0 to 1. */
  surveyedShare: number;
  totalSpend: number;
  payroll?: number;
  localSupplierSpend: number;
  localWages?: number;
  /** Local suppliers (with R2 spend), and those surveyed, largest spend first. */
  localSuppliers: number;
  surveyed: SurveyedSupplier[];
  surveyedSpend: number;
  surveyedRespend: number;
  /** The surveyed suppliers' spend-weighted mean share; null without a usable answer. */
  meanShare: number | null;
  unsurveyedSpend: number;
  unsurveyedRespend: number | null;
  /** The share used for local staff, and where it came from; absent without local wages. */
  staff?: { share: number | null; from: 'staff survey' | 'suppliers' | 'none'; respend: number | null };
}

const pounds = (pence: number) => pence / 100;
const toPence = (amount: number) => Math.round(amount * 100);

/** Each supplier's spend in the local area (R2), by supplier key, largest first. */
export function localSuppliers(rows: readonly SpendRow[], results: readonly RowResult[], nameOf: (key: string) => string | undefined): LocalSupplier[] {
  // By the key as the analysis table has it, so that a formula over the table finds the same rows.
  const pence = new Map<string, { key: string; pence: number }>();
  results.forEach((result, i) => {
    if (result.locality !== 'local') return;
    const line = pence.get(result.supplierKey) ?? { key: result.supplierKey, pence: 0 };
    line.pence += toPence(rows[i].amount);
    pence.set(result.supplierKey, line);
  });
  return [...pence.values()]
    .map(({ key, pence: p }) => ({ key, name: nameOf(key) ?? key, spend: pounds(p) }))
    .sort((a, b) => b.spend - a.spend || a.key.localeCompare(b.key));
}

export function computeLm3(totalSpend: number, suppliers: readonly LocalSupplier[], survey: RespendSurvey): { lm3: Lm3; problems: SheetProblem[] } {
  const byIdentity = new Map<string, LocalSupplier>();
  for (const supplier of suppliers) if (!byIdentity.has(keyIdentity(supplier.key))) byIdentity.set(keyIdentity(supplier.key), supplier);
  const problems: SheetProblem[] = [];
  const surveyed: SurveyedSupplier[] = [];
  for (const answer of survey.answers) {
    const supplier = byIdentity.get(keyIdentity(answer.key));
    if (!supplier) {
      problems.push({ cell: answer.cell, message: `${answer.name} has no spend with local suppliers in this analysis (it is not placed in the local area); its answer was not used` });
      continue;
    }
    surveyed.push({ ...supplier, share: answer.share, respend: pounds(Math.round(toPence(supplier.spend) * answer.share)), cell: answer.cell });
  }
  surveyed.sort((a, b) => b.spend - a.spend || a.key.localeCompare(b.key));

  const { payroll, localWages, staffShare } = survey.staff;
  const sum = (values: number[]) => pounds(values.reduce((total, value) => total + toPence(value), 0));
  const localSupplierSpend = sum(suppliers.map((s) => s.spend));
  const surveyedSpend = sum(surveyed.map((s) => s.spend));
  const surveyedRespend = sum(surveyed.map((s) => s.respend));
  const meanShare = surveyedSpend > 0 ? surveyedRespend / surveyedSpend : null;
  const unsurveyedSpend = pounds(toPence(localSupplierSpend) - toPence(surveyedSpend));
  const unsurveyedRespend = meanShare === null ? null : pounds(Math.round(toPence(unsurveyedSpend) * meanShare));
  const staff =
    localWages === undefined
      ? undefined
      : (() => {
          const share = staffShare ?? meanShare;
          return { share, from: staffShare !== undefined ? ('staff survey' as const) : meanShare !== null ? ('suppliers' as const) : ('none' as const), respend: share === null ? null : pounds(Math.round(toPence(localWages) * share)) };
        })();

  const r1 = sum([totalSpend, payroll ?? 0]);
  const r2 = sum([localSupplierSpend, localWages ?? 0]);
  const r3 = unsurveyedRespend === null ? null : sum([surveyedRespend, unsurveyedRespend, staff?.respend ?? 0]);
  const surveyedR2 = sum([surveyedSpend, staff?.from === 'staff survey' ? localWages! : 0]);
  return {
    lm3: {
      r1,
      r2,
      r3,
      value: r3 !== null && r1 > 0 ? (r1 + r2 + r3) / r1 : null,
      surveyedShare: r2 > 0 ? surveyedR2 / r2 : 0,
      totalSpend,
      ...(payroll !== undefined ? { payroll } : {}),
      localSupplierSpend,
      ...(localWages !== undefined ? { localWages } : {}),
      localSuppliers: suppliers.length,
      surveyed,
      surveyedSpend,
      surveyedRespend,
      meanShare,
      unsurveyedSpend,
      unsurveyedRespend,
      ...(staff ? { staff } : {}),
    },
    problems,
  };
}
