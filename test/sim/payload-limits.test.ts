import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';

describe('request and response size limits', () => {
  it('refuses a request over the limit whole: nothing in it is applied', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S' }], limits: { payloadBytes: 10_000 } });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1').values = [['small']];
      sheet.getRange('A2:A101').values = Array.from({ length: 100 }, () => ['x'.repeat(200)]);
      await context.sync();
    }));
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.usedRange('S')).toBeNull();
    expect(sim.stats.largestRequestBytes).toBeGreaterThan(20_000);
  });

  it('applies the operations but withholds the values when the response is over the limit', async () => {
    const sim = createExcelSimulator({
      sheets: [{ name: 'S', cells: Array.from({ length: 100 }, () => ['y'.repeat(200)]) }],
      limits: { payloadBytes: 10_000 },
    });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B1').values = [['written']];
      const all = sheet.getRange('A1:A100');
      all.load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => all.values).toThrow(/not available/);
      const half = sheet.getRange('A1:A40');
      half.load('values');
      await context.sync();
      expect(half.values).toHaveLength(40);
    });
    expect(sim.values('S', 'B1')).toEqual([['written']]);
  });

  it('defaults to Excel on the web: 5 MB either way, five million cells per read', () => {
    const sim = createExcelSimulator();
    expect(sim.limits).toEqual({ payloadBytes: 5_000_000, cellReadLimit: 5_000_000 });
  });

  it('fails a read of more cells than the limit with RangeExceedsLimit, but not a read of its address', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [['a']] }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const huge = sheet.getRange('A1:E1000001');
      huge.load('address, cellCount');
      await context.sync();
      expect(huge.cellCount).toBe(5_000_005);
      huge.load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
      const justUnder = sheet.getRange('A1:A1000');
      justUnder.load('values');
      await context.sync();
      expect(justUnder.values).toHaveLength(1000);
    });
  });

  it('takes the cell limit from the setup', async () => {
    const sim = createExcelSimulator({ limits: { cellReadLimit: 100 } });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1:B51').load('text');
      await context.sync();
    }));
    expect(error.code).toBe('RangeExceedsLimit');
    sim.setLimits({ cellReadLimit: 200 });
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1:B51').load('text');
      await context.sync();
    });
  });

  describe('on a host that answers oversized reads otherwise', () => {
    const sheet = { name: 'S', cells: Array.from({ length: 100 }, () => ['y'.repeat(200)]) };

    it('hands over null values, without an error, for a response over the limit or a range over the cell limit', async () => {
      const sim = createExcelSimulator({ sheets: [sheet], limits: { payloadBytes: 10_000, cellReadLimit: 50 }, host: { oversizedReads: 'null-values' } });
      await sim.Excel.run(async (context) => {
        const s = context.workbook.worksheets.getItem('S');
        const all = s.getRange('A1:A100').load('values, address');
        await context.sync();
        expect(all.values).toBeNull();
        expect(all.address).toBe('S!A1:A100');
        const tooManyCells = s.getRange('C1:C51').load('values');
        await context.sync();
        expect(tooManyCells.values).toBeNull();
        const fits = s.getRange('A1:A20').load('values');
        await context.sync();
        expect(fits.values).toHaveLength(20);
      });
    });

    it('fails them with GeneralException', async () => {
      const sim = createExcelSimulator({ sheets: [sheet], limits: { payloadBytes: 10_000, cellReadLimit: 50 }, host: { oversizedReads: 'general-exception' } });
      for (const address of ['A1:A100', 'C1:C51']) {
        const error = await officeErrorOf(sim.Excel.run(async (context) => {
          context.workbook.worksheets.getItem('S').getRange(address).load('values');
          await context.sync();
        }));
        expect(error.code).toBe('GeneralException');
      }
    });
  });
});
