/**
 * A finance officer whose spend sheet has no postcodes for some suppliers imports the supplier
 * list the finance system exports, as an Excel workbook: the blank postcodes on the Suppliers
 * sheet are filled from it, and the pane says how many.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/core/csv';
import { screenshot, usePaneBrowser } from './pane-harness';
import { rememberedWorkbook } from './remembered-workbook';
import { find, values } from './workbook-view';

jest.setTimeout(120_000);

const pane = usePaneBrowser();

/** The committed creditor list, saved as Excel would save it, under a title line. */
async function creditorWorkbook(): Promise<Buffer> {
  const rows = parseCsv(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'e2e', 'creditors.csv'), 'utf8'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Creditors');
  sheet.addRow(['Creditor master file, exported 1 April 2025']);
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

it('fills blank postcodes on the Suppliers sheet from a creditor list saved as .xlsx', async () => {
  const { page, refused, pageErrors } = await pane.open({ setup: rememberedWorkbook(), missing: ['/geo/'] });
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await page.getByRole('heading', { name: '5. Results' }).waitFor();
  const before = await values(page, 'Suppliers');
  const harbour = find(before, 'Harbour Lights Catering');
  const postcode = before[0].indexOf('Postcode');
  expect(before[harbour.row][postcode]).toBe('');

  await page.getByRole('button', { name: '3. Options' }).click();
  await page.locator('input[data-file=creditors]').setInputFiles({ name: 'Creditors.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await creditorWorkbook() });
  await page.getByText(/^Creditors\.xlsx: 4 suppliers read, \d+ found on the Suppliers sheet, \d+ blank postcodes? filled\./).waitFor();
  await screenshot(page, 'creditor-import-01-xlsx');

  const after = await values(page, 'Suppliers');
  expect(after[find(after, 'Harbour Lights Catering').row][postcode]).toBe('LA1 1AA');
  expect(refused).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
