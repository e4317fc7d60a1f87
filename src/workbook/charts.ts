/**
 * The summary sheet's two charts as native Excel charts (DrawingML chart parts), from the plan's
 * chart specs: a drawing on the sheet anchors each chart to cells, and each chart's series points
 * at the label and value columns of its block (with the values cached, so the chart shows before
 * any recalculation). A chart is found again by its name, as the add-in finds its own: a re-run
 * over a workbook the command line or the add-in annotated points that chart at this run's cells
 * and keeps everything else about it, so charts are never duplicated and the user's styling stays.
 */
import { columnIndex, columnLetter, quoteSheet, type ChartSpec } from '../core';
import type { XlsxPackage } from './package';
import { attribute, escapeXml } from './xml';

const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_DRAWINGML = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_SPREADSHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
export const REL_DRAWING = `${NS_RELATIONSHIPS}/drawing`;
export const REL_CHART = `${NS_RELATIONSHIPS}/chart`;
export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The axes of a bar chart, paired by these ids. */
const CATEGORY_AXIS = 500100;
const VALUE_AXIS = 500200;
/** The £ format of the value axis: whole pounds. */
const AXIS_FORMAT = '"£"#,##0';

/** The cells of a spec's source: the header's value cell, the labels and the values, as absolute references. */
function sourceRanges(spec: ChartSpec, sheetName: string) {
  const { top, left, rows } = spec.source;
  const cell = (column: number, row: number) => `$${columnLetter(column)}$${row + 1}`;
  const sheet = quoteSheet(sheetName);
  return {
    name: `${sheet}!${cell(left + 1, top)}`,
    labels: `${sheet}!${cell(left, top + 1)}:${cell(left, top + rows - 1)}`,
    values: `${sheet}!${cell(left + 1, top + 1)}:${cell(left + 1, top + rows - 1)}`,
  };
}

const points = (values: readonly (string | number)[]) =>
  `<c:ptCount val="${values.length}"/>${values.map((value, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(value))}</c:v></c:pt>`).join('')}`;

/** The series' name, categories and values: references into the sheet with the values they hold now. */
function seriesReferences(spec: ChartSpec, sheetName: string): { tx: string; cat: string; val: string } {
  const ranges = sourceRanges(spec, sheetName);
  return {
    tx: `<c:tx><c:strRef><c:f>${escapeXml(ranges.name)}</c:f><c:strCache>${points([spec.series.name])}</c:strCache></c:strRef></c:tx>`,
    cat: `<c:cat><c:strRef><c:f>${escapeXml(ranges.labels)}</c:f><c:strCache>${points(spec.series.labels)}</c:strCache></c:strRef></c:cat>`,
    val: `<c:val><c:numRef><c:f>${escapeXml(ranges.values)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${points(spec.series.values)}</c:numCache></c:numRef></c:val>`,
  };
}

const title = (text: string) =>
  `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;

/**
 * Fills given outright, not left to the workbook's theme (a workbook made afresh has none, and a
 * program may then draw nothing): the pie's slices in the order of the localities, money that
 * stays in greens and money that leaves in orange and red; the bars in one colour.
 */
const SLICE_COLOURS = ['2E7D32', '8BC34A', 'ED7D31', 'C0392B', 'A5A5A5'];
const BAR_COLOUR = 'ED7D31';
const fill = (colour: string) => `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;

/** A chart part, its elements in the order the schema (CT_ChartSpace, CT_Chart, CT_PieChart / CT_BarChart) requires. */
export function chartPartXml(spec: ChartSpec, sheetName: string): string {
  const { tx, cat, val } = seriesReferences(spec, sheetName);
  const series = (between: string) => `<c:ser><c:idx val="0"/><c:order val="0"/>${tx}${between}${cat}${val}</c:ser>`;
  const slices = spec.series.values.map((_, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${fill(SLICE_COLOURS[i % SLICE_COLOURS.length])}</c:dPt>`).join('');
  const plot =
    spec.type === 'Pie'
      ? `<c:pieChart><c:varyColors val="1"/>${series(slices)}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series(`${fill(BAR_COLOUR)}<c:invertIfNegative val="0"/>`)}<c:gapWidth val="60"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>` +
        // Largest first, at the top: the category axis runs down, so the value axis crosses it at its last category (the bottom).
        `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
        `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(AXIS_FORMAT)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = spec.type === 'Pie' ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : '';
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWINGML}" xmlns:r="${NS_RELATIONSHIPS}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title(spec.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '</c:chartSpace>'
  );
}

/** A cell reference ("I2") as a drawing marker's 0-based column and row. */
function marker(element: 'from' | 'to', reference: string, past: number): string {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(reference)!;
  return `<xdr:${element}><xdr:col>${columnIndex(letters) + past}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${Number(digits) - 1 + past}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${element}>`;
}

/** A chart anchored from the top-left of `from` to the bottom-right of `to`. */
function anchorXml(spec: ChartSpec, id: number, chartRelationship: string): string {
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker('from', spec.from, 0) +
    marker('to', spec.to, 1) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(spec.name)}" descr="${escapeXml(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_RELATIONSHIPS}" r:id="${chartRelationship}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

const EMPTY_DRAWING = `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS_SPREADSHEET_DRAWING}" xmlns:a="${NS_DRAWINGML}"></xdr:wsDr>`;

/** The graphic frames of a drawing: each one's name and the relationship id of the chart it shows. */
function framesOf(drawing: string): { name: string; chart?: string }[] {
  return [...drawing.matchAll(/<(?:[\w-]+:)?graphicFrame\b[\s\S]*?<\/(?:[\w-]+:)?graphicFrame>/g)].map((frame) => {
    const properties = /<(?:[\w-]+:)?cNvPr\s[^>]*>/.exec(frame[0])?.[0] ?? '';
    const chart = /<(?:[\w-]+:)?chart\s[^>]*>/.exec(frame[0])?.[0];
    return { name: attribute(properties, 'name') ?? '', chart: chart && /\s[\w-]+:id="([^"]*)"/.exec(chart)?.[1] };
  });
}

/**
 * An existing chart pointed at this run's cells: the first series' name, categories and values
 * are replaced (the references and their cached values); its type, title, position and styling
 * are the user's or the add-in's and stay.
 */
function repointChart(xml: string, spec: ChartSpec, sheetName: string): string {
  const { tx, cat, val } = seriesReferences(spec, sheetName);
  const c = /<([\w-]+:)?chartSpace\b/.exec(xml)?.[1] ?? '';
  const own = (text: string) => text.replace(/<(\/?)c:/g, `<$1${c}`);
  return xml.replace(new RegExp(`<${c}ser>[\\s\\S]*?</${c}ser>`), (series) =>
    series
      .replace(new RegExp(`<${c}tx>[\\s\\S]*?</${c}tx>`), own(tx))
      .replace(new RegExp(`<${c}cat>[\\s\\S]*?</${c}cat>`), own(cat))
      .replace(new RegExp(`<${c}val>[\\s\\S]*?</${c}val>`), own(val)),
  );
}

/**
 * Places the charts on a sheet: each found by name is pointed at this run's cells, each missing
 * one is added to the sheet's drawing (made when the sheet has none). Returns the relationship id
 * of a drawing the sheet must now show, when one was made.
 */
export async function placeCharts(pkg: XlsxPackage, sheetPart: string, sheetName: string, charts: readonly ChartSpec[]): Promise<string | undefined> {
  const existing = (await pkg.relationships(sheetPart)).find((rel) => rel.type === REL_DRAWING && !rel.external && pkg.has(rel.target));
  const drawingPart = existing?.target ?? pkg.freePart('xl/drawings/drawing', '.xml');
  let drawing = existing ? await pkg.text(drawingPart) : EMPTY_DRAWING;
  const frames = framesOf(drawing);
  const chartParts = new Map((await pkg.relationships(drawingPart)).map((rel) => [rel.id, rel.target]));
  let nextId = Math.max(1, ...[...drawing.matchAll(/<(?:[\w-]+:)?cNvPr\s[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const anchors: string[] = [];
  for (const spec of charts) {
    const frame = frames.find((f) => f.name === spec.name);
    const part = frame?.chart ? chartParts.get(frame.chart) : undefined;
    if (part && pkg.has(part)) {
      pkg.setText(part, repointChart(await pkg.text(part), spec, sheetName));
      continue;
    }
    const chartPart = pkg.freePart('xl/charts/chart', '.xml');
    pkg.setText(chartPart, chartPartXml(spec, sheetName));
    pkg.addContentType(chartPart, CHART_TYPE);
    anchors.push(anchorXml(spec, nextId++, await pkg.addPartRelationship(drawingPart, REL_CHART, chartPart)));
  }
  if (anchors.length === 0) return undefined;
  const x = /<([\w-]+:)?wsDr\b/.exec(drawing)?.[1] ?? '';
  // New anchors use the xdr and a prefixes; a drawing that names them otherwise gets them declared on each anchor.
  const declared = (prefix: string, namespace: string) => new RegExp(`xmlns:${prefix}="${namespace.replace(/[.\\/]/g, '\\$&')}"`).test(drawing);
  const declarations = `${declared('xdr', NS_SPREADSHEET_DRAWING) ? '' : ` xmlns:xdr="${NS_SPREADSHEET_DRAWING}"`}${declared('a', NS_DRAWINGML) ? '' : ` xmlns:a="${NS_DRAWINGML}"`}`;
  const added = anchors.map((anchor) => anchor.replace('<xdr:twoCellAnchor', `<xdr:twoCellAnchor${declarations}`)).join('');
  drawing = drawing.replace(new RegExp(`</${x}wsDr>\\s*$`), `${added}</${x}wsDr>`);
  pkg.setText(drawingPart, drawing);
  if (existing) return undefined;
  pkg.addContentType(drawingPart, DRAWING_TYPE);
  return pkg.addPartRelationship(sheetPart, REL_DRAWING, drawingPart);
}
