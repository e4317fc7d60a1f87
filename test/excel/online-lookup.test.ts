import { startPostcodesIoStandin, type Standin } from '../support/postcodes-io-standin';
import { acceptProposal, FIRST_RUN, hooks, SECOND_RUN, serviceAt, simulate } from './adapter-harness';
import { spendSheetCells } from './spend-fixture';

let standin: Standin;
beforeEach(async () => {
  standin = await startPostcodesIoStandin({ 'SW1A 1AA': { district: 'E09000033', districtName: 'Westminster', country: 'England' } });
});
afterEach(() => standin.close());

describe('online postcode lookup, when the user allows it', () => {
  it('asks only for the postcodes the pack cannot answer, keeps the answers in the workbook, and a re-run is offline', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const first = serviceAt(FIRST_RUN);
    const result = await first.analyse(await acceptProposal(await first.inspect(), true), await hooks({ onlineBaseUrl: standin.baseUrl }));
    expect(standin.requests).toEqual([['SW1A 1AA']]);
    // Kingfisher Catering (row 13) is in Westminster: a district the fixture pack does not name, named by the online answer.
    expect(sim.values('Spend', 'G13:H13')[0]).toEqual(['Rest of UK', 'Westminster (E09000033)']);
    expect(result.summary.coverage.online_lookup.rows).toBe(1);

    const second = serviceAt(SECOND_RUN);
    const overview = await second.inspect();
    expect(overview.state.onlineCache).toEqual({ 'SW1A 1AA': { district: 'E09000033', districtName: 'Westminster', country: 'England' } });
    expect(overview.state.settings.online).toEqual({ allowed: true, decidedAt: FIRST_RUN.toISOString() });
    await second.analyse(await acceptProposal(overview, false), await hooks({ onlineBaseUrl: standin.baseUrl }));
    expect(standin.requests).toHaveLength(1);
    expect(sim.values('Spend', 'G13:H13')[0]).toEqual(['Rest of UK', 'Westminster (E09000033)']);
  });

  it('reports a service that cannot be reached, and goes on with what it knows', async () => {
    standin.failAlways({ status: 503 });
    simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }] });
    const service = serviceAt(FIRST_RUN);
    const result = await service.analyse(await acceptProposal(await service.inspect(), true), await hooks({ onlineBaseUrl: standin.baseUrl }));
    expect(result.warnings[0]).toMatch(/postcode/i);
    expect(result.summary.totals.rows).toBe(12);
  }, 60_000);
});
