/**
 * Writing what the core planned, in the short write phase (not cancellable): the state first
 * records what is about to be written, then the result columns, the user's sheets, the analysis
 * table, the summary sheets, the PivotTables and charts, and the final state last, so that a
 * failure part-way is repaired by the next run.
 */
import type { AnalysisOutcome, ResultBlockPlan } from '../core';
import type { AnalysePhase } from './api';
import { inspectAnalysisTable, writeAnalysisTable } from './analysis-table';
import { BatchWriter } from './batch-writer';
import { rowsOf, writeRows } from './grid-write';
import { hostCapabilities, RESIZE_EXCEL_API, supportsExcelApi } from './host-check';
import { deletePivots, placeCharts, placePivots } from './pivot-summaries';
import { headerStyleOp, RESULT_HEADER_FILL, widthsOp } from './sheet-style';
import { ensureStateSheet, writeState } from './state-sheet';
import { clearExtent, writeSummarySheet } from './summary-sheets';
import { writeUserSheet } from './user-sheets';

/** The state sheet as it was read: whether it exists, and how many cells it holds. */
export interface StateSheet {
  exists: boolean;
  rows: number;
}

type Progress = (phase: AnalysePhase, done: number, total: number) => void;

async function writeResultBlock(context: Excel.RequestContext, writer: BatchWriter, block: ResultBlockPlan, onRows: (done: number) => void): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(block.sheet);
  if (block.table && !block.existed) {
    // A table's new columns are named as they are added.
    const columns = context.workbook.tables.getItem(block.table).columns;
    for (const name of block.header.slice(block.present)) columns.add(undefined, undefined, name ?? undefined);
    await context.sync();
  } else if (block.headerRow !== null) {
    await writeRows(writer, sheet, block.headerRow, block.firstColumn, rowsOf([block.header]));
  }
  const headerRow = block.headerRow;
  if (headerRow !== null) await writer.add(headerStyleOp(() => sheet.getRangeByIndexes(headerRow, block.firstColumn, 1, block.columns.length), RESULT_HEADER_FILL));
  await writer.add(widthsOp(sheet, block.firstColumn, block.columns.map((c) => c.width)));
  await writeRows(writer, sheet, block.firstRow, block.firstColumn, block.rows, onRows);
}

/** Writes the plan; returns what the user should know about how it was written. */
export async function writePlan(context: Excel.RequestContext, outcome: AnalysisOutcome, stateSheet: StateSheet, progress: Progress): Promise<string[]> {
  const { plan } = outcome;
  const notes: string[] = [];
  const blockRows = plan.resultBlocks.reduce((sum, block) => sum + block.rows.count, 0);
  const writeTotal = blockRows + plan.analysisTable.rows.count;
  progress('writing', 0, writeTotal);
  // Calculation waits while the batches are written (the previous run's formulas are over these cells).
  const writer = new BatchWriter(context, { suspendCalculation: true });
  await ensureStateSheet(context, stateSheet.exists);
  const interimCells = await writeState(writer, context, outcome.stateWhileWriting, stateSheet.rows);
  for (const name of plan.newSheets) context.workbook.worksheets.add(name);
  await writer.flush();

  let written = 0;
  for (const block of plan.resultBlocks) {
    await writeResultBlock(context, writer, block, (done) => progress('writing', written + done, writeTotal));
    written += block.rows.count;
  }
  for (const sheetPlan of [plan.suppliers, plan.rules, plan.register, plan.respend]) await writeUserSheet(writer, context.workbook.worksheets.getItem(sheetPlan.sheet), sheetPlan);
  await writer.flush();

  // The analysis table is kept and resized where Excel can, so that the PivotTables over it are refreshed rather than rebuilt.
  const table = await inspectAnalysisTable(context);
  const keepTable = supportsExcelApi(RESIZE_EXCEL_API);
  if (table.existingRows !== undefined && !keepTable) await deletePivots(context);
  await writeAnalysisTable(context, writer, context.workbook.worksheets.getItem(plan.analysisTable.sheet), table, keepTable, plan.analysisTable, (done) =>
    progress('writing', blockRows + done, writeTotal),
  );

  for (const { layout, clear } of plan.summaries) {
    const sheet = context.workbook.worksheets.getItem(layout.plan.name);
    await clearExtent(writer, sheet, clear);
    await writeSummarySheet(writer, sheet, layout);
  }
  await writer.flush();
  const summarySheet = plan.sheetNames.summary;
  const placed = await placePivots(context, summarySheet, plan.crossTabs);
  if (table.existingRows !== undefined && !keepTable && placed.made > 0) {
    notes.push(`The PivotTables were rebuilt: this Excel (ExcelApi ${hostCapabilities().excelApi}) cannot resize the analysis table (ExcelApi ${RESIZE_EXCEL_API}), so they could not simply be refreshed.`);
  }
  await placeCharts(context, summarySheet, plan.charts);

  await writeState(writer, context, outcome.state, Math.max(stateSheet.rows, interimCells));
  await writer.finish();
  progress('writing', writeTotal, writeTotal);
  return notes;
}
