/**
 * The one analysis both hosts run: from the spend data read by the core's reader, the workbook's
 * state and sheets, the user's choices and the host's lookups, to the results, the plan of every
 * sheet to write, the next state and what the user should know. A host moves cells in, calls
 * this, writes what the plan says and shows progress; it decides nothing about the analysis.
 *
 * The order of evidence for a supplier's postcode is the order of the steps below: the row, the
 * Suppliers sheet, the creditor file, then the public registers (a lookup the host provides);
 * online lookup only places postcodes the geography pack lacks.
 */
import type { Areas } from '../areas';
import { directoryFromSheet, emptyDirectory, type SheetProblem } from '../directory';
import { BaselineError } from '../errors';
import { postcodeAreasNeeded } from '../locality';
import { registerFromGrid } from '../register';
import type { SpendRow } from '../rows';
import { ANALYSIS_COLUMNS, analysisRow } from '../report/columns';
import { layoutSheet } from '../report/layout';
import { planReport } from '../report/plan';
import { compileRules } from '../rule-book';
import { countOf } from '../wording';
import { SHEET_ROLES, sheetNamesFor, type SheetRole } from '../settings';
import { noAnchorsNote, withRecordedAnchors } from './anchor-names';
import { requireRoomForResults } from '../sheet-limits';
import { startAnalysis } from './classify-rows';
import { describeRegisters, matchRegisters, registerPostcodeAreas } from './register-step';
import { answersFor, describeGeography, gatherGeography, onlineAnswers } from './geography';
import { headlineSnapshot } from './headline';
import type { AnalysisInput } from './input';
import { chartSpecs, crossTabSpecs, withoutCrossTabBlocks } from './native-summaries';
import { describeDataSheet, nextStates } from './next-state';
import type { AnalysisOutcome } from './outcome';
import type { Extent, WorkbookPlan } from './plan-types';
import { excelLimitNotes, fitSheetPlans, fittedRows, fitUserSheet, withMethodNotes } from './excel-limits';
import { fullPostcodesMentioned, startPreparation } from './prepare';
import { describeOverrideProblem } from './problems';
import { planPublication } from './publication';
import { planLm3, readSurvey } from './respend';
import { resultBlockPlan } from './result-block';
import { compareWithEarlier, storedComparison } from './compare-earlier';
import { prepareEarlierRows } from './earlier-rows';
import { methodChanges } from './method-changes';
import { registerEntries } from './register-kinds';
import { chooseRules } from './rules-choice';
import { suppliersToReview } from './to-review';
import { filledSheet, registerSheetPlan, rulesSheetPlan, suppliersSheetPlan } from './user-sheets';

/** Why the progress shown without an earlier workbook is against stored figures. */
const KEPT_BASELINE_WHY = 'no earlier workbook was given this time, so the figures kept from the last comparison are shown; give the earlier workbook again to compare like for like';

/** Rows prepared or classified between two pauses: a pause every millisecond or so. */
const STEP_ROWS = 1_000;

/** The rows that have an amount: how many, and the index of the i-th (no list when none lacks one). */
function countedRows(rows: readonly SpendRow[]): { count: number; index: (i: number) => number } {
  let missing = 0;
  for (const row of rows) if (row.amountMissing !== undefined) missing++;
  if (missing === 0) return { count: rows.length, index: (i) => i };
  const counted = new Int32Array(rows.length - missing);
  let k = 0;
  rows.forEach((row, i) => {
    if (row.amountMissing === undefined) counted[k++] = i;
  });
  return { count: counted.length, index: (i) => counted[i] };
}

/** The rows that were placed and judged but have no amount, with why. */
export function rowsWithoutAmount(rows: readonly SpendRow[]): { row: number; reason: string; source?: string }[] {
  const found: { row: number; reason: string; source?: string }[] = [];
  for (const row of rows) {
    if (row.amountMissing === undefined) continue;
    found.push(row.source === undefined ? { row: row.row, reason: row.amountMissing } : { row: row.row, reason: row.amountMissing, source: row.source });
  }
  return found;
}

export async function analyse(input: AnalysisInput): Promise<AnalysisOutcome> {
  const { state, choices, lookups, pause, analysedAt } = input;
  const data = withRecordedAnchors(input.data, state);
  for (const sheet of data.sheets) requireRoomForResults(sheet.sheet, sheet.block.firstColumn);
  if (data.rows.length === 0) {
    const where = data.sheets.map((sheet) => `"${sheet.source || sheet.sheet}"`).join(', ');
    const skipped = data.skipped[0];
    const why = skipped ? ` (${countOf(data.skipped.length, 'row')} skipped, e.g. row ${skipped.row}: ${skipped.reason})` : '';
    throw new BaselineError('no-payments', `No payments to analyse on ${where}${why}. Check the supplier and amount columns.`, { sheet: data.sheets[0]?.sheet });
  }
  const sheetNames = sheetNamesFor(state.owned.sheets, input.existingSheets);
  const threshold = choices.threshold ?? state.settings.threshold;
  const topSuppliers = choices.topSuppliers ?? state.settings.topSuppliers;
  const areas: Areas = {
    local: { name: choices.areas.local.name, districts: choices.areas.local.districts },
    wider: { name: choices.areas.wider.name, districts: choices.areas.wider.districts },
  };
  const areaNames = { local: areas.local.name, wider: areas.wider.name };

  // The suppliers: the Suppliers sheet as the user left it, then the rows, then the creditor file.
  const problems: SheetProblem[] = [];
  const suppliersSheet = filledSheet(input.suppliersSheet);
  const suppliers = suppliersSheet ? directoryFromSheet(suppliersSheet, sheetNames.suppliers) : { directory: emptyDirectory(), problems: [] };
  problems.push(...suppliers.problems);
  const preparation = startPreparation(data.rows, suppliers.directory, input.creditors);
  await pause({ phase: 'preparing', done: 0, total: 1 });
  while (!preparation.step(STEP_ROWS)) await pause({ phase: 'preparing', done: 0, total: 1 });
  const prepared = preparation.finish();
  await pause({ phase: 'preparing', done: 1, total: 1 });
  const registers = lookups.registers ? await matchRegisters(prepared, data.sheets, lookups.registers, pause) : undefined;
  // An earlier workbook's payments, against a copy of this run's directory: like for like.
  const earlierPrepared = input.earlier ? prepareEarlierRows(input.earlier, prepared.directory, input.creditors) : undefined;

  const survey = readSurvey(input, sheetNames.respend);
  const rules = chooseRules(input.rules, sheetNames.rules);
  problems.push(...rules.problems);
  const registerLines = registerFromGrid(input.registerFile ?? filledSheet(input.registerSheet) ?? []);

  // The geography: the pack's areas the rows and the register need, and the online answers.
  const registerAreas = postcodeAreasNeeded(registerLines.map((line) => ({ postcode: line.postcode })));
  const geography = await gatherGeography(
    prepared,
    [...new Set([...prepared.postcodeAreas, ...registerAreas, ...(registers ? registerPostcodeAreas(prepared.directory) : []), ...(earlierPrepared?.postcodeAreas ?? [])])],
    [state.onlineCache, lookups.knownAnswers],
    lookups,
    choices.online,
    pause,
  );
  const { districts } = geography;
  const locality = { index: geography.index, online: onlineAnswers(geography.answers), districts, areas, threshold };

  // Classifying, with a pause between steps.
  const classifyContext = { ...locality, rules: compileRules(rules.rules) };
  const classifying = startAnalysis(prepared, classifyContext);
  while (classifying.done < classifying.total) {
    classifying.step(STEP_ROWS);
    await pause({ phase: 'classifying', done: classifying.done, total: classifying.total });
  }
  const result = classifying.finish(topSuppliers);
  const { summary } = result;
  problems.push(...result.problems.map((problem) => describeOverrideProblem(problem, data.sheets)));
  const lm3 = planLm3(survey, input.respendSheet, sheetNames.respend, prepared.rows, result.results, summary, areas.local.name);
  problems.push(...lm3.problems);
  const register = registerEntries(registerLines, locality, classifyContext.rules);

  // Progress: against the earlier workbook given, like for like; else against the baseline this workbook keeps.
  const compared = input.earlier
    ? await compareWithEarlier(
        input.earlier,
        earlierPrepared,
        classifyContext,
        { summary, rows: data.rows, results: result.results },
        methodChanges(input.earlier, { areas, threshold, rules: rules.rules, suppliers: prepared.directory }),
        pause,
      )
    : undefined;
  const kept = state.history.baseline;
  const progress = compared?.progress ?? (kept ? storedComparison({ name: 'the baseline this workbook keeps' }, kept, summary, KEPT_BASELINE_WHY) : undefined);
  // What the next run without an earlier workbook compares with: the earlier payments as classified now, else its stored figures.
  const earlierSnapshot = input.earlier?.state.history.last;
  const baseline = compared?.earlierSummary ? headlineSnapshot(compared.earlierSummary, earlierSnapshot?.at ?? analysedAt) : (earlierSnapshot ?? kept);

  // The summary sheets, laid out.
  const reportPlans = planReport({
    analysis: result,
    areas,
    districts,
    sheetNames,
    analysedAt,
    geographyRelease: describeGeography(lookups.geography),
    registersDescription: describeRegisters(registers),
    rulesDescription: [rules.description],
    threshold,
    inputDescription: data.sheets.map(describeDataSheet),
    skipped: data.skipped,
    hidden: data.hidden,
    withoutAmount: rowsWithoutAmount(data.rows),
    problems,
    progress,
    register,
    registerSheet: sheetNames.register,
    topSuppliers,
    lm3: lm3.lm3,
  });
  const sheetPlans = reportPlans.map((plan) => (choices.crossTabs === 'pivot_tables' && plan.role === 'summary' ? withoutCrossTabBlocks(plan) : plan));
  // Excel's limits: text cut, over-long formulas as values, and the Method sheet says where.
  const fitted = fitSheetPlans(sheetPlans);
  const excelLimits = excelLimitNotes(data.longTexts, fitted.formulasAsValues);
  const methodNotes = (notes: readonly string[]) => notes.map((note, i) => [i === 0 ? "Excel's limits" : '', note]);
  const layouts = withMethodNotes(fitted.plans, methodNotes(excelLimits)).map(layoutSheet);
  const extents: Partial<Record<SheetRole, Extent>> = {};
  for (const layout of layouts) extents[layout.plan.role] = { rows: layout.rows, columns: layout.columns };

  const existing = new Set(input.existingSheets.map((name) => name.toLowerCase()));
  const rows = data.rows;
  const results = result.results;
  // The analysis table is what the summaries add up: rows without an amount are not in it.
  const counted = countedRows(rows);
  const plan: WorkbookPlan = {
    sheetNames,
    newSheets: SHEET_ROLES.map((role) => sheetNames[role]).filter((name) => !existing.has(name.toLowerCase())),
    resultBlocks: data.sheets.map((sheet) => {
      const block = resultBlockPlan(sheet, rows, results, data.skipped, areaNames);
      return { ...block, rows: fittedRows(block.rows) };
    }),
    analysisTable: {
      sheet: sheetNames.analysis,
      columns: ANALYSIS_COLUMNS,
      rows: fittedRows({ count: counted.count, width: ANALYSIS_COLUMNS.length, row: (i) => analysisRow(rows[counted.index(i)], results[counted.index(i)], areaNames) }),
    },
    summaries: layouts.map((layout) => {
      const clear = state.owned.extents[layout.plan.role];
      return clear ? { layout, clear } : { layout };
    }),
    suppliers: fitUserSheet(suppliersSheetPlan(sheetNames.suppliers, suppliersSheet, prepared.directory, summary, areaNames)),
    rules: fitUserSheet(rulesSheetPlan(sheetNames.rules, input.rules.sheet, rules.rules)),
    register: fitUserSheet(registerSheetPlan(sheetNames.register, input.registerSheet, input.registerFile)),
    respend: fitUserSheet(lm3.sheet),
    crossTabs: choices.crossTabs === 'pivot_tables' ? crossTabSpecs(summary) : [],
    charts: chartSpecs(layouts.find((layout) => layout.plan.role === 'summary')!),
  };

  const headline = headlineSnapshot(summary, analysedAt);
  const states = nextStates({
    state,
    sheets: data.sheets,
    choices,
    threshold,
    topSuppliers,
    sheetNames,
    extents,
    baseline,
    headline,
    // Only this workbook's postcodes: a host's cache may hold other organisations' suppliers.
    onlineCache: answersFor(geography.answers, fullPostcodesMentioned(prepared, registerLines)),
    analysedAt,
  });
  return {
    rows,
    results,
    skipped: data.skipped,
    summary,
    anchors: result.anchors,
    lm3: lm3.lm3,
    areas,
    districts,
    plan,
    stateWhileWriting: states.whileWriting,
    state: states.final,
    headline,
    ...(state.history.last ? { previous: state.history.last } : {}),
    progress: compared?.progress ?? null,
    toReview: suppliersToReview(summary, prepared.directory),
    publish: (options) => {
      // Every figure of the copy is a value: only Excel's limit on text applies to it.
      const publishPlans = withMethodNotes(fitSheetPlans(reportPlans).plans, methodNotes(excelLimitNotes(data.longTexts, 0)));
      const earlierSuppliers = compared?.earlierSummary ? { earlierSuppliers: compared.earlierSummary.suppliers } : {};
      const publication = planPublication({ sheetPlans: publishPlans, rows, results, summary, areas: areaNames, analysisSheet: sheetNames.analysis, analysedAt, ...earlierSuppliers }, options);
      return { ...publication, analysisTable: { ...publication.analysisTable, rows: fittedRows(publication.analysisTable.rows) } };
    },
    problems,
    notes: geography.notes,
    ...(result.anchors ? {} : { noAnchors: noAnchorsNote(data.sheets) }),
    excelLimits,
    ...(registers ? { registers } : {}),
  };
}
