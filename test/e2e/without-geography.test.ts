/**
 * When the geography pack beside the pane cannot be loaded (a deployment that left out geo/, a
 * proxy that blocks it), the pane says what is missing and carries on with the areas the
 * workbook remembers: it still analyses, and what it shows is what the workbook holds.
 */
import { screenshot, seriousViolations, usePaneBrowser } from './pane-harness';
import { rememberedWorkbook } from './remembered-workbook';
import { values } from './workbook-view';

jest.setTimeout(120_000);

const pane = usePaneBrowser();

it('says the postcode data is missing, and analyses with the areas the workbook remembers', async () => {
  const { page, refused, pageErrors } = await pane.open({ setup: rememberedWorkbook(), missing: ['/geo/'] });
  const notice = page.getByText('The list of areas could not be loaded');
  await notice.waitFor();
  await expect(page.getByText(/The areas saved in this workbook are used — local: Preston; wider: Lancashire \(ceremonial county\)/).count()).resolves.toBe(1);
  // The remembered mapping is used: supplier is no longer missing.
  await expect(page.getByRole('combobox', { name: /^Supplier name/ }).textContent()).resolves.toBe('C: Beneficiary Organisation');
  await screenshot(page, 'without-geography-01-notice');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await page.getByRole('heading', { name: '5. Results' }).waitFor();
  await screenshot(page, 'without-geography-02-results');
  // Without postcode data every supplier's place is unknown, and the pane says so as the workbook does.
  const rows = await values(page, 'Payments');
  const locality = rows[3].indexOf('Locality');
  expect(new Set(rows.slice(4, 32).map((row) => row[locality]))).toEqual(new Set(['Unknown']));
  const unknown = page.getByRole('row', { name: /^Unknown locality/ });
  await expect(unknown.getByRole('cell').allTextContents()).resolves.toEqual(['£137,307', '100.0%']);
  expect(refused).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
