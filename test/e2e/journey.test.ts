/**
 * The user's journey (SPEC.md) in the built task pane, in Chromium, over a simulated workbook:
 * a messy spend sheet (title lines above the header; the supplier column proposed as the
 * institution), one mapping corrected, Preston and Lancashire chosen, analysed, a supplier fixed
 * on the Suppliers sheet and a row override typed, analysed again. Once with the mouse in the
 * light and the dark theme, once with the keyboard only. Each step is photographed and scanned
 * for accessibility; the workbook is checked after each run, and the headline the pane shows is
 * the headline the workbook holds.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { SimulatorSetup } from '../sim/simulator-setup';
import { STATE_SHEET } from '../../src/core';
import { formatPounds, formatShare } from '../../src/taskpane/format';
import { headlineMeasures } from '../../src/taskpane/headline';
import { type AxeViolation, describeWithGeoPack, OFFICE_JS, type OpenedPane, PANE_VIEWPORT, screenshot, seriousViolations, usePaneBrowser } from './pane-harness';
import { cellAddress, find, savedState, selection, setSyncDelay, sheetNames, typeInCell, values, workbookHeadline } from './workbook-view';

jest.setTimeout(180_000);

const setupFile = path.join(__dirname, '..', 'fixtures', 'e2e', 'messy-workbook.json');
const AREAS = { local: 'Preston', wider: 'Lancashire (ceremonial county)' };
const LOCAL = 'Local (Preston)';
const WIDER = 'Wider area (Lancashire (ceremonial county))';

type Theme = 'light' | 'dark';

function setupFor(theme: Theme): SimulatorSetup {
  const setup = JSON.parse(fs.readFileSync(setupFile, 'utf8')) as SimulatorSetup;
  return { ...setup, host: { theme } };
}

const pane = usePaneBrowser();

/** The pane, its scans and its screenshots for one pass of the journey. */
class Pass {
  readonly violations: { step: string; violations: AxeViolation[] }[] = [];
  readonly overflows: string[] = [];
  private step = 0;
  constructor(
    readonly page: Page,
    private readonly name: string,
  ) {}

  /** Photographs the pane, scans it with axe-core and checks it fits the narrowest pane. */
  async record(step: string): Promise<void> {
    this.step++;
    await screenshot(this.page, `${this.name}-${String(this.step).padStart(2, '0')}-${step}`);
    this.violations.push({ step, violations: await seriousViolations(this.page) });
    const width = await this.page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PANE_VIEWPORT.width) this.overflows.push(`${step}: ${width}px wide`);
  }

  expectClean(): void {
    expect(this.violations.filter((v) => v.violations.length > 0)).toEqual([]);
    expect(this.overflows).toEqual([]);
  }
}

function headlineRow(page: Page, measure: string): Locator {
  return page.getByRole('row', { name: new RegExp(`^${measure.replace(/[()+]/g, '\\$&')}`) });
}

/** The headline as the pane shows it equals the headline cells of the summary sheet. */
async function expectPaneHeadlineEqualsWorkbook(page: Page): Promise<void> {
  const measures = Object.values(headlineMeasures(AREAS));
  const inWorkbook = await workbookHeadline(page, 'Baseline', measures);
  for (const measure of measures) {
    const cells = await headlineRow(page, measure).getByRole('cell').allTextContents();
    const { spend, share } = inWorkbook.get(measure)!;
    expect([measure, ...cells]).toEqual([measure, formatPounds(spend), formatShare(typeof share === 'number' ? share : null)]);
  }
}

/** Locality written beside each payment, by the supplier and amount of the row. */
async function localities(page: Page): Promise<Map<string, string>> {
  const rows = await values(page, 'Payments');
  const header = find(rows, 'Beneficiary Organisation');
  const amount = rows[header.row].indexOf('Net Amount');
  const locality = rows[header.row].indexOf('Locality');
  const result = new Map<string, string>();
  for (const row of rows.slice(header.row + 1)) {
    if (row[header.column] && row[header.column] !== 'Total') result.set(`${row[header.column]} ${row[amount]}`, String(row[locality]));
  }
  return result;
}

/** The user's cells (the data as set up, A1:G33) are as they were. */
async function expectUserCellsUnchanged(page: Page, before: unknown[][]): Promise<void> {
  const after = (await values(page, 'Payments')).map((row) => row.slice(0, 7));
  expect(after.slice(0, before.length)).toEqual(before);
}

/** What the journey checks after the first analysis, whichever way the pane was worked. */
async function expectFirstRun(page: Page, original: unknown[][]): Promise<void> {
  await expectUserCellsUnchanged(page, original);
  expect(await sheetNames(page)).toEqual(expect.arrayContaining(['Payments', 'Baseline', 'Suppliers', 'Rules', 'Top suppliers', 'Method']));
  const found = await localities(page);
  expect(found.get('Fishergate Print Co 1250')).toBe(LOCAL);
  expect(found.get('Ribble Valley Joinery Ltd 4320')).toBe(WIDER);
  expect(found.get('Tower Security Ltd 1875.25')).toBe(WIDER);
  expect(found.get('Aire Valley IT Solutions Ltd 12500')).toBe('Rest of UK');
  expect(found.get('Harbour Lights Catering 3200')).toBe('Unknown');
  expect(found.get('Acme Consulting 9800')).toBe('Unknown');
  const state = await savedState(page);
  expect(state.settings.areas?.local.name).toBe('Preston');
  expect(state.settings.areas?.wider.name).toBe('Lancashire (ceremonial county)');
  expect(state.settings.mapping?.fields.supplier).toBe('Beneficiary Organisation');
  await expectPaneHeadlineEqualsWorkbook(page);
  const toReview = page.getByRole('list').filter({ has: page.getByRole('button', { name: 'Harbour Lights Catering' }) });
  await expect(toReview.getByRole('button', { name: 'Acme Consulting' }).count()).resolves.toBe(1);
}

/**
 * The corrections a user makes in Excel between runs: Harbour Lights Catering's postcode typed
 * on its Suppliers line, and "Preston" typed in the locality override of one Acme payment.
 */
async function correctInExcel(page: Page): Promise<void> {
  const suppliers = await values(page, 'Suppliers');
  const harbour = find(suppliers, 'Harbour Lights Catering');
  const postcode = suppliers[find(suppliers, 'Postcode').row].indexOf('Postcode');
  await typeInCell(page, 'Suppliers', cellAddress(harbour.row, postcode), 'LA1 1AA');
  const payments = await values(page, 'Payments');
  const header = find(payments, 'Locality override');
  const acme = payments.findIndex((row) => row.includes('Acme Consulting') && row.includes(9800));
  await typeInCell(page, 'Payments', cellAddress(acme, header.column), 'Preston');
}

async function expectSecondRun(page: Page, original: unknown[][]): Promise<void> {
  await expectUserCellsUnchanged(page, original);
  const found = await localities(page);
  expect(found.get('Harbour Lights Catering 3200')).toBe(WIDER);
  expect(found.get('Harbour Lights Catering 1560')).toBe(WIDER);
  expect(found.get('Acme Consulting 9800')).toBe(LOCAL);
  expect(found.get('Acme Consulting 4200')).toBe('Unknown');
  // What the user typed is kept.
  const suppliers = await values(page, 'Suppliers');
  const harbour = find(suppliers, 'Harbour Lights Catering');
  expect(suppliers[harbour.row]).toContain('LA1 1AA');
  const payments = await values(page, 'Payments');
  expect(payments.find((row) => row.includes('Acme Consulting') && row.includes(9800))).toContain('Preston');
  await expectPaneHeadlineEqualsWorkbook(page);
  const changes = page.getByRole('region', { name: '5. Results' }).getByRole('listitem').filter({ hasText: `${LOCAL}:` });
  await expect(changes.textContent()).resolves.toMatch(/→.*points/);
}

/** Waits for the results of a run (told apart by what they say about the last run), with focus moved to them. */
async function waitForResults(page: Page, sinceLastRun: RegExp): Promise<void> {
  const results = page.getByRole('region', { name: '5. Results' });
  await results.getByText(sinceLastRun).waitFor();
  await expect(results.getByRole('heading', { name: '5. Results' }).evaluate((h) => h === document.activeElement)).resolves.toBe(true);
}

/**
 * The whole journey ran under the pane's Content Security Policy without one violation, and with
 * online lookup off nothing left the machine but the request for office.js (Microsoft's CDN in
 * production; the simulator here), which carries no data.
 */
function expectPrivateAndWithinPolicy(pane: OpenedPane): void {
  expect(pane.cspViolations).toEqual([]);
  expect(pane.requestsOffMachine()).toEqual([{ method: 'GET', url: OFFICE_JS, body: null }]);
  expect(pane.requests.length).toBeGreaterThan(5);
}

const FIRST_RUN = /^This is the first analysis of this workbook/;
const LATER_RUN = /^Compared with the run of/;

describeWithGeoPack('the journey in the task pane', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`with the mouse, ${theme} theme`, async () => {
      const opened = await pane.open({ setup: setupFor(theme) });
      const { page, refused, pageErrors } = opened;
      const pass = new Pass(page, `mouse-${theme}`);
      const original = (await values(page, 'Payments')).map((row) => row.slice(0, 7));

      // 1. The data: found below the title lines; the supplier column was taken for the institution.
      await page.getByRole('heading', { name: '1. Your spend data' }).waitFor();
      await expect(page.getByText('Found 29 rows of data in sheet Payments (cells A4:G33), with column headers on row 4.').count()).resolves.toBe(1);
      await expect(page.getByText('A required column is missing').count()).resolves.toBe(1);
      await expect(page.getByRole('combobox', { name: 'Institution' }).textContent()).resolves.toBe('C: Beneficiary Organisation');
      await pass.record('data-found');

      await page.getByRole('combobox', { name: /^Supplier name/ }).click();
      await page.getByRole('option', { name: 'C: Beneficiary Organisation' }).click();
      await expect(page.getByRole('combobox', { name: /^Supplier name/ }).textContent()).resolves.toBe('C: Beneficiary Organisation');
      await expect(page.getByRole('combobox', { name: 'Institution' }).count()).resolves.toBe(0);
      await pass.record('mapping-corrected');

      // 2. The areas, searched and picked.
      const local = page.getByRole('combobox', { name: 'Local area' });
      await local.click();
      await local.fill('Prest');
      await page.getByRole('option', { name: /^Preston \(district\)/ }).click();
      const wider = page.getByRole('combobox', { name: 'Wider area' });
      await wider.click();
      await wider.fill('Lancash');
      await pass.record('wider-area-search');
      await page.getByRole('option', { name: /^Lancashire \(ceremonial county\)/ }).click();
      await page.getByText('Local: Preston (1 district). Wider: Lancashire (ceremonial county) (14 districts).').waitFor();
      await pass.record('areas-chosen');

      // 3. The options, with what online lookup would send and to whom.
      await page.getByRole('button', { name: '3. Options' }).click();
      await page.getByRole('switch', { name: 'Look up postcodes online' }).waitFor();
      await expect(page.getByRole('switch', { name: 'Look up postcodes online' }).isChecked()).resolves.toBe(false);
      await expect(page.getByText(/Only the postcodes are sent/).count()).resolves.toBe(1);
      await pass.record('options');
      await page.getByRole('button', { name: '3. Options' }).click();

      // 4. Analyse, with progress (Excel slowed down so the bar can be seen).
      await setSyncDelay(page, 40);
      await page.getByRole('button', { name: 'Analyse', exact: true }).click();
      await page.getByRole('progressbar').waitFor();
      await page.getByText(/Reading rows:|Classifying rows:|Writing results:/).first().waitFor();
      await pass.record('analysing');
      await setSyncDelay(page, 0);

      // 5. The results.
      await waitForResults(page, FIRST_RUN);
      await pass.record('results');
      await expectFirstRun(page, original);

      // A supplier to check opens its line on the Suppliers sheet.
      await page.getByRole('button', { name: 'Harbour Lights Catering' }).click();
      await page.waitForFunction(() => window.__excelSim.activeSheetName === 'Suppliers');
      const shown = await selection(page);
      const suppliers = await values(page, 'Suppliers');
      expect(shown.address).toMatch(new RegExp(`^Suppliers!A${find(suppliers, 'Harbour Lights Catering').row + 1}\\b`));

      // 6. Corrections in Excel, then analyse again.
      await correctInExcel(page);
      await page.getByRole('button', { name: 'Analyse again' }).click();
      await waitForResults(page, LATER_RUN);
      await pass.record('results-after-corrections');
      await expectSecondRun(page, original);

      pass.expectClean();
      expect(refused).toEqual([]);
      expect(pageErrors).toEqual([]);
      expectPrivateAndWithinPolicy(opened);
      await page.context().close();
    });
  }

  it('with damaged settings: reset from the pane, after it has asked, and the data found again', async () => {
    const setup = setupFor('light');
    setup.sheets = [...(setup.sheets ?? []), { name: STATE_SHEET, visibility: 'VeryHidden', cells: [['|{"version":2,"settings":{"mapping":']] }];
    const opened = await pane.open({ setup });
    const { page, refused, pageErrors } = opened;
    const pass = new Pass(page, 'reset-settings');
    const original = (await values(page, 'Payments')).map((row) => row.slice(0, 7));

    await page.getByText('The workbook could not be read').waitFor();
    await expect(page.getByText(/settings on the hidden sheet LSB_State are damaged.*Reset the add-in's settings/).count()).resolves.toBe(1);
    await pass.record('damaged-settings');

    // Asked first; keeping them changes nothing.
    const reset = page.getByRole('button', { name: "Reset the add-in's settings…" });
    await reset.click();
    await page.getByRole('alertdialog', { name: /^Reset the add-in.s settings\?$/ }).waitFor();
    await pass.record('reset-settings-dialog');
    await page.getByRole('button', { name: 'Keep them' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await sheetNames(page)).toContain(STATE_SHEET);

    await reset.click();
    await page.getByRole('button', { name: 'Reset the settings' }).click();
    await page.getByRole('heading', { name: '1. Your spend data' }).waitFor();
    await expect(page.getByText('Found 29 rows of data in sheet Payments (cells A4:G33), with column headers on row 4.').count()).resolves.toBe(1);
    await pass.record('settings-reset');
    expect(await sheetNames(page)).toEqual(['Payments']);
    await expectUserCellsUnchanged(page, original);

    pass.expectClean();
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('with the keyboard only', async () => {
    const opened = await pane.open({ setup: setupFor('light') });
    const { page, refused, pageErrors } = opened;
    const pass = new Pass(page, 'keyboard-light');
    const original = (await values(page, 'Payments')).map((row) => row.slice(0, 7));
    const keys = page.keyboard;
    await page.getByRole('heading', { name: '1. Your spend data' }).waitFor();

    // Tab until the control is focused, as a keyboard user moves through the pane.
    const tabTo = async (target: Locator, backwards = false) => {
      for (let presses = 0; presses < 80; presses++) {
        if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))) return;
        await keys.press(backwards ? 'Shift+Tab' : 'Tab');
      }
      throw new Error(`could not reach ${target} with the Tab key`);
    };

    await tabTo(page.getByRole('combobox', { name: /^Supplier name/ }));
    await keys.press('Enter');
    await page.getByRole('listbox').waitFor();
    await keys.type('C');
    await keys.press('Enter');
    await expect(page.getByRole('combobox', { name: /^Supplier name/ }).textContent()).resolves.toBe('C: Beneficiary Organisation');
    await pass.record('mapping-corrected');

    await tabTo(page.getByRole('combobox', { name: 'Local area' }));
    // Typing highlights the first area that starts with the text; Enter picks it.
    await keys.type('Preston');
    await page.getByRole('option', { name: /^Preston \(district\)/ }).waitFor();
    await keys.press('Enter');
    await tabTo(page.getByRole('combobox', { name: 'Wider area' }));
    await keys.type('Lancashire (cer');
    await page.getByRole('option', { name: /^Lancashire \(ceremonial county\)/ }).waitFor();
    await keys.press('Enter');
    await page.getByText('Local: Preston (1 district). Wider: Lancashire (ceremonial county) (14 districts).').waitFor();
    await pass.record('areas-chosen');

    // The options open and close from the keyboard; the reset dialog can be left without harm.
    await tabTo(page.getByRole('button', { name: '3. Options' }));
    await keys.press('Enter');
    await tabTo(page.getByRole('button', { name: 'Reset rules to defaults…' }));
    await keys.press('Enter');
    await page.getByRole('alertdialog', { name: 'Reset the rules?' }).waitFor();
    await pass.record('reset-rules-dialog');
    await keys.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await tabTo(page.getByRole('button', { name: '3. Options' }), true);
    await keys.press('Enter');

    await tabTo(page.getByRole('button', { name: 'Analyse', exact: true }));
    await keys.press('Enter');
    await waitForResults(page, FIRST_RUN);
    await pass.record('results');
    await expectFirstRun(page, original);

    // The results heading has focus: the suppliers to check are a few Tabs on.
    await tabTo(page.getByRole('button', { name: 'Harbour Lights Catering' }));
    await keys.press('Enter');
    await page.waitForFunction(() => window.__excelSim.activeSheetName === 'Suppliers');

    await correctInExcel(page);
    await tabTo(page.getByRole('button', { name: 'Analyse again' }), true);
    await keys.press('Enter');
    await waitForResults(page, LATER_RUN);
    await pass.record('results-after-corrections');
    await expectSecondRun(page, original);

    pass.expectClean();
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
    expectPrivateAndWithinPolicy(opened);
    await page.context().close();
  });
});
