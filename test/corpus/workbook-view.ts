/**
 * A workbook as the corpus checks see it, whichever host wrote it: every sheet's values (blanks as
 * null), its formula cells, and what the add-in's own sheets say (the rows analysed, the rows not
 * analysed, the hidden rows, the headline), read the same way from the command line's .xlsx and
 * from the simulated Excel.
 */
import * as fs from 'fs';
import JSZip from 'jszip';
import { readSpendFile } from '../../src/cli/read-file';
import type { Cell, Grid } from '../../src/core/cell';
import { LOCALITIES, INFLUENCES, type Influence, type Locality } from '../../src/core/codes';
import { INFLUENCE_LABELS, localityLabel } from '../../src/core/labels';
import { RESULT_BLOCK_HEADERS } from '../../src/core/report/columns';
import { columnOfReference } from '../../src/workbook/cells';
import { unescapeXml } from '../../src/workbook/xml';
import { sheetNamesFor, STATE_SHEET, stateFromCells, type SheetRole, type WorkbookState } from '../../src/core/settings';
import type { ExcelSimulator } from '../sim/excel-simulator';

export interface WorkbookView {
  /** Every sheet's cells from A1, in the workbook's order. */
  sheets: Map<string, Grid>;
}

export interface FormulaCell {
  sheet: string;
  /** 0-based. */
  row: number;
  column: number;
  formula: string;
}

const blankAsNull = (cell: unknown): Cell => (cell === '' || cell === undefined ? null : (cell as Cell));

export async function viewOfFile(file: string): Promise<WorkbookView> {
  const read = await readSpendFile(file);
  const sheets = new Map<string, Grid>();
  for (const sheet of read.sheets) sheets.set(sheet.name, (await sheet.grid()).map((row) => row.map(blankAsNull)));
  return { sheets };
}

export function viewOfSimulator(sim: ExcelSimulator): WorkbookView {
  return { sheets: new Map(sim.sheetNames().map((name) => [name, sim.values(name, usedFromA1(sim, name)).map((row) => row.map(blankAsNull))])) };
}

/** The sheet's used range widened to start at A1, so that grid indexes are sheet rows and columns. */
export function usedFromA1(sim: ExcelSimulator, sheet: string): string | undefined {
  const used = sim.usedRange(sheet);
  if (!used) return undefined;
  const corner = /!(?:\$?[A-Z]+\$?\d+:)?\$?([A-Z]+)\$?(\d+)$/.exec(used);
  return corner ? `A1:${corner[1]}${corner[2]}` : undefined;
}

/** The formula cells of every worksheet part of an .xlsx file, from its XML. */
export async function formulasOfFile(file: string): Promise<FormulaCell[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) return [];
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const formulas: FormulaCell[] = [];
  for (const tag of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(tag[0])![1]);
    const target = targets.get(/\br:id="([^"]*)"/.exec(tag[0])![1])!;
    const xml = await zip.file(target.startsWith('/') ? target.slice(1) : `xl/${target}`)!.async('string');
    for (const cell of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const formula = /<f\b[^>]*?(?:\/>|>([^<]*)<\/f>)/.exec(cell[2] ?? '');
      if (!formula) continue;
      const reference = /\br="([A-Z]+)(\d+)"/.exec(cell[1])!;
      formulas.push({ sheet: name, row: Number(reference[2]) - 1, column: columnOfReference(reference[1]), formula: unescapeXml(formula[1] ?? '') });
    }
  }
  return formulas;
}

export function formulasOfSimulator(sim: ExcelSimulator): FormulaCell[] {
  return sim.sheetNames().flatMap((sheet) => sim.formulaCells(sheet).map((cell) => ({ sheet, ...cell })));
}

// ---------------------------------------------------------------------------------------------
// What the add-in's own sheets say.

export function stateOf(view: WorkbookView): WorkbookState {
  const cells = (view.sheets.get(STATE_SHEET) ?? []).map((row) => row[0]).filter((cell): cell is string => typeof cell === 'string');
  return stateFromCells(cells);
}

export function ownSheetNames(state: WorkbookState): Record<SheetRole, string> {
  return sheetNamesFor(state.owned.sheets, []);
}

export interface AnalysedRow {
  row: number;
  supplier: string;
  supplierKey: string;
  amount: number;
  locality: Locality;
  /** ONS code, or '' for none. */
  district: string;
  influence: Influence;
  /** The locality basis in words, from the result columns beside the data. */
  basis: string;
}

const LOCALITY_COLUMN = RESULT_BLOCK_HEADERS.indexOf('Locality');
const INFLUENCE_COLUMN = RESULT_BLOCK_HEADERS.indexOf('Influenceable');

/** Labels as the sheets show them, back to codes. */
function labelCodes(state: WorkbookState): { localities: Map<string, Locality>; influences: Map<string, Influence> } {
  const areas = state.settings.areas!;
  return {
    localities: new Map(LOCALITIES.map((l) => [localityLabel(l, { local: areas.local.name, wider: areas.wider.name }), l])),
    influences: new Map(INFLUENCES.map((i) => [INFLUENCE_LABELS[i], i])),
  };
}

/** The locality and influence the result block beside the data gives a sheet row (1-based): undefined where it gives none. */
export function placedRow(view: WorkbookView, row: number): { row: number; locality?: Locality; influence?: Influence } {
  const state = stateOf(view);
  const { localities, influences } = labelCodes(state);
  const block = state.owned.resultColumns[0];
  const cells = view.sheets.get(block.sheet)?.[row - 1] ?? [];
  return { row, locality: localities.get(String(cells[block.firstColumn + LOCALITY_COLUMN])), influence: influences.get(String(cells[block.firstColumn + INFLUENCE_COLUMN])) };
}

/** Every row of the analysis sheet, with its basis from the result block on the data sheet. */
export function analysedRows(view: WorkbookView): AnalysedRow[] {
  const state = stateOf(view);
  const names = ownSheetNames(state);
  const { localities: labels, influences } = labelCodes(state);
  const block = state.owned.resultColumns[0];
  const data = view.sheets.get(block.sheet) ?? [];
  const table = view.sheets.get(names.analysis) ?? [];
  return table.slice(1).filter((row) => row.some((cell) => cell !== null)).map((row) => {
    const number = Number(row[1]);
    const locality = labels.get(String(row[5]));
    const influence = influences.get(String(row[7]));
    if (!locality || !influence) throw new Error(`row ${number} of the analysis sheet has locality "${row[5]}" and influence "${row[7]}"`);
    return {
      row: number,
      supplier: String(row[2]),
      supplierKey: String(row[3] ?? ''),
      amount: Number(row[4]),
      locality,
      district: /\(([A-Z]\d{8})\)$/.exec(String(row[6] ?? ''))?.[1] ?? '',
      influence,
      basis: String(data[number - 1]?.[block.firstColumn + 2] ?? ''),
    };
  });
}

/** A Method sheet block that lists rows (source, row, why) under a title ending "(count)"; none when the block is absent and `optional`. */
function methodRowList(view: WorkbookView, title: RegExp, optional: boolean): { row: number; reason: string }[] {
  const method = view.sheets.get(ownSheetNames(stateOf(view)).method) ?? [];
  const at = method.findIndex((row) => title.test(String(row[0] ?? '')));
  if (at < 0) {
    if (optional) return [];
    throw new Error(`the Method sheet has no block ${title}`);
  }
  const rows: { row: number; reason: string }[] = [];
  for (const cells of method.slice(at + 2)) {
    if (cells.slice(0, 3).every((cell) => cell === null)) break;
    rows.push({ row: Number(cells[1]), reason: String(cells[2]) });
  }
  expect(rows).toHaveLength(Number(/\((\d+)\)$/.exec(String(method[at][0]))![1]));
  return rows;
}

/** The Method sheet's block of rows not analysed: [row, reason]. */
export function skippedRows(view: WorkbookView): { row: number; reason: string }[] {
  return methodRowList(view, /^Rows not analysed \(\d+\)$/, false);
}

/** The Method sheet's block of payments without an amount (placed and judged, in no total): [row, why]; the block is there only when there are some. */
export function rowsWithoutAmount(view: WorkbookView): { row: number; reason: string }[] {
  return methodRowList(view, /^Rows without an amount: placed and judged, not in any total \(\d+\)$/, true);
}

/** A line of the Method sheet's first block ("Hidden or filtered rows", "Influenceability rules"). */
export function methodLine(view: WorkbookView, item: string): string {
  const method = view.sheets.get(ownSheetNames(stateOf(view)).method) ?? [];
  const line = method.find((row) => row[0] === item);
  if (!line) throw new Error(`the Method sheet has no "${item}" line`);
  return String(line[1]);
}

/** The figure beside a label on the Baseline sheet (its first occurrence), blank as 0. */
export function baselineFigure(view: WorkbookView, label: string, column = 1): number {
  const baseline = view.sheets.get(ownSheetNames(stateOf(view)).summary) ?? [];
  const line = baseline.find((row) => row[0] === label);
  if (!line) throw new Error(`the Baseline sheet has no "${label}" line`);
  return Number(line[column] ?? 0);
}

/** The "Spend by locality" block of the Baseline sheet: spend and payments per locality. */
export function spendByLocality(view: WorkbookView): Map<Locality, { spend: number; payments: number }> {
  const state = stateOf(view);
  const areas = state.settings.areas!;
  const baseline = view.sheets.get(ownSheetNames(state).summary) ?? [];
  const title = baseline.findIndex((row) => row[0] === 'Spend by locality');
  const lines = baseline.slice(title + 2, title + 2 + LOCALITIES.length);
  return new Map(
    LOCALITIES.map((l, i) => {
      expect(lines[i][0]).toBe(localityLabel(l, { local: areas.local.name, wider: areas.wider.name }));
      return [l, { spend: Number(lines[i][1] ?? 0), payments: Number(lines[i][3] ?? 0) }];
    }),
  );
}
