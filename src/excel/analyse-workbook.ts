/**
 * The task pane's Analyse: the core analysis driven through Office.js. Checking comes first
 * (nothing is written until everything that could stop a write is known, this Excel keeping text
 * as text among it), then reading (the user's sheets, then the data in chunks, cancellable), then
 * the core's analysis (which pauses for the pane to show progress, leave Excel idle time and
 * cancel), then writing what it planned.
 */
import {
  analyse,
  BaselineError,
  mappingFromHeaders,
  missingFields,
  sheetNamesFor,
  SHEET_ROLES,
  withOverrideColumns,
  type AnalysisOutcome,
  type AnalysisPhase,
  type AnalysisProgress,
  type Mapping,
} from '../core';
import { lookUpPostcodesOnline } from '../geo/postcodes-io';
import { type AnalysePhase, type AnalyseHooks, type AnalyseRequest, type AnalyseResult } from './api';
import { locateData, readShape, type Shape } from './data-location';
import { throwIfCancelled } from './grid-read';
import { ownSheetsOf } from './own-sheets';
import { preflight, requireWritable } from './preflight';
import { existingSheetNames, readSpendData, readState } from './read-workbook';
import { readSheetGrids } from './sheet-read';
import { writePlan } from './write-plan';

/**
 * "Resource limits and performance optimization for Office Add-ins" (learn.microsoft.com):
 * Office restarts an add-in that has not yielded for five seconds ("they don't regularly yield
 * processing while performing long-running tasks"), and asks the user whether to go on with one
 * that keeps 90% of a core through three five-second intervals. So the analysis works for about
 * SLICE_MS at a time (a step of the core may overrun it), then leaves the thread alone for half
 * as long as it worked: a third of the time idle, so that timers firing late or pauses to collect
 * garbage still leave the add-in well under 90%.
 */
const SLICE_MS = 30;

const idle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The mapping the user confirmed, as columns of the core grid: the data's columns, then the block's two override columns. */
function requestedMapping(request: AnalyseRequest, shape: Shape): Mapping {
  const { mapping, unknown } = mappingFromHeaders(request.mapping, shape.headers);
  if (unknown.length > 0) throw new BaselineError('mapping-invalid', `These columns are no longer in the data: ${unknown.join(', ')}. Check the column mapping and analyse again.`);
  const missing = missingFields(mapping);
  if (missing.length > 0) throw new BaselineError('columns-missing', `Choose the ${missing.join(' and ')} column${missing.length > 1 ? 's' : ''} in the mapping, then analyse again.`);
  return withOverrideColumns(mapping, shape.block.existed ? shape.dataWidth : undefined);
}

/**
 * The pause the core calls between steps: progress shown, and the thread left idle (and the user
 * given the chance to cancel) at each new phase, at its end, and once a slice of time has passed.
 */
function pauseEvery(signal: AbortSignal | undefined, progress: (phase: AnalysePhase, done: number, total: number) => void) {
  let sliceStart = performance.now();
  let lastPhase: AnalysisPhase | undefined;
  return async ({ phase, done, total }: AnalysisProgress) => {
    if (phase === lastPhase && done < total && performance.now() - sliceStart < SLICE_MS) return;
    lastPhase = phase;
    progress(phase, done, total);
    await idle((performance.now() - sliceStart) / 2);
    throwIfCancelled(signal);
    sliceStart = performance.now();
  };
}

/** What an analysis remembers from earlier ones while the pane is open. */
export interface AnalysisSession {
  /** The pane's header row choice per sheet (0-based sheet row, or null for none). */
  chosenHeader(sheet: string): number | null | undefined;
  now(): Date;
  /** This Excel has been seen to keep text written to Text cells as text (checked once a session). */
  keepsText: boolean;
}

/** The pane's result, and the analysis's copy to publish (made when the user asks for it). */
export interface AnalysedWorkbook {
  result: AnalyseResult;
  publish: AnalysisOutcome['publish'];
}

export async function analyseWorkbook(request: AnalyseRequest, hooks: AnalyseHooks, session: AnalysisSession): Promise<AnalysedWorkbook> {
  const progress = (phase: AnalysePhase, done: number, total: number) => hooks.onProgress?.({ phase, done, total });
  progress('checking', 0, 1);
  requireWritable();
  return Excel.run(async (context) => {
    // Checking: nothing is written until everything that could stop a write is known.
    const read = await readState(context);
    const { rows: stateRows, exists: stateExists } = read;
    const located = await locateData(context, read.state);
    if (!located.region) throw new BaselineError('no-data', located.problem ?? 'No data found.');
    const shape = await readShape(context, located.region, read.state, session.chosenHeader(located.region.sheet));
    const existing = await existingSheetNames(context);
    // With no record of its sheets (its settings were reset), the add-in's sheets are recognised.
    const state = { ...read.state, owned: { ...read.state.owned, sheets: await ownSheetsOf(context, read.state, existing) } };
    const names = sheetNamesFor(state.owned.sheets, existing);
    const taken = new Set(existing.map((n) => n.toLowerCase()));
    await preflight(context, shape, SHEET_ROLES.map((role) => names[role]).filter((n) => taken.has(n.toLowerCase())), { checkText: !session.keepsText });
    session.keepsText = true;
    const mapping = requestedMapping(request, shape);
    progress('checking', 1, 1);

    // Reading: the user's sheets, then the data (cancellable).
    const grids = await readSheetGrids(context, [names.suppliers, names.rules, names.register, names.respend]);
    const data = await readSpendData(context, shape, mapping, hooks.signal, progress);

    const outcome = await analyse({
      data,
      state,
      existingSheets: existing,
      choices: {
        areas: { local: { query: request.areaQueries.local, ...request.areas.local }, wider: { query: request.areaQueries.wider, ...request.areas.wider } },
        threshold: request.threshold,
        online: request.online,
        crossTabs: 'pivot_tables',
      },
      rules: { defaults: hooks.defaultRulesCsv, sheet: grids.get(names.rules) },
      suppliersSheet: grids.get(names.suppliers),
      registerSheet: grids.get(names.register),
      respendSheet: grids.get(names.respend),
      ...(request.earlier ? { earlier: request.earlier } : {}),
      lookups: {
        geography: hooks.pack,
        lookUpOnline: (postcodes) => lookUpPostcodesOnline(postcodes, { baseUrl: hooks.onlineBaseUrl, signal: hooks.signal }),
        ...(hooks.registers ? { registers: hooks.registers } : {}),
      },
      pause: pauseEvery(hooks.signal, progress),
      analysedAt: session.now().toISOString(),
    });
    throwIfCancelled(hooks.signal);

    // Writing: short, not cancellable.
    const notes = await writePlan(context, outcome, { exists: stateExists, rows: stateRows }, progress);
    const warnings = [...outcome.notes, ...outcome.excelLimits, ...notes, ...outcome.problems.map((problem) => `${problem.cell ? `${problem.cell}: ` : ''}${problem.message}`)];
    const result: AnalyseResult = {
      summary: outcome.summary,
      anchors: outcome.anchors,
      ...(outcome.noAnchors ? { noAnchors: outcome.noAnchors } : {}),
      lm3: outcome.lm3,
      areas: outcome.areas,
      ...(outcome.previous ? { previous: outcome.previous } : {}),
      current: outcome.headline,
      ...(outcome.progress ? { progress: outcome.progress } : {}),
      toReview: outcome.toReview,
      warnings,
      ...(outcome.registers ? { registers: outcome.registers } : {}),
      skippedRows: outcome.skipped.length,
      sheetNames: outcome.plan.sheetNames,
    };
    return { result, publish: outcome.publish };
  });
}
