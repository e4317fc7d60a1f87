import { BaselineError } from '../../src/core/errors';
import { acceptProposal, DEFAULT_RULES_CSV, expectUnchanged, FIRST_RUN, hooks, serviceAt, simulate, snapshot } from './adapter-harness';
import { SPEND_ADDRESS, spendSheetCells } from './spend-fixture';

async function analysed() {
  const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
  const service = serviceAt(FIRST_RUN);
  await service.analyse(await acceptProposal(await service.inspect()), await hooks());
  return { sim, service };
}

describe('the pane’s other requests', () => {
  it('remap: the header row the user chooses (or none) holds for the next analysis', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const service = serviceAt(FIRST_RUN);
    const none = await service.remap(null);
    expect(none.data).toMatchObject({ headerRow: null, headers: ['Column A', 'Column B', 'Column C', 'Column D', 'Column E', 'Column F'] });
    const back = await service.remap(4);
    expect(back.data?.headerRow).toBe(4);
    expect(back.data?.mapping.supplier?.header).toBe('Supplier Name');
    expect(sim.sheetNames()).toEqual(['Spend']);
  });

  it('saveSettings keeps the settings on the very hidden state sheet, for the next inspect', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const service = serviceAt(FIRST_RUN);
    const overview = await service.inspect();
    await service.saveSettings({ ...overview.state.settings, threshold: 0.9, mapping: { sheet: 'Spend', fields: { supplier: 'Description', amount: 'Net Amount' } } });
    expect(sim.sheets().find((s) => s.name === 'LSB_State')?.visibility).toBe('VeryHidden');
    const again = await service.inspect();
    expect(again.state.settings.threshold).toBe(0.9);
    expect(again.data?.mapping.supplier?.header).toBe('Description');
  });

  it('showSheet and showSupplier bring the add-in’s sheets up', async () => {
    const { sim, service } = await analysed();
    await service.showSheet('method');
    expect(sim.activeSheetName).toBe('Method');
    await service.showSupplier('WATER PLUS');
    expect(sim.selection).toBe('Suppliers!A6:S6');
    // However a finance system spaced the name, it is the same supplier.
    await service.showSupplier('WATERPLUS');
    expect(sim.selection).toBe('Suppliers!A6:S6');
    await expect(service.showSupplier('NOBODY')).rejects.toBeInstanceOf(BaselineError);
    await expect(service.showSupplier('NOBODY')).rejects.toMatchObject({ code: 'supplier-missing' });
  });

  it('showSheet before any analysis says what to do', async () => {
    simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    await expect(serviceAt(FIRST_RUN).showSheet('summary')).rejects.toMatchObject({ code: 'not-analysed', where: { sheet: 'Baseline' } });
  });

  it('resetRules replaces the Rules sheet with the defaults, and nothing else', async () => {
    const { sim, service } = await analysed();
    const spend = snapshot(sim, 'Spend', SPEND_ADDRESS);
    const original = sim.values('Rules');
    sim.writeCells('Rules', 'F2', [['review']]);
    sim.writeCells('Rules', 'A200', [['999']]);
    await service.resetRules(DEFAULT_RULES_CSV);
    expect(sim.values('Rules')).toEqual(original);
    expectUnchanged(sim, spend);
  });

  it('importCreditors fills blank postcodes only, keeping what the user typed', async () => {
    const { sim, service } = await analysed();
    const rows = sim.values('Suppliers');
    const row = (name: string) => rows.findIndex((r) => r[1] === name) + 1;
    sim.writeCells('Suppliers', `E${row('Summit Security Ltd')}`, [['PR1 9AZ']]);
    const before = sim.values('Suppliers');
    const outcome = await service.importCreditors([
      { supplier: 'Pennine Print Ltd', address: '1 Mill Lane, Preston PR1 2AB' },
      { supplier: 'Summit Security Ltd', postcode: 'M3 5AB' },
      { supplier: 'Nobody We Paid Ltd', postcode: 'PR1 2AD' },
    ]);
    expect(outcome).toEqual({ matched: 2, filled: 1 });
    const after = sim.values('Suppliers');
    expect(after[row('Pennine Print Ltd') - 1].slice(4, 6)).toEqual(['PR1 2AB', 'creditor file']);
    expect(after[row('Summit Security Ltd') - 1][4]).toBe('PR1 9AZ');
    const changed = after.flatMap((r, i) => r.map((cell, c) => (cell === before[i][c] ? null : `${i},${c}`))).filter(Boolean);
    expect(changed).toEqual([`${row('Pennine Print Ltd') - 1},4`, `${row('Pennine Print Ltd') - 1},5`]);
  });

  it('checkHost reports what this Excel does, and removes its scratch sheet', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const checks = await serviceAt(FIRST_RUN).checkHost();
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['Excel API', true],
      ['Document can be changed', true],
      ['Add a sheet, write and read back', true],
      ['Text stays text', true],
      ['A table', true],
      ['A PivotTable', true],
      ['Delete the scratch sheet', true],
    ]);
    expect(sim.sheetNames()).toEqual(['Spend']);
    expect(sim.pivotTables()).toEqual([]);
  });

  it('checkHost never leaves its scratch sheet behind, whatever fails', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    // The fourth operation is reading back the first cells written to the scratch sheet.
    sim.injectFailure({ nthOperationFromNow: 4, code: 'GeneralException' });
    const checks = await serviceAt(FIRST_RUN).checkHost();
    expect(checks.find((c) => c.name === 'Add a sheet, write and read back')).toMatchObject({ ok: false, detail: expect.stringMatching(/^GeneralException/) });
    expect(checks.find((c) => c.name === 'Delete the scratch sheet')?.ok).toBe(true);
    expect(sim.sheetNames()).toEqual(['Spend']);
  });

  it('checkHost on a host older than the manifest requires says so and tries nothing', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], host: { excelApiVersion: '1.7' } });
    const checks = await serviceAt(FIRST_RUN).checkHost();
    expect(checks).toEqual([{ name: 'Excel API', ok: false, detail: expect.stringMatching(/ExcelApi 1\.7 \(the add-in needs 1\.8/) }]);
    expect(sim.stats.syncs).toBe(0);
  });

  it('checkHost on a read-only document that Office calls editable says it cannot be changed', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], host: { documentMode: 'ReadOnly', reportsReadOnly: false } });
    const checks = await serviceAt(FIRST_RUN).checkHost();
    expect(checks.find((c) => c.name === 'Document can be changed')).toMatchObject({ ok: false, detail: expect.stringMatching(/read-only/) });
    expect(sim.sheetNames()).toEqual(['Spend']);
  });

  it('checkHost on a protected workbook reports the sheet it could not add, and changes nothing', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], workbookProtected: true });
    const checks = await serviceAt(FIRST_RUN).checkHost();
    expect(checks.find((c) => c.name === 'Document can be changed')).toMatchObject({ ok: false, detail: expect.stringMatching(/would not add a sheet \(AccessDenied.*structure is protected/) });
    expect(sim.sheetNames()).toEqual(['Spend']);
  });
});
