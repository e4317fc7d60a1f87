import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, SECOND_RUN, serviceAt, simulate, snapshot } from './adapter-harness';
import { PAYMENTS } from './spend-fixture';

/** The fixture's payments with no header row: supplier, postcode and amount found by content. */
const CELLS = PAYMENTS.map((row) => [row[1], row[2], row[5]]);

describe('data without a header row', () => {
  it('is mapped by content, and a re-run finds its result columns from the workbook state', async () => {
    const sim = simulate({ sheets: [{ name: 'Export', cells: CELLS }] });
    const before = snapshot(sim, 'Export', `A1:C${CELLS.length}`);
    const first = serviceAt(FIRST_RUN);
    const overview = await first.inspect();
    expect(overview.data).toMatchObject({ headerRow: null, headers: ['Column A', 'Column B', 'Column C'], missing: [] });
    expect(overview.data!.mapping.amount?.header).toBe('Column C');
    await first.analyse(await acceptProposal(overview), await hooks());
    expectUnchanged(sim, before);
    expect(sim.values('Export', 'D1:E1')[0]).toEqual(['Local (Preston)', 'Preston (E07000123)']);
    const afterFirst = sim.formulas('Export', `A1:K${CELLS.length}`);

    // The user overrides a row, then analyses again: the block is where it was, the override honoured.
    sim.writeCells('Export', `L${PAYMENTS.findIndex((row) => row[1] === 'Pennine Print Ltd') + 1}`, [['Preston']]);
    const second = serviceAt(SECOND_RUN);
    const again = await second.inspect();
    expect(again.data?.headers).toEqual(['Column A', 'Column B', 'Column C']);
    await second.analyse(await acceptProposal(again), await hooks());
    expectUnchanged(sim, before);
    const pennine = PAYMENTS.findIndex((row) => row[1] === 'Pennine Print Ltd');
    expect(sim.values('Export', `D${pennine + 1}`)[0][0]).toBe('Local (Preston)');
    expect(sim.usedRange('Export', true)).toBe(`Export!A1:L${CELLS.length}`);
    const others = (rows: unknown[][]) => rows.filter((_, r) => r !== pennine);
    expect(others(sim.formulas('Export', `A1:K${CELLS.length}`))).toEqual(others(afterFirst));
  });
});
