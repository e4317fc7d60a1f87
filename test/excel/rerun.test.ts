import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, SECOND_RUN, serviceAt, simulate, snapshot, workbookValues } from './adapter-harness';
import { spendSheetCells } from './spend-fixture';

/** The ids Excel gives the PivotTables: a rebuilt PivotTable gets a new one. */
async function pivotIds(sim: ReturnType<typeof simulate>): Promise<string[]> {
  return sim.Excel.run(async (context) => {
    const pivots = context.workbook.pivotTables;
    pivots.load('items/id');
    await context.sync();
    return pivots.items.map((p) => p.id);
  });
}

async function analyseTwice(edit?: (sim: ReturnType<typeof simulate>) => Promise<void> | void) {
  const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }, { name: 'Notes', cells: [['My own notes']] }], activeSheet: 'Spend' });
  const first = serviceAt(FIRST_RUN);
  const request = await acceptProposal(await first.inspect());
  const firstResult = await first.analyse(request, await hooks());
  await edit?.(sim);
  const second = serviceAt(SECOND_RUN);
  const overview = await second.inspect();
  const secondResult = await second.analyse(await acceptProposal(overview), await hooks());
  return { sim, overview, firstResult, secondResult };
}

describe('a re-run', () => {
  it('does not have Excel recalculate the previous run’s formulas after every batch it writes, and leaves them calculated', async () => {
    // A small request limit makes many write batches, as a large sheet does.
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], limits: { payloadBytes: 6_000 } });
    const first = serviceAt(FIRST_RUN);
    await first.analyse(await acceptProposal(await first.inspect()), await hooks());
    sim.resetStats();
    const second = serviceAt(SECOND_RUN);
    await second.analyse(await acceptProposal(await second.inspect()), await hooks());
    const syncs = sim.stats.history.filter((sync) => !sync.failedWith).length;
    expect(syncs).toBeGreaterThan(30);
    // A few times in the run (after the reads between the writing steps, and once at the end), whatever the number of batches.
    expect(sim.stats.recalculations).toBeLessThanOrEqual(5);
    expect(sim.calculationPending).toBe(false);
  });


  it('on unchanged data changes nothing but the time stamp', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], activeSheet: 'Spend' });
    const first = serviceAt(FIRST_RUN);
    await first.analyse(await acceptProposal(await first.inspect()), await hooks());
    const afterFirst = workbookValues(sim, FIRST_RUN);
    const pivotsBefore = sim.pivotTables().map((p) => ({ ...p }));
    const chartsBefore = sim.charts();
    const tablesBefore = sim.tables();

    const second = serviceAt(SECOND_RUN);
    const overview = await second.inspect();
    expect(overview.data?.headers).toHaveLength(6);
    const result = await second.analyse(await acceptProposal(overview), await hooks());

    expect(workbookValues(sim, SECOND_RUN)).toEqual(afterFirst);
    expect(sim.pivotTables()).toEqual(pivotsBefore);
    expect(sim.charts()).toEqual(chartsBefore);
    expect(sim.tables()).toEqual(tablesBefore);
    expect(result.previous?.at).toBe(FIRST_RUN.toISOString());
    expect(result.current.at).toBe(SECOND_RUN.toISOString());
    expect(result.previous).toEqual({ ...result.current, at: FIRST_RUN.toISOString() });
  });

  it('refreshes the PivotTables rather than rebuilding them, and keeps the user’s sheets and additions', async () => {
    let idsBefore: string[] = [];
    const { sim } = await analyseTwice(async (s) => {
      idsBefore = await pivotIds(s);
      s.writeCells('Baseline', 'G40', [['my note beside the summary']]);
      s.formatCells('Top suppliers', 'M2', { bold: true });
    });
    expect(sim.values('Baseline', 'G40')).toEqual([['my note beside the summary']]);
    expect(sim.style('Top suppliers', 'M2').bold).toBe(true);
    expect(sim.values('Notes')).toEqual([['My own notes']]);
    expect(sim.pivotTables().map((p) => p.name)).toEqual(['LSB_SpendByLocality', 'LSB_CategoryByLocality', 'LSB_TypeByLocality', 'LSB_LeakageByKind']);
    expect(idsBefore).toHaveLength(4);
    expect(await pivotIds(sim)).toEqual(idsBefore);
  });

  it('honours the row overrides, supplier overrides and rule edits the user typed, and keeps them', async () => {
    const { sim, secondResult } = await analyseTwice((s) => {
      // Row overrides: Kingfisher (row 13) is local; +44 Ltd (row 7) is not influenceable.
      s.writeCells('Spend', 'O13', [['Local']]);
      s.writeCells('Spend', 'P7', [['no']]);
      s.writeCells('Spend', 'O14', [['somewhere odd']]);
      // Supplier override: Pennine Print is in Preston (postcode typed on the Suppliers sheet).
      const suppliers = s.values('Suppliers');
      const pennine = suppliers.findIndex((row) => row[1] === 'Pennine Print Ltd') + 1;
      s.writeCells('Suppliers', `E${pennine}`, [['PR1 2HQ']]);
      s.writeCells('Suppliers', `J${pennine}`, [['checked with procurement']]);
      // Rule edit: security is judged not influenceable here.
      const rules = s.values('Rules');
      const security = rules.findIndex((row) => row[6] === 'Security') + 1;
      s.writeCells('Rules', `F${security}`, [['not_influenceable']]);
    });
    const before = snapshot(sim, 'Spend', 'A1:P18');
    expect(sim.values('Spend', 'G13:J13')[0].slice(0, 1)).toEqual(['Local (Preston)']);
    expect(sim.values('Spend', 'I13')[0][0]).toMatch(/override/i);
    expect(sim.values('Spend', 'J7')[0][0]).toBe('Not influenceable');
    expect(sim.values('Spend', 'G14:H14')[0]).toEqual(['Local (Preston)', 'Preston (E07000123)']);
    expect(sim.values('Spend', 'J16')[0][0]).toBe('Not influenceable');
    // What the user typed is still there, as typed.
    expect(sim.values('Spend', 'O13:P14')).toEqual([['Local', ''], ['somewhere odd', '']]);
    expect(sim.values('Spend', 'P7')).toEqual([['no']]);
    const pennine = sim.values('Suppliers').find((row) => row[1] === 'Pennine Print Ltd')!;
    expect(pennine[4]).toBe('PR1 2HQ');
    expect(pennine[9]).toBe('checked with procurement');
    expect(sim.values('Rules').find((row) => row[6] === 'Security')![5]).toBe('not_influenceable');
    expect(secondResult.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^Spend!O14: .*somewhere odd.*ignored/)]));
    expect(sim.values('Method').flat()).toEqual(expect.arrayContaining([expect.stringMatching(/edited: 1 rule/)]));
    // A third run on this leaves everything as it is.
    await serviceAt(SECOND_RUN).analyse(await acceptProposal(await serviceAt(SECOND_RUN).inspect()), await hooks());
    expectUnchanged(sim, before);
  });
});
