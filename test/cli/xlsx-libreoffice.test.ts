/**
 * The annotated copy in another spreadsheet program. LibreOffice, told to recalculate every
 * formula on load, computes each summary formula to the value the command wrote (the values in
 * the file are zeroed first, so a formula it did not compute cannot pass); and it lays the copy
 * out with the formats the command gave it: £ amounts and percentages on the summary, the result
 * headers beside the data, the Suppliers sheet, the user's chart and PivotTable.
 *
 * Needs LibreOffice (soffice) and poppler-utils (pdftotext); reported as skipped without them.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { convert, describeWithLibreOffice, recalculatingProfile } from '../support/libreoffice';
import { runIn, temporaryFolder } from './cli-harness';
import { writeFixtureWorkbook } from './xlsx-fixture';

const SUMMARY_SHEETS = ['Baseline', 'Top suppliers', 'Method', 'Opportunities'];

/** The copy with every formula's cached value replaced by 0. */
async function zeroed(file: string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/(<\/f>)<v>[^<]*<\/v>/g, '$1<v>0</v>'));
  }
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Every summary formula of the copy against LibreOffice's value for it; returns how many were compared. */
async function expectRecalculatedValues(written: string, recalculated: string): Promise<number> {
  const ours = new ExcelJS.Workbook();
  await ours.xlsx.readFile(written);
  const theirs = new ExcelJS.Workbook();
  await theirs.xlsx.readFile(recalculated);
  let compared = 0;
  for (const name of SUMMARY_SHEETS) {
    ours.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as ExcelJS.CellFormulaValue;
        if (!value || typeof value !== 'object' || !('formula' in value)) return;
        const other = theirs.getWorksheet(name)!.getCell(cell.address).value;
        // ExcelJS reads a cached 0 back as no result.
        const computed = other && typeof other === 'object' ? ((other as ExcelJS.CellFormulaValue).result ?? 0) : other;
        const want = value.result ?? 0;
        const where = `${name}!${cell.address}`;
        if (typeof want === 'number') expect({ where, value: Number(computed).toFixed(6) }).toEqual({ where, value: want.toFixed(6) });
        else expect({ where, value: computed }).toEqual({ where, value: want });
        compared++;
      }),
    );
  }
  return compared;
}

/** Pixels of a binary PPM image (pdftoppm's default output) within a little of a colour. */
function pixelsOfColour(ppm: Buffer, [r, g, b]: number[]): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - r) < 12 && Math.abs(ppm[i + 1] - g) < 12 && Math.abs(ppm[i + 2] - b) < 12) count++;
  }
  return count;
}

describeWithLibreOffice('the annotated copy in LibreOffice', () => {
  let folder: string;
  let profile: string;
  beforeAll(async () => {
    folder = temporaryFolder('xlsx-libreoffice');
    profile = recalculatingProfile(folder);
    await writeFixtureWorkbook(path.join(folder, 'payments.xlsx'));
    expect(await runIn(folder, ['payments.xlsx', '--local', 'Preston', '--wider', 'Lancashire'])).toMatchObject({ code: 0 });
    // A credit, categories differing in case, a wildcard and a tilde in names, rows without a category.
    fs.writeFileSync(
      path.join(folder, 'spend.csv'),
      [
        'Body,Supplier Name,Supplier Postcode,Expense Type,Net Amount',
        'Preston City Council,Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,100.00',
        'Preston City Council,Fishergate Cleaning Ltd,PR1 2AA,CLEANING SERVICES,50.00',
        'Lancashire County Council,Star * Roofing Ltd,PR25 1AA,Building Repairs,400.00',
        ',Manchester Legal LLP,M1 1AE,,200.00',
        'Preston City Council,EDF Energy Customers Ltd,M3 5AB,Electricity,-25.00',
        'Preston City Council,Nowhere ~ Ltd,,Printing ~ copying,10.00',
      ].join('\r\n'),
    );
    expect(await runIn(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire'])).toMatchObject({ code: 0 });
  }, 60_000);

  test.each([['payments-baseline.xlsx'], ['spend-baseline.xlsx']])('%s: every summary formula, recalculated by LibreOffice, equals the value written', async (file) => {
    const blank = path.join(folder, `zeroed-${file}`);
    await zeroed(path.join(folder, file), blank);
    const recalculated = convert(profile, blank, 'xlsx', path.join(folder, 'recalculated'));
    expect(await expectRecalculatedValues(path.join(folder, file), recalculated)).toBeGreaterThan(100);
  }, 120_000);

  test('it lays the copy out with its formats: £ and % on the summary, result headers, the Suppliers sheet, the user’s chart and PivotTable', () => {
    const pdf = convert(profile, path.join(folder, 'payments-baseline.xlsx'), 'pdf', path.join(folder, 'pdf'));
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/Total spend \(net of credits\)\s+£63,425\.75\s+100\.0%/);
    expect(text).toMatch(/Local \(Preston\)\s+£46,250\.00\s+72\.9%/);
    expect(text).toContain('Locality basis');
    expect(text).toMatch(/Supplier key\s+Supplier name/);
    expect(text).toContain('Spend by supplier');
    expect(text).toContain('Sum of Net Amount');
  }, 120_000);

  test('a new workbook’s charts are drawn: the pie’s local slice and the leakage bars in their colours on the Baseline page', () => {
    const pdf = convert(profile, path.join(folder, 'spend-baseline.xlsx'), 'pdf', path.join(folder, 'pdf-charts'));
    const pages = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
    const page = pages.findIndex((text) => text.includes('Where the spend goes')) + 1;
    expect(page).toBeGreaterThan(0);
    const image = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '40', pdf], { maxBuffer: 1 << 28 }).stdout;
    // Local green (2E7D32) and leakage orange (ED7D31), as the chart parts give them.
    expect(pixelsOfColour(image, [0x2e, 0x7d, 0x32])).toBeGreaterThan(100);
    expect(pixelsOfColour(image, [0xed, 0x7d, 0x31])).toBeGreaterThan(100);
  }, 120_000);

  test('the sample’s copy has two charts, and LibreOffice draws them on the Baseline sheet', async () => {
    const sampleFolder = path.join(folder, 'sample');
    fs.mkdirSync(sampleFolder);
    expect(await runIn(sampleFolder, [])).toMatchObject({ code: 0 });
    const copy = path.join(sampleFolder, 'preston-anchors-2024-25-baseline.xlsx');
    const zip = await JSZip.loadAsync(fs.readFileSync(copy));
    expect(Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name)).sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
    const pdf = convert(profile, copy, 'pdf', path.join(sampleFolder, 'pdf'));
    const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout.split('\f');
    // The Baseline sheet's pages (each headed with its title) hold the headline and, below the blocks, both charts, whose titles LibreOffice draws as text.
    const baseline = pages.filter((page) => page.includes('Local spend baseline')).join('\n');
    expect(baseline).toContain('Where the spend goes');
    expect(baseline).toContain('Influenceable leakage by kind of spend');
    // Every bar is labelled with its kind of spend (a chart too short for its bars has LibreOffice draw every other label); long labels wrap, so the one-line ones are looked for.
    const chartXml = await zip.file('xl/charts/chart2.xml')!.async('string');
    const kinds = [...chartXml.split('<c:cat>')[1].split('</c:cat>')[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(kinds.length).toBeGreaterThan(12);
    const oneLine = kinds.filter((kind) => kind.length <= 32);
    expect(oneLine.filter((kind) => !baseline.includes(kind))).toEqual([]);
  }, 180_000);
});
