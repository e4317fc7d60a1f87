/**
 * Damaged settings on the very hidden state sheet. Excel's Unhide dialog does not list a very
 * hidden sheet and Worksheet.delete refuses one, so the user cannot remove it: the add-in's
 * "Reset the add-in's settings" does (after the pane has asked), and nothing else goes.
 */
import { STATE_SHEET } from '../../src/core/settings';
import { plainError } from '../../src/taskpane/plain-error';
import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, SECOND_RUN, serviceAt, simulate, snapshot } from './adapter-harness';
import { HEADER, spendSheetCells } from './spend-fixture';

async function analysedThenDamaged() {
  const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
  const first = serviceAt(FIRST_RUN);
  await first.analyse(await acceptProposal(await first.inspect()), await hooks());
  sim.writeCells(STATE_SHEET, 'A1', [['|{"version":2,"settings":{"mapping":']]);
  return sim;
}

describe('damaged settings', () => {
  it('are reported with the way out: resetting the add-in’s settings', async () => {
    await analysedThenDamaged();
    const error = await serviceAt(SECOND_RUN).inspect().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'state-damaged' });
    const shown = plainError(error, 'read this workbook');
    expect(shown).toMatch(/settings .* are damaged.*Reset the add-in's settings/);
    expect(shown).not.toMatch(/Delete the hidden sheet/);
  });

  it('are removed by resetting them; the user’s sheets and columns and the add-in’s sheets stay, and the workbook analyses again', async () => {
    const sim = await analysedThenDamaged();
    const spend = snapshot(sim, 'Spend', 'A1:P20');
    const sheetsBefore = sim.sheets().filter((s) => s.name !== STATE_SHEET);
    const suppliers = sim.values('Suppliers');
    const service = serviceAt(SECOND_RUN);
    await service.resetSettings();

    expect(sim.sheetNames()).not.toContain(STATE_SHEET);
    expect(sim.sheets()).toEqual(sheetsBefore.map((s, i) => ({ ...s, position: i })));
    expectUnchanged(sim, spend);
    expect(sim.values('Suppliers')).toEqual(suppliers);

    const overview = await service.inspect();
    // The result columns of the earlier run are found by their headers, and replaced.
    expect(overview.data).toMatchObject({ address: 'A4:F18', headers: HEADER });
    const result = await service.analyse(await acceptProposal(overview), await hooks());
    expect(result.summary.totals.rows).toBe(12);
    expect(sim.values('Spend', 'G4')).toEqual([['Locality']]);
    expect(sim.values('Spend', 'Q4')).toEqual([['']]);
    expect(sim.sheets().find((s) => s.name === STATE_SHEET)?.visibility).toBe('VeryHidden');
    // The add-in's sheets are recognised as its own again and refreshed in place, not made anew.
    expect(sim.sheetNames()).toEqual([...sheetsBefore.map((s) => s.name), STATE_SHEET]);
  });

  it('never take over a sheet of the user’s that has one of the add-in’s names', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }, { name: 'Method', cells: [['How we buy locally']] }] });
    const service = serviceAt(FIRST_RUN);
    await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    expect(sim.values('Method')).toEqual([['How we buy locally']]);
    expect(sim.values('Method (2)')[0][0]).toBe('Method and coverage');
  });
});

