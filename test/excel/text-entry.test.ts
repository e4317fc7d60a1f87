/**
 * Text the add-in writes must stay text. That Excel keeps a string written to a Text ("@") cell
 * as typed is not documented: Range.values documents only that a string starting with "=", "+"
 * or "-" becomes a formula, and a leading apostrophe is Excel's quote prefix (office-js #6687).
 * On a host that does just what is documented, the add-in must not corrupt anything.
 */
import { BaselineError } from '../../src/core';
import { STATE_CELL_CHARS, stateSchema } from '../../src/core/settings';
import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, serviceAt, simulate, snapshot } from './adapter-harness';
import { SPEND_ADDRESS, spendSheetCells } from './spend-fixture';

const documentedHost = () => simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], host: { textCellEntry: 'as-documented' } });

describe('a host that takes text written to a Text cell for a formula, as Range.values documents', () => {
  it('is not analysed: the add-in says why, and writes nothing', async () => {
    const sim = documentedHost();
    const before = snapshot(sim, 'Spend', SPEND_ADDRESS);
    const service = serviceAt(FIRST_RUN);
    const error = await service.analyse(await acceptProposal(await service.inspect()), await hooks()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaselineError);
    expect((error as Error).message).toMatch(/changes text.*=HYPERLINK.*formula.*Check this Excel/);
    expectUnchanged(sim, before);
    expect(sim.sheetNames()).toEqual(['Spend']);
  });

  it('is found by a check the analysis makes once a session, before anything is written', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const service = serviceAt(FIRST_RUN);
    await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    // The same Excel, as far as the open pane knows: not checked again.
    sim.setHost({ textCellEntry: 'as-documented' });
    await expect(service.analyse(await acceptProposal(await service.inspect()), await hooks())).resolves.toBeDefined();
    // A pane opened afresh checks again.
    const fresh = serviceAt(FIRST_RUN);
    await expect(fresh.analyse(await acceptProposal(await fresh.inspect()), await hooks())).rejects.toThrow(/changes text/);
    expect(sim.sheetNames()).not.toContain('LSB_Check');
  });

  it('keeps the settings whole, though a piece of them starts with "="', async () => {
    const sim = documentedHost();
    const service = serviceAt(FIRST_RUN);
    const { state } = await service.inspect();
    // A header long enough that the settings' second cell starts with "=SUM(1)".
    const placeholder = 'PLACEHOLDER';
    const settingsWith = (supplier: string) => ({ ...state.settings, mapping: { sheet: 'Spend', fields: { supplier, amount: 'Net Amount' } } });
    const at = JSON.stringify(stateSchema.parse({ ...state, settings: settingsWith(placeholder) })).indexOf(placeholder);
    const header = `${'x'.repeat(STATE_CELL_CHARS - at)}=SUM(1) and more`;
    await service.saveSettings(settingsWith(header));
    const again = await service.inspect();
    expect(again.state.settings.mapping?.fields.supplier).toBe(header);
    expect(sim.sheets().find((s) => s.name === 'LSB_State')?.visibility).toBe('VeryHidden');
  });
});
