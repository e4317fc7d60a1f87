/**
 * The task pane with Companies House and the charity register deployed beside it (registers/, a
 * pack built from the seeded downloads): a sheet of payments with no postcodes is placed by the
 * registered offices of the suppliers whose names match exactly one organisation, fetching only
 * the shards those names hash to, each once; look-alikes stay apart and ambiguous names unknown
 * with their candidates on the Suppliers sheet. Without the pack deployed, the pane offers no
 * registers and says what would place the unknown spend.
 */
import * as fs from 'fs';
import * as path from 'path';
import { registerLookups } from '../../src/core/register-match';
import { nameShardFile, REGISTER_INDEX_FILE, registerPackIndexSchema, shardOf } from '../../src/registers/pack-index';
import type { SimulatorSetup } from '../sim/simulator-setup';
import { registerFixture } from '../support/register-fixtures';
import { buildFixtureRegisterPack } from '../registers/fixture-files';
import { describeWithGeoPack, screenshot, seriousViolations, usePaneBrowser } from './pane-harness';
import { values } from './workbook-view';

jest.setTimeout(120_000);

const fixture = registerFixture();
const SUPPLIERS = ['Acme Widgets Ltd', 'Acme Widgets Holdings Ltd', 'Acme Widgets North Ltd', 'Ribble Homes Ltd', 'Preston Foodbank', 'Green Shoots CIC', 'Never Registered Traders'];

function setup(): SimulatorSetup {
  return {
    sheets: [
      {
        name: 'Payments',
        cells: [['Supplier Name', 'Expense Type', 'Net Amount'], ...SUPPLIERS.map((name, i) => [name, 'Repairs and maintenance', 1000 + i])],
      },
    ],
  };
}

const pane = usePaneBrowser();
let pack: string;
beforeAll(async () => {
  pack = (await buildFixtureRegisterPack()).pack;
});

/** The requests for the register pack's files, as "METHOD /path", in the order made. */
function registerRequests(requests: readonly { method: string; url: string }[]): string[] {
  return requests.map((r) => ({ method: r.method, path: decodeURIComponent(new URL(r.url).pathname) })).filter((r) => r.path.startsWith('/registers/')).map((r) => `${r.method} ${r.path}`);
}

async function analyseAsPreston(page: import('playwright-core').Page): Promise<void> {
  const local = page.getByRole('combobox', { name: 'Local area' });
  await local.click();
  await local.fill('Preston');
  await page.getByRole('option', { name: /^Preston \(district\)/ }).click();
  await page.getByText(/^Local: Preston/).waitFor();
}

describeWithGeoPack('Companies House and the charity register in the task pane', () => {
  it('places suppliers by their registered office, fetching only the shards their names need', async () => {
    expect(fixture.cases.length).toBeGreaterThan(0);
    const { page, refused, pageErrors, requests } = await pane.open({ setup: setup(), folders: { '/registers/': pack } });
    await analyseAsPreston(page);
    await page.getByRole('button', { name: '3. Options' }).click();
    const registers = page.getByRole('switch', { name: 'Look suppliers up in the registers' });
    await registers.waitFor();
    expect(await registers.isChecked()).toBe(true);
    await page.getByText(/Companies House Basic Company Data 2024-08-01; Charity Commission register extract 2024-08-15\./).waitFor();
    await screenshot(page, 'registers-01-options');
    // Nothing but the index until an analysis looks suppliers up.
    expect(registerRequests(requests)).toEqual([`HEAD /registers/${REGISTER_INDEX_FILE}`, `GET /registers/${REGISTER_INDEX_FILE}`]);

    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByRole('heading', { name: '5. Results' }).waitFor();
    await screenshot(page, 'registers-02-results');

    const index = registerPackIndexSchema.parse(JSON.parse(fs.readFileSync(path.join(pack, REGISTER_INDEX_FILE), 'utf8')));
    const wanted = new Set(registerLookups({ names: SUPPLIERS }).nameKeys.map((key) => `GET /registers/${nameShardFile(shardOf(key, index.names.bits))}`));
    const shardRequests = registerRequests(requests).slice(2);
    // Each shard the names hash to, once; no other.
    expect([...shardRequests].sort()).toEqual([...wanted].sort());
    expect(wanted.size).toBeLessThan(2 ** index.names.bits);

    const rows = await values(page, 'Payments');
    const header = rows[0].map(String);
    const of = (supplier: string, column: string) => rows.find((row) => row[0] === supplier)![header.indexOf(column)];
    expect(of('Acme Widgets Ltd', 'Locality')).toBe('Local (Preston)');
    expect(of('Acme Widgets Ltd', 'Locality basis')).toBe('Registered office PR1 2HE (Companies House 01000001, name match)');
    expect(of('Acme Widgets Holdings Ltd', 'Local authority')).toBe('Manchester (E08000003)');
    expect(of('Acme Widgets North Ltd', 'Locality')).toBe('Unknown');
    expect(of('Ribble Homes Ltd', 'Locality')).toBe('Unknown');
    expect(of('Preston Foodbank', 'Supplier type')).toBe('Charity');
    expect(of('Green Shoots CIC', 'Supplier type')).toBe('Social enterprise');

    const suppliers = await values(page, 'Suppliers');
    const columns = suppliers[0].map(String);
    const ribble = suppliers.find((row) => row[1] === 'Ribble Homes Ltd')!;
    expect(ribble[columns.indexOf('Register candidates')]).toBe('Companies House 01000005 PR1 9AA; Companies House 01000006 M3 5AB');
    await page.getByText(/: 4 suppliers matched by name or number, 4 placed by a registered office or charity address \(counted apart on the Method sheet\); 1 matching several organisations/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('without the registers deployed: no switch, and the unknown spend comes with the ways to place it', async () => {
    const { page, refused, pageErrors, requests } = await pane.open({ setup: setup(), folders: { '/registers/': path.join(pack, 'absent') } });
    await analyseAsPreston(page);
    await page.getByRole('button', { name: '3. Options' }).click();
    await page.getByRole('switch', { name: 'Look up postcodes online' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Look suppliers up in the registers' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByRole('heading', { name: '5. Results' }).waitFor();
    await page.getByText('100.0% of spend has no known locality').waitFor();
    await page.getByText(/Ask your IT team to deploy Companies House and the charity register/).waitFor();
    await page.getByText(/Type postcodes on the Suppliers sheet, then analyse again/).waitFor();
    await screenshot(page, 'registers-03-unknown-advice');
    expect(registerRequests(requests)).toEqual([`HEAD /registers/${REGISTER_INDEX_FILE}`]);
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
