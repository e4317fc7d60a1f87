import { columnOfReference } from '../../src/workbook/cells';
import { dateFormatsOf, gridOfWorksheet as gridOfBytes, sharedStringsOf as sharedStringsOfBytes, type DateFormats } from '../../src/workbook/sheet-values';
import { unescapeXml } from '../../src/workbook/xml';

const bytes = (xml: string) => new TextEncoder().encode(xml);
const sharedStringsOf = (xml: string) => sharedStringsOfBytes(bytes(xml));
const gridOfWorksheet = (xml: string, shared: string[], dates?: DateFormats) => gridOfBytes(bytes(xml), shared, dates);

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

describe('dates', () => {
  const styles =
    '<styleSheet xmlns="main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0.00;[Red]-&quot;£&quot;#,##0.00"/></numFmts>' +
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>';
  const sheet = '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>44000</v></c><c r="B1" s="2"><v>44000</v></c><c r="C1" s="3"><v>44000</v></c><c r="D1"><v>44000</v></c></row></sheetData></worksheet>';

  test('a workbook in the 1904 date system has its dates (and only its dates) counted from 1900, as Excel shows them', () => {
    const dates = dateFormatsOf(styles, '<workbook><workbookPr date1904="1"/></workbook>');
    expect([...dates.styles].sort()).toEqual([1, 3]);
    expect(gridOfWorksheet(sheet, [], dates)).toEqual([[44000 + 1462, 44000, 44000 + 1462, 44000]]);
    expect(gridOfWorksheet(sheet, [], dateFormatsOf(styles, '<workbook><workbookPr/></workbook>'))).toEqual([[44000, 44000, 44000, 44000]]);
  });

  test('a date cell written as ISO text is its serial', () => {
    expect(gridOfWorksheet('<worksheet><sheetData><row r="1"><c r="A1" t="d"><v>2024-04-14T00:00:00</v></c><c r="B1" t="d"><v>2024-04-14</v></c></row></sheetData></worksheet>', [])).toEqual([[45396, 45396]]);
  });
});
