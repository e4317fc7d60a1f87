/**
 * The invariants every case of the corpus is held to, in both hosts, each written once:
 *
 * 1. The user's cells are unchanged (text longer than a cell holds is cut, with a note).
 * 2. A second run changes nothing but the time stamp.
 * 3. Overrides, the Suppliers sheet and rule edits survive a run, and are honoured.
 * 4. Every data row is either analysed (a payment without an amount is placed and judged, and
 *    listed as such) or listed as not analysed, with why.
 * 5. The summary totals equal the sums of the rows.
 * 6. No text written back can become a formula, and every formula is one Excel can hold.
 * 7. Bad input ends with one message naming the file, sheet, row or column, a stable code, and
 *    nothing written.
 */
import type { Cell, Grid } from '../../src/core/cell';
import type { ErrorCode } from '../../src/core/errors';
import { formatDateTime } from '../../src/core/report/blocks';
import { OVERRIDE_HEADERS, RESULT_BLOCK_HEADERS, RESULT_WIDTH } from '../../src/core/report/columns';
import { STATE_SHEET } from '../../src/core/settings';
import type { Analysed, Refused } from '../fixtures/corpus/cases';
import { analysedRows, baselineFigure, methodLine, ownSheetNames, placedRow, rowsWithoutAmount, skippedRows, spendByLocality, stateOf, type FormulaCell, type WorkbookView } from './workbook-view';

/** The most characters an Excel cell holds. */
const CELL_CHARACTERS = 32_767;
/** Characters an .xlsx cannot hold as they are, which the command leaves out with a note (README). */
// eslint-disable-next-line no-control-regex -- these characters are the point
const FORBIDDEN_IN_XLSX = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const isBlankCell = (cell: Cell | undefined) => cell === null || cell === undefined || cell === '';

export interface UnchangedOptions {
  /** What the host told the user: a cut or a character left out must be said. */
  messages: readonly string[];
  /** The command leaves out control characters an .xlsx cannot hold (the pane's Excel holds them). */
  dropsControlCharacters: boolean;
  /**
   * The grids are number formats: the add-in formats the cells of its override columns (as text,
   * so that what the user types there stays as typed) where the user had set none.
   */
  formats?: boolean;
}

/** What a user's text must read as in the annotated copy, and the note that must say so when it differs. */
function expectedText(text: string, options: UnchangedOptions): { text: string; note?: RegExp } {
  let expected = text;
  let note: RegExp | undefined;
  if (options.dropsControlCharacters && FORBIDDEN_IN_XLSX.test(expected)) {
    expected = expected.replace(new RegExp(FORBIDDEN_IN_XLSX.source, 'g'), '');
    note = /control character/;
  }
  if (expected.length > CELL_CHARACTERS) return { text: expected, note: /32,?767/ };
  return { text: expected, note };
}

/**
 * 1. Every cell of the user's sheets is as it was, but for the add-in's eight result columns
 * (from their header row down) and its two override headers. `before` and `after` hold the same
 * kind of grid (values, formulas or number formats).
 */
export function expectUserCellsUnchanged(before: WorkbookView, after: WorkbookView, options: UnchangedOptions): void {
  const state = stateOf(after);
  const own = new Set([...Object.values(ownSheetNames(state)), STATE_SHEET]);
  for (const [sheet, grid] of before.sheets) {
    if (own.has(sheet)) continue;
    const copy = after.sheets.get(sheet);
    expect({ sheet, present: copy !== undefined }).toEqual({ sheet, present: true });
    const blocks = state.owned.resultColumns.filter((r) => r.sheet === sheet);
    const inBlock = (row: number, column: number) => blocks.some((b) => row >= b.headerRow && column >= b.firstColumn && column < b.firstColumn + RESULT_WIDTH);
    const inOverrides = (row: number, column: number) => blocks.some((b) => row >= b.headerRow && column >= b.firstColumn + RESULT_WIDTH && column < b.firstColumn + RESULT_BLOCK_HEADERS.length);
    const overrideHeader = (row: number, column: number, cell: Cell | undefined) =>
      options.formats ? inOverrides(row, column) : blocks.some((b) => row === b.headerRow && column >= b.firstColumn + RESULT_WIDTH && cell === OVERRIDE_HEADERS[column - b.firstColumn - RESULT_WIDTH]);
    const rows = Math.max(grid.length, copy!.length);
    const changed: string[] = [];
    const notes = new Set<RegExp>();
    for (let r = 0; r < rows; r++) {
      const width = Math.max(grid[r]?.length ?? 0, copy![r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        if (inBlock(r, c)) continue;
        const was = grid[r]?.[c];
        const is = copy![r]?.[c];
        if (isBlankCell(was) && (isBlankCell(is) || overrideHeader(r, c, is))) continue;
        if (typeof was === 'string') {
          const { text, note } = expectedText(was, options);
          if (note) notes.add(note);
          const cut = text.length > CELL_CHARACTERS;
          if (cut ? typeof is === 'string' && is.length <= CELL_CHARACTERS && text.startsWith(is.slice(0, CELL_CHARACTERS - 100)) : is === text) continue;
        } else if (was === is) {
          continue;
        }
        changed.push(`${sheet}!R${r + 1}C${c + 1}: ${JSON.stringify(was)?.slice(0, 80)} → ${JSON.stringify(is)?.slice(0, 80)}`);
      }
    }
    expect({ sheet, changed: changed.slice(0, 10) }).toEqual({ sheet, changed: [] });
    for (const note of notes) expect(options.messages).toEqual(expect.arrayContaining([expect.stringMatching(note)]));
  }
}

/** The view with each run's time stamps (ISO and as the sheets show it) replaced by a marker; the state sheet's JSON joined. */
function withoutTimeStamps(view: WorkbookView, runAt: Date): Map<string, Grid> {
  const stamps = [runAt.toISOString(), formatDateTime(runAt.toISOString())];
  const mask = (cell: Cell) => (typeof cell === 'string' ? stamps.reduce((text, stamp) => text.split(stamp).join('<time>'), cell) : cell);
  return new Map(
    [...view.sheets].map(([name, grid]) => [
      name,
      name === STATE_SHEET ? [[mask(grid.map((row) => row[0] ?? '').join(''))]] : grid.map((row) => row.map(mask)),
    ]),
  );
}

/** 2. A second run over the first's output changes nothing but the time stamp. */
export function expectRerunChangesOnlyTheTime(first: WorkbookView, firstAt: Date, second: WorkbookView, secondAt: Date): void {
  const a = withoutTimeStamps(first, firstAt);
  const b = withoutTimeStamps(second, secondAt);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [sheet, grid] of a) {
    const other = b.get(sheet)!;
    const differences: string[] = [];
    for (let r = 0; r < Math.max(grid.length, other.length); r++) {
      for (let c = 0; c < Math.max(grid[r]?.length ?? 0, other[r]?.length ?? 0); c++) {
        const x = grid[r]?.[c] ?? null;
        const y = other[r]?.[c] ?? null;
        if (x !== y && !(typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) < 1e-9)) differences.push(`R${r + 1}C${c + 1}: ${JSON.stringify(x)?.slice(0, 80)} → ${JSON.stringify(y)?.slice(0, 80)}`);
      }
    }
    expect({ sheet, differences: differences.slice(0, 10) }).toEqual({ sheet, differences: [] });
  }
}

/** What the user typed between two runs: a row override, a note and a postcode on the Suppliers sheet, a rule's verdict. */
export interface Edits {
  rowOverride: { sheet: string; row: number; column: number; text: string; dataRow: number };
  supplierNote: { sheet: string; key: string; column: number; text: string };
  rule: { sheet: string; row: number; column: number; verdict: string };
}

/** The edits to type into a first run's output: on its first analysed row, its first supplier and its first rule. */
export function planEdits(first: WorkbookView): Edits {
  const state = stateOf(first);
  const names = ownSheetNames(state);
  const block = state.owned.resultColumns[0];
  const row = analysedRows(first)[0];
  const suppliers = first.sheets.get(names.suppliers)!;
  const header = suppliers[0].map((h) => String(h ?? ''));
  const rules = first.sheets.get(names.rules)!;
  const verdict = rules[1][4] === 'not_influenceable' ? 'review' : 'not_influenceable';
  return {
    rowOverride: { sheet: block.sheet, row: row.row - 1, column: block.firstColumn + RESULT_WIDTH, text: 'Outside UK', dataRow: row.row },
    supplierNote: { sheet: names.suppliers, key: String(suppliers[1][header.indexOf('Supplier key')]), column: header.indexOf('Notes'), text: 'Checked with procurement, May 2025' },
    rule: { sheet: names.rules, row: 1, column: 4, verdict },
  };
}

/** 3. After a run over the edited workbook every edit is still there, as typed, and honoured. */
export function expectEditsSurvive(edits: Edits, after: WorkbookView): void {
  const { rowOverride, supplierNote, rule } = edits;
  expect(after.sheets.get(rowOverride.sheet)![rowOverride.row][rowOverride.column]).toBe(rowOverride.text);
  const overridden = analysedRows(after).find((row) => row.row === rowOverride.dataRow)!;
  expect({ locality: overridden.locality, basis: overridden.basis }).toEqual({ locality: 'outside_uk', basis: expect.stringMatching(/override/i) });

  const suppliers = after.sheets.get(supplierNote.sheet)!;
  const keyColumn = suppliers[0].indexOf('Supplier key');
  const line = suppliers.find((cells) => cells[keyColumn] === supplierNote.key);
  expect(line?.[supplierNote.column]).toBe(supplierNote.text);

  expect(after.sheets.get(rule.sheet)![rule.row][rule.column]).toBe(rule.verdict);
  expect(methodLine(after, 'Influenceability rules')).toMatch(/edited: 1 rule/);
}

/**
 * 4. Every row of data, from the first data row to the last row with anything on it, is
 * analysed, placed without an amount, or listed as not analysed with a reason — one of the three,
 * never two — and no other row is any. A row without an amount has a locality and an influence
 * beside it like any analysed row, and the Baseline sheet counts such rows.
 */
export function expectEveryRowAccounted(before: WorkbookView, expected: Analysed, after: WorkbookView): void {
  const sheet = expected.sheet ?? [...before.sheets.keys()][0];
  const grid = before.sheets.get(sheet)!;
  const filled = (r: number) => grid[r]?.some((cell) => !isBlankCell(cell) && !(typeof cell === 'string' && cell.trim() === '')) ?? false;
  let first = expected.firstDataRow ?? (expected.headerRow === null ? 1 : expected.headerRow + 1);
  while (first <= grid.length && !filled(first - 1)) first++;
  let last = grid.length;
  while (last > 0 && !filled(last - 1)) last--;
  const analysed = analysedRows(after).map((row) => row.row);
  const withoutAmount = rowsWithoutAmount(after);
  const skipped = skippedRows(after);
  for (const { reason } of [...skipped, ...withoutAmount]) expect(reason.trim()).not.toBe('');
  for (const { row } of withoutAmount) expect(placedRow(after, row)).toEqual({ row, locality: expect.any(String), influence: expect.any(String) });
  expect(baselineFigure(after, 'Rows without an amount, placed but not counted (see Method)')).toBe(withoutAmount.length);
  const listed = [...analysed, ...withoutAmount.map((r) => r.row), ...skipped.map((s) => s.row)].sort((a, b) => a - b);
  expect(new Set(listed).size).toBe(listed.length);
  const dataRows: number[] = [];
  for (let row = first; row <= last; row++) if (filled(row - 1)) dataRows.push(row);
  expect(listed).toEqual(dataRows);
}

/** 5. The headline, the count of payments and the spend by locality are the sums of the analysed rows. */
export function expectTotalsAreSumsOfRows(view: WorkbookView): void {
  const rows = analysedRows(view);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  expect(baselineFigure(view, 'Total spend (net of credits)')).toBeCloseTo(sum(rows.map((r) => r.amount)), 2);
  expect(baselineFigure(view, 'Payments analysed')).toBe(rows.length);
  for (const [locality, { spend, payments }] of spendByLocality(view)) {
    const mine = rows.filter((r) => r.locality === locality);
    expect({ locality, spend: Math.round(spend * 100), payments }).toEqual({ locality, spend: Math.round(sum(mine.map((r) => r.amount)) * 100), payments: mine.length });
  }
}

/** The functions the summaries' formulas use; anything else in a formula the add-in wrote would be text that became one. */
const SUMMARY_FUNCTIONS = new Set(['SUM', 'SUMIFS', 'COUNTIFS', 'SUMPRODUCT', 'ROWS', 'IF']);

/** A formula of the add-in's: its string literals and quoted sheet names aside, functions of its own over references. */
function isSummaryFormula(formula: string): boolean {
  const bare = formula
    .replace(/^=/, '')
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/'(?:[^']|'')*'!/g, 'S!');
  if (!/^[A-Z0-9_$!:(),.+\-*/<>="\s]*$/.test(bare)) return false;
  return [...bare.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].every((m) => SUMMARY_FUNCTIONS.has(m[1]));
}

/**
 * 6. Every formula in the output is either the user's own (a formula in the input, in the same
 * place) or one of the add-in's summary formulas on its summary sheets: no text was written as one.
 */
export function expectNoTextBecameFormula(beforeFormulas: readonly FormulaCell[], afterFormulas: readonly FormulaCell[], after: WorkbookView): void {
  const names = ownSheetNames(stateOf(after));
  const summarySheets = new Set([names.summary, names.top_suppliers, names.method, names.opportunities]);
  const users = new Set(beforeFormulas.map((f) => `${f.sheet}!${f.row},${f.column}=${f.formula.replace(/^=/, '')}`));
  const strays = afterFormulas.filter((f) => {
    if (users.has(`${f.sheet}!${f.row},${f.column}=${f.formula.replace(/^=/, '')}`)) return false;
    return !(summarySheets.has(f.sheet) && isSummaryFormula(f.formula));
  });
  expect(strays.slice(0, 5)).toEqual([]);
}

/** The most characters a formula holds ("Excel specifications and limits": length of formula contents). */
const FORMULA_CHARACTERS = 8_192;

/** 6, the file opens: every formula written fits in Excel (a longer one makes Excel repair the file, or the write fail). */
export function expectFormulasExcelHolds(formulas: readonly FormulaCell[]): void {
  const tooLong = formulas.filter((f) => f.formula.replace(/^=/, '').length > FORMULA_CHARACTERS).map((f) => `${f.sheet}!R${f.row + 1}C${f.column + 1}: ${f.formula.length} characters`);
  expect(tooLong.slice(0, 5)).toEqual([]);
}

/** 6, for the results CSV: a field a spreadsheet would take for a formula starts with an apostrophe. */
export function expectCsvTextIsNotAFormula(lines: readonly (readonly string[])[]): void {
  const risky = lines.flat().filter((field) => /^[=+\-@\t\r]/.test(field) && !/^-?\d+(?:\.\d+)?$/.test(field));
  expect(risky).toEqual([]);
}

/** 7. How a host refused: its code, its one message, and whether it wrote anything. */
export interface Refusal {
  code: ErrorCode | undefined;
  messages: readonly string[];
  wroteNothing: boolean;
}

export function expectClearRefusal(refusal: Refusal, expected: Refused): void {
  expect({ code: refusal.code, lines: refusal.messages.length, wroteNothing: refusal.wroteNothing }).toEqual({ code: expected.code, lines: 1, wroteNothing: true });
  expect(refusal.messages[0]).toMatch(expected.message);
}

/** The behaviour a case must get: where its header is, what was analysed and what was not, hidden rows, totals, rows. */
export function expectAnalysedAsCaseSays(expected: Analysed, view: WorkbookView): void {
  expect(methodLine(view, 'Input')).toMatch(expected.headerRow === null ? /: header none/ : new RegExp(`: header row ${expected.headerRow};`));
  const rows = analysedRows(view);
  expect(rows).toHaveLength(expected.payments);
  if (expected.skipped) {
    expect(skippedRows(view).map((s) => [s.row, s.reason])).toEqual(expected.skipped.map(([row, reason]) => [row, expect.stringMatching(reason)]));
  }
  expect(rowsWithoutAmount(view).map((s) => [s.row, s.reason])).toEqual((expected.withoutAmount ?? []).map(([row, reason]) => [row, expect.stringMatching(reason)]));
  const hidden = expected.hidden ?? 0;
  expect(methodLine(view, 'Hidden or filtered rows')).toMatch(hidden === 0 ? /^None$/ : new RegExp(`^${hidden.toLocaleString('en-GB')} payments? \\(£[\\d,.]+\\) on rows hidden or filtered out`));
  if (expected.total !== undefined) expect(baselineFigure(view, 'Total spend (net of credits)')).toBeCloseTo(expected.total, 2);
  for (const [row, want] of Object.entries(expected.rows ?? {})) {
    const got = rows.find((r) => r.row === Number(row));
    expect({ row: Number(row), found: got !== undefined }).toEqual({ row: Number(row), found: true });
    const { basis, ...exact } = want;
    expect({ row: Number(row), ...Object.fromEntries(Object.keys(exact).map((k) => [k, got![k as keyof typeof got]])) }).toEqual({ row: Number(row), ...exact });
    if (basis) expect({ row: Number(row), basis: got!.basis }).toEqual({ row: Number(row), basis: expect.stringMatching(basis) });
  }
}
