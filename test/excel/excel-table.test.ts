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

  it('with formatting far to its right is refused before anything is written when Excel on the web could not add the columns', async () => {
    // Excel on the web refuses to add a table column that moves more than 33,554,000 cells:
    // 2,100 rows x (16383 - 6 columns) is over that, and one formatted cell at Z10 is enough.
    const rows = 2_100;
    const sim = simulate({ sheets: [{ name: 'Payments' }], selection: 'Payments!B5' });
    sim.writeCells('Payments', 'A1', [HEADER]);
    sim.fillCells('Payments', 'A2', rows - 1, HEADER.length, (row, column) => PAYMENTS[row % PAYMENTS.length][column] as string | number);
    sim.addTable('Payments', `A1:F${rows}`, { name: 'Spend2024' });
    sim.formatCells('Payments', 'Z10', { fillColor: '#FFFF00' });
    const before = snapshot(sim, 'Payments', `A1:Z${rows}`);
    const service = serviceAt(FIRST_RUN);
    const error = await service.analyse(await acceptProposal(await service.inspect()), await hooks()).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Spend2024.*formatted cells to its right \(Z10\).*Excel on the web.*Clear Formats/);
    expectUnchanged(sim, before);
    expect(sim.sheetNames()).toEqual(['Payments']);
    expect(sim.stats.history.every((sync) => sync.failedWith === undefined)).toBe(true);

    // Desktop Excel moves the formatted cell along with the new columns.
    sim.setHost({ platform: 'PC' });
    await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    expect(sim.tables().find((t) => t.name === 'Spend2024')!.columns).toHaveLength(16);
    expect(sim.style('Payments', 'AJ10').fillColor).toBe('#FFFF00');
  });

  it('with a total row: the total row is not a payment, and gets no results', async () => {
    const sim = simulate({
      sheets: [{ name: 'Payments', at: 'B3', cells: [HEADER, ...PAYMENTS], tables: [{ address: `B3:G${LAST_ROW}`, name: 'Spend2024', showTotals: true }] }],
      selection: 'Payments!C6',
    });
    const totalRow = LAST_ROW + 1;
    const before = snapshot(sim, 'Payments', `A1:G${totalRow}`);
    const service = serviceAt(FIRST_RUN);
    const overview = await service.inspect();
    expect(overview.data).toMatchObject({ rows: PAYMENTS.length, address: `B3:G${LAST_ROW}` });
    const result = await service.analyse(await acceptProposal(overview), await hooks());

    expect(result.summary.totals.rows).toBe(PAYMENTS.length);
    expect(result.summary.totals.spend).toBeCloseTo(PAYMENTS.reduce((sum, row) => sum + (row[5] as number), 0), 2);
    expectUnchanged(sim, before);
    expect(sim.tables().find((t) => t.name === 'Spend2024')!.address).toBe(`Payments!B3:Q${totalRow}`);
    expect(sim.values('Payments', `H${totalRow}:Q${totalRow}`)).toEqual([new Array(10).fill('')]);
  });

  it('with its header row removed: its column names are the headers, and every row is a payment', async () => {
    const sim = simulate({
      sheets: [{ name: 'Payments', at: 'B3', cells: [HEADER, ...PAYMENTS], tables: [{ address: `B3:G${LAST_ROW}`, name: 'Spend2024', showHeaders: false }] }],
      selection: 'Payments!C6',
    });
    const before = snapshot(sim, 'Payments', `A1:G${LAST_ROW}`);
    const service = serviceAt(FIRST_RUN);
    const overview = await service.inspect();
    expect(overview.data).toMatchObject({ table: 'Spend2024', headers: HEADER, headerRow: null, rows: PAYMENTS.length, address: `B4:G${LAST_ROW}` });
    const result = await service.analyse(await acceptProposal(overview), await hooks());

    expect(result.summary.totals.rows).toBe(PAYMENTS.length);
    expectUnchanged(sim, before);
    const table = sim.tables().find((t) => t.name === 'Spend2024')!;
    expect(table.address).toBe(`Payments!B4:Q${LAST_ROW}`);
    expect(table.columns.slice(6, 8)).toEqual(['Locality', 'Local authority']);
    expect(sim.values('Payments', 'H4:I4')[0]).toEqual(['Local (Preston)', 'Preston (E07000123)']);

    // Analysed again in place: the same columns, no new ones.
    const afterFirst = workbookValues(sim, FIRST_RUN);
    const second = serviceAt(SECOND_RUN);
    await second.analyse(await acceptProposal(await second.inspect()), await hooks());
    expect(sim.tables().find((t) => t.name === 'Spend2024')!.address).toBe(`Payments!B4:Q${LAST_ROW}`);
    expect(workbookValues(sim, SECOND_RUN)).toEqual(afterFirst);
  });
});

