/**
 * A workbook the add-in annotated holds an Excel table on the analysis sheet and PivotTables over
 * it. Analysed by the command line, the table is resized over the new rows (and no sheet filter
 * is laid over it), the PivotTable caches over it are set to refresh when the workbook opens, a
 * PivotTable over the user's own data is left exactly as it was, and Excel's calculation chain
 * (which names formula cells as they were) goes, for Excel to rebuild.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ANALYSIS_COLUMNS } from '../../src/core/report/columns';
import { runIn, temporaryFolder } from './cli-harness';
import { PAYMENTS, writeFixtureWorkbook } from './xlsx-fixture';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The part of a sheet, by name, from workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  return `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
}

/** As the add-in leaves it: the analysis rows an Excel table (here with an out-of-date size), and a PivotTable cache over the table. */
async function asTheAddInLeavesIt(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const analysis = await sheetPart(zip, 'Analysis data');
  const sheet = await zip.file(analysis)!.async('string');
  zip.file(analysis, sheet.replace(/<autoFilter [^>]*\/>/, '').replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts></worksheet>'));
  zip.file(analysis.replace(/([^/]+)$/, '_rels/$1.rels'), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTable" Type="${RELS}/table" Target="../tables/table1.xml"/></Relationships>`);
  const columns = ANALYSIS_COLUMNS.map((c, i) => `<tableColumn id="${i + 1}" name="${c.header}"/>`).join('');
  zip.file(
    'xl/tables/table1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="1" name="LSB_Analysis" displayName="LSB_Analysis" ref="A1:N3"><autoFilter ref="A1:N3"/><tableColumns count="${ANALYSIS_COLUMNS.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleLight9" showRowStripes="1"/></table>`,
  );
  zip.file(
    'xl/pivotCache/pivotCacheDefinition2.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${RELS}" saveData="0" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="0"><cacheSource type="worksheet"><worksheetSource name="LSB_Analysis"/></cacheSource><cacheFields count="${ANALYSIS_COLUMNS.length}">${ANALYSIS_COLUMNS.map((c) => `<cacheField name="${c.header}" numFmtId="0"><sharedItems/></cacheField>`).join('')}</cacheFields></pivotCacheDefinition>`,
  );
  // Excel's calculation chain, naming formula cells of the summary.
  zip.file('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN}"><c r="B7" i="4"/><c r="C7"/></calcChain>`);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      `<Relationship Id="rIdAnalysisCache" Type="${RELS}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition2.xml"/><Relationship Id="rIdChain" Type="${RELS}/calcChain" Target="calcChain.xml"/></Relationships>`,
    ),
  );
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', workbook.replace('</pivotCaches>', '<pivotCache cacheId="8" r:id="rIdAnalysisCache"/></pivotCaches>'));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
        '<Override PartName="/xl/pivotCache/pivotCacheDefinition2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ),
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

test('the add-in’s analysis table is resized over the new rows and its PivotTables refresh on open; the user’s PivotTable is untouched; the calculation chain goes', async () => {
  const folder = temporaryFolder('xlsx-addin-parts');
  await writeFixtureWorkbook(path.join(folder, 'payments.xlsx'));
  expect(await runIn(folder, ['payments.xlsx', '--local', 'Preston', '--wider', 'Lancashire', '--out', 'annotated.xlsx'])).toMatchObject({ code: 0 });
  await asTheAddInLeavesIt(path.join(folder, 'annotated.xlsx'));
  const before = await JSZip.loadAsync(fs.readFileSync(path.join(folder, 'annotated.xlsx')));

  expect(await runIn(folder, ['annotated.xlsx', '--out', 'again.xlsx'])).toMatchObject({ code: 0, err: [] });
  const after = await JSZip.loadAsync(fs.readFileSync(path.join(folder, 'again.xlsx')));
  const text = (zip: JSZip, part: string) => zip.file(part)!.async('string');

  const extent = `A1:N${PAYMENTS.length + 1}`;
  const table = await text(after, 'xl/tables/table1.xml');
  expect(table).toContain(`ref="${extent}"><autoFilter ref="${extent}"/>`);
  const analysis = await text(after, await sheetPart(after, 'Analysis data'));
  expect(analysis).not.toContain('<autoFilter');
  expect(analysis).toContain('<tablePart r:id="rIdTable"/>');
  expect(await text(after, 'xl/workbook.xml')).not.toContain('_xlnm._FilterDatabase');

  expect(await text(after, 'xl/pivotCache/pivotCacheDefinition2.xml')).toMatch(/^<\?xml[^>]*\?>\n<pivotCacheDefinition [^>]*refreshOnLoad="1"/);
  for (const part of ['xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/charts/chart1.xml']) {
    expect({ part, text: await text(after, part) }).toEqual({ part, text: await text(before, part) });
  }

  // The calculation chain named the summary's formula cells as they were: it goes, for Excel to rebuild.
  expect(after.file('xl/calcChain.xml')).toBeNull();
  expect(await text(after, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
  expect(await text(after, '[Content_Types].xml')).not.toContain('calcChain');

  // ExcelJS reads the table over the analysis rows.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(folder, 'again.xlsx'));
  const sheet = workbook.getWorksheet('Analysis data')!;
  expect(sheet.getCell(`C${PAYMENTS.length + 1}`).value).toBe(PAYMENTS[PAYMENTS.length - 1][0]);
});
