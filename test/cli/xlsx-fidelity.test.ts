/**
 * The annotated copy of an .xlsx is the input patched, not re-saved: a chart, a PivotTable, an
 * image, conditional formatting, validation, a defined name, merged cells and cell styles come
 * through byte for byte, and so does every original cell; only the parts the add-in writes on
 * change. A second run changes none of the user's parts and leaves styles.xml as it was.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { runIn, temporaryFolder, workbookCells } from './cli-harness';
import { HEADER_ROW, PAYMENTS, writeFixtureWorkbook } from './xlsx-fixture';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];
/** The parts a run may change in an input: the data sheet and the workbook's own lists. */
const PATCHED = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);

/** The parts of a package, each checked against its CRC. */
async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file), { checkCRC32: true });
  const files = Object.values(zip.files).filter((entry) => !entry.dir);
  return new Map(await Promise.all(files.map(async (entry) => [entry.name, await entry.async('nodebuffer')] as [string, Buffer])));
}

/** Every element named `name` in the XML, as written. */
function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${name}>)`, 'g'))].map((m) => m[0]);
}

let folder: string;
let input: Map<string, Buffer>;
let output: Map<string, Buffer>;
beforeAll(async () => {
  folder = temporaryFolder('xlsx-fidelity');
  await writeFixtureWorkbook(path.join(folder, 'payments.xlsx'));
  expect(await runIn(folder, ['payments.xlsx', ...AREAS])).toMatchObject({ code: 0 });
  input = await parts(path.join(folder, 'payments.xlsx'));
  output = await parts(path.join(folder, 'payments-baseline.xlsx'));
});

describe('a patched copy of an .xlsx', () => {
  test('every part the add-in does not write on is byte for byte the input’s: chart, drawings, image, PivotTable, theme, shared strings', () => {
    const unchanged = [...input.keys()].filter((name) => !PATCHED.has(name));
    expect(unchanged).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/media/image1.png', 'xl/sharedStrings.xml']));
    for (const name of unchanged) expect({ name, same: output.get(name)?.equals(input.get(name)!) }).toEqual({ name, same: true });
  });

  test('the data sheet keeps every original cell and its merged cells, conditional formats, validation, hyperlink, page setup and drawing as written', () => {
    const before = input.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const after = output.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const kept = ['mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'pageMargins', 'pageSetup', 'drawing'].flatMap((name) => elements(before, name));
    expect(kept.length).toBeGreaterThanOrEqual(7);
    for (const element of kept) expect(after).toContain(element);
    const cells = elements(before, 'c');
    expect(cells.length).toBeGreaterThan(30);
    for (const cell of cells) expect(after).toContain(cell);
    // The results beside the data, from column F, headers in the header row.
    expect(after).toContain(`<c r="F${HEADER_ROW}" s=`);
    expect(after).toContain('<is><t>Local (Preston)</t></is>');
  });

  test('styles.xml keeps the workbook’s formats at their indices and adds the add-in’s after them; defined names, sheets and PivotTable caches stay in workbook.xml', () => {
    const before = input.get('xl/styles.xml')!.toString('utf8');
    const after = output.get('xl/styles.xml')!.toString('utf8');
    for (const list of ['fonts', 'fills', 'cellXfs']) {
      const original = elements(elements(before, list)[0], list.replace(/s$/, '').replace('cellXf', 'xf'));
      const patched = elements(elements(after, list)[0], list.replace(/s$/, '').replace('cellXf', 'xf'));
      expect(patched.slice(0, original.length)).toEqual(original);
      expect(patched.length).toBeGreaterThan(original.length);
    }
    for (const list of ['dxfs', 'cellStyles', 'borders']) expect(elements(after, list)).toEqual(elements(before, list));

    const workbookBefore = input.get('xl/workbook.xml')!.toString('utf8');
    const workbookAfter = output.get('xl/workbook.xml')!.toString('utf8');
    for (const element of [...elements(workbookBefore, 'definedName'), ...elements(workbookBefore, 'pivotCaches'), ...elements(workbookBefore, 'sheet')]) {
      expect(workbookAfter).toContain(element);
    }
    expect(workbookAfter).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(workbookAfter).toMatch(/<sheet name="LSB_State" sheetId="\d+" r:id="rId\d+" state="veryHidden"\/>/);
    // The analysis sheet's filter, with the hidden name Excel keeps beside one.
    expect(workbookAfter).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="7" hidden="1">'Analysis data'!$A$1:$N$${PAYMENTS.length + 1}</definedName>`);
  });

  test('ExcelJS reads the copy with every original cell, value and number format, unchanged', async () => {
    const before = await workbookCells(path.join(folder, 'payments.xlsx'));
    const after = await workbookCells(path.join(folder, 'payments-baseline.xlsx'));
    for (const [name, sheet] of before) {
      for (const [address, cell] of sheet.cells) expect({ name, address, ...after.get(name)!.cells.get(address) }).toEqual({ name, address, ...cell });
    }
    expect(after.get('Suppliers')!.cells.get('A1')?.value).toBe('Supplier key');
  });

  test('analysing the copy again changes none of the user’s parts, and styles.xml not at all', async () => {
    expect(await runIn(folder, ['payments-baseline.xlsx', '--out', 'again.xlsx'])).toMatchObject({ code: 0, err: [] });
    const again = await parts(path.join(folder, 'again.xlsx'));
    expect([...again.keys()].sort()).toEqual([...output.keys()].sort());
    for (const name of [...input.keys()].filter((n) => !PATCHED.has(n))) expect({ name, same: again.get(name)!.equals(input.get(name)!) }).toEqual({ name, same: true });
    expect(again.get('xl/styles.xml')!.toString('utf8')).toBe(output.get('xl/styles.xml')!.toString('utf8'));
    expect(again.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toBe(output.get('xl/worksheets/sheet1.xml')!.toString('utf8'));
  });
});
