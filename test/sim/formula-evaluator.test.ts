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
    ['=ROWS(C2:C4)', 3],
    ['=ROWS(Data!$C$2:$C$9)', 8],
    ['=ROWS(C:C)', 1_048_576],
    ['=COUNTIFS(A2:A4,"=acme")', 2],
    ['=COUNTIFS(A2:A4,"=A*")', 2],
    ['=COUNTIFS(A2:A4,"=?eta")', 1],
    ['=COUNTIFS(A2:A4,"<>A*")', 1],
    ['=NOSUCHFUNCTION(1)', '#NAME?'],
    ['=+44 Ltd', '#NAME?'],
    ['=Missing!A1', '#REF!'],
  ])('%s is %j', async (formula, expected) => {
    expect(await valueOf(formula)).toEqual(expected);
  });
});

describe('arrays in SUMPRODUCT', () => {
  it.each([
    ['=SUMPRODUCT((A2:A4="acme")*C2:C4)', 125],
    ['=SUMPRODUCT((A2:A4="Acme")*(B2:B4="Local")*C2:C4)', 125],
    ['=SUMPRODUCT(--(A2:A4="acme"))', 2],
    ['=SUMPRODUCT(A2:A4="acme")', 0],
    ['=SUMPRODUCT((A2:A4="A"&"cme")*C2:C4)', 125],
    ['=SUMPRODUCT((A2:A4="Acme")*C2:C3)', '#VALUE!'],
  ])('%s is %j', async (formula, expected) => {
    expect(await valueOf(formula)).toEqual(expected);
  });
});

describe('criteria that read as values', () => {
  it('match numbers, and text that reads as the same number, not the text literally', async () => {
    const sim = createExcelSimulator({
      sheets: [{ name: 'S', cells: [['2024', 1], ['02024', 2], [2024, 4], ['2024 Ltd', 8], ['1/4/2024', 16], ['01/04/2024', 32], ['TRUE', 64]], numberFormats: { 'A1:A7': '@' } }],
    });
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('D1:D4').formulas = [
        ['=SUMIFS(B1:B7,A1:A7,"=2024")'],
        ['=SUMIFS(B1:B7,A1:A7,"=1/4/2024")'],
        ['=SUMIFS(B1:B7,A1:A7,"=TRUE")'],
        ['=SUMPRODUCT((A1:A7="2024")*B1:B7)'],
      ];
      await context.sync();
    });
    expect(sim.values('S', 'D1:D4')).toEqual([[1 + 2 + 4], [16 + 32], [64], [1]]);
  });

  it('longer than 255 characters do not match, and a formula cannot hold such a text value', async () => {
    const long = 'x'.repeat(256);
    const sim = createExcelSimulator({ sheets: [{ name: 'S', cells: [[long, 1]] }] });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('D1').formulas = [[`=SUMIFS(B1,A1,"=${'x'.repeat(200)}"&"${'x'.repeat(56)}")`]];
      sheet.getRange('D2').formulas = [[`=SUMPRODUCT((A1="${'x'.repeat(200)}"&"${'x'.repeat(56)}")*B1)`]];
      sheet.getRange('D3').formulas = [[`=LEN("${'x'.repeat(255)}")`]];
      await context.sync();
      sheet.getRange('D4').formulas = [[`=LEN("${long}")`]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(sim.values('S', 'D1:D3')).toEqual([['#VALUE!'], [1], [255]]);
  });
});

describe('criteria with wildcards', () => {
  it('take ~ before * ? ~ as the character itself, as the core escapes supplier names', async () => {
    const sim = createExcelSimulator({
      sheets: [{ name: 'S', cells: [['A*B', 1], ['AxB', 2], ['What?', 4], ['Whatnot', 8], ['a~b', 16], ['ab', 32]] }],
    });
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('D1:D4').formulas = [
        ['=SUMIFS(B1:B6,A1:A6,"=A~*B")'],
        ['=SUMIFS(B1:B6,A1:A6,"=What~?")'],
        ['=SUMIFS(B1:B6,A1:A6,"=a~~b")'],
        ['=SUMIFS(B1:B6,A1:A6,"=A*B")'],
      ];
      await context.sync();
    });
    expect(sim.values('S', 'D1:D4')).toEqual([[1], [4], [16], [1 + 2 + 16 + 32]]);
  });
});
