/**
 * A large sheet (20,000 generated payments): the progress bar counts rows, Cancel leaves the
 * workbook as it was, and a full run then finishes. (How long the pane is kept busy is measured
 * by bench/taskpane.bench.ts, not asserted here.)
 */
import type { Page } from 'playwright-core';
import { parseCsv } from '../../src/core/csv';
import { generateSpendCsv } from '../support/spend-generator';
import { describeWithGeoPack, screenshot, usePaneBrowser } from './pane-harness';
import { setSyncDelay, sheetNames } from './workbook-view';

jest.setTimeout(240_000);

const ROWS = 20_000;
const SEED = 6;

const pane = usePaneBrowser();

function columnHashes(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.__excelSim as unknown as { columnHashes(sheet: string): string[] }).columnHashes('Spend'));
}

describeWithGeoPack('a large sheet', () => {
  it('shows rows done, cancels without a trace, then runs to the end', async () => {
    const cells = parseCsv(generateSpendCsv(ROWS, SEED));
    const { page, pageErrors } = await pane.open({ setup: { sheets: [{ name: 'Spend', cells }] } });
    await page.getByRole('heading', { name: '1. Your spend data' }).waitFor();
    await expect(page.getByText(`Found ${ROWS.toLocaleString('en-GB')} rows of data in sheet Spend`, { exact: false }).count()).resolves.toBe(1);
    const local = page.getByRole('combobox', { name: 'Local area' });
    await local.click();
    await local.fill('Preston');
    await page.getByRole('option', { name: /^Preston \(district\)/ }).click();
    const wider = page.getByRole('combobox', { name: 'Wider area' });
    await wider.click();
    await wider.fill('Lancashire (cer');
    await page.getByRole('option', { name: /^Lancashire \(ceremonial county\)/ }).click();
    await page.getByText(/^Local: Preston/).waitFor();

    // Cancel part way: Excel slowed down (each round trip 1.5 s) so that the run is caught while it reads.
    const sheetsBefore = await sheetNames(page);
    const hashesBefore = await columnHashes(page);
    await setSyncDelay(page, 1500);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByText(new RegExp(`^Reading rows: [\\d,]+ of ${ROWS.toLocaleString('en-GB')}$`)).waitFor();
    await screenshot(page, 'large-sheet-01-reading');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Analysis cancelled. Nothing in the workbook was changed.').waitFor();
    expect(await sheetNames(page)).toEqual(sheetsBefore);
    expect(await columnHashes(page)).toEqual(hashesBefore);
    await screenshot(page, 'large-sheet-02-cancelled');

    // The whole run, at full speed.
    await setSyncDelay(page, 0);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByRole('heading', { name: '5. Results' }).waitFor({ timeout: 180_000 });
    await screenshot(page, 'large-sheet-03-results');
    await expect(page.getByText(`${ROWS.toLocaleString('en-GB')} payments`, { exact: false }).count()).resolves.toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
