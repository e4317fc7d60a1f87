/**
 * An earlier workbook to measure progress against, read from its sheets' cells by the same code
 * that reads any input: its state (areas, threshold, the figures it stored), its payments with
 * the mapping it saved, and the Suppliers and Rules sheets its analysis used. A host reads the
 * file's sheets into grids (the command line from disk, the task pane from the file the user
 * picked) and hands them here.
 */
import type { Grid } from '../cell';
import { BaselineError } from '../errors';
import { sheetNamesFor, STATE_SHEET, stateFromGrid, type WorkbookState } from '../settings';
import type { SpendData } from './spend-data';
import { mapWholeSheet, readWholeSheets, type WholeSheet } from './whole-sheet';

export interface WorkbookSheet {
  name: string;
  grid: Grid;
}

export interface EarlierWorkbook {
  /** The file's name as the user knows it, e.g. "spend-2023-24-baseline.xlsx". */
  name: string;
  state: WorkbookState;
  /** Its payments, read with its saved mapping; absent when they cannot be re-read (`why` says why). */
  data?: SpendData;
  why?: string;
  /** Its Suppliers and Rules sheets, as its last analysis left them. */
  suppliersSheet?: Grid;
  rulesSheet?: Grid;
}

const invalid = (message: string) => new BaselineError('baseline-invalid', message);

function earlierState(name: string, sheets: readonly WorkbookSheet[]): WorkbookState {
  const stateSheet = sheets.find((sheet) => sheet.name === STATE_SHEET);
  const notAnalysed = invalid(`${name} was not analysed by Local Spend Baseline, so it has no baseline to compare with: choose the workbook an earlier analysis wrote.`);
  if (!stateSheet) throw notAnalysed;
  let state: WorkbookState;
  try {
    state = stateFromGrid(stateSheet.grid);
  } catch (error) {
    if (error instanceof BaselineError) throw invalid(`${name}: ${error.message}`);
    throw error;
  }
  if (state.owned.resultColumns.length === 0 && !state.history.last) throw notAnalysed;
  return state;
}

/** The payments of the sheets its analysis recorded, or why they cannot be read again. */
function earlierData(sheets: readonly WorkbookSheet[], state: WorkbookState): { data: SpendData } | { why: string } {
  const recorded = state.owned.resultColumns;
  if (recorded.length === 0) return { why: 'it does not record which sheet held its payments' };
  const whole: WholeSheet[] = [];
  for (const record of recorded) {
    const sheet = sheets.find((s) => s.name === record.sheet);
    if (!sheet) return { why: `its sheet "${record.sheet}" is no longer there` };
    const mapped = mapWholeSheet(sheet.grid, sheet.name, state);
    if (mapped.missing.length > 0) return { why: `its sheet "${record.sheet}" has no ${mapped.missing.join(' or ')} column any more` };
    // A sheet whose anchor the user named (its file's) keeps it, so each anchor's progress is like for like.
    const institution = record.institution ? { institution: record.institution } : {};
    whole.push({ sheet: sheet.name, ...(mapped.table ? { table: mapped.table } : {}), source: recorded.length > 1 ? sheet.name : '', ...institution, grid: sheet.grid, ...mapped });
  }
  const data = readWholeSheets(whole);
  if (data.rows.length === 0) return { why: 'its sheet has no payments left on it' };
  return { data };
}

/**
 * The earlier workbook from its sheets. It must have been analysed (its state tells which sheet
 * held the payments and how its columns were mapped); when its payments cannot be read again,
 * the figures it stored are compared instead, and `why` says why.
 */
export function readEarlierWorkbook(name: string, sheets: readonly WorkbookSheet[]): EarlierWorkbook {
  const state = earlierState(name, sheets);
  const names = sheetNamesFor(state.owned.sheets, []);
  const gridOf = (sheetName: string) => sheets.find((sheet) => sheet.name === sheetName)?.grid;
  const read = earlierData(sheets, state);
  if ('why' in read && !state.history.last) {
    throw invalid(`${name}: its payments cannot be read again (${read.why}) and it keeps no figures of its own to compare with.`);
  }
  const suppliersSheet = gridOf(names.suppliers);
  const rulesSheet = gridOf(names.rules);
  return {
    name,
    state,
    ...read,
    ...(suppliersSheet ? { suppliersSheet } : {}),
    ...(rulesSheet ? { rulesSheet } : {}),
  };
}
