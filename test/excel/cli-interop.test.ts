/**
 * One workbook, two hosts: a workbook the command line annotated opens in the add-in with its
 * mapping, areas, suppliers and result columns intact, and the other way round. The simulator's
 * workbook goes to and from .xlsx through ExcelJS, values as Excel shows them (a formula's result
 * from the file; a formula itself into the file).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadInputs } from '../../src/cli/inputs';
import { readSpendFile } from '../../src/cli/read-file';
import type { Field } from '../../src/core/mapping';
import { STATE_SHEET } from '../../src/core/settings';
import type { AnalyseRequest, WorkbookOverview } from '../../src/excel/api';
import { runIn, temporaryFolder } from '../cli/cli-harness';
import type { ExcelSimulator } from '../sim/excel-simulator';
import type { SheetSetup } from '../sim/simulator-setup';
import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, serviceAt, simulate, snapshot } from './adapter-harness';
import { SPEND_ADDRESS, spendSheetCells } from './spend-fixture';

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

async function writeInput(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Spend');
  spendSheetCells().forEach((row, r) => row.forEach((cell, c) => {
    if (cell !== null && cell !== '' && typeof cell !== 'object') sheet.getCell(r + 1, c + 1).value = cell;
  }));
  await workbook.xlsx.writeFile(file);
}

/** An .xlsx file as the simulator's workbook: every sheet's values and visibility. */
async function simulatorFrom(file: string): Promise<ExcelSimulator> {
  const { sheets } = await readSpendFile(file);
  const setups: SheetSetup[] = await Promise.all(sheets.map(async (sheet) => ({ name: sheet.name, cells: await sheet.grid(), visibility: VISIBILITY[sheet.state] })));
  return simulate({ sheets: setups, activeSheet: 'Spend' });
}

/** The simulator's workbook as an .xlsx file: formulas as formulas, values as values. */
async function writeSimulator(sim: ExcelSimulator, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const summary of sim.sheets()) {
    const sheet = workbook.addWorksheet(summary.name, { state: summary.visibility === 'VeryHidden' ? 'veryHidden' : summary.visibility === 'Hidden' ? 'hidden' : 'visible' });
    if (!summary.usedRange) continue;
    const corner = summary.usedRange.split(':').pop()!;
    const values = sim.values(summary.name, `A1:${corner.replace(/^.*!/, '')}`);
    const formulas = sim.formulas(summary.name, `A1:${corner.replace(/^.*!/, '')}`);
    values.forEach((row, r) => row.forEach((value, c) => {
      if (value === '') return;
      const formula = formulas[r][c];
      sheet.getCell(r + 1, c + 1).value = formula !== value && typeof formula === 'string' ? { formula: formula.slice(1), result: value } as ExcelJS.CellFormulaValue : value;
    }));
  }
  await workbook.xlsx.writeFile(file);
}

/** The request the pane makes from the settings a workbook remembers. */
function requestFromSettings(overview: WorkbookOverview): AnalyseRequest {
  const settings = overview.state.settings;
  const { local, wider } = settings.areas!;
  return {
    mapping: settings.mapping!.fields as Partial<Record<Field, string>>,
    areas: { local: { name: local.name, districts: local.districts }, wider: { name: wider.name, districts: wider.districts } },
    areaQueries: { local: local.query, wider: wider.query },
    threshold: settings.threshold,
    online: settings.online.allowed,
  };
}

describe('the workbook state is shared with the command line', () => {
  it('a workbook the command line annotated opens in the add-in intact, and a re-run replaces its columns in place', async () => {
    const folder = temporaryFolder('excel-interop');
    await writeInput(path.join(folder, 'payments.xlsx'));
    expect(await runIn(folder, ['payments.xlsx', '--local', 'Preston', '--wider', 'Lancashire'])).toMatchObject({ code: 0 });

    const sim = await simulatorFrom(path.join(folder, 'payments-baseline.xlsx'));
    expect(sim.sheets().find((s) => s.name === STATE_SHEET)?.visibility).toBe('VeryHidden');
    const cliSuppliers = sim.values('Suppliers');
    const pennine = cliSuppliers.findIndex((row) => row[1] === 'Pennine Print Ltd') + 1;
    sim.writeCells('Suppliers', `E${pennine}`, [['PR1 2AD']]);
    const before = snapshot(sim, 'Spend', SPEND_ADDRESS);

    const service = serviceAt(FIRST_RUN);
    const overview = await service.inspect();
    expect(overview.data).toMatchObject({ sheet: 'Spend', headerRow: 4, address: 'A4:F18' });
    expect(overview.data!.mapping.supplier?.header).toBe('Supplier Name');
    expect(overview.state.settings.mapping?.fields).toMatchObject({ supplier: 'Supplier Name', amount: 'Net Amount', postcode: 'Supplier Postcode' });
    expect(overview.state.settings.areas).toMatchObject({ local: { name: 'Preston', districts: ['E07000123'] }, wider: { name: 'Lancashire' } });
    await service.analyse(requestFromSettings(overview), await hooks());

    expectUnchanged(sim, before);
    expect(sim.usedRange('Spend', true)).toBe('Spend!A1:P18');
    expect(sim.values('Spend', 'G4:H4')[0]).toEqual(['Locality', 'Local authority']);
    const suppliers = sim.values('Suppliers');
    expect(suppliers).toHaveLength(cliSuppliers.length);
    expect(suppliers.find((row) => row[1] === 'Pennine Print Ltd')!.slice(11, 12)).toEqual(['Local (Preston)']);
    expect(sim.sheetNames().filter((n) => /\(2\)$/.test(n))).toEqual([]);
  });

  it('a workbook the add-in annotated is read by the command line with its settings, and analysed again in place', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const service = serviceAt(FIRST_RUN);
    const request = await acceptProposal(await service.inspect());
    await service.analyse(request, await hooks());
    const folder = temporaryFolder('excel-interop');
    const file = path.join(folder, 'from-excel.xlsx');
    await writeSimulator(sim, file);

    const loaded = await loadInputs([file], { map: [] });
    expect(loaded.state?.settings.mapping?.fields).toMatchObject({ supplier: 'Supplier Name', amount: 'Net Amount' });
    expect(loaded.state?.settings.areas?.wider.districts).toHaveLength(12);
    expect(loaded.state?.owned.resultColumns).toEqual([expect.objectContaining({ sheet: 'Spend', firstColumn: 6, headerRow: 3 })]);
    expect(loaded.dataSheets.map((d) => d.sheet)).toEqual(['Spend']);

    expect(await runIn(folder, ['from-excel.xlsx'])).toMatchObject({ code: 0 });
    const { sheets } = await readSpendFile(path.join(folder, 'from-excel-baseline.xlsx'));
    const spend = await sheets.find((s) => s.name === 'Spend')!.grid();
    expect(spend[3].slice(6, 16)).toEqual(sim.values('Spend', 'G4:P4')[0]);
    expect(spend[3].slice(16).every((cell) => cell === null || cell === '')).toBe(true);
    expect((await sheets.find((s) => s.name === 'Suppliers')!.grid()).length).toBe(sim.values('Suppliers').length);
    expect(fs.existsSync(path.join(folder, 'from-excel-baseline.xlsx'))).toBe(true);
  });
});
