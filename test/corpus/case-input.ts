/** A corpus case's input as each host gets it: a file on disk for the command line, a simulated workbook for the pane. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { csvField } from '../../src/core/csv';
import { STATE_SHEET } from '../../src/core/settings';
import type { CaseCell, CaseSheet, CorpusCase } from '../fixtures/corpus/cases';
import type { SetupCell, SimulatorSetup } from '../sim/simulator-setup';

export const CORPUS_FILES = path.join(__dirname, '..', 'fixtures', 'corpus');

const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

function dateOf(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function excelJsValue(cell: Exclude<CaseCell, null>): ExcelJS.CellValue {
  if (typeof cell !== 'object') return cell;
  if ('error' in cell) return { error: cell.error } as ExcelJS.CellErrorValue;
  if ('formula' in cell) return { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
  return dateOf(cell.date);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: CaseSheet): void {
  const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.name === STATE_SHEET ? 'veryHidden' : 'visible' });
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null) worksheet.getCell(r + 1, c + 1).value = excelJsValue(cell);
    }),
  );
  for (const [column, format] of Object.entries(sheet.formats ?? {})) worksheet.getColumn(column).numFmt = format;
  for (const area of sheet.merges ?? []) worksheet.mergeCells(area);
  for (const row of sheet.hiddenRows ?? []) worksheet.getRow(row).hidden = true;
  if (sheet.filter) worksheet.autoFilter = sheet.filter;
  if (sheet.table) {
    const [from] = sheet.table.ref.split(':');
    const top = Number(/\d+/.exec(from)![0]);
    const left = from.charCodeAt(0) - 64;
    const bottom = Number(/\d+$/.exec(sheet.table.ref)![0]);
    const header = sheet.rows[top - 1].slice(left - 1).map(String);
    const rows = sheet.rows.slice(top, bottom).map((row) => row.slice(left - 1).map((cell) => (cell === null ? null : excelJsValue(cell))));
    worksheet.addTable({ name: sheet.table.name, ref: from, headerRow: true, columns: header.map((name) => ({ name })), rows });
  }
}

function csvText(rows: readonly CaseCell[][]): string {
  const text = (cell: CaseCell) => (cell === null ? '' : typeof cell === 'object' ? ('date' in cell ? cell.date : 'error' in cell ? cell.error : String(cell.result)) : String(cell));
  return rows.map((row) => row.map((cell) => csvField(text(cell))).join(',')).join('\r\n') + '\r\n';
}

/** Writes the case's input into `folder`; returns its file name. */
export async function writeCaseFile(corpusCase: CorpusCase, folder: string): Promise<string> {
  const { input } = corpusCase;
  if ('file' in input) {
    fs.copyFileSync(path.join(CORPUS_FILES, input.file), path.join(folder, input.file));
    return input.file;
  }
  if ('generate' in input) {
    fs.writeFileSync(path.join(folder, input.name), await input.generate());
    return input.name;
  }
  if (input.format === 'csv') {
    const name = `${input.sheets[0].name}.csv`;
    fs.writeFileSync(path.join(folder, name), csvText(input.sheets[0].rows));
    return name;
  }
  const workbook = new ExcelJS.Workbook();
  for (const sheet of input.sheets) addSheet(workbook, sheet);
  const name = `${corpusCase.id}.xlsx`;
  await workbook.xlsx.writeFile(path.join(folder, name));
  return name;
}

function setupCell(cell: CaseCell): SetupCell {
  if (cell === null || typeof cell !== 'object') return cell;
  if ('error' in cell) return cell.error;
  if ('formula' in cell) return { formula: `=${cell.formula}` };
  return (dateOf(cell.date).getTime() - EXCEL_DAY_ZERO) / MS_PER_DAY;
}

/** The case's workbook as the simulated Excel holds it: values as Range.values gives them (an error as its text). */
export function simulatorSetup(corpusCase: CorpusCase): SimulatorSetup {
  const { input } = corpusCase;
  if (!('sheets' in input)) throw new Error(`${corpusCase.id} is a file, not a workbook`);
  return {
    sheets: input.sheets.map((sheet) => ({
      name: sheet.name,
      cells: sheet.rows.map((row) => row.map(setupCell)),
      numberFormats: Object.fromEntries(Object.entries(sheet.formats ?? {}).map(([column, format]) => [`${column}1:${column}${Math.max(1, sheet.rows.length)}`, format])),
      visibility: sheet.name === STATE_SHEET ? 'VeryHidden' : 'Visible',
      hiddenRows: sheet.hiddenRows ?? [],
      tables: sheet.table ? [{ address: sheet.table.ref, name: sheet.table.name }] : [],
    })),
    activeSheet: input.dataSheet ?? input.sheets[0].name,
  };
}

/** Merged areas by sheet, which the simulator makes through the API. */
export function mergedAreas(corpusCase: CorpusCase): { sheet: string; area: string }[] {
  const { input } = corpusCase;
  return 'sheets' in input ? input.sheets.flatMap((sheet) => (sheet.merges ?? []).map((area) => ({ sheet: sheet.name, area }))) : [];
}
