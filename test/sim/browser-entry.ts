/**
 * The simulator as a stand-in for office.js in a browser: bundled (esbuild, IIFE) and served in
 * place of office.js, it installs `window.Office`, `window.Excel` and `window.OfficeExtension`
 * over a workbook set up from `window.__excelSimSetup` (if the page defined it before this script
 * loaded), and exposes the setup and inspection API as `window.__excelSim` for Playwright.
 *
 * Like office.js, it reports ready only once the DOM is ready, and then calls
 * `Office.initialize` if the add-in assigned one.
 */
// It runs under the pane's Content Security Policy, as office.js does: its zod must not eval either.
import '../../src/taskpane/no-eval';
import { createExcelSimulator } from './excel-simulator';
import type { SimulatorSetup } from './simulator-setup';

const page = window as unknown as Record<string, unknown>;

const domReady = new Promise<void>((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  else resolve();
});

const simulator = createExcelSimulator((page.__excelSimSetup ?? {}) as SimulatorSetup, { hostReady: domReady });
simulator.installGlobals(window);
page.__excelSim = simulator;

// office.js initializes on its own, whether or not the add-in ever calls Office.onReady.
void simulator.Office.onReady();
