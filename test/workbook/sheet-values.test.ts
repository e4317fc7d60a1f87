import fc from 'fast-check';
import { columnLetter } from '../../src/core/column-letters';
import { CellXml, columnOfReference } from '../../src/workbook/cells';
import { SheetDataStream } from '../../src/workbook/sheet-data-stream';
import { dateFormatsOf, gridOfWorksheet as gridOfBytes, SheetValuesReader, sharedStringsOf as sharedStringsOfBytes, type DateFormats } from '../../src/workbook/sheet-values';
import { unescapeXml } from '../../src/workbook/xml';
import { anyText, assertProperty } from '../support/properties';

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

  test('rows hidden by hand or by a filter (hidden="1" or "true", wherever the attribute stands) are told, and only they', () => {
    const reader = new SheetValuesReader('', []);
    reader.read(
      bytes(
        '<row r="1"><c r="A1"><v>1</v></c></row>' +
          '<row r="2" hidden="1"><c r="A2"><v>2</v></c></row>' +
          '<row spans="1:1" hidden="true" r="4"><c r="A4"><v>4</v></c></row>' +
          '<row hidden="0"><c><v>5</v></c></row>' +
          '<row customHeight="1" ht="30" hidden="1"/>' +
          '<row r="9" x14ac:hidden="1"><c r="A9"><v>9</v></c></row>',
      ),
    );
    const { grid, hiddenRows } = reader.finish();
    expect(grid.map((row) => row[0] ?? null)).toEqual([1, 2, null, 4, 5, null, null, null, 9]);
    expect([...hiddenRows].sort((a, b) => a - b)).toEqual([1, 3, 5]);
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

describe('numbers', () => {
  test('every number is read as Number() reads its text: plain decimals, exponents, long digit strings, signs', () => {
    const texts = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 20 })).map(([digits, decimals]) => {
        const text = (digits < 0n ? -digits : digits).toString().padStart(decimals + 1, '0');
        return `${digits < 0n ? '-' : ''}${decimals ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text}`;
      }),
    );
    assertProperty(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 20 }), (numbers) => {
        const cells = numbers.map((text, c) => `<c r="${columnLetter(c)}1"><v>${text}</v></c>`).join('');
        expect(gridOfWorksheet(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`, [])).toEqual([numbers.map(Number)]);
      }),
    );
  });
});

describe('text', () => {
  test('any text the writer renders as a cell reads back as itself (less what XML cannot hold), repeats and all', () => {
    // eslint-disable-next-line no-control-regex
    const unwritable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
    assertProperty(
      fc.property(fc.array(anyText(30), { minLength: 1, maxLength: 12 }), fc.nat(), (texts, seed) => {
        // Each row holds the texts in another order, so that every one is met again.
        const rows = [texts, [...texts].sort(), texts.map((_, i) => texts[(i + seed) % texts.length])];
        const cells = new CellXml('');
        const xml = rows.map((row, r) => `<row r="${r + 1}">${row.map((text, c) => cells.cell(c, r + 1, text, undefined)).join('')}</row>`).join('');
        const grid = gridOfWorksheet(`<worksheet><sheetData>${xml}</sheetData></worksheet>`, []);
        const read = rows.map((row, r) => row.map((_, c) => grid[r]?.[c] ?? null));
        expect(read).toEqual(rows.map((row) => row.map((text) => text.replace(unwritable, '') || null)));
      }),
    );
  });
});

describe('a worksheet read as it inflates', () => {
  test('gives the same values fed a few bytes at a time, tags and the end of the rows cut anywhere', async () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:dimension ref="A1:C3"/><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Café – Ltd</x:t></x:is></x:c><x:c r="B1"><x:v>12.5</x:v></x:c></x:row>' +
      '<x:row r="2"/><x:row r="3"><x:c r="C3" t="s"><x:v>0</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const bytes = new TextEncoder().encode(xml);
    for (const size of [1, 3, 7, 64]) {
      const pieces = async function* () {
        for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
      };
      const stream = new SheetDataStream(pieces()[Symbol.asyncIterator](), bytes.length);
      expect(new TextDecoder().decode(await stream.head())).toContain('<x:dimension ref="A1:C3"/>');
      const reader = new SheetValuesReader(stream.prefix, ['shared']);
      for await (const piece of stream.rows()) reader.read(piece);
      expect({ size, grid: reader.finish().grid }).toEqual({ size, grid: gridOfWorksheet(xml, ['shared']) });
      expect(new TextDecoder().decode(await stream.tail())).toBe('<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>');
    }
  });
});
