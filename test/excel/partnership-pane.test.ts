/**
 * The partnership through the pane's service: each anchor of an institution column in the result
 * (and why there are none without one), LM3 from the Re-spend survey sheet the analysis made, and
 * the copy to publish opened as a new workbook with Excel.createWorkbook (ExcelApi 1.8): the
 * summary sheets and the analysis data, no individual named, the user's workbook unchanged.
 */
import { streamInflate, XlsxPackage } from '../../src/workbook';
import { acceptProposal, FIRST_RUN, hooks, SECOND_RUN, serviceAt, simulate, workbookValues } from './adapter-harness';

const PARTNERSHIP = [
  ['Institution', 'Supplier Name', 'Supplier Postcode', 'Expense Type', 'Net Amount'],
  ['Preston City Council', 'Fishergate Cleaning Ltd', 'PR1 2AA', 'Cleaning Services', 1000],
  ['Preston City Council', 'Mr John Smith', 'PR1 2AB', 'Compensation Payments', 500],
  ['Preston City Council', 'Manchester Legal LLP', 'M1 1AE', 'Legal Fees', 2000],
  ['Preston College', 'Fishergate Cleaning Ltd', 'PR1 2AA', 'Cleaning', 2000],
  ['Preston College', 'Kingfisher Catering Ltd', 'PR1 9AA', 'Catering', 4000],
  ['Preston College', 'Dr Jane Doe', '', 'Consultancy', 700],
];

async function analysedPartnership() {
  const sim = simulate({ sheets: [{ name: 'Spend', cells: PARTNERSHIP }] });
  const service = serviceAt(FIRST_RUN);
  const result = await service.analyse(await acceptProposal(await service.inspect()), await hooks());
  return { sim, service, result };
}

describe('the partnership in the pane', () => {
  it('one line per anchor, with figures that add up to the partnership’s; LM3 waits for the survey', async () => {
    const { sim, result } = await analysedPartnership();
    expect(result.anchors?.map((a) => [a.name, a.summary.totals.spend, a.summary.shares?.local])).toEqual([
      ['Preston College', 6700, 6000 / 6700],
      ['Preston City Council', 3500, 1500 / 3500],
    ]);
    expect(result.noAnchors).toBeUndefined();
    expect(result.lm3).toMatchObject({ r1: 10200, r2: 7500, r3: null, value: null });
    expect(sim.sheetNames()).toContain('Re-spend survey');
  });

  it('LM3 from the answers typed on the Re-spend survey sheet', async () => {
    const { sim, service } = await analysedPartnership();
    // The sheet lists the largest local suppliers: Kingfisher 4000, Fishergate 3000, Mr John Smith 500.
    expect(sim.values('Re-spend survey', 'A2:A4').map((row) => row[0])).toEqual(['Kingfisher Catering Ltd', 'Fishergate Cleaning Ltd', 'Mr John Smith']);
    sim.writeCells('Re-spend survey', 'C2', [[0.25], ['40%']]);
    const again = await serviceAt(SECOND_RUN).analyse(await acceptProposal(await service.inspect()), await hooks());
    // 4000 × 25% + 3000 × 40% = 1000 + 1200 = 2200 of 7000; Mr John Smith's 500 at 2200 / 7000: £157.14.
    expect(again.lm3.r3).toBe(2200 + 157.14);
    expect(again.lm3.value).toBeCloseTo((10200 + 7500 + 2357.14) / 10200, 12);
  });

  it('a sheet without an institution column: no anchors, and the note names its header row', async () => {
    simulate({ sheets: [{ name: 'Spend', cells: PARTNERSHIP.map((row) => row.slice(1)) }] });
    const service = serviceAt(FIRST_RUN);
    const result = await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    expect(result.anchors).toBeNull();
    expect(result.noAnchors).toBe('No institution column in the header of "Spend" (row 1): the baseline is one organisation\'s, with no figures per anchor. For a partnership, map the column that names each anchor institution.');
    expect(result.summary.totals.spend).toBe(10200);
  });
});

describe('a copy to publish from the pane', () => {
  it('opens a new workbook of the summaries and the analysis data, naming no individual, and leaves this one as it was', async () => {
    const { sim, service } = await analysedPartnership();
    const before = workbookValues(sim, FIRST_RUN);
    const copy = await service.publish({ minimum: 600 });
    expect(copy).toEqual({ redacted: 2, aggregated: { payments: 1, lines: 1 } });
    expect(workbookValues(sim, FIRST_RUN)).toEqual(before);
    expect(sim.createdWorkbooks).toHaveLength(1);
    const bytes = Uint8Array.from(atob(sim.createdWorkbooks[0]), (c) => c.charCodeAt(0));
    const opened = await XlsxPackage.open(bytes, streamInflate);
    expect(opened.sheetList().map((s) => [s.name, s.state])).toEqual([
      ['Baseline', 'visible'],
      ['Top suppliers', 'visible'],
      ['Method', 'visible'],
      ['Opportunities', 'visible'],
      ['Analysis data', 'visible'],
    ]);
    const analysis = (await opened.sheetValues('Analysis data')).grid;
    expect(analysis.slice(1).map((row) => [row[2], row[4]])).toEqual([
      ['Fishergate Cleaning Ltd', 1000],
      ['Manchester Legal LLP', 2000],
      ['Fishergate Cleaning Ltd', 2000],
      ['Kingfisher Catering Ltd', 4000],
      ['Individual (redacted)', 700],
      ['Payments under £600 (1)', 500],
    ]);
    const everything = (await Promise.all(opened.sheetList().map(async (s) => (await opened.sheetValues(s.name)).grid))).flat(2).join('\n').toLowerCase();
    expect(everything).not.toContain('john smith');
    expect(everything).not.toContain('jane doe');
    expect(everything).toContain('the partnership: anchors side by side');
  });

  it('before an analysis, says so and opens nothing', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: PARTNERSHIP }] });
    await expect(serviceAt(FIRST_RUN).publish({})).rejects.toMatchObject({ code: 'not-analysed' });
    expect(sim.createdWorkbooks).toEqual([]);
  });
});
