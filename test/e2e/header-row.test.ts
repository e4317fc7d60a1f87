/**
 * When the add-in took the wrong row for the column headers, the user says which row it is (or
 * that there is none) and the columns are read again from there.
 */
import { screenshot, usePaneBrowser } from './pane-harness';
import { messyWorkbook } from './remembered-workbook';

jest.setTimeout(120_000);

const pane = usePaneBrowser();

it('reads the columns again from the header row the user gives, or from none', async () => {
  const { page, pageErrors } = await pane.open({ setup: messyWorkbook(), missing: ['/geo/'] });
  await page.getByText(/with column headers on row 4\.$/).waitFor();

  await page.getByRole('button', { name: 'Wrong header row?' }).click();
  await page.getByRole('button', { name: 'No header row' }).click();
  await page.getByText(/with no header row\.$/).waitFor();
  await expect(page.getByRole('combobox', { name: /^Amount paid/ }).textContent()).resolves.toMatch(/^F: /);
  await screenshot(page, 'header-row-01-none');

  await page.getByRole('spinbutton', { name: 'Header row' }).fill('4');
  await page.getByRole('button', { name: 'Use this row' }).click();
  await page.getByText(/with column headers on row 4\.$/).waitFor();
  await expect(page.getByRole('combobox', { name: /^Amount paid/ }).textContent()).resolves.toBe('F: Net Amount');
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
