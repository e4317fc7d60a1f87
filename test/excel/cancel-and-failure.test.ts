import { parseCsv } from '../../src/core/csv';
import { AnalysisCancelled, type AnalysePhase } from '../../src/excel/api';
import { generateSpendCsv } from '../support/spend-generator';
import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, serviceAt, simulate, snapshot, workbookValues } from './adapter-harness';
import { SPEND_ADDRESS, spendSheetCells } from './spend-fixture';

/** 30,000 generated payments: several read requests and two classification steps. */
const GENERATED = parseCsv(generateSpendCsv(30_000, 7));
const GENERATED_ADDRESS = `A1:G${GENERATED.length}`;

describe('cancel', () => {
  it.each<[AnalysePhase, number]>([
    ['reading', 1],
    ['classifying', 1],
  ])('half way through %s leaves the workbook as it was', async (phase, after) => {
    const sim = simulate({ sheets: [{ name: 'Payments', cells: GENERATED }] });
    const before = snapshot(sim, 'Payments', GENERATED_ADDRESS);
    const service = serviceAt(FIRST_RUN);
    const request = await acceptProposal(await service.inspect());
    const controller = new AbortController();
    const seen: string[] = [];
    const run = service.analyse(request, await hooks({
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(`${p.phase} ${p.done}/${p.total}`);
        if (p.phase === phase && p.done >= after && p.done < p.total) controller.abort();
      },
    }));
    await expect(run).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(seen.some((s) => s.startsWith('writing'))).toBe(false);
    expectUnchanged(sim, before);
    expect(sim.sheetNames()).toEqual(['Payments']);
    expect(sim.usedRange('Payments')).toBe(`Payments!${GENERATED_ADDRESS}`);
  });
});

describe('a failure part-way through the write phase', () => {
  it('leaves every user cell as it was, and a re-run then repairs the workbook completely', async () => {
    // The workbook a clean run makes, to compare the repaired one with.
    const clean = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const cleanService = serviceAt(FIRST_RUN);
    await cleanService.analyse(await acceptProposal(await cleanService.inspect()), await hooks());
    let writeSyncs: number;
    const expected = workbookValues(clean, FIRST_RUN);
    const expectedPivots = clean.pivotTables();
    const expectedTables = clean.tables();

    // Fail each sync of the write phase in turn, after its first operation (so that part of its
    // batch is applied, as Excel does), until a run gets through.
    for (let failAt = 1; ; failAt++) {
      const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
      const before = snapshot(sim, 'Spend', SPEND_ADDRESS);
      const service = serviceAt(FIRST_RUN);
      const request = await acceptProposal(await service.inspect());
      let injected = false;
      const run = service.analyse(request, await hooks({
        onProgress: (p) => {
          if (p.phase === 'writing' && !injected) {
            injected = true;
            sim.injectFailure({ nthSyncFromNow: failAt, afterOperations: 1, code: 'GeneralException', message: `Injected at write sync ${failAt}` });
          }
        },
      }));
      const failed = await run.then(() => false, (error: Error) => {
        expect(error.message).toBe(`Injected at write sync ${failAt}`);
        return true;
      });
      expectUnchanged(sim, before);
      if (!failed) {
        writeSyncs = failAt - 1;
        break;
      }
      await serviceAt(FIRST_RUN).analyse(request, await hooks());
      expectUnchanged(sim, before);
      expect(workbookValues(sim, FIRST_RUN)).toEqual(expected);
      expect(sim.pivotTables()).toEqual(expectedPivots);
      expect(sim.tables()).toEqual(expectedTables);
      // Known gap: a failure between adding a chart and naming it leaves that unnamed chart behind.
      const charts = sim.charts().map((c) => c.name);
      expect(charts.filter((name) => name.startsWith('LSB_'))).toEqual(['LSB_HeadlineSplit', 'LSB_LeakageByKind']);
      expect(charts.filter((name) => !name.startsWith('LSB_')).length).toBeLessThanOrEqual(1);
    }
    expect(writeSyncs).toBeGreaterThan(10);
  }, 120_000);
});
