import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';
import type { RangeProxy } from './proxies/range-proxy';

describe('worksheets', () => {
  it('adds, finds, renames and moves sheets', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Data' }] });
    await sim.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add('Suppliers');
      added.getRange('A1').values = [['written through the new proxy']];
      added.name = 'Suppliers list';
      added.position = 0;
      const missing = sheets.getItemOrNullObject('Nope');
      const found = sheets.getItemOrNullObject('suppliers LIST');
      found.load('name, position');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      expect([found.name, found.position]).toEqual(['Suppliers list', 0]);
    });
    expect(sim.sheetNames()).toEqual(['Suppliers list', 'Data']);
    expect(sim.values('Suppliers list', 'A1')).toEqual([['written through the new proxy']]);
  });

  it('refuses duplicate and invalid names', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Data' }] });
    const duplicate = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.add('data');
      await context.sync();
    }));
    expect(duplicate.code).toBe('ItemAlreadyExists');
    const invalid = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.add('a/b');
      await context.sync();
    }));
    expect(invalid.code).toBe('InvalidArgument');
  });

  it('getItem fails with ItemNotFound at sync', async () => {
    const sim = createExcelSimulator();
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [[1]];
      await context.sync();
    }));
    expect(error.code).toBe('ItemNotFound');
  });

  it('hides sheets, keeping one visible, and will not delete a very hidden sheet', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Data' }, { name: 'State', visibility: 'VeryHidden' }] });
    const lastVisible = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').visibility = 'Hidden';
      await context.sync();
    }));
    expect(lastVisible.code).toBe('InvalidOperation');
    const veryHidden = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('State').delete();
      await context.sync();
    }));
    expect(veryHidden.code).toBe('InvalidOperation');
    await sim.Excel.run(async (context) => {
      const state = context.workbook.worksheets.getItem('State');
      state.visibility = 'Hidden';
      state.delete();
      await context.sync();
    });
    expect(sim.sheetNames()).toEqual(['Data']);
  });

  it('refuses any cell change on a protected sheet with AccessDenied, changing nothing', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Data', cells: [['a', 1]], protected: true }] });
    const changes: Array<(range: RangeProxy) => void> = [
      (range) => (range.values = [['x', 2]]),
      (range) => (range.numberFormat = [['@', '@']]),
      (range) => (range.format.font.bold = true),
      (range) => range.clear(),
    ];
    for (const change of changes) {
      const error = await officeErrorOf(sim.Excel.run(async (context) => {
        change(context.workbook.worksheets.getItem('Data').getRange('A1:B1'));
        await context.sync();
      }));
      expect(error.code).toBe('AccessDenied');
    }
    expect(sim.values('Data')).toEqual([['a', 1]]);
    expect(sim.style('Data', 'A1').bold).toBe(false);
  });

  it('protects and unprotects a sheet, with a password', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Data' }] });
    await sim.Excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem('Data').protection;
      protection.protect(undefined, 'secret');
      protection.load('protected');
      await context.sync();
      expect(protection.protected).toBe(true);
      protection.unprotect('wrong');
      await expect(context.sync()).rejects.toMatchObject({ code: 'BadPassword' });
      protection.unprotect('secret');
      protection.load('protected');
      await context.sync();
      expect(protection.protected).toBe(false);
    });
  });

  it('refuses sheet changes in a protected workbook structure', async () => {
    const sim = createExcelSimulator({ workbookProtected: true });
    await sim.Excel.run(async (context) => {
      const protection = context.workbook.protection;
      protection.load('protected');
      await context.sync();
      expect(protection.protected).toBe(true);
      context.workbook.worksheets.add('New');
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
  });

  it('refuses every change to a read-only document', async () => {
    const sim = createExcelSimulator({ host: { documentMode: 'ReadOnly' } });
    expect(sim.Office.context.document.mode).toBe(sim.Office.DocumentMode.ReadOnly);
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[1]];
      await context.sync();
    }));
    expect(error.code).toBe('AccessDenied');
  });

  it('may say a read-only document can be changed, and still refuse every change', async () => {
    const sim = createExcelSimulator({ host: { documentMode: 'ReadOnly', reportsReadOnly: false } });
    expect(sim.Office.context.document.mode).toBe(sim.Office.DocumentMode.ReadWrite);
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.add('New');
      await context.sync();
    }));
    expect(error.code).toBe('AccessDenied');
  });

  it('freezes rows, reports the selection and the active cell', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'A' }, { name: 'B' }], selection: 'B!C3:D5' });
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('B').freezePanes.freezeRows(1);
      const selected = context.workbook.getSelectedRange();
      const active = context.workbook.getActiveCell();
      const activeSheet = context.workbook.worksheets.getActiveWorksheet();
      selected.load('address');
      active.load('address');
      activeSheet.load('name');
      await context.sync();
      expect([selected.address, active.address, activeSheet.name]).toEqual(['B!C3:D5', 'B!C3', 'B']);
      context.workbook.worksheets.getItem('A').getRange('B2').select();
      await context.sync();
    });
    expect(sim.sheets().find((s) => s.name === 'B')?.frozenRows).toBe(1);
    expect(sim.selection).toBe('A!B2');
  });

  it('refuses getSelectedRange while several ranges are selected, until one is selected', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'A' }] });
    sim.setSelection('A!B2,D4:E5');
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.getSelectedRange().load('address');
      await context.sync();
    }));
    expect(error.code).toBe('InvalidSelection');
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('A').getRange('C3').select();
      const selected = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(selected.address).toBe('A!C3');
    });
  });

  it('fails members of a newer requirement set with ApiNotFound', async () => {
    const sim = createExcelSimulator({ host: { excelApiVersion: '1.3' } });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject('x');
      await context.sync();
    }));
    expect(error.code).toBe('ApiNotFound');
  });

  it('treats a deleted sheet as gone for proxies that still point at it', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'A' }, { name: 'B' }] });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      const b = context.workbook.worksheets.getItem('B');
      b.load('name');
      await context.sync();
      b.delete();
      await context.sync();
      b.getRange('A1').values = [[1]];
      await context.sync();
    }));
    expect(error.code).toBe('ItemNotFound');
  });
});
