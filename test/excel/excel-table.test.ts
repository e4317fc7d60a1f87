import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, SECOND_RUN, serviceAt, simulate, snapshot, workbookValues } from './adapter-harness';
import { HEADER, PAYMENTS } from './spend-fixture';

const LAST_ROW = 3 + PAYMENTS.length;

function tableWorkbook() {
  return simulate({
    sheets: [
      {
        name: 'Payments',
        at: 'B3',
        cells: [HEADER, ...PAYMENTS],
        tables: [{ address: `B3:G${LAST_ROW}`, name: 'Spend2024' }],
      },
    ],
    selection: 'Payments!C6',
  });
}

describe('an Excel table', () => {
  it('is the data when it holds the selection, and gets the results as new columns of the table', async () => {
    const sim = tableWorkbook();
    sim.writeCells('Payments', 'B1', [['Notes above the table, not data']]);
    const before = snapshot(sim, 'Payments', `A1:G${LAST_ROW}`);
    const service = serviceAt(FIRST_RUN);
    const overview = await service.inspect();
    expect(overview.data).toMatchObject({ sheet: 'Payments', table: 'Spend2024', headerRow: 3, headers: HEADER, address: `B3:G${LAST_ROW}` });
    await service.analyse(await acceptProposal(overview), await hooks());

    expectUnchanged(sim, before);
    const table = sim.tables().find((t) => t.name === 'Spend2024')!;
    expect(table.address).toBe(`Payments!B3:Q${LAST_ROW}`);
    expect(table.columns.slice(6)).toEqual(['Locality', 'Local authority', 'Locality basis', 'Influenceable', 'Influence reason', 'Supplier type', 'Supplier key', 'Co-op potential', 'Locality override', 'Influence override']);
    expect(sim.values('Payments', 'H4:I4')[0]).toEqual(['Local (Preston)', 'Preston (E07000123)']);
  });

  it('is still found when several ranges are selected (Excel then refuses getSelectedRange)', async () => {
    const sim = tableWorkbook();
    sim.setSelection('Payments!C6,E8:F9');
    const overview = await serviceAt(FIRST_RUN).inspect();
    expect(overview.dataProblem).toBeUndefined();
    expect(overview.data).toMatchObject({ sheet: 'Payments', table: 'Spend2024', headerRow: 3 });
  });

  it('is re-analysed in place: the same columns, no new ones', async () => {
    const sim = tableWorkbook();
    const first = serviceAt(FIRST_RUN);
    await first.analyse(await acceptProposal(await first.inspect()), await hooks());
    const afterFirst = workbookValues(sim, FIRST_RUN);
    // The user works elsewhere; the add-in finds the table it analysed last time.
    sim.setSelection('Baseline!A1');
    const second = serviceAt(SECOND_RUN);
    const overview = await second.inspect();
    expect(overview.data?.table).toBe('Spend2024');
    expect(overview.data?.headers).toEqual(HEADER);
    await second.analyse(await acceptProposal(overview), await hooks());
    expect(sim.tables().find((t) => t.name === 'Spend2024')!.address).toBe(`Payments!B3:Q${LAST_ROW}`);
    expect(workbookValues(sim, SECOND_RUN)).toEqual(afterFirst);
  });

  it('is widened when the user’s cells to the right are above it, outside its rows', async () => {
    const sim = tableWorkbook();
    sim.writeCells('Payments', 'K1', [['a title that runs to the right']]);
    const service = serviceAt(FIRST_RUN);
    await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    expect(sim.tables().find((t) => t.name === 'Spend2024')!.address).toBe(`Payments!B3:Q${LAST_ROW}`);
    expect(sim.values('Payments', 'K1')).toEqual([['a title that runs to the right']]);
  });

  it('with a column named like a result column is refused before anything is written', async () => {
    const header = [...HEADER.slice(0, 4), 'Supplier Type', HEADER[5]];
    const sim = simulate({ sheets: [{ name: 'Payments', cells: [header, ...PAYMENTS], tables: [{ address: `A1:F${1 + PAYMENTS.length}`, name: 'Spend2024' }] }], selection: 'Payments!B3' });
    const service = serviceAt(FIRST_RUN);
    await expect(service.analyse(await acceptProposal(await service.inspect()), await hooks())).rejects.toMatchObject({ code: 'column-name-taken', message: expect.stringContaining('"Supplier type"') });
    expect(sim.sheetNames()).toEqual(['Payments']);
  });

  it('is not widened over the user’s cells to its right: the add-in stops and says so, nothing changed', async () => {
    const sim = tableWorkbook();
    sim.writeCells('Payments', 'K5', [['a note to the right']]);
    const before = snapshot(sim, 'Payments', `A1:K${LAST_ROW}`);
    const service = serviceAt(FIRST_RUN);
    await expect(service.analyse(await acceptProposal(await service.inspect()), await hooks())).rejects.toMatchObject({ code: 'no-room', message: expect.stringContaining('(K5)') });
    expectUnchanged(sim, before);
    expect(sim.sheetNames()).toEqual(['Payments']);
  });
});
