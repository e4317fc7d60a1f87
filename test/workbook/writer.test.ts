/**
 * The pieces of the .xlsx writer on small inputs: cells as XML, a worksheet patched in place,
 * the add-in's formats added to styles.xml, and the zip container read and written.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { zlibCodec, zlibInflate } from '../../src/cli/zlib-codec';
import { CellXml } from '../../src/workbook/cells';
import { XlsxPackage } from '../../src/workbook/package';
import { addStyles, EMPTY_STYLES } from '../../src/workbook/styles';
import { EMPTY_WORKSHEET, patchWorksheet, worksheetText, type SheetEdit } from '../../src/workbook/worksheet';
import { SheetDataStream } from '../../src/workbook/sheet-data-stream';
import { worksheetSource } from '../../src/workbook/worksheet-source';
import { escapeXml, type DroppedCharacters } from '../../src/workbook/xml';
import { entryText, readZip, ZipError, ZipWriter } from '../../src/workbook/zip';
import { parseXml, walk } from '../support/xml';

/** A zip writer into memory, and what it has written. */
function inMemory(): { zip: ZipWriter; bytes: () => Buffer } {
  const chunks: Uint8Array[] = [];
  return { zip: new ZipWriter({ write: (bytes) => chunks.push(bytes.slice()) }, zlibCodec, new Date(2025, 3, 1)), bytes: () => Buffer.concat(chunks) };
}

/** An archive of entries written into memory. */
async function archive(write: (zip: ZipWriter) => void | Promise<void>): Promise<Buffer> {
  const { zip, bytes } = inMemory();
  await write(zip);
  zip.finish();
  return bytes();
}

/** What an async generator yields, joined. */
async function joined(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

const patched = (source: string, edit: Partial<SheetEdit>) => joined(patchWorksheet(worksheetText(source), { rows: [], extent: { rows: 0, columns: 0 }, ...edit }));
const sheet = (sheetData: string, rest = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/>${sheetData}${rest}</worksheet>`;
/** The names of the worksheet's child elements, in order. */
const childNames = (xml: string) => parseXml(xml).children.map((child) => child.name);

describe('cells', () => {
  const cells = new CellXml('');

  test('text is an inline string, so text that looks like a formula stays text', () => {
    for (const text of ['=SUM(A1:A2)', '+44 1772 000000', '-5', '@risk', '\tTabbed']) {
      const xml = cells.cell(0, 1, text, undefined);
      expect(xml).toMatch(/^<c r="A1" t="inlineStr"><is><t( xml:space="preserve")?>/);
      expect(xml).not.toContain('<f>');
    }
  });

  test('escapes markup, keeps spaces at the ends, and leaves out (and counts) characters XML cannot hold', () => {
    const dropped: DroppedCharacters = { count: 0 };
    const counting = new CellXml('', dropped);
    expect(counting.cell(1, 2, 'A & B <Ltd> "quoted"', undefined)).toBe('<c r="B2" t="inlineStr"><is><t>A &amp; B &lt;Ltd&gt; &quot;quoted&quot;</t></is></c>');
    expect(counting.cell(0, 1, ' padded ', undefined)).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c>');
    expect(counting.cell(0, 1, 'bell\u0007 and form feed\u000C', undefined)).toBe('<c r="A1" t="inlineStr"><is><t>bell and form feed</t></is></c>');
    expect(dropped.count).toBe(2);
    expect(escapeXml('tab\tline\nreturn\r')).toBe('tab\tline\nreturn\r');
  });

  test('numbers, booleans, formulas with their values, blanks with and without a format', () => {
    expect(cells.cell(27, 10, 1234.5, 7)).toBe('<c r="AB10" s="7"><v>1234.5</v></c>');
    expect(cells.cell(0, 1, true, undefined)).toBe('<c r="A1" t="b"><v>1</v></c>');
    expect(cells.cell(0, 1, { formula: 'SUM(B1:B3)', value: 6 }, 3)).toBe('<c r="A1" s="3"><f>SUM(B1:B3)</f><v>6</v></c>');
    expect(cells.cell(0, 1, { formula: 'IF(A2>0,1,"n/a")', value: 'n/a' }, undefined)).toBe('<c r="A1" t="str"><f>IF(A2&gt;0,1,&quot;n/a&quot;)</f><v>n/a</v></c>');
    expect(cells.cell(0, 1, '', undefined)).toBe('');
    expect(cells.cell(0, 1, null, 4)).toBe('<c r="A1" s="4"/>');
  });
});

describe('a worksheet patched in place', () => {
  const source = sheet(
    '<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>5</v></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3" s="9"><v>2</v></c></row></sheetData>',
    '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>',
  );

  test('written cells go into their rows in column order, new rows between the old ones, the rest untouched', async () => {
    const xml = await patched(source, {
      rows: [
        { row: 0, cells: [{ column: 1, value: 'new' }, { column: 3, value: 1 }] },
        { row: 1, cells: [{ column: 0, value: 'row 2' }] },
        { row: 2, cells: [{ column: 4, value: 'right' }] },
      ],
      extent: { rows: 3, columns: 5 },
    });
    expect(xml).toContain('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>new</t></is></c><c r="C1" s="2"><v>5</v></c><c r="D1"><v>1</v></c></row>');
    expect(xml).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t>row 2</t></is></c></row><row r="3">');
    expect(xml).toContain('<c r="B3" s="9"><v>2</v></c><c r="E3" t="inlineStr">');
    expect(xml).toContain('<dimension ref="A1:E3"/>');
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>');
  });

  test('a cell written over an existing one keeps its format unless given one; erased areas lose their cells', async () => {
    const xml = await patched(source, {
      erase: [{ firstRow: 2, lastRow: Infinity, firstColumn: 0, lastColumn: 0 }],
      rows: [{ row: 2, cells: [{ column: 1, value: 'kept format' }] }],
      extent: { rows: 3, columns: 2 },
    });
    expect(xml).toContain('<row r="3"><c r="B3" s="9" t="inlineStr"><is><t>kept format</t></is></c></row>');
    expect(xml).toContain('<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>5</v></c></row>');
  });

  test('cells and rows that leave their position implicit get it when cells around them change', async () => {
    const implicit = sheet('<sheetData><row><c t="s"><v>0</v></c><c><v>7</v></c></row></sheetData>');
    const xml = await patched(implicit, { rows: [{ row: 0, cells: [{ column: 0, value: 'first' }] }, { row: 1, cells: [{ column: 0, value: 'second' }] }], extent: { rows: 2, columns: 2 } });
    expect(xml).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c><c r="B1"><v>7</v></c></row><row r="2">');
  });

  test('widths, a frozen header, a filter and one page wide, each element where the schema puts it', async () => {
    const source = sheet('<sheetData/>', '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup scale="80"/>').replace(
      '<dimension ref="A1:C2"/>',
      '<dimension ref="A1:C2"/><cols><col min="1" max="5" width="10" style="3" customWidth="1"/></cols>',
    );
    const xml = await patched(source, {
      rows: [{ row: 0, cells: [{ column: 0, value: 'Header' }], height: 30 }],
      extent: { rows: 1, columns: 1 },
      columns: [{ column: 2, width: 24 }, { column: 6, width: 8, widenOnly: true }],
      freezeRows: 1,
      autoFilter: 'A1:C1',
      onePageWide: true,
    });
    expect(childNames(xml)).toEqual(['sheetPr', 'dimension', 'sheetViews', 'cols', 'sheetData', 'autoFilter', 'pageMargins', 'pageSetup']);
    expect(xml).toContain('<cols><col min="1" max="2" width="10" style="3" customWidth="1"/><col min="3" max="3" width="24" style="3" customWidth="1"/><col min="4" max="5" width="10" style="3" customWidth="1"/><col min="7" max="7" width="8" customWidth="1"/></cols>');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toMatch(/<pageSetup scale="80" paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(xml).toContain('<row r="1" ht="30" customHeight="1">');
  });

  test('a worksheet written with a namespace prefix is patched in its own prefix', async () => {
    const prefixed = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const xml = await patched(prefixed, { rows: [{ row: 0, cells: [{ column: 1, value: 'B' }] }], extent: { rows: 1, columns: 2 } });
    expect(xml).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:B1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>B</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  test('a sheet read from its bytes a piece at a time is patched exactly as the same sheet held as one string', async () => {
    let rows = '';
    for (let r = 1; r <= 30000; r++) rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Café – ${r}</t></is></c><c r="B${r}"><v>${r * 1.5}</v></c></row>`;
    const xml = sheet(`<sheetData>${rows}</sheetData>`, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
    const bytes = new TextEncoder().encode(xml);
    // Fed to the reader in pieces of 64 KB, as a stream inflates.
    const pieces = async function* () {
      for (let at = 0; at < bytes.length; at += 1 << 16) yield bytes.subarray(at, at + (1 << 16));
    };
    const source = await worksheetSource(new SheetDataStream(pieces()[Symbol.asyncIterator](), bytes.length));
    const edit: SheetEdit = {
      erase: [{ firstRow: 10, lastRow: Infinity, firstColumn: 1, lastColumn: 1 }],
      rows: Array.from({ length: 30000 }, (_, r) => ({ row: r, cells: [{ column: 2, value: `result ${r}` }] })),
      extent: { rows: 30000, columns: 3 },
    };
    expect(await joined(patchWorksheet(source, edit))).toBe(await joined(patchWorksheet(worksheetText(xml), edit)));
  });

  test('a new sheet is the same patch over an empty one, and is well-formed XML', async () => {
    const xml = await patched(EMPTY_WORKSHEET, { rows: [{ row: 0, cells: [{ column: 0, value: 'Supplier key' }] }, { row: 1, cells: [{ column: 0, value: 'A & B' }] }], extent: { rows: 2, columns: 1 }, freezeRows: 1 });
    const cells = [...walk(parseXml(xml))].filter((e) => e.name === 't').map((e) => e.text);
    expect(cells).toEqual(['Supplier key', 'A & B']);
  });
});

describe('styles', () => {
  test('the add-in’s formats are appended once: adding them to a stylesheet that has them changes nothing', () => {
    const first = addStyles(EMPTY_STYLES);
    const again = addStyles(first.xml);
    expect(again.xml).toBe(first.xml);
    expect(again.styles).toEqual(first.styles);
    expect(first.styles.header).toBeGreaterThan(0);
    expect(parseXml(first.xml).children.map((c) => c.name)).toEqual(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles']);
  });

  test('custom number formats get ids after the workbook’s own, and list counts are kept true', () => {
    const own = EMPTY_STYLES.replace('<fonts', '<numFmts count="1"><numFmt numFmtId="170" formatCode="0.000"/></numFmts><fonts');
    const { xml } = addStyles(own);
    const numFmts = [...walk(parseXml(xml))].filter((e) => e.name === 'numFmt').map((e) => Number(e.attributes.numFmtId));
    expect(numFmts[0]).toBe(170);
    expect(Math.min(...numFmts.slice(1))).toBeGreaterThan(170);
    for (const list of ['numFmts', 'fonts', 'fills', 'cellXfs']) {
      const element = [...walk(parseXml(xml))].find((e) => e.name === list)!;
      expect({ list, count: Number(element.attributes.count) }).toEqual({ list, count: element.children.length });
    }
  });
});

describe('the zip container', () => {
  test('what the writer writes, another zip reader reads, checksums and all; copied entries keep their compressed bytes', async () => {
    const first = await archive(async (zip) => {
      await zip.add('a.xml', ['<a>', '', 'café £5', '</a>']);
      await zip.add('empty.xml', []);
    });
    const zip = await JSZip.loadAsync(first, { checkCRC32: true });
    expect(await zip.file('a.xml')!.async('string')).toBe('<a>café £5</a>');
    expect(await zip.file('empty.xml')!.async('string')).toBe('');

    const entries = readZip(first);
    expect(entries.map((e) => e.name)).toEqual(['a.xml', 'empty.xml']);
    const second = await archive((copier) => copier.copy(entries[0]));
    const copied = readZip(second)[0];
    expect(Buffer.from(copied.data).equals(Buffer.from(entries[0].data))).toBe(true);
    expect(await entryText(copied, zlibInflate)).toBe('<a>café £5</a>');
  });

  test('a file that is not a zip, or is encrypted, is a clear error', async () => {
    expect(() => readZip(Buffer.from('Supplier,Amount\nA,1\n'))).toThrow(new ZipError('it is not a zip archive (an .xlsx file is one)'));
    const bytes = await archive((zip) => zip.add('a.xml', ['<a/>']));
    // Set the "encrypted" flag in the central directory entry.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt16LE(bytes.readUInt16LE(central + 8) | 1, central + 8);
    expect(() => readZip(bytes)).toThrow(/a\.xml is encrypted/);
  });
});

describe('a package made from nothing', () => {
  test('has a workbook, styles and the sheets added, the very hidden one very hidden, as ExcelJS reads it', async () => {
    const pkg = await XlsxPackage.blank();
    const stylesPart = await pkg.stylesPart();
    const styles = addStyles(await pkg.text(stylesPart));
    pkg.setText(stylesPart, styles.xml);
    const data = pkg.addSheet('Data & notes');
    pkg.patchSheet(data, (source) => patchWorksheet(source, { rows: [{ row: 0, cells: [{ column: 0, value: 12.5, style: styles.styles.gbp }] }], extent: { rows: 1, columns: 1 } }));
    const hidden = pkg.addSheet('LSB_State', 'veryHidden');
    pkg.patchSheet(hidden, (source) => patchWorksheet(source, { rows: [{ row: 0, cells: [{ column: 0, value: '{}' }] }], extent: { rows: 1, columns: 1 } }));
    const written = inMemory();
    await pkg.write(written.zip);
    const bytes = written.bytes();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Data & notes', 'visible'],
      ['LSB_State', 'veryHidden'],
    ]);
    expect(workbook.getWorksheet('Data & notes')!.getCell('A1')).toMatchObject({ value: 12.5, numFmt: '"£"#,##0.00;[Red]-"£"#,##0.00;"–"' });

    const reread = await XlsxPackage.open(bytes, zlibInflate);
    expect(reread.sheetList()).toEqual([
      { name: 'Data & notes', state: 'visible' },
      { name: 'LSB_State', state: 'veryHidden' },
    ]);
    expect((await reread.sheetValues('Data & notes')).grid).toEqual([[12.5]]);
  });
});
