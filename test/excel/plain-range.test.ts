import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, serviceAt, simulate, snapshot } from './adapter-harness';
import { HEADER, PAYMENTS, SPEND_ADDRESS, spendSheetCells } from './spend-fixture';

const SUPPLIER = 1;

describe('a plain range with its header on row 4', () => {
  it('is found with its header row and mapping', async () => {
    simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], selection: 'Spend!B7' });
    const overview = await serviceAt(FIRST_RUN).inspect();
    expect(overview.dataProblem).toBeUndefined();
    expect(overview.data).toMatchObject({ sheet: 'Spend', headerRow: 4, headers: HEADER, address: 'A4:F18', missing: [] });
    expect(overview.data!.mapping.supplier?.header).toBe('Supplier Name');
    expect(overview.data!.mapping.amount?.header).toBe('Net Amount');
    expect(overview.data!.mapping.postcode?.header).toBe('Supplier Postcode');
    expect(overview.host).toEqual({ excelApi: '1.17', readOnly: false });
  });

  it('gets its result columns to the right, every original cell unchanged', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], selection: 'Spend!B7' });
    const before = snapshot(sim, 'Spend', SPEND_ADDRESS);
    const service = serviceAt(FIRST_RUN);
    const result = await service.analyse(await acceptProposal(await service.inspect()), await hooks());

    expectUnchanged(sim, before);
    expect(sim.values('Spend', 'G4:P4')[0]).toEqual([
      'Locality', 'Local authority', 'Locality basis', 'Influenceable', 'Influence reason', 'Supplier type', 'Supplier key', 'Co-op potential',
      'Locality override', 'Influence override',
    ]);
    const acme = sim.values('Spend', 'G5:N5')[0];
    expect(acme.slice(0, 2)).toEqual(['Local (Preston)', 'Preston (E07000123)']);
    expect(acme[3]).toBe('Influenceable');
    expect(sim.values('Spend', 'G9:J9')[0]).toEqual(['Wider area (Lancashire)', expect.any(String), expect.any(String), 'Not influenceable']);
    // The total line says why it was not analysed; the blank line is left blank.
    expect(sim.values('Spend', 'I18')[0][0]).toBe('Not analysed: total or subtotal row');
    expect(sim.values('Spend', 'G17:P17')[0].every((v) => v === '')).toBe(true);
    expect(sim.numberFormats('Spend', 'G5:N5')[0].every((f) => f === '@')).toBe(true);
    expect(sim.style('Spend', 'G4').bold).toBe(true);

    expect(result.summary.totals.rows).toBe(PAYMENTS.length);
    expect(result.skippedRows).toBe(1);
    expect(result.sheetNames.summary).toBe('Baseline');
    const names = sim.sheets().map((s) => [s.name, s.visibility]);
    expect(names).toEqual([
      ['Spend', 'Visible'], ['LSB_State', 'VeryHidden'], ['Baseline', 'Visible'], ['Top suppliers', 'Visible'], ['Method', 'Visible'],
      ['Opportunities', 'Visible'], ['Analysis data', 'Visible'], ['Suppliers', 'Visible'], ['Rules', 'Visible'], ['Local register', 'Visible'],
      ['Re-spend survey', 'Visible'],
    ]);
    expect(sim.activeSheetName).toBe('Spend');
  });

  it('keeps supplier names that look like a formula or a number as text everywhere it writes them', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const service = serviceAt(FIRST_RUN);
    await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    const tricky = ['=HYPERLINK("http://x","pay")', '+44 Ltd', '-Dash Couriers', '@Home Furniture'];
    for (const name of tricky) {
      // Range.values of a formula would be its result ("pay", an error…), not the text.
      const inAnalysis = sim.values('Analysis data').filter((row) => row[2] === name);
      expect(inAnalysis).toHaveLength(1);
      const inSuppliers = sim.values('Suppliers').filter((row) => row[SUPPLIER] === name);
      expect(inSuppliers).toHaveLength(1);
    }
    const topNames = sim.values('Top suppliers').map((row) => row[1]);
    expect(topNames).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","pay")', '+44 Ltd']));
  });
});
