/**
 * The task pane as a user meets it, from the production build (dist/, `npm run build` first):
 * - first-load JavaScript: the scripts taskpane.html loads before the first paint, gzipped, against
 *   React and ReactDOM alone bundled and gzipped the same way in this run (goal ≤ 250 KB);
 * - time to interactive in Chromium: from navigation to the mapping controls being usable over a
 *   simulated workbook, against loading a blank page from the same server;
 * - the longest the add-in's own JavaScript keeps the pane busy with no idle moment while it
 *   analyses 20,000 rows, against the same measure while the pane opens.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { parseCsv } from '../src/core/csv';
import { bundleSimulator, checkPrerequisites, launchChromium, longestAddinStretch, openPane, paneContext, serveFolder, DIST, ROOT, type StaticServer } from '../test/e2e/pane-harness';
import { generateSpendCsv } from '../test/support/spend-generator';
import type { SimulatorSetup } from '../test/sim/simulator-setup';
import type { Figure, Suite } from './harness';

const FIRST_LOAD_GOAL_KB = 250;
const RUNS = 5;
const BLANK_PAGE = '/blank-page-for-the-bench.html';
const LARGE_ROWS = 20_000;

/** The scripts the page loads itself (not the CDN's office.js), gzipped. */
function firstLoadBytes(): { bytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]).filter((src) => !/^https?:/.test(src));
  const bytes = files.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length, 0);
  return { bytes, files };
}

/** React and ReactDOM alone, as small as a production bundle makes them. */
async function reactFloorBytes(): Promise<number> {
  const result = await build({
    stdin: { contents: "import { createRoot } from 'react-dom/client'; createRoot(document.body).render(null);", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

function messySetup(): SimulatorSetup {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'e2e', 'messy-workbook.json'), 'utf8')) as SimulatorSetup;
}

/** Enabled once the workbook has been read and the list of areas has loaded: the whole pane works. */
const AREA_PICKER_READY = 'input[role="combobox"]:not([disabled])';

/** Best of RUNS: navigation start to the area picker being usable (workbook read, areas loaded). */
async function timeToInteractive(browser: Browser, server: StaticServer, simulatorJs: string): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const { page } = await openPane(browser, server, simulatorJs, { setup: messySetup() });
    await page.locator(AREA_PICKER_READY).first().waitFor();
    best = Math.min(best, await page.evaluate(() => performance.now()));
    await page.context().close();
  }
  return best;
}

/** Best of RUNS: a blank page from the same server, through the same request routing. */
async function blankPageLoad(browser: Browser, server: StaticServer): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const { context } = await paneContext(browser, server);
    const page = await context.newPage();
    await page.goto(`${server.origin}${BLANK_PAGE}`);
    best = Math.min(best, await page.evaluate(() => performance.now()));
    await context.close();
  }
  return best;
}

/** The longest busy stretch of add-in code while the pane opens, then while it analyses a large sheet. */
async function busyStretches(browser: Browser, server: StaticServer, simulatorJs: string): Promise<{ opening: number; analysing: number }> {
  const cells = parseCsv(generateSpendCsv(LARGE_ROWS, 6));
  const { page } = await openPane(browser, server, simulatorJs, { setup: { sheets: [{ name: 'Spend', cells }] } });
  const opening = await longestAddinStretch(page, async () => {
    await page.reload();
    await page.locator(AREA_PICKER_READY).first().waitFor();
  });
  const local = page.getByRole('combobox', { name: 'Local area' });
  await local.click();
  await local.fill('Preston');
  await page.getByRole('option', { name: /^Preston \(district\)/ }).click();
  const analysing = await longestAddinStretch(page, async () => {
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByRole('heading', { name: '5. Results' }).waitFor({ timeout: 300_000 });
  });
  await page.context().close();
  return { opening: opening.addinMs, analysing: analysing.addinMs };
}

export const suite: Suite = {
  name: 'Task pane (production build in Chromium)',
  async run(): Promise<Figure[]> {
    checkPrerequisites();
    const { bytes, files } = firstLoadBytes();
    const floor = await reactFloorBytes();
    const [browser, server, simulatorJs] = await Promise.all([
      launchChromium(),
      serveFolder(DIST, { [BLANK_PAGE]: '<!doctype html><title>blank</title>' }),
      bundleSimulator(),
    ]);
    try {
      const tti = await timeToInteractive(browser, server, simulatorJs);
      const blank = await blankPageLoad(browser, server);
      const busy = await busyStretches(browser, server, simulatorJs);
      return [
        {
          name: `first-load JavaScript, gzipped (${files.join(', ')})`,
          value: bytes / 1024,
          unit: 'KB',
          floor: { name: 'React + ReactDOM alone, minified and gzipped', value: floor / 1024, unit: 'KB' },
          ratio: bytes / floor,
          goal: `≤ ${FIRST_LOAD_GOAL_KB} KB`,
          met: bytes / 1024 <= FIRST_LOAD_GOAL_KB,
        },
        {
          name: 'time to interactive (navigation to the whole pane usable: workbook read, areas loaded)',
          value: tti,
          unit: 'ms',
          floor: { name: 'blank page load, same browser', value: blank, unit: 'ms' },
          ratio: tti / blank,
        },
        {
          name: `longest busy stretch of add-in JavaScript while analysing ${LARGE_ROWS.toLocaleString('en-GB')} rows`,
          value: busy.analysing,
          unit: 'ms',
          floor: { name: 'the same while the pane opens', value: busy.opening, unit: 'ms' },
          ratio: busy.analysing / busy.opening,
        },
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
