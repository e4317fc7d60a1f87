/**
 * The re-spend survey behind LM3 (lm3.ts): for each local supplier surveyed, the share of its own
 * spending (wages to local residents, purchases from local businesses) that stays in the local
 * area; and, optionally, the organisations' own payroll, the wages paid to staff living locally
 * and the share of their pay those staff spend locally. The answers come from the "Re-spend
 * survey" sheet, which is the user's (made once with the largest local suppliers, then never
 * overwritten), or from a file of `supplier,local_share` lines. A share is a fraction (0.45) or a
 * percentage ("45%"); one that is not is reported with its cell and not used.
 */
import { isBlank, type Cell, type Grid } from './cell';
import { columnLetter } from './column-letters';
import { parseCsv } from './csv';
import type { SheetProblem } from './directory';
import { BaselineError } from './errors';
import { keyIdentity, supplierKey } from './supplier-key';
import { parseAmount, type Parsed } from './values';

export interface SurveyAnswer {
  /** The supplier key the answer is for (as given, or made from the name). */
  key: string;
  name: string;
  /** 0 to 1. */
  share: number;
  /** Where it was given ("Re-spend survey!C4", "answers.csv line 4"). */
  cell: string;
}

export interface StaffFigures {
  /** The organisations' whole payroll (£). */
  payroll?: number;
  /** The part of it paid to staff who live in the local area (£). */
  localWages?: number;
  /** The share of their pay local staff spend locally (a staff survey), 0 to 1. */
  staffShare?: number;
}

export interface RespendSurvey {
  answers: SurveyAnswer[];
  staff: StaffFigures;
  problems: SheetProblem[];
}

export const SURVEY_COLUMNS = ['Supplier', 'Supplier key', 'Local share', 'Notes'] as const;
/** How many of the largest local suppliers a new survey sheet lists. */
export const SURVEY_SUPPLIERS = 30;

/** The labels of the staff cells: each figure goes in the cell to the right of its label. */
const STAFF_LABELS: Record<keyof StaffFigures, { label: (local: string) => string; reads: RegExp }> = {
  payroll: { label: () => 'Payroll, all staff (£)', reads: /^payroll\b/i },
  localWages: { label: (local) => `Wages paid to staff living in ${local} (£)`, reads: /^wages paid to staff living/i },
  staffShare: { label: (local) => `Share of their pay those staff spend in ${local}`, reads: /^share of their pay/i },
};

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());
const quote = (cell: Cell) => JSON.stringify(text(cell).length > 40 ? `${text(cell).slice(0, 37)}...` : text(cell));

/** A share of spending: 0.45, "0.45", "45%" or " 45 % "; a number above 1 is refused (is 45 meant as 45% or 0.45%?). */
export function parseShare(cell: Cell): Parsed<number> {
  const written = text(cell);
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(written);
  const value = typeof cell === 'number' ? cell : percent ? Number(percent[1]) / 100 : /^-?\d*\.?\d+$/.test(written) ? Number(written) : NaN;
  if (Number.isNaN(value) || !Number.isFinite(value)) return { ok: false, reason: `${quote(cell)} is not a share: write a percentage such as 45% or a fraction such as 0.45` };
  if (value > 1 && !percent) return { ok: false, reason: `${quote(cell)} is more than 1: write ${written}% for a percentage, or a fraction such as 0.45` };
  if (value < 0 || value > 1) return { ok: false, reason: `${quote(cell)} is not a share between 0% and 100%` };
  return { ok: true, value };
}

/** Answers from a grid whose header row names a supplier column and a local share column; `where` names a cell for messages. */
function answersFrom(grid: Grid, where: (row: number, column: number) => string): { answers: SurveyAnswer[]; problems: SheetProblem[]; found: boolean } {
  const answers: SurveyAnswer[] = [];
  const problems: SheetProblem[] = [];
  const headerRow = grid.findIndex((row) => row.some((cell) => /^supplier$/i.test(text(cell))) && row.some((cell) => /^local[ _]share/i.test(text(cell))));
  if (headerRow < 0) return { answers, problems, found: false };
  const header = grid[headerRow].map((cell) => text(cell).toLowerCase());
  const nameColumn = header.findIndex((h) => h === 'supplier');
  const keyColumn = header.findIndex((h) => h === 'supplier key' || h === 'supplier_key');
  const shareColumn = header.findIndex((h) => /^local[ _]share/.test(h));
  const seen = new Map<string, string>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    const name = text(row[nameColumn]);
    const key = (keyColumn >= 0 ? text(row[keyColumn]) : '') || (name ? supplierKey(name) : '');
    const cell = row[shareColumn] ?? null;
    if (!key || isBlank(cell)) continue;
    const share = parseShare(cell);
    if (!share.ok) {
      problems.push({ cell: where(r, shareColumn), message: `${share.reason}; this answer was not used` });
      continue;
    }
    const first = seen.get(keyIdentity(key));
    if (first) {
      problems.push({ cell: where(r, shareColumn), message: `a second answer for ${name || key} (the first is ${first}); this one was not used` });
      continue;
    }
    seen.set(keyIdentity(key), where(r, shareColumn));
    answers.push({ key, name: name || key, share: share.value, cell: where(r, shareColumn) });
  }
  return { answers, problems, found: true };
}

/** The answers on the survey sheet, as the user left them. */
export function answersOnSheet(grid: Grid, sheetName: string): { answers: SurveyAnswer[]; problems: SheetProblem[] } {
  const read = answersFrom(grid, (row, column) => `${sheetName}!${columnLetter(column)}${row + 1}`);
  if (read.found || !grid.some((row) => row.some((cell) => !isBlank(cell)))) return read;
  return { answers: [], problems: [{ cell: `${sheetName}!A1`, message: 'the Re-spend survey sheet has no header row with "Supplier" and "Local share"; its answers were not read' }] };
}

/** The staff figures on the survey sheet, each in the cell to the right of its label. */
export function staffOnSheet(grid: Grid, sheetName: string): { staff: StaffFigures; problems: SheetProblem[] } {
  const staff: StaffFigures = {};
  const problems: SheetProblem[] = [];
  let localWagesAt = { cell: '', label: '' };
  const labels = Object.entries(STAFF_LABELS) as [keyof StaffFigures, (typeof STAFF_LABELS)[keyof StaffFigures]][];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      const field = labels.find(([, { reads }]) => reads.test(text(cell)))?.[0];
      const value = row[c + 1] ?? null;
      if (!field || isBlank(value)) return;
      const where = `${sheetName}!${columnLetter(c + 1)}${r + 1}`;
      const parsed = field === 'staffShare' ? parseShare(value) : parseAmount(value);
      if (!parsed.ok) problems.push({ cell: where, message: `${text(cell)}: ${parsed.reason}; it was not used` });
      else if (parsed.value < 0) problems.push({ cell: where, message: `${text(cell)}: ${quote(value)} is negative; it was not used` });
      else staff[field] = parsed.value;
      if (field === 'localWages') localWagesAt = { cell: where, label: text(cell) };
    }),
  );
  // Local staff's wages are part of the payroll: in R2 without it in R1, R2 would hold money R1 does not.
  if (staff.localWages !== undefined && (staff.payroll === undefined || staff.localWages > staff.payroll)) {
    const why = staff.payroll === undefined ? 'they count only with the payroll (R1), of which they are part' : 'they are more than the payroll, of which they are part';
    problems.push({ cell: localWagesAt.cell, message: `${localWagesAt.label}: ${why}; they were not used` });
    delete staff.localWages;
  }
  return { staff, problems };
}

/** The answers in a `supplier,local_share` file. */
export function answersInFile(file: { name: string; text: string }): { answers: SurveyAnswer[]; problems: SheetProblem[] } {
  const read = answersFrom(parseCsv(file.text), (row) => `${file.name} line ${row + 1}`);
  if (!read.found) {
    throw new BaselineError('respend-invalid', `${file.name}: the first line must be the header supplier,local_share (a supplier's name, and the share of its spending that stays local, such as 45% or 0.45).`, { file: file.name, line: 1 });
  }
  return read;
}

/**
 * A new survey sheet: the answers already given (a file's), then the largest local suppliers not
 * yet surveyed, with the staff cells and how to fill it in to the right.
 */
export function newSurveySheet(answered: readonly SurveyAnswer[], largest: readonly { key: string; name: string }[], localArea: string): Grid {
  const done = new Set(answered.map((answer) => keyIdentity(answer.key)));
  const toAsk = largest.filter((supplier) => !done.has(keyIdentity(supplier.key))).slice(0, SURVEY_SUPPLIERS);
  const rows: Cell[][] = [
    [...SURVEY_COLUMNS],
    ...answered.map((answer): Cell[] => [answer.name, answer.key, answer.share, '']),
    ...toAsk.map((supplier): Cell[] => [supplier.name, supplier.key, '', '']),
  ];
  const side: Cell[][] = [
    ['Your own staff (optional)', 'Value'],
    ...Object.values(STAFF_LABELS).map(({ label }): Cell[] => [label(localArea), '']),
    [],
    ['How to fill this in', ''],
    [`Local share: the share of the supplier's own spending (wages to people living in ${localArea}, purchases from businesses there) that stays in ${localArea}: 45% or 0.45. Leave it blank until the supplier answers.`],
    ['Suppliers not surveyed count at the surveyed suppliers\' average share, weighted by spend. Add any local supplier on a new line.'],
    [`Your own staff: fill in all three to count your payroll in LM3 (R1), the wages of staff living in ${localArea} (R2) and what they spend there (R3).`],
  ];
  const height = Math.max(rows.length, side.length);
  return Array.from({ length: height }, (_, r) => {
    const row: Cell[] = [...(rows[r] ?? Array<Cell>(SURVEY_COLUMNS.length).fill(''))];
    return side[r] && side[r].length > 0 ? [...row, '', ...side[r]] : row;
  });
}
