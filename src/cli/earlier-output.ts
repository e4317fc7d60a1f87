/**
 * The output workbook as an earlier run left it. When the file the annotated copy is to be
 * written to exists, it must hold an earlier analysis: the Suppliers, Rules, Local register and
 * Re-spend survey sheets and the row overrides the user typed there are carried into the new copy, and its
 * settings and history go on (its record of the add-in's own sheets does not: the copy is made
 * afresh). A workbook there that holds no analysis is never overwritten.
 */
import * as path from 'path';
import { BaselineError, emptyState, sheetNamesFor, STATE_SHEET, type Grid, type SheetRole, type SpendData, type WorkbookState } from '../core';
import { loadInputs, readSpendData } from './inputs';
import { readSpendFile, type SpendFile } from './read-file';

export interface EarlierOutput {
  /** The file's name as the user knows it. */
  name: string;
  /** Its settings and history; the record of what it owned is left behind. */
  state: WorkbookState;
  /** The sheets the user edits, as they are there (absent when the workbook has none). */
  sheets: Partial<Record<Extract<SheetRole, 'suppliers' | 'rules' | 'register' | 'respend'>, Grid>>;
  /** Its data rows, with the override columns read. */
  data: SpendData;
}

export async function readEarlierOutput(file: string, option: string, cwd: string): Promise<EarlierOutput | undefined> {
  const shown = path.relative(cwd, file) || file;
  const refuse = (why: string) =>
    new BaselineError('output-invalid', `${option} ${shown} is there already and ${why}; name another file with --out, or move it away (it is not overwritten).`, { file: shown });
  let read: SpendFile;
  try {
    read = await readSpendFile(file);
  } catch (error) {
    throw refuse(`cannot be read (${(error as Error).message.replace(/^Cannot read "[^"]*": /, '')})`);
  }
  if (!read.sheets.some((sheet) => sheet.name === STATE_SHEET)) throw refuse('holds no analysis by local-spend-baseline');
  const loaded = await loadInputs([read], { map: [] }).catch((error: Error) => {
    throw error instanceof BaselineError ? new BaselineError(error.code, `${option} ${shown}, the earlier analysis: ${error.message}`, { ...error.where, file: shown }) : error;
  });
  const state = loaded.state!;
  const names = sheetNamesFor(state.owned.sheets, []);
  const sheets: EarlierOutput['sheets'] = {};
  for (const role of ['suppliers', 'rules', 'register', 'respend'] as const) {
    const found = await read.sheets.find((sheet) => sheet.name === names[role])?.grid();
    if (found && found.length > 0) sheets[role] = found;
  }
  return { name: shown, state: { ...state, owned: emptyState().owned }, sheets, data: readSpendData(loaded, {}) };
}
