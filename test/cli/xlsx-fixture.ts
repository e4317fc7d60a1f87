/**
 * A workbook with what people put in their spend files besides the data: a merged title, cell
 * styles, a defined name, conditional formatting, data validation, a hyperlink, an image, a
 * chart (on a sheet of its own notes) and a PivotTable (on a sheet of its own). ExcelJS makes
 * what it can; the chart and the PivotTable, which ExcelJS cannot make, are added as parts by
 * hand, written as Excel writes them. Postcodes are in the fixture geography pack.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A 1×1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const PAYMENTS = [
  ['Fishergate Cleaning Ltd', 'PR1 2AA', 'Cleaning Services', 1250],
  ['Ribble Roofing Ltd', 'PR25 1AA', 'Building Repairs & Maintenance', 4800],
  ['Lancashire County Council', 'PR1 2HE', 'Payments to Other Local Authorities', 45000],
  ['Blackpool Coaches Ltd', 'FY1 1AA', 'Transport & Vehicle Hire', 975.5],
  ['Manchester Legal LLP', 'M1 1AE', 'Legal Fees', 2300.25],
  ['EDF Energy Customers Ltd', 'M3 5AB', 'Electricity', 9100],
] as const;

/** The data: title in A1:E1 (merged), header in row 3, payments from row 4. */
export const HEADER_ROW = 3;
export const LAST_ROW = HEADER_ROW + PAYMENTS.length;

export async function writeFixtureWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Payments');
  sheet.getCell('A1').value = 'Payments over £500, April 2024';
  sheet.getCell('A1').font = { bold: true, size: 16, color: { argb: 'FF1F4E79' } };
  sheet.mergeCells('A1:E1');
  sheet.getRow(HEADER_ROW).values = ['Supplier Name', 'Supplier Postcode', 'Expense Type', 'Net Amount', 'Checked'];
  sheet.getRow(HEADER_ROW).eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  });
  PAYMENTS.forEach((payment, i) => (sheet.getRow(HEADER_ROW + 1 + i).values = [...payment, i % 2 === 0 ? 'Yes' : 'No']));
  sheet.getColumn(4).numFmt = '#,##0.00';
  sheet.getColumn(1).width = 30;
  sheet.getCell(`A${LAST_ROW + 2}`).value = { text: 'Source: finance system', hyperlink: 'https://example.org/spend' };
  sheet.addConditionalFormatting({
    ref: `D${HEADER_ROW + 1}:D${LAST_ROW}`,
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [5000], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
  });
  for (let r = HEADER_ROW + 1; r <= LAST_ROW; r++) {
    sheet.getCell(`E${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No"'] };
  }
  workbook.definedNames.add(`Payments!$D$${HEADER_ROW + 1}:$D$${LAST_ROW}`, 'Amounts');
  const image = workbook.addImage({ buffer: PIXEL as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(image, 'G1:G2');
  const notes = workbook.addWorksheet('Chart notes');
  notes.getCell('A1').value = 'Spend by supplier';
  workbook.addWorksheet('Pivot').getCell('A1').value = 'Spend, all payments';

  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  await addChart(zip, 'xl/worksheets/sheet2.xml');
  await addPivotTable(zip, 'xl/worksheets/sheet3.xml');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function edit(zip: JSZip, part: string, change: (xml: string) => string): Promise<void> {
  const file = zip.file(part);
  zip.file(part, change(file ? await file.async('string') : `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS}"></Relationships>`));
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
const addRelationship = (id: string, type: string, target: string) => (xml: string) =>
  xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${RELS}/${type}" Target="${target}"/></Relationships>`);
const addOverride = (part: string, type: string) => (xml: string) =>
  xml.replace('</Types>', `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/></Types>`);
/** An element just before the given later element of a worksheet (or its end). */
const insertBefore = (element: string, later: string[]) => (xml: string) => {
  for (const name of later) if (xml.includes(`<${name}`)) return xml.replace(`<${name}`, `${element}<${name}`);
  return xml.replace('</worksheet>', `${element}</worksheet>`);
};

async function addChart(zip: JSZip, sheetPart: string): Promise<void> {
  const chart =
    `${DECLARATION}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${RELS}">` +
    '<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Spend by supplier</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>' +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Net Amount</c:v></c:tx>` +
    `<c:cat><c:strRef><c:f>Payments!$A$${HEADER_ROW + 1}:$A$${LAST_ROW}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>Payments!$D$${HEADER_ROW + 1}:$D$${LAST_ROW}</c:f></c:numRef></c:val></c:ser>` +
    '<c:axId val="1"/><c:axId val="2"/></c:barChart>' +
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="2"/></c:catAx>' +
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';
  const drawing =
    `${DECLARATION}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    '<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
    '<xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Spend chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${RELS}" r:id="rId1"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
  zip.file('xl/charts/chart1.xml', chart);
  zip.file('xl/drawings/drawing9.xml', drawing);
  await edit(zip, 'xl/drawings/_rels/drawing9.xml.rels', addRelationship('rId1', 'chart', '../charts/chart1.xml'));
  await edit(zip, relsOf(sheetPart), addRelationship('rIdChart', 'drawing', '../drawings/drawing9.xml'));
  await edit(zip, sheetPart, insertBefore('<drawing r:id="rIdChart"/>', ['legacyDrawing', 'tableParts', 'extLst']));
  await edit(zip, '[Content_Types].xml', (xml) => addOverride('xl/drawings/drawing9.xml', 'drawing+xml')(addOverride('xl/charts/chart1.xml', 'drawingml.chart+xml')(xml)));
}

async function addPivotTable(zip: JSZip, sheetPart: string): Promise<void> {
  const fields = ['Supplier Name', 'Supplier Postcode', 'Expense Type', 'Net Amount', 'Checked'];
  const cache =
    `${DECLARATION}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${RELS}" saveData="0" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="0">` +
    `<cacheSource type="worksheet"><worksheetSource ref="A${HEADER_ROW}:E${LAST_ROW}" sheet="Payments"/></cacheSource>` +
    `<cacheFields count="${fields.length}">${fields.map((name) => `<cacheField name="${name}" numFmtId="0"><sharedItems/></cacheField>`).join('')}</cacheFields>` +
    '</pivotCacheDefinition>';
  const table =
    `${DECLARATION}<pivotTableDefinition xmlns="${MAIN}" name="SpendPivot" cacheId="7" dataCaption="Values" createdVersion="6" updatedVersion="6" minRefreshableVersion="3">` +
    '<location ref="A3" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/>' +
    `<pivotFields count="${fields.length}">${fields.map((name) => (name === 'Net Amount' ? '<pivotField dataField="1" showAll="0"/>' : '<pivotField showAll="0"/>')).join('')}</pivotFields>` +
    '<dataFields count="1"><dataField name="Sum of Net Amount" fld="3" baseField="0" baseItem="0"/></dataFields>' +
    '</pivotTableDefinition>';
  zip.file('xl/pivotCache/pivotCacheDefinition1.xml', cache);
  zip.file('xl/pivotTables/pivotTable1.xml', table);
  await edit(zip, 'xl/pivotTables/_rels/pivotTable1.xml.rels', addRelationship('rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml'));
  await edit(zip, relsOf(sheetPart), addRelationship('rIdPivot', 'pivotTable', '../pivotTables/pivotTable1.xml'));
  await edit(zip, 'xl/_rels/workbook.xml.rels', addRelationship('rIdPivotCache', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml'));
  await edit(zip, 'xl/workbook.xml', (xml) => {
    const caches = '<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache"/></pivotCaches>';
    for (const later of ['<smartTagPr', '<smartTagTypes', '<webPublishing', '<fileRecoveryPr', '<webPublishObjects', '<extLst']) if (xml.includes(later)) return xml.replace(later, `${caches}${later}`);
    return xml.replace('</workbook>', `${caches}</workbook>`);
  });
  await edit(zip, '[Content_Types].xml', (xml) =>
    addOverride('xl/pivotTables/pivotTable1.xml', 'spreadsheetml.pivotTable+xml')(addOverride('xl/pivotCache/pivotCacheDefinition1.xml', 'spreadsheetml.pivotCacheDefinition+xml')(xml)),
  );
}
