/**
 * Online postcode lookup, as the pane promises it: off until the user turns it on; then only
 * postcodes the pack does not know are sent, to postcodes.io, and nothing else from the sheet,
 * as every request of the pane recorded at the network layer shows.
 * postcodes.io is played by the local stand-in (the page's requests to api.postcodes.io are
 * answered from it); nothing reaches the internet.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { SimulatorSetup } from '../sim/simulator-setup';
import { startPostcodesIoStandin, type Standin } from '../support/postcodes-io-standin';
import { normalisePostcode } from '../../src/core/postcode';
import { describeWithGeoPack, OFFICE_JS, screenshot, usePaneBrowser } from './pane-harness';
import { savedState, values } from './workbook-view';

jest.setTimeout(120_000);

/** A real-looking postcode that the geography pack does not have (as a new postcode would be). */
const NEW_POSTCODE = 'PR1 0ZZ';

/** The messy workbook with the new postcode given for Acme Consulting's payments. */
function setup(): SimulatorSetup {
  const base = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'e2e', 'messy-workbook.json'), 'utf8')) as SimulatorSetup;
  const [payments, ...rest] = base.sheets!;
  const cells = payments.cells!.map((row) => (row[2] === 'Acme Consulting' ? [...row.slice(0, 6), NEW_POSTCODE] : row));
  return { ...base, sheets: [{ ...payments, cells }, ...rest] };
}

const pane = usePaneBrowser();
let standin: Standin;

beforeAll(async () => {
  standin = await startPostcodesIoStandin({ [NEW_POSTCODE]: { district: 'E07000123', districtName: 'Preston', country: 'England' } });
});

afterAll(async () => {
  await standin?.close();
});

/** Maps the supplier column, picks Preston, turns online lookup on and analyses. */
async function analyseOnline(page: Page, screenshotName?: string): Promise<void> {
  await page.getByRole('combobox', { name: /^Supplier name/ }).click();
  await page.getByRole('option', { name: 'C: Beneficiary Organisation' }).click();
  const local = page.getByRole('combobox', { name: 'Local area' });
  await local.click();
  await local.fill('Preston');
  await page.getByRole('option', { name: /^Preston \(district\)/ }).click();
  await page.getByText(/^Local: Preston/).waitFor();

  await page.getByRole('button', { name: '3. Options' }).click();
  const online = page.getByRole('switch', { name: 'Look up postcodes online' });
  await online.check();
  if (screenshotName) await screenshot(page, screenshotName);
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await page.getByRole('heading', { name: '5. Results' }).waitFor();
}

/** The Locality and Locality basis written beside Acme Consulting's payments. */
async function acmeResults(page: Page): Promise<unknown[][]> {
  const rows = await values(page, 'Payments');
  const header = rows[3];
  return rows.filter((row) => row[2] === 'Acme Consulting').map((row) => [row[header.indexOf('Locality')], row[header.indexOf('Locality basis')]]);
}

describeWithGeoPack('online postcode lookup', () => {
  afterEach(() => standin.failAlways(undefined));

  it('sends only the unknown postcodes, once the user has turned it on', async () => {
    const opened = await pane.open({ setup: setup(), postcodesIo: standin.baseUrl });
    const { page, refused, pageErrors, sentOnline } = opened;
    await analyseOnline(page, 'online-lookup-01-turned-on');

    expect(sentOnline.map((body) => JSON.parse(body))).toEqual([{ postcodes: [NEW_POSTCODE] }]);
    const rows = await values(page, 'Payments');
    const header = rows[3];
    const acme = rows.filter((row) => row[2] === 'Acme Consulting');
    expect(acme.map((row) => row[header.indexOf('Locality')])).toEqual(['Local (Preston)', 'Local (Preston)']);
    expect(String(acme[0][header.indexOf('Locality basis')])).toMatch(/online/i);
    const state = (await savedState(page)) as unknown as { settings: { online: { allowed: boolean; decidedAt?: string } } };
    expect(state.settings.online.allowed).toBe(true);
    expect(Date.parse(state.settings.online.decidedAt ?? '')).not.toBeNaN();
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);

    // At the network layer: only office.js and the postcodes.io requests left the machine, and
    // those carried nothing but postcodes; nothing the sheet holds went anywhere else.
    expect(opened.cspViolations).toEqual([]);
    const offMachine = opened.requestsOffMachine();
    expect(offMachine.filter((r) => r.url !== 'https://api.postcodes.io/postcodes')).toEqual([{ method: 'GET', url: OFFICE_JS, body: null }]);
    const lookups = offMachine.filter((r) => r.url === 'https://api.postcodes.io/postcodes' && r.method !== 'OPTIONS');
    expect(lookups.map((r) => [r.method, JSON.parse(r.body ?? '')])).toEqual([['POST', { postcodes: [NEW_POSTCODE] }]]);
    const sheetText = setup().sheets!.flatMap((sheet) => sheet.cells!.flat()).filter((cell) => typeof cell === 'string' && cell.length > 3 && normalisePostcode(cell) === undefined) as string[];
    expect(sheetText.length).toBeGreaterThan(20);
    for (const request of opened.requests) {
      const sent = `${request.url} ${request.body ?? ''}`;
      expect(sheetText.filter((text) => sent.includes(text))).toEqual([]);
    }
    await page.context().close();
  });

  it('a service that cuts the connection and then throttles: the pane says so, keeps nothing false, and a later run fills it in', async () => {
    standin.failNext('cut');
    standin.failAlways({ status: 429, retryAfterSeconds: 1 });
    const { page, pageErrors } = await pane.open({ setup: setup(), postcodesIo: standin.baseUrl });
    await analyseOnline(page);
    const results = page.getByRole('region', { name: '5. Results' });
    await expect(results.getByText(/Online lookup of 1 postcode: 0 found, 1 not looked up \(the service asked us to slow down \(HTTP 429\), after 4 attempts\)\./).count()).resolves.toBe(1);
    await screenshot(page, 'online-lookup-02-service-failing');
    for (const [locality, basis] of await acmeResults(page)) {
      expect(locality).not.toBe('Local (Preston)');
      // Decided without an answer, and never "not known to postcodes.io".
      expect(basis).toMatch(/^Full postcode PR1 0ZZ is not in ONS NSPL/);
      expect(basis).not.toMatch(/postcodes\.io/);
    }
    const state = (await savedState(page)) as unknown as { onlineCache: Record<string, unknown> };
    expect(state.onlineCache).toEqual({});

    // The service is back: analysing again asks again, and fills in what was missing.
    standin.failAlways(undefined);
    await page.getByRole('button', { name: 'Analyse again' }).click();
    await results.getByText(/^Compared with the run of/).waitFor();
    expect((await acmeResults(page)).map(([locality]) => locality)).toEqual(['Local (Preston)', 'Local (Preston)']);
    expect(Object.keys(((await savedState(page)) as unknown as { onlineCache: Record<string, unknown> }).onlineCache)).toEqual([NEW_POSTCODE]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
