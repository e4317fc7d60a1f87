import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';

const headline = [['Where', 'Spend'], ['Local', 140.5], ['Elsewhere', 50]];

describe('charts', () => {
  it('adds a chart with a title and position, inspectable afterwards', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Summary', cells: headline }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Summary');
      const chart = sheet.charts.add(sim.Excel.ChartType.pie, sheet.getRange('A1:B3'), sim.Excel.ChartSeriesBy.columns);
      chart.name = 'Headline';
      chart.title.text = 'Where the money goes';
      chart.setPosition('D2', 'J15');
      sheet.charts.load('items/name, count');
      await context.sync();
      expect(sheet.charts.items.map((c) => c.name)).toEqual(['Headline']);
    });
    expect(sim.charts()).toEqual([{
      name: 'Headline', sheet: 'Summary', type: 'Pie', source: 'Summary!A1:B3', seriesBy: 'Columns', title: 'Where the money goes',
      position: expect.objectContaining({ startCell: 'D2', endCell: 'J15' }),
    }]);
  });

  it('refuses an unknown chart type and deletes charts', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Summary', cells: headline }] });
    const error = await officeErrorOf(sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Summary');
      sheet.charts.add('Pie3000', sheet.getRange('A1:B3'));
      await context.sync();
    }));
    expect(error.code).toBe('InvalidArgument');
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Summary');
      sheet.charts.add('ColumnClustered', sheet.getRange('A1:B3'));
      await context.sync();
      sheet.charts.getItem('Chart 1').delete();
      const gone = sheet.charts.getItemOrNullObject('Chart 1');
      await context.sync();
      expect(gone.isNullObject).toBe(true);
    });
    expect(sim.charts()).toEqual([]);
  });
});

describe('named items', () => {
  it('adds workbook names for ranges and constants and resolves them', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Data', cells: headline }] });
    await sim.Excel.run(async (context) => {
      const names = context.workbook.names;
      names.add('Headline', context.workbook.worksheets.getItem('Data').getRange('A1:B3'), 'the split');
      names.add('Version', '=3');
      const headlineName = names.getItem('headline');
      const version = names.getItemOrNullObject('Version');
      const missing = names.getItemOrNullObject('Nope');
      const range = headlineName.getRange();
      headlineName.load('type, value, formula');
      version.load('type, value');
      range.load('values');
      await context.sync();
      expect([headlineName.type, headlineName.value, headlineName.formula]).toEqual(['Range', 'Data!A1:B3', '=Data!$A$1:$B$3']);
      expect([version.type, version.value, missing.isNullObject]).toEqual(['Integer', 3, true]);
      expect(range.values).toEqual(headline);
    });
    expect(sim.names().map((n) => n.name)).toEqual(['Headline', 'Version']);
  });

  it('lets getRange and formulas use a defined name', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Data', cells: headline }], names: [{ name: 'Amounts', reference: '=Data!$B$2:$B$3' }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('D1').formulas = [['=SUM(Amounts)']];
      const named = sheet.getRange('Amounts');
      named.load('address');
      await context.sync();
      expect(named.address).toBe('Data!B2:B3');
    });
    expect(sim.values('Data', 'D1')).toEqual([[190.5]]);
  });

  it('refuses a name that is a cell reference or already taken', async () => {
    const sim = createExcelSimulator({ names: [{ name: 'Taken', reference: '=1' }] });
    for (const [name, code] of [['A1', 'InvalidArgument'], ['taken', 'ItemAlreadyExists']]) {
      const error = await officeErrorOf(sim.Excel.run(async (context) => {
        context.workbook.names.add(name, '=2');
        await context.sync();
      }));
      expect(error.code).toBe(code);
    }
  });
});
