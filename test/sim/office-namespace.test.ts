import { createExcelSimulator } from './excel-simulator';

describe('the Office global', () => {
  it('resolves onReady with the host and platform, after the host is ready, calling Office.initialize once', async () => {
    let release!: () => void;
    const hostReady = new Promise<void>((resolve) => (release = resolve));
    const sim = createExcelSimulator({ host: { platform: 'PC' } }, { hostReady });
    const reasons: string[] = [];
    sim.Office.initialize = (reason) => reasons.push(reason);
    let resolved = false;
    const ready = sim.Office.onReady().then((info) => {
      resolved = true;
      return info;
    });
    await Promise.resolve();
    expect(resolved).toBe(false);
    release();
    expect(await ready).toEqual({ host: 'Excel', platform: 'PC' });
    expect(await sim.Office.onReady()).toEqual({ host: sim.Office.HostType.Excel, platform: sim.Office.PlatformType.PC });
    expect(reasons).toEqual(['documentOpened']);
  });

  it('answers isSetSupported from the configured ExcelApi version', () => {
    const sim = createExcelSimulator({ host: { excelApiVersion: '1.7', otherRequirementSets: { ExcelApiOnline: '1.1' } } });
    const supported = (name: string, version?: string) => sim.Office.context.requirements.isSetSupported(name, version);
    expect([supported('ExcelApi', '1.7'), supported('ExcelApi', '1.8'), supported('ExcelApi', '1.10'), supported('ExcelApi')]).toEqual([true, false, false, true]);
    expect([supported('ExcelApiOnline', '1.1'), supported('WordApi', '1.1')]).toEqual([true, false]);
    sim.setHost({ excelApiVersion: '1.12' });
    expect(supported('ExcelApi', '1.10')).toBe(true);
  });

  it('reports the document mode and the theme', () => {
    const sim = createExcelSimulator({ host: { theme: 'dark' } });
    expect(sim.Office.context.document.mode).toBe(sim.Office.DocumentMode.ReadWrite);
    expect(sim.Office.context.officeTheme.bodyBackgroundColor).toBe('#262626');
    sim.setHost({ theme: 'light', documentMode: 'ReadOnly' });
    expect(sim.Office.context.officeTheme.bodyBackgroundColor).toBe('#FFFFFF');
    expect(sim.Office.context.document.mode).toBe('readOnly');
  });

  it('installs and restores the globals', () => {
    const sim = createExcelSimulator();
    const target: Record<string, unknown> = { Excel: 'before' };
    const restore = sim.installGlobals(target);
    expect(target.Excel).toBe(sim.Excel);
    expect(target.OfficeExtension).toBe(sim.OfficeExtension);
    restore();
    expect(target.Excel).toBe('before');
  });
});

describe('setup validation', () => {
  it('names the field that is wrong', () => {
    expect(() => createExcelSimulator({ sheets: [{ name: '' }] })).toThrow(/sheets\.0\.name/);
    expect(() => createExcelSimulator({ host: { excelApiVersion: 'latest' } })).toThrow(/host\.excelApiVersion/);
  });

  it('sets up sheets at an offset, with formats, formulas, tables and hidden sheets', () => {
    const sim = createExcelSimulator({
      sheets: [
        { name: 'Data', at: 'B4', cells: [['Supplier', 'Amount'], ['+44 Ltd', 10], ['=not a formula', { formula: '=C5*2' }]], numberFormats: { 'B5:B6': '@' }, tables: [{ address: 'B4:C6', name: 'Spend' }] },
        { name: 'State', visibility: 'VeryHidden' },
      ],
      selection: 'Data!C5',
    });
    expect(sim.values('Data')).toEqual([['Supplier', 'Amount'], ['+44 Ltd', 10], ['=not a formula', 20]]);
    expect(sim.numberFormats('Data', 'B5')).toEqual([['@']]);
    expect(sim.sheets().map((s) => [s.name, s.visibility])).toEqual([['Data', 'Visible'], ['State', 'VeryHidden']]);
    expect(sim.selection).toBe('Data!C5');
  });
});
