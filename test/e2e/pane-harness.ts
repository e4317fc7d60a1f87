/**
 * Drives the production build of the task pane (dist/, unmodified) in Debian's headless Chromium:
 * dist/ is served from 127.0.0.1, the request for office.js is answered with the Excel simulator
 * (test/sim/browser-entry.ts bundled by esbuild), and every other request that would leave this
 * machine is refused. The test then works the pane as a user would and inspects the simulated
 * workbook through `window.__excelSim`.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { SimulatorSetup } from '../sim/simulator-setup';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The narrowest task pane Office shows, and a height that fits a step. */
export const PANE_VIEWPORT = { width: 300, height: 800 };

/**
 * `describe` for tests that need the geography pack in dist/geo: the build copies it there from
 * geography/pack, which ships with the project, so a build without it fails the tests.
 */
export function describeWithGeoPack(name: string, body: () => void): void {
  describe(name, () => {
    beforeAll(() => {
      if (!fs.existsSync(path.join(DIST, 'geo', 'index.json'))) {
        throw new Error('dist/geo/index.json is missing: run `npm run build` (it copies geography/pack into dist/geo).');
      }
    });
    body();
  });
}

/** Fails with what to do when the browser or the build is missing: CI installs both. */
export function checkPrerequisites(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium); these tests never download a browser.`);
  }
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    throw new Error('dist/taskpane.html is missing: run `npm run build` first (`npm test` does).');
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.gz': 'application/gzip',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves a folder read-only on 127.0.0.1, on a free port, with `extra` pages (path → HTML) beside it. */
export async function serveFolder(folder: string, extra: Record<string, string> = {}): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (pathname in extra) {
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html'] }).end(extra[pathname]);
      return;
    }
    const file = path.join(folder, pathname);
    if (!file.startsWith(folder + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The simulator as a browser script standing in for office.js. */
export async function bundleSimulator(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'test', 'sim', 'browser-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PaneOptions {
  setup: SimulatorSetup;
  /** Paths under the served origin to answer 404, e.g. "/geo/" to take the pack away. */
  missing?: string[];
  /** Answers for requests to api.postcodes.io (online lookup), from a local stand-in. */
  postcodesIo?: string;
  /** Folders served beside dist/ under a path ("/registers/" → a built register pack), as a deployment would add them. */
  folders?: Record<string, string>;
  /** Files of dist/ served with other bytes (path → body), e.g. a damaged "/geo/postcodes-PR.bin.gz". */
  replaced?: Record<string, Buffer>;
}

/** One request as the browser made it, whoever answered it. */
export interface RecordedRequest {
  method: string;
  url: string;
  body: string | null;
}

export interface OpenedPane {
  page: Page;
  /** Requests the page tried to send off this machine, which were refused. */
  refused: string[];
  /** Errors thrown in the page. */
  pageErrors: string[];
  /** The bodies of the requests the page sent to postcodes.io (answered by the stand-in). */
  sentOnline: string[];
  /** Every request of the pane's browser context, at the network layer, in order. */
  requests: RecordedRequest[];
  /** Every `securitypolicyviolation` event in the pane: what was blocked, by which directive. */
  cspViolations: string[];
  /** The requests so far to anywhere but the server of dist/ on this machine. */
  requestsOffMachine(): RecordedRequest[];
}

/**
 * A browser context as narrow as the task pane, in which only `server` is reachable (paths under
 * `missing` answer 404); every other request is refused and listed in `refused`.
 */
export async function paneContext(browser: Browser, server: StaticServer, missing: string[] = []): Promise<{ context: BrowserContext; refused: string[] }> {
  const context = await browser.newContext({ viewport: PANE_VIEWPORT, reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'Europe/London' });
  const refused: string[] = [];
  // Routes run last-registered first: this catch-all refuses whatever later routes do not answer.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === server.origin && !missing.some((prefix) => url.pathname.startsWith(prefix))) return route.continue();
    if (url.origin === server.origin) return route.fulfill({ status: 404, body: 'not found' });
    refused.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, refused };
}

/**
 * Every `securitypolicyviolation` event of the context's pages from the start of each page, as
 * "directive blocked what at where", in the list returned.
 */
export async function recordCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__reportCspViolation', (_source, violation: string) => violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (violation: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return violations;
}

/** Opens the built task pane over a simulated workbook, as Excel would. */
export async function openPane(browser: Browser, server: StaticServer, simulatorJs: string, options: PaneOptions): Promise<OpenedPane> {
  const { context, refused } = await paneContext(browser, server, options.missing);
  const requests: RecordedRequest[] = [];
  context.on('request', (request) => requests.push({ method: request.method(), url: request.url(), body: request.postData() }));
  const cspViolations = await recordCspViolations(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const sentOnline: string[] = [];
  if (options.postcodesIo) {
    const standin = options.postcodesIo;
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type' };
    await context.route('https://api.postcodes.io/**', async (route) => {
      const request = route.request();
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      sentOnline.push(request.postData() ?? '');
      const url = new URL(request.url());
      let answer: { status: number; headers: Record<string, string>; body: string };
      try {
        const response = await fetch(`${standin}${url.pathname}${url.search}`, {
          method: request.method(),
          headers: { 'Content-Type': 'application/json' },
          body: request.postData() ?? undefined,
        });
        const retryAfter = response.headers.get('retry-after');
        answer = { status: response.status, headers: { ...cors, ...(retryAfter ? { 'Retry-After': retryAfter } : {}) }, body: await response.text() };
      } catch {
        // The stand-in cut the connection: so does the route.
        return route.abort('connectionreset');
      }
      await route.fulfill({ status: answer.status, contentType: 'application/json', headers: answer.headers, body: answer.body });
    });
  }
  for (const [prefix, folder] of Object.entries(options.folders ?? {})) {
    await context.route(`${server.origin}${prefix}**`, (route) => {
      const pathname = decodeURIComponent(new URL(route.request().url()).pathname);
      const file = path.join(folder, pathname.slice(prefix.length));
      if (!file.startsWith(folder + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) });
    });
  }
  for (const [pathname, body] of Object.entries(options.replaced ?? {})) {
    await context.route(`${server.origin}${pathname}`, (route) => route.fulfill({ status: 200, body }));
  }
  await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: simulatorJs }));
  await page.addInitScript((setup) => {
    (window as unknown as { __excelSimSetup: unknown }).__excelSimSetup = setup;
  }, options.setup);
  await page.goto(`${server.origin}/taskpane.html`);
  const requestsOffMachine = () => requests.filter((request) => new URL(request.url).origin !== server.origin);
  return { page, refused, pageErrors, sentOnline, requests, cspViolations, requestsOffMachine };
}

export interface PaneBrowser {
  browser: Browser;
  server: StaticServer;
  simulatorJs: string;
  /** Opens the built task pane over a simulated workbook (openPane with these three). */
  open(options: PaneOptions): Promise<OpenedPane>;
}

/**
 * For a test file: Chromium, a server of dist/ and the simulator bundle, started before its tests
 * and stopped after them. Every pane a test opens must have run under the pages' Content Security
 * Policy without a violation (checked after each test), unless the file provokes them on purpose.
 */
export function usePaneBrowser({ provokesCspViolations = false } = {}): PaneBrowser {
  const shared = {} as PaneBrowser;
  const opened: OpenedPane[] = [];
  shared.open = async (options) => {
    const pane = await openPane(shared.browser, shared.server, shared.simulatorJs, options);
    opened.push(pane);
    return pane;
  };
  beforeAll(async () => {
    checkPrerequisites();
    [shared.browser, shared.server, shared.simulatorJs] = await Promise.all([launchChromium(), serveFolder(DIST), bundleSimulator()]);
  });
  afterEach(() => {
    const violations = opened.splice(0).flatMap((pane) => pane.cspViolations);
    if (!provokesCspViolations) expect(violations).toEqual([]);
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** A full-page screenshot under test-results/e2e, named for the pass and the step. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Serious and critical accessibility violations on the page as it is now (axe-core, WCAG 2.x A
 * and AA and best practice). Tabster's focus sentinels (`data-tabster-dummy`, which Fluent UI puts
 * around focus groups) are focusable and aria-hidden by design: they pass focus on at once and
 * must not be announced. aria-hidden-focus on them is the known false positive that Accessibility
 * Insights also suppresses (microsoft/tabster#288, microsoft/accessibility-insights-web#7605).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated by the test's debugging connection, which the page's Content Security Policy
  // does not govern (a script tag added to the page would be refused, and reported).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'));
  const violations = await page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Result[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.length > 0);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The longest the add-in's own JavaScript (pane and adapter) kept the page's thread busy with no
 * idle moment between, while `action` ran, in ms, from a CPU profile sampled every millisecond:
 * an upper bound on how long the pane could not answer the user. Work of the stand-in Excel (the
 * simulator served as office.js, which real Excel does in its own process) does not count and
 * is reported beside it; nor does the browser's own (garbage collection, layout).
 */
export async function longestAddinStretch(page: Page, action: () => Promise<void>): Promise<{ addinMs: number; simulatorMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  let addinMs = 0;
  let simulatorMs = 0;
  let stretch = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)!.callFrame;
    // Each delta is the time before the sample: attribute the next one to this sample.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (frame.functionName === '(idle)') {
      stretch = 0;
    } else if (frame.url.endsWith('/office.js')) {
      simulatorMs += ms;
    } else if (frame.url.startsWith('http')) {
      stretch += ms;
      addinMs = Math.max(addinMs, stretch);
    }
  });
  return { addinMs, simulatorMs };
}
