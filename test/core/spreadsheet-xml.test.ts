import { columnOfReference, gridOfWorksheet, workbookSheetParts, sharedStringsOf, unescapeXml } from '../../src/core/spreadsheet-xml';

describe('unescapeXml and columnOfReference', () => {
  test('entities and character references; column letters', () => {
    expect(unescapeXml('A &amp; B &lt;Ltd&gt; &quot;x&quot; &apos;y&apos; &#163;5 &#xA3;6')).toBe('A & B <Ltd> "x" \'y\' £5 £6');
    expect([columnOfReference('A1'), columnOfReference('Z9'), columnOfReference('AA10'), columnOfReference('xfd1')]).toEqual([0, 25, 26, 16383]);
  });
});

describe('sharedStringsOf', () => {
  test('plain, rich-text runs joined, phonetic runs left out, empty items kept in place', () => {
    const xml =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4">' +
      '<si><t>Acme Ltd</t></si>' +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Caf\u00e9 </t></r><r><t>Nero</t></r><rPh sb="0" eb="1"><t>kana</t></rPh></si>' +
      '<si/>' +
      '<si><t>Smith &amp; Sons</t></si></sst>';
    expect(sharedStringsOf(xml)).toEqual(['Acme Ltd', 'Café Nero', '', 'Smith & Sons']);
  });
});

describe('workbookSheetParts', () => {
  const rels =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>';

  test('every sheet in order, with its state; targets relative to xl/ or from the root', () => {
    const workbook = (first: string, second: string) =>
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${first}${second}</sheets></workbook>`;
    expect(workbookSheetParts(workbook('<sheet name="One" sheetId="1" r:id="rId1"/>', '<sheet name="Two" sheetId="2" r:id="rId2"/>'), rels)).toEqual([
      { name: 'One', path: 'xl/worksheets/sheet1.xml', state: 'visible' },
      { name: 'Two', path: 'xl/worksheets/data.xml', state: 'visible' },
    ]);
    expect(workbookSheetParts(workbook('<sheet name="One" sheetId="1" state="veryHidden" r:id="rId1"/>', '<sheet name="R&amp;D" sheetId="2" state="hidden" r:id="rId2"/>'), rels)).toEqual([
      { name: 'One', path: 'xl/worksheets/sheet1.xml', state: 'veryHidden' },
      { name: 'R&D', path: 'xl/worksheets/data.xml', state: 'hidden' },
    ]);
    expect(workbookSheetParts(workbook('<sheet name="Lost" sheetId="1" r:id="rId9"/>', ''), rels)).toEqual([]);
  });

  test('a namespace prefix on every element, as some producers write it', () => {
    const workbook = '<x:workbook xmlns:x="main" xmlns:rel="relationships"><x:sheets><x:sheet name="Data" sheetId="7" rel:id="rId2"/></x:sheets></x:workbook>';
    expect(workbookSheetParts(workbook, rels)).toEqual([{ name: 'Data', path: 'xl/worksheets/data.xml', state: 'visible' }]);
  });
});

describe('gridOfWorksheet', () => {
  test('shared, inline and formula text, numbers, booleans and errors; gaps become blanks', () => {
    const xml =
      '<worksheet xmlns="main"><dimension ref="A1:E4"/><cols><col min="1" max="1" width="20"/></cols><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Post &amp; code</t></is></c></row>' +
      '<row r="3" spans="1:5"><c r="A3" t="s" s="2"><v>1</v></c><c r="B3"><v>1234.5</v></c><c r="C3" t="str"><f>UPPER("pr1 2he")</f><v>PR1 2HE</v></c>' +
      '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c></row>' +
      '<row r="4"><c r="A4" s="3"/><c r="B4"><v>-0.5</v></c></row>' +
      '</sheetData><mergeCells count="0"/></worksheet>';
    expect(gridOfWorksheet(xml, ['Supplier', 'Acme Ltd'])).toEqual([
      ['Supplier', null, 'Post & code', null, null],
      [null, null, null, null, null],
      ['Acme Ltd', 1234.5, 'PR1 2HE', true, '#N/A'],
      [null, -0.5, null, null, null],
    ]);
  });

  test('rows and cells without references follow the one before; a prefixed part; an empty sheet', () => {
    const xml = '<x:worksheet xmlns:x="main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row><x:row><x:c r="B2"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(gridOfWorksheet(xml, ['a'])).toEqual([
      [1, 'a'],
      [null, 2],
    ]);
    expect(gridOfWorksheet('<worksheet><sheetData/></worksheet>', [])).toEqual([]);
  });
});
