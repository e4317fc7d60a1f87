/**
 * A partnership lead a year on: under Options they choose last year's annotated workbook (made by
 * the command line with other areas), analyse, and the results say how much the figures moved,
 * measured like for like, with how last year's method differed; the Baseline sheet has the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runIn, temporaryFolder } from '../cli/cli-harness';
import { screenshot, usePaneBrowser } from './pane-harness';
import { rememberedWorkbook } from './remembered-workbook';
import { values } from './workbook-view';

jest.setTimeout(120_000);

const pane = usePaneBrowser();

/** Last year's workbook: some of this year's suppliers, analysed with Preston as both areas. */
async function lastYearsWorkbook(): Promise<Buffer> {
  const folder = temporaryFolder('compare-earlier');
  fs.writeFileSync(
    path.join(folder, 'payments-2023.csv'),
    ['Supplier Name,Supplier Postcode,Expense Type,Net Amount', 'Fishergate Print Co,PR1 2AA,Printing and Stationery,900.00', 'Northern Facilities Ltd,M1 1AE,Cleaning,4000.00'].join('\r\n'),
  );
  expect(await runIn(folder, ['payments-2023.csv', '--local', 'Preston', '--wider', 'Preston', '--out', 'baseline-2023.xlsx'])).toMatchObject({ code: 0 });
  return fs.readFileSync(path.join(folder, 'baseline-2023.xlsx'));
}

it('compares with an earlier workbook chosen in the pane, like for like, in the results and on the Baseline sheet', async () => {
  const earlier = await lastYearsWorkbook();
  const { page, refused, pageErrors } = await pane.open({ setup: rememberedWorkbook() });
  await page.getByRole('button', { name: '3. Options' }).click();
  await page.locator('input[data-file=earlier]').setInputFiles({ name: 'baseline-2023.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: earlier });
  await page.getByText("baseline-2023.xlsx: 2 payments, to be classified again with this workbook's areas and rules when you analyse.").waitFor();
  await page.getByRole('button', { name: 'Stop comparing with baseline-2023.xlsx' }).waitFor();

  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await page.getByRole('heading', { name: '5. Results' }).waitFor();
  const section = page.locator('[data-progress]');
  await section.getByRole('heading', { name: 'Progress since baseline-2023.xlsx' }).waitFor();
  await section.getByText(/^Its payments were classified again with this workbook's areas, rules and Suppliers sheet/).waitFor();
  await section.getByText('Wider area: Preston (1 district) then, Lancashire (ceremonial county) (14 districts) now').waitFor();
  await section.getByRole('row', { name: /^Total spend £4,900/ }).waitFor();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'compare-earlier-01-results');

  const baseline = (await values(page, 'Baseline')).map((row) => row[0]);
  expect(baseline).toContain('Progress since baseline-2023.xlsx (analysed 1 May 2025 09:30 UTC): its payments classified again, like for like');
  expect(baseline).toContain('Suppliers that moved the figures most');
  expect(refused).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
