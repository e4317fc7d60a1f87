/**
 * Every summary figure is a formula over the analysis sheet, written with the value it has.
 * Here each formula is computed again from the written analysis sheet with the simulator's
 * formula evaluator, which matches criteria as Excel does (text ignoring case; a criterion that
 * reads as a number or a date by value; none over 255 characters), and must give the value
 * written beside it.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { longestTextValue, MAX_FORMULA_TEXT_CHARACTERS } from '../sim/cell-entry';
import { evaluateFormula, type FormulaScope } from '../sim/formula-evaluator';
import { runIn, temporaryFolder } from './cli-harness';

type Value = number | string;

/** The workbook's cells as the evaluator asks for them (values as the file holds them). */
function scopeOf(workbook: ExcelJS.Workbook, sheetName: string): FormulaScope {
  return {
    sheetName,
    cellValue(sheet, row, column) {
      const found = workbook.getWorksheet(sheet);
      if (!found) return '#REF!';
      const value = found.getCell(row + 1, column + 1).value;
      if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
      if (value && typeof value === 'object' && 'result' in value) {
        const result = (value as ExcelJS.CellFormulaValue).result;
        return typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean' ? result : 0;
      }
      return '';
    },
    lastUsedRow: (sheet) => (workbook.getWorksheet(sheet)?.rowCount ?? 0) - 1,
    resolveName: () => null,
  };
}

test('every formula on the summary sheets computes to the value written beside it', async () => {
  const folder = temporaryFolder('formulas');
  // Categories that differ only in case, categories that read as one number ("2024", "02024")
  // or a date, one longer than a criterion or a formula's text may be, payments without a
  // category or an institution, a supplier whose name holds a wildcard, suppliers whose keys
  // read as one number, and a credit.
  fs.writeFileSync(
    path.join(folder, 'spend.csv'),
    [
      'Body,Supplier Name,Supplier Postcode,Expense Type,Net Amount',
      'Preston City Council,Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,100.00',
      'Preston City Council,Fishergate Cleaning Ltd,PR1 2AA,CLEANING SERVICES,50.00',
      'Lancashire County Council,Star * Roofing Ltd,PR25 1AA,Building Repairs,400.00',
      ',Manchester Legal LLP,M1 1AE,,200.00',
      'Preston City Council,EDF Energy Customers Ltd,M3 5AB,Electricity,-25.00',
      'Preston City Council,Nowhere Ltd,,Printing ~ copying,10.00',
      'Preston City Council,2024 Ltd,PR1 2AA,2024,11.00',
      'Preston City Council,02024 Ltd,PR1 2AA,02024,13.00',
      'Preston City Council,Dated Ltd,PR1 2AA,1/4/2024,17.00',
      'Preston City Council,Dated Again Ltd,PR1 2AA,01/04/2024,19.00',
      `Preston City Council,${'Long Name '.repeat(30)}Ltd,PR1 2AA,${'Long category '.repeat(20)},23.00`,
    ].join('\r\n'),
  );
  const run = await runIn(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire']);
  expect(run.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(folder, 'spend-baseline.xlsx'));
  let checked = 0;
  for (const name of ['Baseline', 'Top suppliers', 'Method', 'Opportunities']) {
    workbook.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as ExcelJS.CellFormulaValue;
        if (!value || typeof value !== 'object' || !('formula' in value)) return;
        // Excel would not take a formula holding a longer text value.
        const tooLong = longestTextValue(value.formula) > MAX_FORMULA_TEXT_CHARACTERS;
        expect({ cell: `${name}!${cell.address}`, tooLong }).toEqual({ cell: `${name}!${cell.address}`, tooLong: false });
        const computed = evaluateFormula(`=${value.formula}`, scopeOf(workbook, name));
        // ExcelJS reads a cached result of 0 back as no result (the file holds <v>0</v>).
        const written = (value.result ?? 0) as Value;
        if (typeof written === 'number') expect({ cell: `${name}!${cell.address}`, value: Number(computed).toFixed(6) }).toEqual({ cell: `${name}!${cell.address}`, value: written.toFixed(6) });
        else expect({ cell: `${name}!${cell.address}`, value: computed }).toEqual({ cell: `${name}!${cell.address}`, value: written });
        checked++;
      }),
    );
  }
  expect(checked).toBeGreaterThan(100);
});
