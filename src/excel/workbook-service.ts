/**
 * The WorkbookService the task pane uses: what it can ask of the workbook, each through
 * Office.js around the core (the analysis itself is analyse-workbook.ts).
 */
import { BaselineError, defaultRulesSheet, sheetNamesFor, supplierRow, suppliersWithCreditors, type AnalysisOutcome, type CreditorRecord, type SheetRole, type Settings, type WorkbookState } from '../core';
import type { WorkbookOverview, WorkbookService } from './api';
import { analyseWorkbook, type AnalysisSession } from './analyse-workbook';
import { BatchWriter } from './batch-writer';
import { locateData, readShape } from './data-location';
import { checkHost, explainRefusedChange, hostCapabilities, MINIMUM_EXCEL_API, supportsExcelApi } from './host-check';
import { ownSheetsOf } from './own-sheets';
import { requireWritable } from './preflight';
import { openPublishedCopy } from './publish-copy';
import { dataFound, existingSheetNames, readState } from './read-workbook';
import { readSheetGrids } from './sheet-read';
import { ensureStateSheet, removeStateSheet, writeState } from './state-sheet';
import { writeUserSheet } from './user-sheets';

export interface ServiceOptions {
  /** The clock that stamps each analysis (tests fix it). */
  now?: () => Date;
}

export function createWorkbookService(options: ServiceOptions = {}): WorkbookService {
  const now = options.now ?? (() => new Date());
  /** The header row the user chose per sheet (0-based sheet row, or null for none). */
  const chosenHeaders = new Map<string, number | null>();
  const session: AnalysisSession = { chosenHeader: (sheet) => chosenHeaders.get(sheet), now, keepsText: false };
  /** The last analysis of this session, for a copy to publish (its rows are kept until the next analysis). */
  let lastAnalysis: AnalysisOutcome['publish'] | undefined;

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

  async function withState<T>(body: (context: Excel.RequestContext, state: WorkbookState, stateRows: number, stateExists: boolean) => Promise<T>): Promise<T> {
    return Excel.run(async (context) => {
      const { state, rows, exists } = await readState(context);
      return body(context, state, rows, exists);
    });
  }

  /** withState for a request that changes the workbook: a refusal because it cannot be changed says so. */
  function changingState<T>(body: (context: Excel.RequestContext, state: WorkbookState, stateRows: number, stateExists: boolean) => Promise<T>): Promise<T> {
    return withState(body).catch(explainRefusedChange);
  }

  async function sheetToShow(context: Excel.RequestContext, state: WorkbookState, role: SheetRole): Promise<Excel.Worksheet> {
    const name = sheetNamesFor(state.owned.sheets, [])[role];
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (sheet.isNullObject) throw new BaselineError('not-analysed', `There is no "${name}" sheet yet: analyse the data first.`, { sheet: name });
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
      await changingState(async (context, state, rows, exists) => {
        await ensureStateSheet(context, exists);
        const writer = new BatchWriter(context);
        await writeState(writer, context, { ...state, settings }, rows);
        await writer.flush();
      });
    },

    async analyse(request, hooks) {
      const { result, publish } = await analyseWorkbook(request, hooks, session);
      lastAnalysis = publish;
      return result;
    },

    async publish(options) {
      if (!lastAnalysis) throw new BaselineError('not-analysed', 'Analyse the data first; then a copy to publish can be made from the results.');
      const publication = lastAnalysis(options);
      await openPublishedCopy(publication, now());
      return { redacted: publication.redacted, aggregated: publication.aggregated };
    },

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
        const row = supplierRow(grid, key);
        if (row < 0) throw new BaselineError('supplier-missing', `The supplier "${key}" is not on the ${name} sheet.`, { sheet: name });
        sheet.activate();
        sheet.getRangeByIndexes(row, 0, 1, Math.max(1, grid[0].length)).select();
        await context.sync();
      });
    },

    async resetSettings() {
      requireWritable();
      await Excel.run((context) => removeStateSheet(context)).catch(explainRefusedChange);
    },

    async resetRules(defaultRulesCsv) {
      requireWritable();
      await changingState(async (context, state) => {
        const existing = await existingSheetNames(context);
        const name = sheetNamesFor(await ownSheetsOf(context, state, existing), existing).rules;
        const plan = defaultRulesSheet(defaultRulesCsv, name);
        let sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.protection.load('protected');
        await context.sync();
        if (!sheet.isNullObject && sheet.protection.protected) throw new BaselineError('protected', `The sheet "${name}" is protected. Unprotect it, then reset the rules again.`, { sheet: name });
        if (sheet.isNullObject) sheet = context.workbook.worksheets.add(name);
        else sheet.getRange().clear('All');
        await context.sync();
        const writer = new BatchWriter(context);
        await writeUserSheet(writer, sheet, plan);
        await writer.flush();
      });
    },

    async importCreditors(records: CreditorRecord[]) {
      requireWritable();
      return changingState(async (context, state) => {
        const name = sheetNamesFor(state.owned.sheets, []).suppliers;
        const grid = (await readSheetGrids(context, [name])).get(name);
        if (!grid || grid.length === 0) throw new BaselineError('not-analysed', `There is no "${name}" sheet yet: analyse the data first, then import the creditor file.`, { sheet: name });
        const { sheet, matched, filled } = suppliersWithCreditors(grid, name, records);
        const writer = new BatchWriter(context);
        await writeUserSheet(writer, context.workbook.worksheets.getItem(name), sheet);
        await writer.flush();
        return { matched, filled };
      });
    },

    checkHost,
  };
}
