/**
 * A workbook package opened from its bytes: its sheets in order with their visibility, found
 * through the workbook's relationships however they are written, and their values read.
 */
import { zlibCodec, zlibInflate } from '../../src/cli/zlib-codec';
import { XlsxPackage } from '../../src/workbook/package';
import { ZipWriter } from '../../src/workbook/zip';

const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

async function packageOf(parts: Record<string, string>): Promise<XlsxPackage> {
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter({ write: (bytes) => chunks.push(bytes.slice()) }, zlibCodec, new Date());
  for (const [name, text] of Object.entries(parts)) await zip.add(name, [text]);
  zip.finish();
  return XlsxPackage.open(Buffer.concat(chunks), zlibInflate);
}

const worksheet = (value: string) => `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${value}</t></is></c></row></sheetData></worksheet>`;

describe('a package opened from its bytes', () => {
  test('lists its sheets with their states; targets relative to the workbook or from the root; a prefix on every element', async () => {
    const pkg = await packageOf({
      '_rels/.rels': `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': '<x:workbook xmlns:x="main" xmlns:rel="relationships"><x:sheets><x:sheet name="Lookups" sheetId="1" state="hidden" rel:id="rId1"/><x:sheet name="R&amp;D" sheetId="7" rel:id="rId2"/></x:sheets></x:workbook>',
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${WORKSHEET}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${WORKSHEET}" Target="/xl/worksheets/data.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': worksheet('hidden'),
      'xl/worksheets/data.xml': worksheet('Café &amp; Co'),
    });
    expect(pkg.sheetList()).toEqual([
      { name: 'Lookups', state: 'hidden' },
      { name: 'R&D', state: 'visible' },
    ]);
    expect((await pkg.sheetValues('R&D')).grid).toEqual([['Café & Co']]);
    await expect(pkg.sheetValues('Missing')).rejects.toThrow('it has no sheet "Missing"');
  });

  test('without a workbook part it is not a workbook', async () => {
    await expect(packageOf({ 'docProps/app.xml': '<Properties/>' })).rejects.toThrow('it has no workbook part');
  });
});
