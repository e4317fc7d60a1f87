/** What the summary sheets are planned from. */
import type { AnalysisResult } from '../analysis/classify-rows';
import type { Locality } from '../codes';
import type { DistrictInfo } from '../geography';
import type { Progress } from '../analysis/progress';
import type { Lm3 } from '../lm3';

export interface RegisterEntry {
  name: string;
  postcode?: string;
  categories: string;
  /** "SME, VCSE, co-operative", those that apply. */
  flags: string;
  /** Where its postcode places it; absent without a postcode. */
  locality?: Locality;
  /** Each of its categories, with the kind of spend the rules recognise it as (absent when no rule does). */
  supplies: { category: string; kind?: string }[];
}

export interface ReportContext {
  analysis: AnalysisResult;
  areas: { local: { name: string; districts: string[] }; wider: { name: string; districts: string[] } };
  districts: ReadonlyMap<string, DistrictInfo>;
  sheetNames: Record<'summary' | 'top_suppliers' | 'method' | 'opportunities' | 'analysis' | 'respend', string>;
  /** ISO date-time of the analysis. */
  analysedAt: string;
  /** e.g. "ONS NSPL August 2024 (offline pack)". */
  geographyRelease: string;
  /** The public registers used and what a registered office is worth as evidence (the Method sheet's line). */
  registersDescription: string;
  rulesDescription: string[];
  threshold: number;
  inputDescription: string[];
  skipped: readonly { row: number; reason: string; source?: string }[];
  /** Payments on rows hidden or filtered out in the sheet (analysed like the others). */
  hidden: { rows: number; spend: number };
  /** Rows placed and judged but without an amount: in no total. */
  withoutAmount: readonly { row: number; reason: string; source?: string }[];
  problems: readonly { cell: string; message: string }[];
  /** Progress against an earlier analysis, when there is one to compare with. */
  progress?: Progress;
  register: RegisterEntry[];
  /** The name of the Local register sheet, for the words that say how to fill it. */
  registerSheet: string;
  topSuppliers: number;
  lm3: Lm3;
}
