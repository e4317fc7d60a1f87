/**
 * A damaged geography pack on the add-in's server (a truncated area file, one whose checksum is
 * wrong, one from another build of the pack, a truncated index): the pane says which file is
 * damaged, writes nothing, and analyses once the server has the right file again.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { buildFixturePack } from '../geo/fixture-pack';
import { describeWithGeoPack, DIST, screenshot, usePaneBrowser } from './pane-harness';
import { rememberedWorkbook } from './remembered-workbook';
import { sheetNames, values } from './workbook-view';

jest.setTimeout(120_000);

const pane = usePaneBrowser();
const PR_FILE = '/geo/postcodes-PR.bin.gz';

describeWithGeoPack('a damaged geography pack in the pane', () => {
  const served = () => fs.readFileSync(path.join(DIST, PR_FILE));

  it.each<[string, () => Promise<Buffer>, RegExp]>([
    ['a truncated area file', async () => served().subarray(0, served().length >> 1), /postcodes-PR\.bin\.gz .*is damaged or truncated/],
    [
      'an area file with a wrong checksum',
      async () => {
        const raw = gunzipSync(served());
        raw[raw.length >> 1] ^= 0x01;
        return gzipSync(raw);
      },
      /postcodes-PR\.bin\.gz .*cannot be used: .*checksum/,
    ],
    ['an area file from another build of the pack', async () => fs.readFileSync(path.join(await buildFixturePack(), 'postcodes-PR.bin.gz')), /postcodes-PR\.bin\.gz .*belongs to a different build of the pack/],
  ])('%s: the pane names it, writes nothing, and analyses once it is replaced', async (name, damaged, message) => {
    const { page, pageErrors } = await pane.open({ setup: rememberedWorkbook(), replaced: { [PR_FILE]: await damaged() } });
    await page.getByRole('button', { name: 'Analyse', exact: true }).waitFor();
    const before = { sheets: await sheetNames(page), cells: await values(page, 'Payments') };

    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    const notice = page.getByRole('group').filter({ hasText: 'The analysis did not finish' });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(message);
    await screenshot(page, `damaged-geography-${name.replace(/\W+/g, '-')}`);
    expect(await sheetNames(page)).toEqual(before.sheets);
    expect(await values(page, 'Payments')).toEqual(before.cells);

    // The server is given the right file: the same pane analyses.
    await page.context().unroute(`${pane.server.origin}${PR_FILE}`);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByRole('heading', { name: '5. Results' }).waitFor();
    const rows = await values(page, 'Payments');
    const locality = rows[3].indexOf('Locality');
    expect(new Set(rows.filter((row) => row[6] === 'PR1 2AA').map((row) => row[locality]))).toEqual(new Set(['Local (Preston)']));
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a truncated index: the pane says the areas could not be loaded, and analyses with the areas the workbook remembers', async () => {
    const index = fs.readFileSync(path.join(DIST, 'geo', 'index.json'));
    const { page, pageErrors } = await pane.open({ setup: rememberedWorkbook(), replaced: { '/geo/index.json': index.subarray(0, 200) } });
    await page.getByText('The list of areas could not be loaded').waitFor();
    await expect(page.getByText(/index\.json .*is not valid JSON \(damaged or truncated\)/).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByRole('heading', { name: '5. Results' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
