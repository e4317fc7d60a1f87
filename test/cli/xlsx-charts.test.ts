/**
 * The command line's two charts as the parts and relationships Excel needs, checked against what
 * the OOXML schema requires (ECMA-376 Part 1: §21.2 DrawingML charts, §20.5 spreadsheet
 * drawings): the sheet's <drawing r:id> resolves to a drawing part; each anchor is a
 * twoCellAnchor with from, to, a graphicFrame (nvGraphicFramePr, xfrm, a:graphic whose
 * graphicData is of the chart namespace and names the chart part) and clientData; each chart part
 * is a chartSpace with a chart, a plotArea and one chart type whose series has idx, order and
 * cat/val references into the Baseline sheet's cells (which hold the cached values); a bar chart
 * has its two axes, paired by id. Every part has its content type. A re-run over the copy does not
 * duplicate them, and a workbook whose charts the add-in made keeps them (pointed at the new cells).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseXml, type XmlElement } from '../support/xml';
import { runIn, temporaryFolder } from './cli-harness';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];
const LOCALITY_LABELS = ['Local (Preston)', 'Wider area (Lancashire)', 'Rest of UK', 'Outside UK', 'Unknown'];
const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);
const children = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

/** Required children present, in the schema's order (other, optional, children may stand between). */
function expectSequence(element: XmlElement, required: string[]): void {
  const names = element.children.map((c) => c.name);
  const at = required.map((name) => names.indexOf(name));
  expect({ element: element.name, missing: required.filter((_, i) => at[i] < 0) }).toEqual({ element: element.name, missing: [] });
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

function resolve(from: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

async function relationshipsOf(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const relsPart = `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
  const file = zip.file(relsPart);
  if (!file) return new Map();
  return new Map(children(parseXml(await file.async('string')), 'Relationship').map((r) => [r.attributes.Id, { type: r.attributes.Type, target: resolve(part, r.attributes.Target) }]));
}

async function partText(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  expect({ part, present: Boolean(file) }).toEqual({ part, present: true });
  return file!.async('string');
}

interface ChartFound {
  name: string;
  part: string;
  chart: XmlElement;
  /** The chart type element (c:pieChart, c:barChart). */
  type: string;
  labels: string;
  values: string;
}

/** The charts of a sheet, every part and relationship on the way checked. */
async function chartsOf(file: string, sheetName: string): Promise<ChartFound[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = parseXml(await partText(zip, 'xl/workbook.xml'));
  const sheet = children(child(workbook, 'sheets')!, 'sheet').find((s) => s.attributes.name === sheetName)!;
  const sheetPart = (await relationshipsOf(zip, 'xl/workbook.xml')).get(sheet.attributes['r:id'])!.target;
  const worksheet = parseXml(await partText(zip, sheetPart));
  const drawings = children(worksheet, 'drawing');
  if (drawings.length === 0) return [];
  expect(drawings).toHaveLength(1);
  const sheetRels = await relationshipsOf(zip, sheetPart);
  const drawingRel = sheetRels.get(drawings[0].attributes['r:id'])!;
  expect(drawingRel.type).toBe(`${REL}/drawing`);
  const types = await partText(zip, '[Content_Types].xml');
  const contentType = (part: string) => new RegExp(`<Override PartName="/${part}" ContentType="([^"]+)"`).exec(types)?.[1];
  expect(contentType(drawingRel.target)).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');

  const drawing = parseXml(await partText(zip, drawingRel.target));
  expect(drawing.name).toBe('xdr:wsDr');
  const drawingRels = await relationshipsOf(zip, drawingRel.target);
  const found: ChartFound[] = [];
  for (const anchor of children(drawing, 'xdr:twoCellAnchor')) {
    expectSequence(anchor, ['xdr:from', 'xdr:to', 'xdr:graphicFrame', 'xdr:clientData']);
    for (const marker of ['xdr:from', 'xdr:to']) expectSequence(child(anchor, marker)!, ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff']);
    const frame = child(anchor, 'xdr:graphicFrame')!;
    expectSequence(frame, ['xdr:nvGraphicFramePr', 'xdr:xfrm', 'a:graphic']);
    const properties = child(child(frame, 'xdr:nvGraphicFramePr')!, 'xdr:cNvPr')!;
    expect(Number(properties.attributes.id)).toBeGreaterThan(0);
    const graphicData = child(child(frame, 'a:graphic')!, 'a:graphicData')!;
    expect(graphicData.attributes.uri).toBe(NS_CHART);
    const chartRel = drawingRels.get(child(graphicData, 'c:chart')!.attributes['r:id'])!;
    expect(chartRel.type).toBe(`${REL}/chart`);
    expect(contentType(chartRel.target)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');

    const space = parseXml(await partText(zip, chartRel.target));
    expect(space.name).toBe('c:chartSpace');
    const chart = child(space, 'c:chart')!;
    expectSequence(chart, ['c:plotArea']);
    const plotArea = child(chart, 'c:plotArea')!;
    const typeElements = plotArea.children.filter((c) => /^c:\w+Chart$/.test(c.name));
    expect(typeElements).toHaveLength(1);
    const type = typeElements[0];
    const series = children(type, 'c:ser');
    expect(series).toHaveLength(1);
    expectSequence(series[0], ['c:idx', 'c:order', 'c:cat', 'c:val']);
    const reference = (name: string, ref: string) => child(child(child(series[0], name)!, ref)!, 'c:f')!.text;
    if (type.name === 'c:barChart') {
      expectSequence(type, ['c:barDir', 'c:ser', 'c:axId']);
      const ids = children(type, 'c:axId').map((a) => a.attributes.val);
      expect(ids).toHaveLength(2);
      const category = child(plotArea, 'c:catAx')!;
      const value = child(plotArea, 'c:valAx')!;
      for (const axis of [category, value]) expectSequence(axis, ['c:axId', 'c:scaling', 'c:axPos', 'c:crossAx']);
      expect([child(category, 'c:axId')!.attributes.val, child(value, 'c:axId')!.attributes.val]).toEqual(ids);
      expect([child(category, 'c:crossAx')!.attributes.val, child(value, 'c:crossAx')!.attributes.val]).toEqual([ids[1], ids[0]]);
    }
    found.push({ name: properties.attributes.name, part: chartRel.target, chart, type: type.name, labels: reference('c:cat', 'c:strRef'), values: reference('c:val', 'c:numRef') });
  }
  return found;
}

/** The cells of a reference like 'Baseline'!$A$12:$A$16, as the copy holds them. */
async function cellsOf(file: string, reference: string): Promise<unknown[]> {
  const [, sheet, from, to] = /^'((?:[^']|'')+)'!\$([A-Z]+\$\d+):\$([A-Z]+\$\d+)$/.exec(reference)!;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const worksheet = workbook.getWorksheet(sheet.replace(/''/g, "'"))!;
  const values: unknown[] = [];
  const [column, first] = from.split('$');
  const last = Number(to.split('$')[1]);
  for (let row = Number(first); row <= last; row++) {
    const value = worksheet.getCell(`${column}${row}`).value;
    // ExcelJS reads a formula's cached 0 back as no result.
    values.push(value && typeof value === 'object' && 'formula' in value ? (value.result ?? 0) : value);
  }
  return values;
}

describe('the command line’s charts', () => {
  let folder: string;
  let sample: string;
  beforeAll(async () => {
    folder = temporaryFolder('charts');
    fs.writeFileSync(
      path.join(folder, 'spend.csv'),
      [
        'Supplier Name,Supplier Postcode,Expense Type,Net Amount',
        'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,100.00',
        'Ribble Builders Ltd,PR25 1AA,Building Repairs,400.00',
        'Manchester Legal LLP,M1 1AE,Legal Services,200.00',
        'Blackpool Coaches Ltd,FY1 1AA,Transport,50.00',
        'EDF Energy Customers Ltd,M3 5AB,Electricity,75.00',
      ].join('\r\n'),
    );
    expect(await runIn(folder, ['spend.csv', ...AREAS])).toMatchObject({ code: 0 });
    sample = path.join(folder, 'spend-baseline.xlsx');
  });

  test('the copy has the two charts on the Baseline sheet, as the schema requires, over its blocks’ cells', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(sample));
    expect(Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toHaveLength(2);
    const charts = await chartsOf(sample, 'Baseline');
    expect(charts.map((c) => [c.name, c.type])).toEqual([
      ['LSB_HeadlineSplit', 'c:pieChart'],
      ['LSB_LeakageByKind', 'c:barChart'],
    ]);
    const [split, leakage] = charts;
    expect(await cellsOf(sample, split.labels)).toEqual(LOCALITY_LABELS);
    const splitValues = (await cellsOf(sample, split.values)) as number[];
    expect(splitValues.every((value) => typeof value === 'number')).toBe(true);
    // The cached values are the cells' values.
    const cached = children(child(child(child(children(child(split.chart, 'c:plotArea')!, 'c:pieChart')[0], 'c:ser')!, 'c:val')!, 'c:numRef')!, 'c:numCache')[0];
    expect(children(cached, 'c:pt').map((pt) => Number(child(pt, 'c:v')!.text))).toEqual(splitValues);
    // Influenceable leakage: legal work in Manchester and coaches from Blackpool, largest first.
    expect(await cellsOf(sample, leakage.labels)).toEqual(['Professional services (consultancy, legal, surveys, valuations, architects)', 'Transport']);
    expect(await cellsOf(sample, leakage.values)).toEqual([200, 50]);
  });

  test('a re-run over the copy points the same two charts at this run’s cells: none is added', async () => {
    const before = await chartsOf(sample, 'Baseline');
    // Comparing with the copy itself adds progress blocks above the charts' blocks, which move down.
    expect(await runIn(folder, [path.basename(sample), '--baseline', path.basename(sample), '--out', 'again.xlsx'])).toMatchObject({ code: 0 });
    const again = path.join(folder, 'again.xlsx');
    const after = await chartsOf(again, 'Baseline');
    expect(after.map((c) => [c.name, c.part])).toEqual(before.map((c) => [c.name, c.part]));
    expect(after[0].labels).not.toBe(before[0].labels);
    expect(await cellsOf(again, after[0].labels)).toEqual(await cellsOf(sample, before[0].labels));
    const zip = await JSZip.loadAsync(fs.readFileSync(again));
    expect(Object.keys(zip.files).filter((name) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(name)).sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/drawings/drawing1.xml']);
  });

  test('a workbook whose charts the add-in made keeps them, as the user styled them, pointed at this run’s cells', async () => {
    // As Excel saves the add-in's charts: other part names, its own style and a title the user changed.
    const zip = await JSZip.loadAsync(fs.readFileSync(sample));
    const styled = (xml: string) => xml.replace('<c:roundedCorners val="0"/>', '<c:roundedCorners val="0"/><c:style val="42"/>').replace('Where the spend goes', 'Our spend, by place');
    zip.file('xl/charts/chart7.xml', styled(await zip.file('xl/charts/chart1.xml')!.async('string')));
    zip.remove('xl/charts/chart1.xml');
    zip.file('xl/drawings/_rels/drawing1.xml.rels', (await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string')).replace('chart1.xml', 'chart7.xml'));
    zip.file('[Content_Types].xml', (await zip.file('[Content_Types].xml')!.async('string')).replace('/xl/charts/chart1.xml', '/xl/charts/chart7.xml'));
    const addIn = path.join(folder, 'add-in.xlsx');
    fs.writeFileSync(addIn, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    expect(await runIn(folder, ['add-in.xlsx', '--baseline', path.basename(sample), '--out', 'add-in-again.xlsx'])).toMatchObject({ code: 0 });
    const out = path.join(folder, 'add-in-again.xlsx');
    const charts = await chartsOf(out, 'Baseline');
    expect(charts.map((c) => [c.name, c.part])).toEqual([
      ['LSB_HeadlineSplit', 'xl/charts/chart7.xml'],
      ['LSB_LeakageByKind', 'xl/charts/chart2.xml'],
    ]);
    const kept = await (await JSZip.loadAsync(fs.readFileSync(out))).file('xl/charts/chart7.xml')!.async('string');
    expect(kept).toContain('<c:style val="42"/>');
    expect(kept).toContain('Our spend, by place');
    expect(await cellsOf(out, charts[0].labels)).toEqual(LOCALITY_LABELS);
  });
});
