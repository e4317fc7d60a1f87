/**
 * The comparison with an earlier workbook: its payments (prepared against this run's directory)
 * classified with this run's areas, threshold, rules and geography, summarised, and set beside
 * this run's figures overall, per institution and per supplier. When its payments could not be
 * read again, the figures it stored are compared instead.
 */
import type { ClassifyContext, RowResult } from '../classify';
import type { OnlineAnswer } from '../locality';
import type { SpendRow } from '../rows';
import type { HeadlineSnapshot } from '../settings';
import type { Summary } from '../summary';
import { startAnalysis } from './classify-rows';
import type { EarlierWorkbook } from './earlier-workbook';
import { onlineAnswers } from './geography';
import type { AnalysisProgress } from './input';
import type { PreparedRows } from './prepare';
import { changeOf, figuresOfSnapshot, figuresOfSummary, institutionProgress, supplierMoves, type Progress } from './progress';

/** Rows classified between two pauses. */
const STEP_ROWS = 1_000;

export interface ThisRun {
  summary: Summary;
  rows: readonly SpendRow[];
  results: readonly RowResult[];
}

/** This run's online answers, then the earlier workbook's own for postcodes this run has none for (no new lookups are made for it). */
function earlierOnline(now: ReadonlyMap<string, OnlineAnswer>, earlier: EarlierWorkbook): Map<string, OnlineAnswer> {
  const answers = new Map(now);
  for (const [postcode, answer] of onlineAnswers(new Map(Object.entries(earlier.state.onlineCache)))) if (!answers.has(postcode)) answers.set(postcode, answer);
  return answers;
}

async function classifyEarlier(
  prepared: PreparedRows,
  ctx: ClassifyContext,
  pause: (progress: AnalysisProgress) => void | Promise<void>,
): Promise<{ summary: Summary; results: RowResult[] }> {
  const classifying = startAnalysis(prepared, ctx);
  while (classifying.done < classifying.total) {
    classifying.step(STEP_ROWS);
    await pause({ phase: 'comparing', done: classifying.done, total: classifying.total });
  }
  return classifying.finish(0);
}

/** The comparison with stored figures alone: no institutions or suppliers, and why. */
export function storedComparison(earlier: { name: string }, snapshot: HeadlineSnapshot, now: Summary, why: string, methodChanges: string[] = []): Progress {
  const before = figuresOfSnapshot(snapshot);
  const after = figuresOfSummary(now);
  return {
    method: 'stored',
    earlier: { ...earlier, analysedAt: snapshot.at },
    why,
    before,
    after,
    change: changeOf(before, after),
    methodChanges,
    institutions: [],
    institutionsNote: 'Stored figures have no breakdown per institution.',
    movers: [],
  };
}

export async function compareWithEarlier(
  earlier: EarlierWorkbook,
  prepared: PreparedRows | undefined,
  ctx: ClassifyContext,
  now: ThisRun,
  methodChanges: string[],
  pause: (progress: AnalysisProgress) => void | Promise<void>,
): Promise<{ progress: Progress; earlierSummary?: Summary }> {
  const snapshot = earlier.state.history.last;
  if (!prepared) return { progress: storedComparison({ name: earlier.name }, snapshot!, now.summary, `its payments cannot be read again: ${earlier.why}`, methodChanges) };
  const about = { name: earlier.name, ...(snapshot ? { analysedAt: snapshot.at } : {}) };
  const classified = await classifyEarlier(prepared, { ...ctx, online: earlierOnline(ctx.online, earlier) }, pause);
  const before = figuresOfSummary(classified.summary);
  const after = figuresOfSummary(now.summary);
  const bothHaveInstitutions = classified.summary.institutions && now.summary.institutions;
  const progress: Progress = {
    method: 'reclassified',
    earlier: about,
    before,
    after,
    change: changeOf(before, after),
    methodChanges,
    ...(methodChanges.length > 0 && snapshot ? { stored: figuresOfSnapshot(snapshot) } : {}),
    institutions: bothHaveInstitutions ? institutionProgress(classified.summary.institutions!, now.summary.institutions!) : [],
    ...(bothHaveInstitutions ? {} : { institutionsNote: `${now.summary.institutions ? 'The earlier' : 'This'} data has no institution column, so there is no comparison per institution.` }),
    movers: supplierMoves({ rows: prepared.rows, results: classified.results }, now),
  };
  return { progress, earlierSummary: classified.summary };
}
