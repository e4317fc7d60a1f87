/**
 * The Content Security Policy the add-in's pages carry, as the built files serve it: what it
 * allows, that Chromium enforces it (so the journey's zero violations mean something), that the
 * ribbon command page and the help page load under theirs without a violation, and that the
 * development server `npm start` runs (source maps, hot reload over a WebSocket) needs no more.
 */
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as path from 'path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import configure from '../../webpack.config.js';
import { DIST, OFFICE_JS, paneContext, recordCspViolations, usePaneBrowser } from './pane-harness';

jest.setTimeout(240_000);

const pane = usePaneBrowser({ provokesCspViolations: true });

/** The policy of a built page, as directive → sources. */
function policyOf(page: string): Map<string, string[]> {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  const content = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error(`${page} has no Content-Security-Policy meta tag`);
  return new Map(content.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('the policy in the built pages', () => {
  test('the task pane: its own origin, Office’s script hosts, postcodes.io; no eval, no inline script, no telemetry', () => {
    const policy = policyOf('taskpane.html');
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft', 'https://ajax.aspnetcdn.com']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://api.postcodes.io']);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    const everything = [...policy.values()].flat();
    expect(everything).not.toContain("'unsafe-eval'");
    expect(everything.filter((source) => /\*/.test(source))).toEqual([]);
    // The policy must come before the first script it governs.
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  test('the command page has the pane’s policy without postcodes.io; the help page allows no script at all', () => {
    expect(policyOf('commands.html').get('connect-src')).toEqual(["'self'"]);
    const help = policyOf('help.html');
    expect(help.get('default-src')).toEqual(["'none'"]);
    expect(help.has('script-src')).toBe(false);
    expect(help.get('style-src')).toEqual(["'self'"]);
  });
});

describe('Chromium enforces it', () => {
  it('the pane refuses inline script, eval and a connection elsewhere, and reports each', async () => {
    const { page, cspViolations, refused } = await pane.open({ setup: { sheets: [{ name: 'Sheet1', cells: [['Supplier', 'Amount']] }] } });
    await page.getByRole('heading', { name: '1. Your spend data' }).waitFor();
    expect(cspViolations).toEqual([]);
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      // A string for setTimeout is eval by another name, run by the page itself (code run by the
      // test's debugging connection, as this function is, is not subject to the policy).
      setTimeout('window.__evalRan = true' as unknown as () => void);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const fetched = await fetch('https://telemetry.example.org/collect', { method: 'POST', body: 'x' }).then(
        () => 'sent',
        () => 'refused',
      );
      return { inlineRan: '__inlineRan' in window, evalRan: '__evalRan' in window, fetched };
    });
    expect(outcome).toEqual({ inlineRan: false, evalRan: false, fetched: 'refused' });
    // The reports arrive through the page's binding, a moment after the events.
    for (let waited = 0; cspViolations.length < 3 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cspViolations).toEqual([
      expect.stringMatching(/^script-src-elem blocked inline/),
      expect.stringMatching(/^script-src blocked eval/),
      expect.stringMatching(/^connect-src blocked https:\/\/telemetry\.example\.org\/collect/),
    ]);
    // Refused by the policy before it could reach the network.
    expect(refused).toEqual([]);
    await page.context().close();
  });

  it('the ribbon command page and the help page load under their policies without a violation', async () => {
    const { context, refused } = await paneContext(pane.browser, pane.server);
    await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: pane.simulatorJs }));
    const violations = await recordCspViolations(context);
    const page = await context.newPage();
    await page.goto(`${pane.server.origin}/commands.html`);
    await page.waitForFunction(() => 'Office' in window);
    const response = await page.goto(`${pane.server.origin}/help.html`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').evaluate((h) => getComputedStyle(h).fontSize)).resolves.toBe(`${1.6 * 16}px`);
    expect(violations).toEqual([]);
    expect(refused).toEqual([]);
    await context.close();
  });

  it('the pane from the development server (npm start) loads and reloads under the same policy', async () => {
    // webpack-dev-server marks the process as serving when loaded, and the config would then read
    // npm start's certificate from the home folder; unmarked, the server makes its own.
    delete process.env.WEBPACK_SERVE;
    const config = (await configure({}, { mode: 'development' })) as webpack.Configuration;
    const server = new WebpackDevServer(
      { ...config.devServer, host: '127.0.0.1', port: 0, open: false },
      webpack({ ...config, stats: 'errors-only', infrastructureLogging: { level: 'error' } }),
    );
    await server.start();
    const context = await pane.browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const { port } = server.server!.address() as AddressInfo;
      await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: pane.simulatorJs }));
      const violations = await recordCspViolations(context);
      const page = await context.newPage();
      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));
      // The server compiles the pane on the first request: on a machine busy with other tests that takes longer than a page load's usual 30 s.
      await page.goto(`https://127.0.0.1:${port}/taskpane.html`, { timeout: 120_000 });
      await page.getByRole('heading', { name: '1. Your spend data' }).waitFor({ timeout: 60_000 });
      // Hot reload's connection back to the server, which connect-src 'self' allows.
      for (let waited = 0; sockets.length === 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sockets).toEqual([`wss://127.0.0.1:${port}/ws`]);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
