/**
 * A partnership lead in the built task pane: a sheet of two anchors' payments (an institution
 * column), analysed; the results show one line per anchor and what LM3 needs; "Open a copy to
 * publish" makes a new workbook (Excel.createWorkbook, in the simulator a record of it) with no
 * individual named, and the pane says what it did.
 */
import { emptyState, STATE_SHEET, stateToCells } from '../../src/core/settings';
import type { SimulatorSetup } from '../sim/simulator-setup';
import { screenshot, seriousViolations, usePaneBrowser } from './pane-harness';

jest.setTimeout(120_000);

const pane = usePaneBrowser();

function partnershipWorkbook(): SimulatorSetup {
  const state = emptyState();
  state.settings.mapping = { sheet: 'Payments', fields: { institution: 'Institution', supplier: 'Supplier Name', postcode: 'Supplier Postcode', category: 'Expense Type', amount: 'Net Amount' } };
  state.settings.areas = {
    local: { query: 'Preston', name: 'Preston', districts: ['E07000123'] },
    wider: { query: 'South Ribble', name: 'Preston and South Ribble', districts: ['E07000123', 'E07000126'] },
  };
  return {
    sheets: [
      {
        name: 'Payments',
        cells: [
          ['Institution', 'Supplier Name', 'Supplier Postcode', 'Expense Type', 'Net Amount'],
          ['Preston City Council', 'Fishergate Cleaning Ltd', 'PR1 2AA', 'Cleaning Services', 1000],
          ['Preston City Council', 'Mr John Smith', 'PR1 2AB', 'Compensation Payments', 500],
          ['Preston College', 'Ribble Roofing Ltd', 'PR25 1AA', 'Repairs', 3000],
          ['Preston College', 'Manchester Legal LLP', 'M1 1AE', 'Legal Fees', 2000],
        ],
      },
      { name: STATE_SHEET, visibility: 'VeryHidden', cells: stateToCells(state).map((text) => [text]) },
    ],
    selection: 'Payments!A2',
  };
}

it('shows each anchor, and opens a copy to publish as a new workbook', async () => {
  const { page, refused, pageErrors } = await pane.open({ setup: partnershipWorkbook() });
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await page.getByRole('heading', { name: '5. Results' }).waitFor();

  const anchors = page.getByRole('list', { name: 'Anchor institutions' }).getByRole('listitem');
  // College: roofing 3000 in South Ribble (the wider area), legal 2000 in Manchester; council: both payments in Preston.
  await expect(anchors.allTextContents()).resolves.toEqual([
    expect.stringMatching(/^Preston College£5,000 · 0\.0% local · 60\.0% in .+ · 40\.0% leakage$/),
    expect.stringMatching(/^Preston City Council£1,500 · 100\.0% local · 100\.0% in .+ · 0\.0% leakage$/),
  ]);
  await page.getByText(/^LM3 follows each £1 through a second round of spending/).waitFor();

  await page.getByLabel('Add up payments under (£, optional)').fill('600');
  await page.getByRole('button', { name: 'Open a copy to publish' }).click();
  await page.getByRole('status').filter({ hasText: 'Opened as a new workbook' }).waitFor();
  await expect(page.getByRole('status').filter({ hasText: 'Opened as a new workbook' }).textContent()).resolves.toBe(
    'Opened as a new workbook: save it where you choose. 1 payment to individuals redacted; 1 payment under £600 added up into 1 line by category.',
  );
  const created = await page.evaluate(() => (window as unknown as { __excelSim: { createdWorkbooks: string[] } }).__excelSim.createdWorkbooks);
  expect(created).toHaveLength(1);
  const xlsx = Buffer.from(created[0], 'base64');
  expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
  await screenshot(page, 'partnership-results');
  expect(await seriousViolations(page)).toEqual([]);
  expect(refused).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
