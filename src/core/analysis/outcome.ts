/** What the analysis returns: the results, the plan of every sheet to write, the next state and what the user should know. */
import type { Anchor } from '../anchors';
import type { Areas } from '../areas';
import type { RowResult } from '../classify';
import type { SheetProblem } from '../directory';
import type { DistrictInfo } from '../geography';
import type { SkippedRow, SpendRow } from '../rows';
import type { Lm3 } from '../lm3';
import type { HeadlineSnapshot, WorkbookState } from '../settings';
import type { Summary } from '../summary';
import type { WorkbookPlan } from './plan-types';
import type { Progress } from './progress';
import type { Publication, PublishOptions } from './publication';
import type { RegisterStep } from './register-step';
import type { SupplierToReview } from './to-review';

export interface AnalysisOutcome {
  /** The analysed rows and their results, index for index. */
  rows: readonly SpendRow[];
  results: readonly RowResult[];
  skipped: readonly SkippedRow[];
  summary: Summary;
  /** Each anchor institution's baseline, the largest first; null when the data names no institution. */
  anchors: Anchor[] | null;
  /** When the data names no anchor institution: where the institution column was looked for, and how to name one. */
  noAnchors?: string;
  /** The partnership's LM3, from the re-spend survey. */
  lm3: Lm3;
  areas: Areas;
  /** District names the results refer to. */
  districts: ReadonlyMap<string, DistrictInfo>;
  plan: WorkbookPlan;
  /** The state to record before writing (what is about to be written), for a host that writes in steps that may fail part-way. */
  stateWhileWriting: WorkbookState;
  /** The state to record last. */
  state: WorkbookState;
  headline: HeadlineSnapshot;
  /** The previous run's headline, for "what changed since the last run". */
  previous?: HeadlineSnapshot;
  /** The comparison with the earlier workbook given (null without one). */
  progress: Progress | null;
  toReview: SupplierToReview[];
  /** A copy to publish: a new workbook of the summaries and the analysis data, individuals redacted, small payments added up when asked. */
  publish(options?: PublishOptions): Publication;
  /** Values the user typed that could not be understood (ignored), with their cells. */
  problems: SheetProblem[];
  /** Other things the user should know, e.g. an online lookup that could not finish. */
  notes: string[];
  /** What was changed to fit Excel's limits (text cut, formulas written as values), as the Method sheet says it. */
  excelLimits: string[];
  /** What the public registers gave, when the host provided them. */
  registers?: RegisterStep;
}
