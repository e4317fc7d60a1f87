import { createExcelSimulator } from './excel-simulator';

function workbookWithFormulas() {
  return createExcelSimulator({ sheets: [{ name: 'S', cells: [[1, 2, { formula: '=SUM(A1:B1)' }], [{ formula: '=C1*2' }]] }] });
}

describe('calculation', () => {
  it('recalculates after each sync that changes cells, not after one that only reads', async () => {
    const sim = workbookWithFormulas();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1').values = [[10]];
      await context.sync();
      sheet.getRange('B1').values = [[20]];
      await context.sync();
      sheet.getRange('A1:C1').load('values');
      await context.sync();
    });
    expect(sim.stats).toMatchObject({ recalculations: 2, formulaCellsCalculated: 4 });
    expect(sim.values('S', 'C1:C1')).toEqual([[30]]);
  });

  it('waits while suspended until the next sync, which recalculates (ExcelApi 1.6)', async () => {
    const sim = workbookWithFormulas();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      for (const value of [10, 20, 30]) {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        sheet.getRange('A1').values = [[value]];
        await context.sync();
      }
      expect(sim.stats.recalculations).toBe(0);
      expect(sim.calculationPending).toBe(true);
      context.workbook.application.calculate('Recalculate');
      await context.sync();
    });
    expect(sim.stats.recalculations).toBe(1);
    expect(sim.calculationPending).toBe(false);
  });

  it('refuses to suspend calculation on a host older than ExcelApi 1.6', async () => {
    const sim = createExcelSimulator({ host: { excelApiVersion: '1.5' } });
    await expect(sim.Excel.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      await context.sync();
    })).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
