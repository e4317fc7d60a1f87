import type { ExcelSimulator } from './excel-simulator';
import type { OfficeNamespace } from './office-namespace';

describe('browser entry', () => {
  const holder = globalThis as unknown as Record<string, unknown>;

  afterEach(() => {
    delete holder.window;
    delete holder.document;
  });

  it('installs Office, Excel and __excelSim from __excelSimSetup, ready only once the DOM is', async () => {
    const domListeners: Array<() => void> = [];
    const page: Record<string, unknown> = { __excelSimSetup: { sheets: [{ name: 'Spend', at: 'A4', cells: [['Supplier'], ['Acme']] }] } };
    holder.window = page;
    holder.document = { readyState: 'loading', addEventListener: (_event: string, listener: () => void) => domListeners.push(listener) };
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./browser-entry');
    });
    const office = page.Office as OfficeNamespace;
    const simulator = page.__excelSim as ExcelSimulator;
    expect(page.Excel).toBe(simulator.Excel);
    expect(page.OfficeExtension).toBe(simulator.OfficeExtension);
    expect(simulator.values('Spend')).toEqual([['Supplier'], ['Acme']]);

    const initialized: string[] = [];
    office.initialize = (reason) => initialized.push(reason);
    let ready = false;
    const whenReady = office.onReady().then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ready).toBe(false);
    domListeners.forEach((listener) => listener());
    await whenReady;
    expect(initialized).toEqual(['documentOpened']);
  });
});
