import type { Batch } from './excel-namespace';
import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';
import { OfficeExtensionError } from './office-extension';

function simulator() {
  return createExcelSimulator({ sheets: [{ name: 'Data', cells: [['Supplier', 'Amount'], ['Acme', 10], ['Beta', 20]] }] });
}

describe('Excel.run, load and sync', () => {
  it('makes loaded values readable only after the sync', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
      range.load('values, address');
      expect(() => range.values).toThrow(OfficeExtensionError);
      await context.sync();
      expect(range.address).toBe('Data!A1:B3');
      expect(range.values).toEqual([['Supplier', 'Amount'], ['Acme', 10], ['Beta', 20]]);
    });
  });

  it('throws PropertyNotLoaded for a property that was not loaded', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      range.load('address');
      await context.sync();
      let code = '';
      try {
        void range.values;
      } catch (error) {
        code = (error as OfficeExtensionError).code;
      }
      expect(code).toBe('PropertyNotLoaded');
    });
  });

  it('loads nested navigation paths and collection items', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
      range.format.font.bold = true;
      range.load('format/font/bold');
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      expect(range.format.font.bold).toBe(true);
      expect(sheets.items.map((s) => s.name)).toEqual(['Data']);
    });
  });

  it('reports an unknown property name in load as InvalidArgument at sync', async () => {
    const sim = simulator();
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1').load('valuez');
      await context.sync();
    }));
    expect(error.code).toBe('InvalidArgument');
  });

  it('keeps a set value readable locally, as Office.js proxies do', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('C1');
      range.values = [['Note']];
      expect(range.values).toEqual([['Note']]);
    });
    expect(sim.values('Data', 'C1')).toEqual([['Note']]);
  });

  it('sends what is still queued when the batch ends', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A4').values = [['Gamma']];
    });
    expect(sim.values('Data', 'A4')).toEqual([['Gamma']]);
    expect(sim.stats.syncs).toBe(1);
  });

  it('makes ClientResult values readable only after the sync', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(/has not been loaded/);
      await context.sync();
      expect(count.value).toBe(1);
    });
  });

  it('refuses a batch that does not return a promise (RunMustReturnPromise)', async () => {
    const sim = simulator();
    const notAsync = (() => undefined) as unknown as Batch<void>;
    const error = await officeErrorOf(sim.Excel.run(notAsync));
    expect(error.code).toBe('RunMustReturnPromise');
  });

  it('does not roll back: operations before a failing one stay applied, later ones are dropped', async () => {
    const sim = simulator();
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('C1').values = [['first']];
      sheet.getRange('C2:C3').values = [['too'], ['many'], ['rows']];
      sheet.getRange('C4').values = [['never']];
      await context.sync();
    }));
    expect(error.code).toBe('InvalidArgument');
    expect(error.debugInfo.errorLocation).toBe('Range.values');
    expect(sim.values('Data', 'C1:C4')).toEqual([['first'], [''], [''], ['']]);
  });

  it('drops the failed batch, so the next sync starts clean', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('Z1').values = [[1, 2]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      sheet.getRange('Z1').values = [[3]];
      await context.sync();
    });
    expect(sim.values('Data', 'Z1')).toEqual([[3]]);
  });

  it('does not deliver loads of a failed sync', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      range.load('values');
      context.workbook.worksheets.getItem('Missing').load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      expect(() => range.values).toThrow(/not available/);
    });
  });

  it('counts syncs, operations and request and response bytes', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('C1:C2').values = [['x'.repeat(1000)], ['y']];
      await context.sync();
      const range = sheet.getRange('A1:B3');
      range.load('values');
      await context.sync();
    });
    const stats = sim.stats;
    expect(stats.syncs).toBe(2);
    expect(stats.operations).toBe(2);
    expect(stats.history[0].requestBytes).toBeGreaterThan(1000);
    expect(stats.largestRequestBytes).toBe(stats.history[0].requestBytes);
    expect(stats.history[1].responseBytes).toBeGreaterThan(JSON.stringify([['Supplier', 'Amount'], ['Acme', 10], ['Beta', 20]]).length - 1);
    sim.resetStats();
    expect(sim.stats.syncs).toBe(0);
  });

  it('fails the Nth sync from now part-way through, keeping what ran before', async () => {
    const sim = simulator();
    sim.injectFailure({ nthSyncFromNow: 2, afterOperations: 1, code: 'GeneralException' });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('D1').values = [['sync 1']];
      await context.sync();
      sheet.getRange('D2').values = [['sync 2, op 1']];
      sheet.getRange('D3').values = [['sync 2, op 2']];
      await context.sync();
    }));
    expect(error.code).toBe('GeneralException');
    expect(sim.values('Data', 'D1:D3')).toEqual([['sync 1'], ['sync 2, op 1'], ['']]);
    expect(sim.stats.history.map((h) => h.failedWith)).toEqual([undefined, 'GeneralException']);
  });

  it('fails the Nth operation from now, whichever sync it falls in', async () => {
    const sim = simulator();
    sim.injectFailure({ nthOperationFromNow: 3, code: 'RequestAborted' });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      for (let row = 1; row <= 4; row++) sheet.getRange(`E${row}`).values = [[row]];
      await context.sync();
    }));
    expect(error.code).toBe('RequestAborted');
    expect(sim.values('Data', 'E1:E4')).toEqual([[1], [2], [''], ['']]);
  });

  it('lists trace messages that ran before a failure', async () => {
    const sim = simulator();
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.trace('before');
      context.workbook.worksheets.getItem('Nope').load('name');
      context.trace('after');
      await context.sync();
    }));
    expect(error.traceMessages).toEqual(['before']);
  });

  it('tells sync listeners about every sync', async () => {
    const sim = simulator();
    const seen: number[] = [];
    const stop = sim.onSync((_record, stats) => seen.push(stats.syncs));
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1').load('values');
      await context.sync();
    });
    stop();
    expect(seen).toEqual([1]);
  });

  it('lets Excel.run reuse the context of an object passed first', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A2');
      range.load('values');
      await context.sync();
      await sim.Excel.run(range, async (same) => {
        expect(same).toBe(context);
      });
      expect(range.values).toEqual([['Acme']]);
    });
  });

  it('shows loaded properties through toJSON', async () => {
    const sim = simulator();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.load('name, position');
      await context.sync();
      expect(JSON.parse(JSON.stringify(sheet))).toEqual({ name: 'Data', position: 0 });
    });
  });
});
