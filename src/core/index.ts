/**
 * What the hosts (src/cli, src/excel) may use of the core, and nothing else (lint holds them to
 * this module): the analysis, the reading that feeds it, the plan and result types it returns,
 * the schemas of what a workbook keeps, the error base, and the few pure helpers a host needs to
 * read its files and write the plan.
 */

// The analysis, and its input, outcome and plan.
export { analyse, rowsWithoutAmount } from './analysis/analyse';
export type { AnalysisChoices, AnalysisInput, AnalysisPhase, AnalysisProgress, Geography, Lookups, OnlineLookup, RulesSource } from './analysis/input';
export type { AnalysisOutcome } from './analysis/outcome';
export { REDACTED, type Publication, type PublishOptions } from './analysis/publication';
export type { ChartSpec, CrossTabSpec, Extent, PlanCell, PlanRows, ResultBlockPlan, SummarySheetPlan, TablePlan, UserSheetPlan, WorkbookPlan } from './analysis/plan-types';
export type { SupplierToReview } from './analysis/to-review';
export type { PageSections, PrintSetup, SheetLayout } from './report/layout';
export type { Anchor } from './anchors';
export type { Areas } from './areas';
export type { Lm3 } from './lm3';
export type { RowResult } from './classify';
export type { CreditorRecord, SheetProblem } from './directory';
export type { SkippedRow, SkipKind, SpendRow } from './rows';
export type { Summary } from './summary';

// Reading the data sheets the analysis takes: where the data and the result block are, the mapping, the rows.
export { createSpendReader, type DataSheet, type Period, type SpendData, type SpendReader } from './analysis/spend-data';
export { dataWidthOf, layoutOf, locateBlock, mappingFromHeaders, missingFields, proposedMapping, withOverrideColumns, type BlockPlace, type Region } from './analysis/data-sheet';
export { creditorsFromGrid } from './analysis/creditors';
export { missingColumnsMessage } from './analysis/missing-columns';
export { readEarlierWorkbook, type EarlierWorkbook, type WorkbookSheet } from './analysis/earlier-workbook';
export type { InstitutionFigures, InstitutionProgress, Progress, ProgressFigures, SupplierMove } from './analysis/progress';
export { mapWholeSheet, readWholeSheets, type MappedSheet, type WholeSheet } from './analysis/whole-sheet';
export { findTable, type TableLayout } from './table';
export { likeliestColumns, type ColumnCandidate } from './likeliest-columns';
export { applyMapOverrides, parseMapOption } from './map-overrides';
export type { MapOverride, Mapping } from './mapping';
export type { Field } from './header-vocabulary';
export { buildAreas } from './areas';
export { describeGeography } from './analysis/geography';
export { muchUnknownShare } from './analysis/headline';
export type { RegisterAnswers, Registers } from './analysis/input';
export type { RegisterStep } from './analysis/register-step';

// What the user is told beside the headline.
export { leftOutLines } from './analysis/left-out';
export { countOf, percentText, poundsText } from './wording';

// What an earlier analysis in the same output holds, carried into the new one.
export { carriedLines, carryOverrides, type CarriedOverrides, type OverrideNotCarried } from './analysis/earlier-output';

// The Suppliers and Rules sheets outside an analysis: a creditor file's postcodes, a supplier's line, the default rules.
export { suppliersWithCreditors, supplierRow } from './analysis/suppliers-sheet';
export { defaultRulesSheet } from './analysis/rules-choice';
export { FIRST_ROW_WIDTH, ownSheetCandidates, recogniseOwnSheets } from './analysis/own-sheets';

// What a workbook keeps, and the errors.
export {
  emptyState,
  settingsSchema,
  sheetNamesFor,
  SHEET_ROLES,
  STATE_SHEET,
  stateFromGrid,
  stateSchema,
  stateToCells,
  type HeadlineSnapshot,
  type OnlineCacheRecord,
  type SavedArea,
  type Settings,
  type SheetRole,
  type WorkbookState,
} from './settings';
export { BaselineError, isInputProblem, type ErrorCode, type ErrorLocation } from './errors';
export { requireRoomForResults, requireWithinSheet, SHEET_COLUMNS, SHEET_ROWS } from './sheet-limits';

// Small pure helpers for reading files and writing the plan.
export type { Cell, Grid } from './cell';
export { isBlank } from './cell';
export { columnIndex, columnLetter } from './column-letters';
export { csvField, parseCsv, type Delimiter } from './csv';
export { decodeText } from './text-decode';
export { whyNotAWorkbookPackage } from './workbook-bytes';
export { parseDate } from './values';
export { fitText, MAX_CELL_TEXT, MAX_FORMULA_LENGTH } from './analysis/excel-limits';
export { fittedWidth, isFormula, NUMBER_FORMATS, needsTextProtection, RESULT_BLOCK_HEADERS, RESULT_WIDTH, type ColumnFormat, type OutCell, type ReportColumn } from './report/columns';
export { quoteSheet } from './report/formulas';
