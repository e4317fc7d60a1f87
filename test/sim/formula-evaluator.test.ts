import { createExcelSimulator } from './excel-simulator';

async function valueOf(formula: string): Promise<unknown> {
  const sim = createExcelSimulator({
    sheets: [
      { name: 'Data', cells: [['Supplier', 'Area', 'Amount'], ['Acme', 'Local', 100], ['Beta', 'Elsewhere', 50], ['Acme', 'Local', 25]], tables: [{ address: 'A1:C4', name: 'Spend' }] },
      { name: 'Other sheet', cells: [[7]] },
    ],
  });
  await sim.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('F1').formulas = [[formula]];
    await context.sync();
  });
  return sim.values('Data', 'F1')[0][0];
}

describe('formula values', () => {
  it.each([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=-C2+C3', -50],
    ['=10/4', 2.5],
    ['=1/0', '#DIV/0!'],
    ['=SUM(C2:C4)', 175],
    ['=SUM(C:C)', 175],
    ['=SUMIF(B2:B4,"Local",C2:C4)', 125],
    ['=SUMIFS(C2:C4,A2:A4,"Acme",B2:B4,"Local")', 125],
    ['=COUNTIF(C2:C4,">=50")', 2],
    ['=COUNTA(A:A)', 4],
    ['=AVERAGE(C2:C4)', 175 / 3],
    ['=ROUND(2.345,2)', 2.35],
    ['=IF(C2>60,"big","small")', 'big'],
    ['=IFERROR(1/0,"n/a")', 'n/a'],
    ['="a"&"b"&1', 'ab1'],
    ['=SUM(Spend[Amount])', 175],
    ["='Other sheet'!A1*2", 14],
    ['=HYPERLINK("http://x","pay")', 'pay'],
    ['=NOSUCHFUNCTION(1)', '#NAME?'],
    ['=+44 Ltd', '#NAME?'],
    ['=Missing!A1', '#REF!'],
  ])('%s is %j', async (formula, expected) => {
    expect(await valueOf(formula)).toEqual(expected);
  });
});
