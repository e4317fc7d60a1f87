import { acceptProposal, expectUnchanged, FIRST_RUN, hooks, SECOND_RUN, serviceAt, simulate, snapshot, workbookValues } from './adapter-harness';
import { SPEND_ADDRESS, spendSheetCells } from './spend-fixture';

describe('a host older than the manifest requires (ExcelApi 1.8)', () => {
  // Office does not load the add-in there; were it loaded all the same, it would say why and change nothing.
  it('is told so, and nothing is analysed or written', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const service = serviceAt(FIRST_RUN);
    const request = await acceptProposal(await service.inspect());
    sim.setHost({ excelApiVersion: '1.7' });
    const before = snapshot(sim, 'Spend', SPEND_ADDRESS);
    const overview = await service.inspect();
    expect(overview.data).toBeUndefined();
    expect(overview.dataProblem).toMatch(/ExcelApi 1\.7; the add-in needs 1\.8/);
    await expect(service.analyse(request, await hooks())).rejects.toThrow(/ExcelApi 1\.8 is needed/);
    expectUnchanged(sim, before);
    expect(sim.sheetNames()).toEqual(['Spend']);
  });
});

describe('a host with PivotTables but without Table.resize (ExcelApi 1.8)', () => {
  it('rebuilds the PivotTables over a new analysis table on a re-run, and says so', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], host: { excelApiVersion: '1.8' } });
    const first = serviceAt(FIRST_RUN);
    await first.analyse(await acceptProposal(await first.inspect()), await hooks());
    const afterFirst = workbookValues(sim, FIRST_RUN);
    const second = serviceAt(SECOND_RUN);
    const result = await second.analyse(await acceptProposal(await second.inspect()), await hooks());
    expect(sim.pivotTables()).toHaveLength(4);
    expect(result.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/PivotTables were rebuilt.*ExcelApi 1\.13/)]));
    expect(workbookValues(sim, SECOND_RUN)).toEqual(afterFirst);
    expect(sim.tables().map((t) => t.name)).toEqual(['LSB_Analysis']);
  });
});

describe('a host with a small request limit', () => {
  it('gets every read and write again in smaller requests, and the same workbook', async () => {
    const roomy = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const service = serviceAt(FIRST_RUN);
    await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    const expected = workbookValues(roomy, FIRST_RUN);

    const tight = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], limits: { payloadBytes: 6_000 } });
    const again = serviceAt(FIRST_RUN);
    await again.analyse(await acceptProposal(await again.inspect()), await hooks());
    expect(workbookValues(tight, FIRST_RUN)).toEqual(expected);
    const refused = tight.stats.history.filter((sync) => sync.failedWith === 'RequestPayloadSizeLimitExceeded' || sync.failedWith === 'ResponsePayloadSizeLimitExceeded');
    expect(refused.length).toBeGreaterThan(0);
    expect(tight.stats.history.filter((sync) => !sync.failedWith).every((sync) => sync.requestBytes <= 6_000)).toBe(true);
  });
});

/** Analyses, types a postcode on the Suppliers sheet (as a user corrects a supplier), analyses again. */
async function analyseCorrectAndReanalyse(sim: ReturnType<typeof simulate>): Promise<void> {
  const service = serviceAt(FIRST_RUN);
  await service.analyse(await acceptProposal(await service.inspect()), await hooks());
  const suppliers = sim.values('Suppliers');
  const postcode = suppliers[0].indexOf('Postcode');
  const pennine = suppliers.findIndex((row) => row.includes('Pennine Print Ltd'));
  sim.writeCells('Suppliers', `${String.fromCharCode(65 + postcode)}${pennine + 1}`, [['PR1 2HE']]);
  await service.analyse(await acceptProposal(await service.inspect()), await hooks());
}

describe.each([
  ['null values, without an error', 'null-values'],
  ['GeneralException', 'general-exception'],
] as const)('a host that answers a read too large for it with %s', (_, oversizedReads) => {
  it('gets every read again in smaller requests, and the same workbook: what the user typed is kept', async () => {
    const roomy = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    await analyseCorrectAndReanalyse(roomy);
    const expected = workbookValues(roomy, FIRST_RUN);
    expect(JSON.stringify(expected.Suppliers)).toContain('PR1 2HE');

    const tight = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], limits: { payloadBytes: 6_000 }, host: { oversizedReads } });
    await analyseCorrectAndReanalyse(tight);
    expect(workbookValues(tight, FIRST_RUN)).toEqual(expected);
  });
});
