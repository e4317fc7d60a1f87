/**
 * `npm start`: serve the task pane over https on localhost:3000 and sideload it into desktop
 * Excel where there is one. Where there is none (Linux, or no Excel installed) the server keeps
 * running and this prints how to load the manifest in Excel on the web. `npm stop` ends it.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import { DEV_URL } from './addin-url';
import { ensureDevCertificate } from './dev-certificate';
import { devServerFiles, isRunning } from './dev-server-state';

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.xml');
const paneUrl = `${DEV_URL}/taskpane.html`;

async function main(): Promise<void> {
  const certificate = await ensureDevCertificate();

  const files = devServerFiles(root);
  const running = isRunning(files);
  if (running) {
    console.log(`The development server is already running (process ${running}).`);
  } else {
    const log = fs.openSync(files.log, 'w');
    const server = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', log, log],
    });
    fs.writeFileSync(files.pid, String(server.pid));
    server.unref();
    console.log(`Starting the development server (process ${server.pid}, log in ${path.relative(process.cwd(), files.log) || files.log})…`);
    await waitForPane(files, server.pid!);
  }
  console.log(`Serving ${paneUrl}`);

  if (await sideloadIntoDesktopExcel()) {
    console.log('Excel opened with the add-in: choose Spend Baseline on the Home tab.');
  } else {
    printWebInstructions(certificate.ca);
  }
  console.log('Run `npm stop` to stop the server.');
}

/** Resolves when the task pane page answers; fails with the server's log if the server dies. */
async function waitForPane(files: { log: string; pid: string }, pid: number): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (await answers(paneUrl)) return;
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(files.pid, { force: true });
      const log = fs.existsSync(files.log) ? fs.readFileSync(files.log, 'utf8').split('\n').slice(-30).join('\n') : '';
      throw new Error(`The development server stopped before serving ${paneUrl}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The development server did not serve ${paneUrl} within 3 minutes; see ${files.log}.`);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    // The CA of the development certificate is not trusted by Node: this is our own server.
    const request = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

/** Sideloads into desktop Excel on Windows and macOS; false where that is not possible. */
async function sideloadIntoDesktopExcel(): Promise<boolean> {
  if (process.platform !== 'win32' && process.platform !== 'darwin') {
    console.log('Desktop Excel is not available on this system, so the add-in cannot be sideloaded here.');
    return false;
  }
  try {
    const { sideloadAddIn, AppType } = await import('office-addin-dev-settings');
    const { OfficeApp } = await import('office-addin-manifest');
    await sideloadAddIn(manifestPath, OfficeApp.Excel, false, false, AppType.Desktop);
    return true;
  } catch (error) {
    console.log(`Could not sideload into desktop Excel: ${(error as Error).message}`);
    return false;
  }
}

function printWebInstructions(caPath: string): void {
  console.log(`
To use the add-in in Excel on the web:
  1. Trust the development certificate once, so the browser accepts ${DEV_URL}:
       - open ${DEV_URL}/taskpane.html in the same browser and accept the warning, or
       - import ${caPath} as a trusted certificate authority (browser settings → certificates).
  2. Open https://excel.cloud.microsoft (or office.com) and open or create a workbook.
  3. Home tab → Add-ins → More Add-ins (or "Get Add-ins") → My Add-ins →
     "Upload My Add-in" (under Manage My Add-ins).
  4. Choose ${manifestPath} and select Upload.
  5. Choose "Spend Baseline" on the Home tab to open the task pane.
`);
}

main().catch((error) => {
  console.error(`npm start failed: ${(error as Error).message}`);
  process.exit(1);
});
