/**
 * Excel's limits, kept in everything an analysis plans to write: a cell holds at most 32,767
 * characters of text, and a formula at most 8,192. Longer text is cut, ending with a mark that
 * says so (the only change ever made to a user's text); a summary figure whose formula would be
 * longer is written as its value. The Method sheet and the host say where either happened.
 * (Excel specifications and limits: "Total number of characters that a cell can contain: 32,767
 * characters"; "Length of formula contents: 8,192 characters".)
 */
import { columnLetter } from '../column-letters';
import type { Block } from '../report/blocks';
import { isFormula, type OutCell } from '../report/columns';
import type { SheetPlan } from '../report/plan';
import { countOf } from '../wording';
import type { PlanCell, PlanRows, UserSheetPlan } from './plan-types';

export const MAX_CELL_TEXT = 32_767;

/** A cell of the data whose text is longer than an Excel cell holds. */
export interface LongText {
  sheet: string;
  /** 1-based sheet row and 0-based sheet column. */
  row: number;
  column: number;
  length: number;
}
export const MAX_FORMULA_LENGTH = 8_192;

/** The end of a text cut to fit a cell. */
export const CUT_MARK = ' […cut: a cell holds 32,767 characters]';

/** Text as a cell can hold it: cut, with the mark, when longer (never through a surrogate pair). */
export function fitText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - CUT_MARK.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}${CUT_MARK}`;
}

/** A cell within the limits: text cut; a formula too long for Excel as its value. */
export function fitCell(cell: PlanCell): PlanCell {
  if (typeof cell === 'string') return fitText(cell);
  if (!isFormula(cell)) return cell;
  const value = typeof cell.value === 'string' ? fitText(cell.value) : cell.value;
  if (cell.formula.length > MAX_FORMULA_LENGTH) return value;
  return value === cell.value ? cell : { formula: cell.formula, value };
}

/** Rows whose cells are fitted as they are made. */
export function fittedRows(rows: PlanRows): PlanRows {
  return { count: rows.count, width: rows.width, row: (i) => rows.row(i).map((cell) => fitCell(cell)) };
}

/** Summary sheets with every cell fitted, and how many formulas became values. */
export function fitSheetPlans(plans: readonly SheetPlan[]): { plans: SheetPlan[]; formulasAsValues: number } {
  let formulasAsValues = 0;
  const fitBlock = (block: Block): Block => ({
    ...block,
    title: fitText(block.title),
    rows: block.rows.map((cells) =>
      cells.map((cell): OutCell => {
        const fitted = fitCell(cell) as OutCell;
        if (isFormula(cell) && !isFormula(fitted)) formulasAsValues++;
        return fitted;
      }),
    ),
  });
  return { plans: plans.map((plan) => ({ ...plan, blocks: plan.blocks.map(fitBlock) })), formulasAsValues };
}

/** A sheet the user edits, its text fitted. */
export function fitUserSheet(plan: UserSheetPlan): UserSheetPlan {
  return { ...plan, after: plan.after.map((row) => row.map((cell) => (typeof cell === 'string' ? fitText(cell) : cell))) };
}

/** The plans with lines added to the Method sheet's first block (its items and their values). */
export function withMethodNotes(plans: readonly SheetPlan[], lines: readonly OutCell[][]): SheetPlan[] {
  if (lines.length === 0) return [...plans];
  return plans.map((plan) =>
    plan.role === 'method' ? { ...plan, blocks: plan.blocks.map((block, i) => (i === 0 ? { ...block, rows: [...block.rows, ...lines] } : block)) } : plan,
  );
}

/** Where the texts cut were, shown for the first few. */
const CELLS_SHOWN = 5;

/** What was changed to fit Excel's limits, in sentences for the Method sheet and the host; none when nothing was. */
export function excelLimitNotes(longTexts: readonly LongText[], formulasAsValues: number): string[] {
  const notes: string[] = [];
  if (longTexts.length > 0) {
    const shown = longTexts.slice(0, CELLS_SHOWN).map((cell) => `${cell.sheet}!${columnLetter(cell.column)}${cell.row} (${cell.length.toLocaleString('en-GB')} characters)`);
    const more = longTexts.length > CELLS_SHOWN ? ` and ${(longTexts.length - CELLS_SHOWN).toLocaleString('en-GB')} more` : '';
    notes.push(
      `${countOf(longTexts.length, 'cell')} of the data held more text than an Excel cell can (${MAX_CELL_TEXT.toLocaleString('en-GB')} characters): ${shown.join(', ')}${more}. ` +
        `Wherever that text is written it is cut to fit, ending "${CUT_MARK.trim()}"; nothing else of your text is ever changed.`,
    );
  }
  if (formulasAsValues > 0) {
    notes.push(
      `${countOf(formulasAsValues, 'summary figure')} ${formulasAsValues === 1 ? 'is' : 'are'} written as ${formulasAsValues === 1 ? 'a value' : 'values'}, not formulas: ` +
        `${formulasAsValues === 1 ? 'its formula' : 'their formulas'} would be longer than the ${MAX_FORMULA_LENGTH.toLocaleString('en-GB')} characters Excel allows (a label that long).`,
    );
  }
  return notes;
}
