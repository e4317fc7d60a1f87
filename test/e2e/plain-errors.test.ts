/**
 * A failure the user can act on reaches them in plain words with what to do next, and leaves
 * the workbook as it was: here, a protected spend sheet.
 */
import { screenshot, seriousViolations, usePaneBrowser } from './pane-harness';
import { rememberedWorkbook } from './remembered-workbook';
import { sheetNames, values } from './workbook-view';

jest.setTimeout(120_000);

const pane = usePaneBrowser();

it('says a protected sheet cannot be written and what to do, changing nothing', async () => {
  const setup = rememberedWorkbook();
  setup.sheets = setup.sheets!.map((sheet) => (sheet.name === 'Payments' ? { ...sheet, protected: true } : sheet));
  // The pack is left out: this failure must not depend on it.
  const { page, pageErrors } = await pane.open({ setup, missing: ['/geo/'] });
  await page.getByRole('button', { name: 'Analyse', exact: true }).waitFor();
  const before = { sheets: await sheetNames(page), cells: await values(page, 'Payments') };

  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  const notice = page.getByRole('group').filter({ hasText: 'The analysis did not finish' });
  await notice.waitFor();
  await expect(notice.textContent()).resolves.toMatch(/protected/i);
  await expect(notice.textContent()).resolves.toMatch(/unprotect/i);
  await screenshot(page, 'plain-errors-01-protected-sheet');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await sheetNames(page)).toEqual(before.sheets);
  expect(await values(page, 'Payments')).toEqual(before.cells);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

it('says when there is no spend data to be found, and what to do', async () => {
  const { page, pageErrors } = await pane.open({ setup: { sheets: [{ name: 'Sheet1' }] }, missing: ['/geo/'] });
  const notice = page.getByRole('group').filter({ hasText: 'No spend data found' });
  await notice.waitFor();
  await expect(page.getByRole('button', { name: 'Analyse', exact: true }).isDisabled()).resolves.toBe(true);
  await screenshot(page, 'plain-errors-02-no-data');
  await expect(notice.textContent()).resolves.toMatch(/select|open/i);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
