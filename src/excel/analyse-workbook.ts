/**
 * The task pane's Analyse: the core analysis driven through Office.js. Checking comes first
 * (nothing is written until everything that could stop a write is known), then reading (the
 * user's sheets, then the data in chunks, cancellable), then the core's analysis (which pauses
 * for the pane to show progress, stay responsive and cancel), then writing what it planned.
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
import { supportsExcelApi } from './host-check';
import { preflight, requireWritable } from './preflight';
import { existingSheetNames, readSpendData, readState } from './read-workbook';
import { readSheetGrids } from './sheet-read';
import { writePlan } from './write-plan';

/** How long the pane's page waits at most between two looks at the event loop while classifying. */
const SLICE_MS = 30;

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The mapping the user confirmed, as columns of the core grid: the data's columns, then the block's two override columns. */
function requestedMapping(request: AnalyseRequest, shape: Shape): Mapping {
  const { mapping, unknown } = mappingFromHeaders(request.mapping, shape.headers);
  if (unknown.length > 0) throw new BaselineError('mapping-invalid', `These columns are no longer in the data: ${unknown.join(', ')}. Check the column mapping and analyse again.`);
  const missing = missingFields(mapping);
  if (missing.length > 0) throw new BaselineError('columns-missing', `Choose the ${missing.join(' and ')} column${missing.length > 1 ? 's' : ''} in the mapping, then analyse again.`);
  return withOverrideColumns(mapping, shape.block.existed ? shape.dataWidth : undefined);
}

/**
 * The pause the core calls between steps: progress shown, and the page given the event loop
 * (and the user the chance to cancel) at each new phase, at its end, and once a slice of time has passed.
 */
function pauseEvery(slice: number, signal: AbortSignal | undefined, progress: (phase: AnalysePhase, done: number, total: number) => void) {
  let sliceStart = performance.now();
  let lastPhase: AnalysisPhase | undefined;
  return async ({ phase, done, total }: AnalysisProgress) => {
    if (phase === lastPhase && done < total && performance.now() - sliceStart < slice) return;
    lastPhase = phase;
    progress(phase, done, total);
    await yieldToUi();
    throwIfCancelled(signal);
    sliceStart = performance.now();
  };
}

/** The pane's result, and the analysis's copy to publish (made when the user asks for it). */
export interface AnalysedWorkbook {
  result: AnalyseResult;
  publish: AnalysisOutcome['publish'];
}

export async function analyseWorkbook(request: AnalyseRequest, hooks: AnalyseHooks, chosenHeader: (sheet: string) => number | null | undefined, now: () => Date): Promise<AnalysedWorkbook> {
  const progress = (phase: AnalysePhase, done: number, total: number) => hooks.onProgress?.({ phase, done, total });
  progress('checking', 0, 1);
  requireWritable();
  const pivots = supportsExcelApi('1.8');
  return Excel.run(async (context) => {
    // Checking: nothing is written until everything that could stop a write is known.
    const { state, rows: stateRows, exists: stateExists } = await readState(context);
    const located = await locateData(context, state);
    if (!located.region) throw new BaselineError('no-data', located.problem ?? 'No data found.');
    const shape = await readShape(context, located.region, state, chosenHeader(located.region.sheet));
    const existing = await existingSheetNames(context);
    const names = sheetNamesFor(state.owned.sheets, existing);
    const taken = new Set(existing.map((n) => n.toLowerCase()));
    await preflight(context, shape, SHEET_ROLES.map((role) => names[role]).filter((n) => taken.has(n.toLowerCase())));
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
        crossTabs: pivots ? 'pivot_tables' : 'formula_tables',
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
      pause: pauseEvery(SLICE_MS, hooks.signal, progress),
      analysedAt: now().toISOString(),
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
      summariesAs: pivots ? 'pivot_tables' : 'formula_tables',
      sheetNames: outcome.plan.sheetNames,
    };
    return { result, publish: outcome.publish };
  });
}
