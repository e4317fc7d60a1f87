/**
 * The WorkbookService the task pane uses: the core pipeline (the same as the command line's)
 * driven through Office.js. Reading and classifying are chunked, report progress and can be
 * cancelled; everything that could stop a write is checked first; the short write phase records
 * in the state which columns and areas it is about to write before it writes them, and the final
 * state last, so that a failure part-way is repaired by the next run.
 */
import { postcodesForOnlineLookup, prepareRows, startAnalysis, type AnalysisResult } from '../core/analysis';
import type { Areas } from '../core/areas';
import type { Grid } from '../core/cell';
import type { OverrideProblem } from '../core/classify';
import { addCreditors, directoryEntry, directoryFromSheet, emptyDirectory, suppliersSheetGrid, type CreditorRecord, type SheetProblem, type SupplierDirectory } from '../core/directory';
import type { DistrictInfo } from '../core/geography';
import { INFLUENCE_LABELS, localityLabel, type AreaNames } from '../core/labels';
import { decideLocality } from '../core/locality';
import { REQUIRED_FIELDS, type Mapping } from '../core/mapping';
import { REGISTER_COLUMNS, registerFromGrid } from '../core/register';
import { ANALYSIS_COLUMNS, analysisRow, headlineSnapshot, layoutSheet, planReport, RESULT_COLUMN_FORMATS, type RegisterEntry, type SheetPlan } from '../core/report';
import { readSpendRows, type SkippedRow, type SpendRow } from '../core/rows';
import { compileRules, parseRulesCsv, RulesError, rulesToCsv, validateRulesSheet, type Rule } from '../core/rules';
import { sheetNamesFor, SHEET_ROLES, STATE_SHEET, type SheetRole, type WorkbookState, type Settings } from '../core/settings';
import { keyIdentity, supplierKey } from '../core/supplier-key';
import type { TableLayout } from '../core/table';
import { describeGeography } from '../geo/describe-geography';
import { addToOnlineCache, emptyOnlineCache, lookUpPostcodesOnline, onlineAnswers, type OnlineCache } from '../geo/postcodes-io';
import {
  WorkbookError,
  type AnalyseHooks,
  type AnalysePhase,
  type AnalyseRequest,
  type AnalyseResult,
  type DataFound,
  type SupplierToReview,
  type WorkbookOverview,
  type WorkbookService,
} from './api';
import { inspectAnalysisTable, writeAnalysisTable } from './analysis-table';
import { BatchWriter } from './batch-writer';
import { BLOCK_HEADERS, BLOCK_WIDTH, dataAddress, mappingFromLabels, proposeDataMapping, RESULT_WIDTH, savedMapping, withOverrideColumns } from './data-shape';
import { firstRowSheet, headerSheetRow, locateData, preflight, readShape, sheetColumnLetter, type Shape } from './data-location';
import { readRows, throwIfCancelled } from './grid-read';
import { rowsOf, writeRows } from './grid-write';
import { checkHost, hostCapabilities, isReadOnly, MINIMUM_EXCEL_API, RESIZE_EXCEL_API, supportsExcelApi } from './host-check';
import { deletePivots, pivotSpecs, placeCharts, placePivots, type ChartSpec } from './pivot-summaries';
import { blockHeader, resultRows } from './result-block';
import { readSheetGrids } from './sheet-read';
import { headerStyleOp, RESULT_HEADER_FILL, widthsOp } from './sheet-style';
import { ensureStateSheet, stateFromGrid, writeState } from './state-sheet';
import { clearExtent, writeSummarySheet, type Extent } from './summary-sheets';
import { findingsOnSheet, updateSuppliersSheet, writeRegisterSheet, writeRulesSheet } from './user-sheets';

export interface ServiceOptions {
  /** The clock that stamps each analysis (tests fix it). */
  now?: () => Date;
}

/** Rows classified at a time, and how long that goes on before the pane gets the event loop back. */
const CLASSIFY_STEP_ROWS = 1_000;
const CLASSIFY_SLICE_MS = 30;
/** Suppliers listed for the user to look at, largest spend first. */
const MAX_TO_REVIEW = 50;
/** Summary blocks that PivotTables replace when the host has them. */
const PIVOT_BLOCKS = new Set(['category_by_locality', 'type_by_locality', 'institution_by_locality']);

/** A sheet with nothing on it holds nothing the user typed: it is (re)made like a missing one. */
const nonEmpty = (grid: Grid | undefined): Grid | undefined => (grid && grid.length > 0 ? grid : undefined);

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function requireWritable(): void {
  if (!supportsExcelApi(MINIMUM_EXCEL_API)) {
    throw new WorkbookError(`This Excel is too old for the add-in (it supports ExcelApi ${hostCapabilities().excelApi}; ExcelApi ${MINIMUM_EXCEL_API} is needed). Use Excel on the web or Microsoft 365.`);
  }
  if (isReadOnly()) throw new WorkbookError('The workbook is open read-only. Save a copy you can edit (or click Edit Workbook), then analyse again.');
}

async function readState(context: Excel.RequestContext): Promise<{ state: WorkbookState; rows: number; exists: boolean }> {
  const grid = (await readSheetGrids(context, [STATE_SHEET])).get(STATE_SHEET);
  return { state: stateFromGrid(grid), rows: grid?.length ?? 0, exists: grid !== undefined };
}

async function existingSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/** The add-in's sheet names: recorded, else the defaults made unique against the user's sheets. */
async function ownSheetNames(context: Excel.RequestContext, state: WorkbookState): Promise<{ names: Record<SheetRole, string>; existing: Set<string> }> {
  const existing = await existingSheetNames(context);
  const recorded = new Set(Object.values(state.owned.sheets));
  const names = sheetNamesFor(state.owned.sheets, existing.filter((n) => !recorded.has(n)));
  return { names, existing: new Set(existing.map((n) => n.toLowerCase())) };
}

function dataFound(shape: Shape, state: WorkbookState): DataFound {
  const { region, layout, headers, dataWidth } = shape;
  const saved = state.settings.mapping && (!state.settings.mapping.sheet || state.settings.mapping.sheet === region.sheet) ? state.settings.mapping : undefined;
  const headLayout: TableLayout = { ...layout, lastDataRow: Math.min(layout.lastDataRow, shape.head.length - 1) };
  const mapping = savedMapping(saved, headers) ?? proposeDataMapping(shape.head, headLayout, dataWidth).mapping;
  const header = headerSheetRow(shape);
  return {
    sheet: region.sheet,
    ...(region.table ? { table: region.table } : {}),
    address: dataAddress(region, dataWidth, header ?? firstRowSheet(shape)),
    headerRow: header === null ? null : header + 1,
    headers,
    mapping,
    missing: REQUIRED_FIELDS.filter((f) => !mapping[f]),
    rows: Math.max(0, region.bottom - firstRowSheet(shape) + 1),
  };
}

/** "Rules!D7: message" as a cell and a message. */
function splitCellMessage(text: string): SheetProblem {
  const colon = text.indexOf(': ');
  return colon < 0 ? { cell: '', message: text } : { cell: text.slice(0, colon), message: text.slice(colon + 2) };
}

function describeRules(rules: readonly Rule[], defaults: readonly Rule[], where: string): string {
  const defaultLines = new Set(rulesToCsv(defaults).split('\n').slice(1));
  const lines = rulesToCsv(rules).split('\n').slice(1);
  const changed = lines.filter((line) => !defaultLines.has(line)).length;
  const removed = defaultLines.size - (lines.length - changed);
  const how = changed === 0 && removed === 0 ? 'the default rules, unedited' : `edited: ${changed} rule${changed === 1 ? '' : 's'} added or changed, ${removed} default rule${removed === 1 ? '' : 's'} removed`;
  return `${rules.length} rules from ${where} (${how})`;
}

function districtsFrom(hooks: AnalyseHooks, cache: OnlineCache): ReadonlyMap<string, DistrictInfo> {
  if (hooks.pack) return hooks.pack.districts;
  const districts = new Map<string, DistrictInfo>();
  for (const answer of Object.values(cache.answers)) {
    if (answer.district && answer.districtName && !districts.has(answer.district)) {
      districts.set(answer.district, { code: answer.district, name: answer.districtName, nation: answer.country ?? '' });
    }
  }
  return districts;
}

function toReview(analysis: AnalysisResult, directory: SupplierDirectory): SupplierToReview[] {
  const lines = [...analysis.summary.suppliers.values()].filter((s) => s.locality === 'unknown' || s.influence === 'review');
  lines.sort((a, b) => b.spend - a.spend || a.key.localeCompare(b.key));
  return lines.slice(0, MAX_TO_REVIEW).map((s) => {
    if (s.locality !== 'unknown') return { key: s.key, name: s.name, spend: s.spend, why: 'review', detail: s.reason };
    const payments = `${s.rows} payment${s.rows === 1 ? '' : 's'}`;
    const postcode = directoryEntry(directory, s.key)?.postcode;
    const detail = postcode
      ? `Locality unknown across ${payments}, although its postcode is ${postcode} (the Locality basis column says why): correct the postcode or set a locality override on the Suppliers sheet.`
      : `Locality unknown across ${payments}: add its postcode on the Suppliers sheet.`;
    return { key: s.key, name: s.name, spend: s.spend, why: 'unknown_locality', detail };
  });
}

/** Reads every data row, chunk by chunk, as payments (and rows that are not). */
async function readPayments(
  context: Excel.RequestContext,
  shape: Shape,
  mapping: Mapping,
  hooks: AnalyseHooks,
  progress: (phase: AnalysePhase, done: number, total: number) => void,
): Promise<{ rows: SpendRow[]; skipped: SkippedRow[] }> {
  const { region, layout, block, dataWidth } = shape;
  const first = firstRowSheet(shape);
  const total = region.bottom - first + 1;
  const headerCells = layout.headerRow === null ? undefined : shape.head[layout.headerRow];
  const spans = [{ left: region.left, count: dataWidth }];
  if (block.existed) spans.push({ left: block.firstColumn + RESULT_WIDTH, count: 2 });
  const rows: SpendRow[] = [];
  const skipped: SkippedRow[] = [];
  progress('reading', 0, total);
  await readRows(
    context,
    context.workbook.worksheets.getItem(region.sheet),
    first,
    total,
    spans,
    (cells, firstRow) => {
      const grid: Grid = headerCells ? [headerCells] : [];
      for (const row of cells) grid.push(block.existed ? row : [...row, '', '']);
      const chunkLayout: TableLayout = { headerRow: headerCells ? 0 : null, headers: layout.headers, firstDataRow: headerCells ? 1 : 0, lastDataRow: grid.length - 1 };
      const read = readSpendRows(grid, chunkLayout, mapping, { firstRowNumber: headerCells ? firstRow : firstRow + 1 });
      for (const row of read.rows) rows.push(row);
      for (const skip of read.skipped) skipped.push(skip);
    },
    { sheetName: region.sheet, signal: hooks.signal, onProgress: (done) => progress('reading', done, total) },
  );
  return { rows, skipped };
}

function describeOverrideProblem(problem: OverrideProblem, shape: Shape, mapping: Mapping): SheetProblem {
  if (problem.supplier) {
    return { cell: problem.supplier.cells?.[problem.field] ?? `Suppliers (${problem.supplier.name})`, message: `${problem.message}; ignored` };
  }
  const row = problem.row!;
  const column = mapping[problem.field]?.column;
  const where = column === undefined ? `row ${row.row}` : `${sheetColumnLetter(shape, column)}${row.row}`;
  return { cell: `${shape.region.sheet}!${where}`, message: `${problem.message}; ignored` };
}

function mergeExtents(a: WorkbookState['owned']['extents'], b: WorkbookState['owned']['extents']): WorkbookState['owned']['extents'] {
  const merged: WorkbookState['owned']['extents'] = { ...a };
  for (const [role, extent] of Object.entries(b) as [SheetRole, Extent][]) {
    const old = merged[role];
    merged[role] = old ? { rows: Math.max(old.rows, extent.rows), columns: Math.max(old.columns, extent.columns) } : extent;
  }
  return merged;
}

/** The summary plans; with PivotTables, the cross-tabulations are theirs rather than formula blocks. */
function summaryPlans(plans: SheetPlan[], pivots: boolean): SheetPlan[] {
  if (!pivots) return plans;
  return plans.map((plan) => (plan.role === 'summary' ? { ...plan, blocks: plan.blocks.filter((b) => !PIVOT_BLOCKS.has(b.id)) } : plan));
}

/** The two charts: the headline split (spend by locality) and influenceable leakage by kind. */
function chartSpecs(summaryPlan: SheetPlan): ChartSpec[] {
  const layout = layoutSheet(summaryPlan);
  const source = (id: string) => {
    const placed = layout.blocks.find((b) => b.block.id === id)!;
    return { top: placed.headerRow, left: 0, rows: 1 + Math.max(placed.block.rows.length, 1), columns: 2 };
  };
  return [
    { name: 'LSB_HeadlineSplit', title: 'Where the spend goes', type: 'Pie', source: source('by_locality'), from: 'I2', to: 'P17' },
    { name: 'LSB_LeakageByKind', title: 'Influenceable leakage by kind of spend', type: 'BarClustered', source: source('leakage_by_kind'), from: 'I19', to: 'P36' },
  ];
}

export function createWorkbookService(options: ServiceOptions = {}): WorkbookService {
  const now = options.now ?? (() => new Date());
  /** The header row the user chose per sheet (0-based sheet row, or null for none). */
  const chosenHeaders = new Map<string, number | null>();

  async function overview(): Promise<WorkbookOverview> {
    const host = hostCapabilities();
    return Excel.run(async (context) => {
      const { state } = await readState(context);
      if (!supportsExcelApi(MINIMUM_EXCEL_API)) {
        return { state, host, dataProblem: `This Excel supports ExcelApi ${host.excelApi}; the add-in needs ${MINIMUM_EXCEL_API}. Use Excel on the web or Microsoft 365.` };
      }
      const located = await locateData(context, state);
      if (!located.region) return { state, host, dataProblem: located.problem };
      const shape = await readShape(context, located.region, state, chosenHeaders.get(located.region.sheet));
      return { state, host, data: dataFound(shape, state) };
    });
  }

  async function analyse(request: AnalyseRequest, hooks: AnalyseHooks): Promise<AnalyseResult> {
    const progress = (phase: AnalysePhase, done: number, total: number) => hooks.onProgress?.({ phase, done, total });
    progress('checking', 0, 1);
    requireWritable();
    const pivots = supportsExcelApi('1.8');
    const canResize = supportsExcelApi(RESIZE_EXCEL_API);
    return Excel.run(async (context) => {
      // --- Checking: nothing is written until everything that could stop a write is known.
      const { state, rows: stateRows, exists: stateExists } = await readState(context);
      const located = await locateData(context, state);
      if (!located.region) throw new WorkbookError(located.problem ?? 'No data found.');
      const shape = await readShape(context, located.region, state, chosenHeaders.get(located.region.sheet));
      const { names, existing } = await ownSheetNames(context, state);
      const ownNames = SHEET_ROLES.map((role) => names[role]);
      await preflight(context, shape, ownNames.filter((n) => existing.has(n.toLowerCase())));

      const labels = mappingFromLabels(request.mapping, shape.headers);
      if (labels.unknown.length > 0) throw new WorkbookError(`These columns are no longer in the data: ${labels.unknown.join(', ')}. Check the column mapping and analyse again.`);
      const missing = REQUIRED_FIELDS.filter((f) => !labels.mapping[f]);
      if (missing.length > 0) throw new WorkbookError(`Choose the ${missing.join(' and ')} column${missing.length > 1 ? 's' : ''} in the mapping, then analyse again.`);
      const mapping = withOverrideColumns(labels.mapping, shape.dataWidth, shape.block);
      progress('checking', 1, 1);

      // --- Reading: the user's sheets, then the data (cancellable).
      const grids = await readSheetGrids(context, [names.suppliers, names.rules, names.register]);
      const { rows, skipped } = await readPayments(context, shape, mapping, hooks, progress);
      if (rows.length === 0) {
        throw new WorkbookError(`No payments to analyse on "${shape.region.sheet}"${skipped.length ? ` (${skipped.length} rows skipped, e.g. row ${skipped[0].row}: ${skipped[0].reason})` : ''}. Check the supplier and amount columns.`);
      }
      const problems: SheetProblem[] = [];
      const suppliersGrid = nonEmpty(grids.get(names.suppliers));
      const read = suppliersGrid ? directoryFromSheet(suppliersGrid, names.suppliers) : { directory: emptyDirectory(), problems: [] };
      problems.push(...read.problems);
      const prepared = prepareRows(rows, read.directory);

      // --- Geography and the optional online lookup.
      progress('geography', 0, 1);
      const index = hooks.pack ? await hooks.pack.loadAreas(prepared.postcodeAreas) : undefined;
      throwIfCancelled(hooks.signal);
      const warnings: string[] = [];
      let cache = addToOnlineCache(emptyOnlineCache(), new Map(Object.entries(state.onlineCache)));
      if (request.online) {
        const wanted = postcodesForOnlineLookup(prepared, index, onlineAnswers(cache));
        if (wanted.length > 0) {
          progress('online', 0, wanted.length);
          const lookup = await lookUpPostcodesOnline(wanted, { baseUrl: hooks.onlineBaseUrl, signal: hooks.signal });
          throwIfCancelled(hooks.signal);
          cache = addToOnlineCache(cache, lookup.answers);
          if (!lookup.complete) warnings.push(lookup.summary);
          progress('online', wanted.length, wanted.length);
        }
      }
      const districts = districtsFrom(hooks, cache);

      // --- Rules: the sheet as the user left it (invalid rules reported and skipped), else the defaults.
      let defaults: Rule[];
      try {
        defaults = parseRulesCsv(hooks.defaultRulesCsv, 'the default rules');
      } catch (error) {
        if (error instanceof RulesError) throw new WorkbookError(`The add-in's default rules cannot be read (${error.message}); reinstall the add-in.`);
        throw error;
      }
      const rulesGrid = nonEmpty(grids.get(names.rules));
      let rules = defaults;
      // A first run writes the defaults to the Rules sheet, so it describes them as a re-run will.
      let rulesDescription = describeRules(defaults, defaults, `the ${names.rules} sheet`);
      if (rulesGrid) {
        const validated = validateRulesSheet(rulesGrid, names.rules);
        rules = validated.rules;
        rulesDescription = describeRules(rules, defaults, `the ${names.rules} sheet`);
        problems.push(...validated.errors.map((e) => ({ ...splitCellMessage(e), message: `${splitCellMessage(e).message}; this rule was skipped` })));
      }

      // --- Classifying, in steps with a look at the event loop between them (cancellable).
      const areas: Areas = request.areas;
      const threshold = request.threshold;
      const ctx = { index, online: onlineAnswers(cache), districts, areas, threshold };
      const analysis = startAnalysis(prepared, { ...ctx, rules: compileRules(rules) });
      let sliceStart = performance.now();
      while (analysis.done < analysis.total) {
        analysis.step(CLASSIFY_STEP_ROWS);
        if (performance.now() - sliceStart >= CLASSIFY_SLICE_MS) {
          progress('classifying', analysis.done, analysis.total);
          await yieldToUi();
          throwIfCancelled(hooks.signal);
          sliceStart = performance.now();
        }
      }
      progress('classifying', analysis.done, analysis.total);
      throwIfCancelled(hooks.signal);
      const top = state.settings.topSuppliers;
      const result = analysis.finish(top);
      problems.push(...result.problems.map((p) => describeOverrideProblem(p, shape, mapping)));

      const registerGrid = nonEmpty(grids.get(names.register));
      const register: RegisterEntry[] = registerFromGrid(registerGrid ?? [[...REGISTER_COLUMNS]]).map((line) => ({
        ...line,
        locality: line.postcode ? decideLocality({ postcode: line.postcode }, ctx).locality : undefined,
      }));

      const analysedAt = now().toISOString();
      const areaNames: AreaNames = { local: areas.local.name, wider: areas.wider.name };
      const header = headerSheetRow(shape);
      const current = headlineSnapshot(result.summary, analysedAt);
      const plans = summaryPlans(
        planReport({
          analysis: result,
          rows,
          areas,
          districts,
          sheetNames: names,
          analysedAt,
          geographyRelease: describeGeography(hooks.pack),
          rulesDescription: [rulesDescription],
          threshold,
          inputDescription: [
            `Sheet "${shape.region.sheet}"${shape.region.table ? `, table ${shape.region.table}` : ''}: header ${header === null ? 'none (columns recognised by content)' : `row ${header + 1}`}; ${Object.entries(labels.mapping).map(([f, m]) => `${f} = ${m!.header}`).join(', ')}`,
          ],
          skipped,
          problems,
          history: { baseline: state.history.baseline },
          register,
          topSuppliers: top,
        }),
        pivots,
      );
      const extents: WorkbookState['owned']['extents'] = {};
      for (const plan of plans) {
        const layout = layoutSheet(plan);
        extents[plan.role] = { rows: layout.rows, columns: layout.columns };
      }
      const blockRecord = {
        sheet: shape.region.sheet,
        ...(shape.region.table ? { table: shape.region.table } : {}),
        firstColumn: shape.block.firstColumn,
        headers: BLOCK_HEADERS,
        headerRow: header ?? firstRowSheet(shape),
      };
      const online = request.online === state.settings.online.allowed ? state.settings.online : { allowed: request.online, decidedAt: analysedAt };
      const settled: WorkbookState = {
        ...state,
        settings: {
          ...state.settings,
          mapping: { sheet: shape.region.sheet, fields: Object.fromEntries(Object.entries(labels.mapping).map(([f, m]) => [f, m!.header])) },
          areas: { local: { query: request.areaQueries.local, ...areas.local }, wider: { query: request.areaQueries.wider, ...areas.wider } },
          threshold,
          online,
        },
        owned: {
          resultColumns: [...state.owned.resultColumns.filter((r) => r.sheet !== shape.region.sheet), blockRecord],
          sheets: names,
          extents: mergeExtents(state.owned.extents, extents),
        },
        onlineCache: cache.answers,
      };

      // --- Writing: short, not cancellable. The state first records what is about to be written.
      const blockFirst = header !== null ? header + 1 : firstRowSheet(shape);
      const block = resultRows(blockFirst, shape.region.bottom, rows, result.results, skipped, areaNames);
      const writeTotal = block.count + rows.length;
      progress('writing', 0, writeTotal);
      const writer = new BatchWriter(context);
      await ensureStateSheet(context, stateExists);
      const interimCells = await writeState(writer, context, settled, stateRows);
      const missingSheets = ownNames.filter((n) => !existing.has(n.toLowerCase()));
      for (const name of missingSheets) context.workbook.worksheets.add(name);
      await writer.flush();

      const dataSheet = context.workbook.worksheets.getItem(shape.region.sheet);
      if (shape.region.table && !shape.block.existed) {
        const columns = context.workbook.tables.getItem(shape.region.table).columns;
        for (const name of BLOCK_HEADERS.slice(shape.block.present)) columns.add(undefined, undefined, name);
        await context.sync();
      } else if (header !== null) {
        await writeRows(writer, dataSheet, header, shape.block.firstColumn, rowsOf([blockHeader(shape.block.existed)]));
      }
      if (header !== null) await writer.add(headerStyleOp(() => dataSheet.getRangeByIndexes(header, shape.block.firstColumn, 1, BLOCK_WIDTH), RESULT_HEADER_FILL));
      await writer.add(widthsOp(dataSheet, shape.block.firstColumn, RESULT_COLUMN_FORMATS.map((c) => c.width)));
      await writeRows(writer, dataSheet, blockFirst, shape.block.firstColumn, block, (done) => progress('writing', done, writeTotal));

      const suppliersSheet = context.workbook.worksheets.getItem(names.suppliers);
      const suppliersAfter = suppliersSheetGrid(suppliersGrid, prepared.directory, (key) => {
        const line = result.summary.suppliers.get(key);
        return line && { locality: localityLabel(line.locality, areaNames), districtLabel: line.districtLabel, influence: INFLUENCE_LABELS[line.influence], reason: line.reason, spend: line.spend, rows: line.rows };
      });
      await updateSuppliersSheet(writer, suppliersSheet, suppliersGrid ?? [], suppliersAfter, suppliersGrid === undefined);
      if (!rulesGrid) await writeRulesSheet(writer, context.workbook.worksheets.getItem(names.rules), defaults);
      if (!registerGrid) await writeRegisterSheet(writer, context.workbook.worksheets.getItem(names.register));
      await writer.flush();

      const table = await inspectAnalysisTable(context);
      const keepTable = canResize;
      if (pivots && table.existingRows !== undefined && !keepTable) await deletePivots(context);
      await writeAnalysisTable(context, writer, context.workbook.worksheets.getItem(names.analysis), table, keepTable, {
        count: rows.length,
        width: ANALYSIS_COLUMNS.length,
        row: (i) => analysisRow(rows[i], result.results[i], areaNames),
      }, (done) => progress('writing', block.count + done, writeTotal));

      for (const plan of plans) {
        const sheet = context.workbook.worksheets.getItem(plan.name);
        await clearExtent(writer, sheet, state.owned.extents[plan.role]);
        await writeSummarySheet(writer, sheet, plan);
      }
      await writer.flush();
      const summaryPlan = plans.find((p) => p.role === 'summary')!;
      if (pivots) {
        const placed = await placePivots(context, summaryPlan.name, pivotSpecs(result.summary));
        if (table.existingRows !== undefined && !keepTable && placed.made > 0) {
          warnings.push(`The PivotTables were rebuilt: this Excel (ExcelApi ${hostCapabilities().excelApi}) cannot resize the analysis table (ExcelApi ${RESIZE_EXCEL_API}), so they could not simply be refreshed.`);
        }
      } else {
        warnings.push(`This Excel (ExcelApi ${hostCapabilities().excelApi}) has no PivotTables (ExcelApi 1.8), so the summaries are formula tables over the ${names.analysis} sheet, as the command line writes them.`);
      }
      await placeCharts(context, summaryPlan.name, chartSpecs(summaryPlan));

      const final: WorkbookState = { ...settled, owned: { ...settled.owned, extents }, history: { baseline: state.history.baseline, last: current } };
      await writeState(writer, context, final, Math.max(stateRows, interimCells));
      await writer.flush();
      progress('writing', writeTotal, writeTotal);

      for (const problem of problems) warnings.push(`${problem.cell ? `${problem.cell}: ` : ''}${problem.message}`);
      return {
        summary: result.summary,
        areas,
        ...(state.history.last ? { previous: state.history.last } : {}),
        current,
        toReview: toReview(result, prepared.directory),
        warnings,
        skippedRows: skipped.length,
        summariesAs: pivots ? 'pivot_tables' : 'formula_tables',
        sheetNames: names,
      };
    });
  }

  async function withState<T>(body: (context: Excel.RequestContext, state: WorkbookState, stateRows: number, stateExists: boolean) => Promise<T>): Promise<T> {
    return Excel.run(async (context) => {
      const { state, rows, exists } = await readState(context);
      return body(context, state, rows, exists);
    });
  }

  async function sheetToShow(context: Excel.RequestContext, state: WorkbookState, role: SheetRole): Promise<Excel.Worksheet> {
    const name = sheetNamesFor(state.owned.sheets, [])[role];
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (sheet.isNullObject) throw new WorkbookError(`There is no "${name}" sheet yet: analyse the data first.`);
    return sheet;
  }

  return {
    inspect: overview,

    async remap(headerRow) {
      const sheet = await Excel.run(async (context) => {
        const { state } = await readState(context);
        return (await locateData(context, state)).region?.sheet;
      });
      if (sheet) chosenHeaders.set(sheet, headerRow === null ? null : headerRow - 1);
      return overview();
    },

    async saveSettings(settings: Settings) {
      requireWritable();
      await withState(async (context, state, rows, exists) => {
        await ensureStateSheet(context, exists);
        const writer = new BatchWriter(context);
        await writeState(writer, context, { ...state, settings }, rows);
        await writer.flush();
      });
    },

    analyse,

    async showSheet(role) {
      await withState(async (context, state) => {
        (await sheetToShow(context, state, role)).activate();
        await context.sync();
      });
    },

    async showSupplier(key) {
      await withState(async (context, state) => {
        const sheet = await sheetToShow(context, state, 'suppliers');
        const name = sheetNamesFor(state.owned.sheets, []).suppliers;
        const grid = (await readSheetGrids(context, [name])).get(name) ?? [];
        const keyColumn = (grid[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === 'supplier key');
        const row = grid.findIndex((cells, r) => r > 0 && keyColumn >= 0 && keyIdentity(String(cells[keyColumn]).trim()) === keyIdentity(key));
        if (row < 0) throw new WorkbookError(`The supplier "${key}" is not on the ${name} sheet.`);
        sheet.activate();
        sheet.getRangeByIndexes(row, 0, 1, Math.max(1, grid[0].length)).select();
        await context.sync();
      });
    },

    async resetRules(defaultRulesCsv) {
      requireWritable();
      let rules: Rule[];
      try {
        rules = parseRulesCsv(defaultRulesCsv, 'the default rules');
      } catch (error) {
        if (error instanceof RulesError) throw new WorkbookError(error.message);
        throw error;
      }
      await withState(async (context, state) => {
        const name = sheetNamesFor(state.owned.sheets, (await existingSheetNames(context)).filter((n) => !Object.values(state.owned.sheets).includes(n))).rules;
        let sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.protection.load('protected');
        await context.sync();
        if (!sheet.isNullObject && sheet.protection.protected) throw new WorkbookError(`The sheet "${name}" is protected. Unprotect it, then reset the rules again.`);
        if (sheet.isNullObject) sheet = context.workbook.worksheets.add(name);
        else sheet.getRange().clear('All');
        await context.sync();
        const writer = new BatchWriter(context);
        await writeRulesSheet(writer, sheet, rules);
        await writer.flush();
      });
    },

    async importCreditors(records: CreditorRecord[]) {
      requireWritable();
      return withState(async (context, state) => {
        const name = sheetNamesFor(state.owned.sheets, []).suppliers;
        const grid = (await readSheetGrids(context, [name])).get(name);
        if (!grid || grid.length === 0) throw new WorkbookError(`There is no "${name}" sheet yet: analyse the data first, then import the creditor file.`);
        const { directory } = directoryFromSheet(grid, name);
        const ids = new Set([...directory.entries.values()].map((e) => e.supplierId?.trim().toLowerCase()).filter(Boolean));
        const matched = records.filter((r) => (r.supplierId && ids.has(r.supplierId.trim().toLowerCase())) || directoryEntry(directory, supplierKey(r.supplier)) !== undefined).length;
        const filled = addCreditors(directory, records);
        const after = suppliersSheetGrid(grid, directory, findingsOnSheet(grid));
        const writer = new BatchWriter(context);
        await updateSuppliersSheet(writer, context.workbook.worksheets.getItem(name), grid, after, false);
        await writer.flush();
        return { matched, filled };
      });
    },

    checkHost,
  };
}

