/**
 * Every summary sheet prints on A4 landscape, one page wide: read from the sheet XML as the
 * command line writes it, with its title rows frozen and repeated (the _xlnm.Print_Titles name),
 * the page header naming the areas and the analysis date, and page numbers in the footer.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { runIn, temporaryFolder } from './cli-harness';
import { writePrintedSpend } from './print-fixture';

const SUMMARY_SHEETS = ['Baseline', 'Top suppliers', 'Method', 'Opportunities'];

let zip: JSZip;
/** Sheet name → its worksheet part's XML. */
const sheetXml = new Map<string, string>();
let workbookXml: string;

beforeAll(async () => {
  const folder = temporaryFolder('print-setup');
  writePrintedSpend(folder);
  expect((await runIn(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire (ceremonial county)'])).code).toBe(0);
  zip = await JSZip.loadAsync(fs.readFileSync(path.join(folder, 'spend-baseline.xlsx')));
  workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  for (const [, name, id] of workbookXml.matchAll(/<sheet name="([^"]+)" sheetId="\d+"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    sheetXml.set(name, await zip.file(`xl/${target}`)!.async('string'));
  }
});

test.each(SUMMARY_SHEETS)('%s: A4 landscape, one page wide, centred, with narrow margins', (name) => {
  const xml = sheetXml.get(name)!;
  expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
  expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"[^>]*\/>/);
  expect(xml).toContain('<printOptions horizontalCentered="1"/>');
  expect(xml).toContain('<pageMargins left="0.4" right="0.4" top="0.8" bottom="0.6" header="0.3" footer="0.3"/>');
  // The schema's order: printOptions, pageMargins, pageSetup, headerFooter.
  const order = ['<printOptions', '<pageMargins', '<pageSetup ', '<headerFooter'].map((tag) => xml.indexOf(tag));
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test.each([
  ['Baseline', 'Local spend baseline', 1],
  ['Top suppliers', 'All 80 suppliers by spend', 5],
  ['Method', 'Method and coverage', 1],
  ['Opportunities', 'Opportunities', 1],
])('%s: the page header names the areas and the analysis date, the footer numbers the pages; title rows frozen and repeated', (name, title, rows) => {
  const xml = sheetXml.get(name)!;
  expect(xml).toContain(
    `<headerFooter><oddHeader>&amp;L${title}&amp;C&amp;RLocal area: Preston. Wider area: Lancashire (ceremonial county).\nAnalysed 1 May 2025 09:30 UTC</oddHeader>` +
      `<oddFooter>&amp;L${name}&amp;CPage &amp;P of &amp;N&amp;RLocal Spend Baseline</oddFooter></headerFooter>`,
  );
  expect(xml).toContain(`<pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/>`);
  const index = [...sheetXml.keys()].indexOf(name);
  expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'${name}'!$1:$${rows}</definedName>`);
});

test('long supplier names wrap in their column on Top suppliers, their rows made tall enough', () => {
  const xml = sheetXml.get('Top suppliers')!;
  const row = /<row r="6"[^>]*>/.exec(xml)![0];
  // Two to four lines of 15 points: the name wraps, and the estimate of its width errs long.
  expect(row).toMatch(/ht="(30|45|60)" customHeight="1"/);
  expect(xml).toMatch(/<c r="B6" s="\d+" t="inlineStr"><is><t>The Northern Lancashire Community Interest Company/);
});
