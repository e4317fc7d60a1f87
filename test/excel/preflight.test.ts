import { BaselineError, type ErrorCode } from '../../src/core/errors';
import type { SimulatorSetup } from '../sim/simulator-setup';
import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, serviceAt, simulate, snapshot } from './adapter-harness';
import { SPEND_ADDRESS, spendSheetCells } from './spend-fixture';

/** Analyses the workbook and expects a BaselineError with this code (and a message naming what `names` says), with every cell as it was. */
async function expectRefused(setup: SimulatorSetup, code: ErrorCode, names: RegExp | undefined, arrange?: (sim: ReturnType<typeof simulate>) => Promise<void> | void) {
  const sim = simulate(setup);
  await arrange?.(sim);
  const before = snapshot(sim, 'Spend', SPEND_ADDRESS);
  const sheetsBefore = sim.sheets();
  const service = serviceAt(FIRST_RUN);
  const request = await acceptProposal(await service.inspect());
  const error = await service.analyse(request, await hooks()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BaselineError);
  expect((error as BaselineError).code).toBe(code);
  if (names) expect((error as Error).message).toMatch(names);
  expectUnchanged(sim, before);
  expect(sim.sheets()).toEqual(sheetsBefore);
  expect(sim.stats.history.every((sync) => sync.failedWith === undefined)).toBe(true);
}

const spend = (extra: Partial<SimulatorSetup['sheets'] extends (infer S)[] | undefined ? S : never> = {}): SimulatorSetup => ({
  sheets: [{ name: 'Spend', cells: spendSheetCells(), ...extra }],
});

describe('before writing anything, the add-in stops with a clear message when', () => {
  it('the data sheet is protected', async () => {
    await expectRefused(spend({ protected: true }), 'protected', /"Spend"/);
  });

  it('the workbook structure is protected', async () => {
    await expectRefused({ ...spend(), workbookProtected: true }, 'protected', undefined);
  });

  it('one of its own sheets is protected', async () => {
    await expectRefused(spend(), 'protected', /"Suppliers"/, async (sim) => {
      const service = serviceAt(FIRST_RUN);
      await service.analyse(await acceptProposal(await service.inspect()), await hooks());
      sim.protectSheet('Suppliers');
      sim.resetStats();
    });
  });

  it('the document is read-only', async () => {
    await expectRefused({ ...spend(), host: { documentMode: 'ReadOnly' } }, 'read-only', undefined);
  });

  it('the document is read-only though Office says it can be changed (office-js #6209)', async () => {
    const sim = simulate({ ...spend(), host: { documentMode: 'ReadOnly', reportsReadOnly: false } });
    const before = snapshot(sim, 'Spend', SPEND_ADDRESS);
    const service = serviceAt(FIRST_RUN);
    const error = await service.analyse(await acceptProposal(await service.inspect()), await hooks()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaselineError);
    expect((error as Error).message).toMatch(/would not let the add-in change this workbook.*read-only/);
    expectUnchanged(sim, before);
    expect(sim.sheetNames()).toEqual(['Spend']);
  });

  it('the header row has merged cells', async () => {
    await expectRefused(spend(), 'merged-cells', /B4:C4/, (sim) =>
      sim.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Spend').getRange('B4:C4').merge();
        await context.sync();
      }));
  });

  it('there is no room for the result columns', async () => {
    await expectRefused(spend(), 'no-room', undefined, (sim) => sim.writeCells('Spend', 'XFA1', [['far right']]));
  });
});
