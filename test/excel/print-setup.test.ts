/**
 * The task pane applies the print settings the core plans for each summary sheet: the title rows
 * frozen, long text wrapped in rows made tall enough, and, where Excel has Worksheet.pageLayout
 * (ExcelApi 1.9), A4 landscape one page wide with the title rows repeated and the page header and
 * footer; an older Excel gets the rest and no page setup.
 */
import { acceptProposal, FIRST_RUN, hooks, serviceAt, simulate } from './adapter-harness';
import { spendSheetCells } from './spend-fixture';

async function analyseIn(excelApiVersion: string) {
  const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], host: { excelApiVersion } });
  const service = serviceAt(FIRST_RUN);
  await service.analyse(await acceptProposal(await service.inspect()), await hooks());
  return sim;
}

describe('the summary sheets in the task pane', () => {
  test('A4 landscape, one page wide, title rows repeated, the areas and date in the header, page numbers in the footer', async () => {
    const sim = await analyseIn('1.17');
    const frozen = Object.fromEntries(sim.sheets().map((sheet) => [sheet.name, sheet.frozenRows]));
    expect([frozen.Baseline, frozen['Top suppliers'], frozen.Method, frozen.Opportunities]).toEqual([1, 5, 1, 1]);
    const top = sim.pageLayout('Top suppliers');
    expect(top).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: 28.8,
      topMargin: 57.6,
      printTitleRows: '$1:$5',
      headerFooter: {
        leftHeader: expect.stringMatching(/suppliers by spend$/),
        centerHeader: '',
        rightHeader: 'Local area: Preston. Wider area: Lancashire.\nAnalysed 31 January 2025 10:00 UTC',
        leftFooter: 'Top suppliers',
        centerFooter: 'Page &P of &N',
        rightFooter: 'Local Spend Baseline',
      },
    });
    expect(sim.pageLayout('Baseline').printTitleRows).toBe('$1:$1');
  });

  test('an Excel without pageLayout (ExcelApi 1.8) gets the frozen rows and no page setup', async () => {
    const sim = await analyseIn('1.8');
    expect(sim.sheets().find((sheet) => sheet.name === 'Top suppliers')?.frozenRows).toBe(5);
    expect(sim.pageLayout('Top suppliers')).toMatchObject({ orientation: 'Portrait', printTitleRows: null });
  });
});
