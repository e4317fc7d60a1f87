/**
 * An .xlsx package as parts: those of the input, copied as their compressed bytes unless
 * replaced, and new ones. It knows the workbook's sheets (workbook.xml and its relationships) and
 * reads their values; it adds sheets, sets their visibility, asks for a full recalculation on
 * open, and writes the whole through the zip writer. Parts are inflated only when read.
 */
import { quoteSheet } from '../core';
import type { Inflate } from './codec';
import { folderOf, relationshipsPartOf, relativeTarget, resolveTarget } from './part-names';
import { dateFormatsOf, SheetValuesReader, sharedStringsOf, type DateFormats, type SheetValues } from './sheet-values';
import { EMPTY_STYLES } from './styles';
import { SheetDataStream } from './sheet-data-stream';
import { EMPTY_WORKSHEET, worksheetText, type WorksheetSource } from './worksheet';
import { worksheetSource } from './worksheet-source';
import { attribute, childElements, escapeXml, rootElement, rootPrefix, withAttribute } from './xml';
import { entryBytes, entryChunks, entryText, readZip, type ZipEntry, type ZipWriter } from './zip';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_RELATIONSHIPS}/worksheet`;
const REL_OFFICE_DOCUMENT = `${NS_RELATIONSHIPS}/officeDocument`;
const REL_STYLES = `${NS_RELATIONSHIPS}/styles`;
const REL_CALC_CHAIN = `${NS_RELATIONSHIPS}/calcChain`;
const REL_SHARED_STRINGS = `${NS_RELATIONSHIPS}/sharedStrings`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The elements of workbook.xml in the order the schema requires. */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
  'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to, as a path inside the package ("xl/tables/table1.xml"); external targets as written. */
  target: string;
  external: boolean;
}

export interface SheetInfo {
  name: string;
  state: SheetState;
}

interface SheetEntry {
  name: string;
  /** The <sheet> element as it was, for an input's sheets. */
  tag?: string;
  state: SheetState;
  part: string;
}

type Part = { kind: 'entry'; entry: ZipEntry } | { kind: 'text'; text: string } | { kind: 'chunks'; chunks: () => AsyncIterable<string> };

const BLANK_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '</Types>',
  '_rels/.rels':
    XML_DECLARATION +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_OFFICE_DOCUMENT}" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets/></workbook>`,
  'xl/_rels/workbook.xml.rels': `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
};

/** A zip that opens but holds no workbook: another kind of Office file (a document, a presentation) given an .xlsx name. */
export class NotAWorkbookError extends Error {}

export class XlsxPackage {
  private readonly addedRelationships: Relationship[] = [];
  private readonly addedOverrides: { part: string; type: string }[] = [];
  /** Excel's names local to a sheet that the add-in sets, by name, then by sheet: their values (undefined: none). */
  private readonly localNames = new Map<string, Map<string, string | undefined>>();
  private values?: Promise<{ sharedStrings: string[]; dates: DateFormats }>;

  private constructor(
    private readonly parts: Map<string, Part>,
    private readonly inflate: Inflate,
    readonly workbookPart: string,
    private readonly sheets: SheetEntry[],
  ) {}

  private static async make(parts: Map<string, Part>, inflate: Inflate): Promise<XlsxPackage> {
    const officeDocument = (await relationshipsIn(parts, '', inflate)).find((rel) => rel.type === REL_OFFICE_DOCUMENT);
    if (!officeDocument || !parts.has(officeDocument.target)) throw new NotAWorkbookError('it has no workbook part');
    const workbookPart = officeDocument.target;
    const targets = new Map((await relationshipsIn(parts, workbookPart, inflate)).map((rel) => [rel.id, rel.target]));
    const workbook = await partText(parts, workbookPart, inflate);
    const sheets: SheetEntry[] = [];
    const sheetsSpan = childElements(workbook, undefined, rootPrefix(workbook)).find((child) => child.name === 'sheets');
    for (const sheet of sheetsSpan ? childElements(workbook, sheetsSpan, rootPrefix(workbook)) : []) {
      const tag = workbook.slice(sheet.start, sheet.contentStart);
      const id = relationshipAttribute(tag);
      const part = id ? targets.get(id) : undefined;
      if (!part) throw new Error(`the sheet "${attribute(tag, 'name')}" has no part`);
      sheets.push({ name: attribute(tag, 'name') ?? '', tag, state: (attribute(tag, 'state') as SheetState) ?? 'visible', part });
    }
    return new XlsxPackage(parts, inflate, workbookPart, sheets);
  }

  /** The package of an .xlsx file's bytes, its parts inflated with `inflate` when read. */
  static open(bytes: Uint8Array, inflate: Inflate): Promise<XlsxPackage> {
    return XlsxPackage.make(new Map(readZip(bytes).map((entry) => [entry.name, { kind: 'entry', entry }])), inflate);
  }

  /** A package with a workbook and no sheets yet (its styles are added when asked for). */
  static blank(): Promise<XlsxPackage> {
    const parts = new Map<string, Part>(Object.entries(BLANK_PARTS).map(([name, text]) => [name, { kind: 'text', text }]));
    return XlsxPackage.make(parts, () => {
      throw new Error('a new package has nothing to inflate');
    });
  }

  /** The sheets in the workbook's order, with whether the user sees them. */
  sheetList(): SheetInfo[] {
    return this.sheets.map(({ name, state }) => ({ name, state }));
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** The worksheet part of a sheet, or undefined when the workbook has no sheet of that name. */
  sheetPart(name: string): string | undefined {
    return this.sheets.find((sheet) => sheet.name === name)?.part;
  }

  /** The workbook's stylesheet part; a workbook without one (Excel never writes such) is given one. */
  async stylesPart(): Promise<string> {
    const styles = (await this.relationships(this.workbookPart)).find((rel) => rel.type === REL_STYLES) ?? this.addedRelationships.find((rel) => rel.type === REL_STYLES);
    if (styles) return styles.target;
    const part = resolveTarget(folderOf(this.workbookPart), 'styles.xml');
    this.setText(part, EMPTY_STYLES);
    this.addedRelationships.push({ id: '', type: REL_STYLES, target: part, external: false });
    this.addedOverrides.push({ part, type: STYLES_TYPE });
    return part;
  }

  has(part: string): boolean {
    return this.parts.has(part);
  }

  text(part: string): Promise<string> {
    return partText(this.parts, part, this.inflate);
  }

  /** A sheet's values (see sheet-values.ts), read as its part inflates; `onRead` hears how much of the part has been read. */
  async sheetValues(name: string, onRead?: (fraction: number) => void): Promise<SheetValues> {
    const part = this.sheetPart(name);
    if (!part) throw new Error(`it has no sheet "${name}"`);
    const found = this.parts.get(part);
    if (found?.kind !== 'entry') throw new Error(`the sheet "${name}" has no part ${part}`);
    const { sharedStrings, dates } = await (this.values ??= this.readValueParts());
    const stream = this.streamOf(found.entry, onRead);
    await stream.head();
    const reader = new SheetValuesReader(stream.prefix, sharedStrings, dates);
    for await (const piece of stream.rows()) reader.read(piece);
    onRead?.(1);
    return reader.finish();
  }

  private streamOf(entry: ZipEntry, onRead?: (fraction: number) => void): SheetDataStream {
    return new SheetDataStream(entryChunks(entry, this.inflate)[Symbol.asyncIterator](), entry.size, onRead);
  }

  /** What every sheet's values are read with: the shared strings, and which formats are dates. */
  private async readValueParts(): Promise<{ sharedStrings: string[]; dates: DateFormats }> {
    const rels = await this.relationships(this.workbookPart);
    const shared = rels.find((rel) => rel.type === REL_SHARED_STRINGS && this.parts.get(rel.target)?.kind === 'entry');
    const styles = rels.find((rel) => rel.type === REL_STYLES && this.parts.has(rel.target));
    const sharedEntry = shared && this.parts.get(shared.target);
    return {
      sharedStrings: sharedEntry?.kind === 'entry' ? sharedStringsOf(await entryBytes(sharedEntry.entry, this.inflate)) : [],
      dates: dateFormatsOf(styles ? await this.text(styles.target) : undefined, await this.text(this.workbookPart)),
    };
  }

  setText(part: string, text: string): void {
    this.parts.set(part, { kind: 'text', text });
  }

  /**
   * A worksheet written patched: when the package is written, `patch` is given the sheet as it
   * was (an empty one for a sheet just added) and renders it in pieces, one sheet at a time, so
   * that a large sheet is never held as a string, nor two of them at once.
   */
  patchSheet(part: string, patch: (source: WorksheetSource) => AsyncIterable<string>): void {
    const original = this.parts.get(part);
    const worksheetOf = async (): Promise<WorksheetSource> => {
      if (!original) return worksheetText(EMPTY_WORKSHEET);
      if (original.kind === 'entry') return worksheetSource(this.streamOf(original.entry));
      if (original.kind === 'text') return worksheetText(original.text);
      throw new Error(`${part} is patched twice`);
    };
    this.parts.set(part, {
      kind: 'chunks',
      chunks: async function* () {
        yield* patch(await worksheetOf());
      },
    });
  }

  /** The relationships of a part ("" for the package's own). */
  relationships(part: string): Promise<Relationship[]> {
    return relationshipsIn(this.parts, part, this.inflate);
  }

  /** The first part name `${prefix}N${suffix}` (N from 1) that the package does not have. */
  freePart(prefix: string, suffix: string): string {
    let n = 1;
    while (this.parts.has(`${prefix}${n}${suffix}`)) n++;
    return `${prefix}${n}${suffix}`;
  }

  /** A new relationship from a part other than the workbook (whose own are added when it is written) to another part; returns its id. */
  async addPartRelationship(from: string, type: string, target: string): Promise<string> {
    const relsPart = relationshipsPartOf(from);
    const used = new Set((await this.relationships(from)).map((rel) => rel.id));
    let n = 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const xml = this.parts.has(relsPart) ? await this.text(relsPart) : BLANK_PARTS['xl/_rels/workbook.xml.rels'];
    const relative = relativeTarget(folderOf(from), target);
    this.setText(relsPart, xml.replace(/<\/((?:\w+:)?)Relationships>\s*$/, (_, p: string) => `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(relative)}"/></${p}Relationships>`));
    return id;
  }

  /** The content type of a new part, written with the package. */
  addContentType(part: string, type: string): void {
    this.addedOverrides.push({ part, type });
  }

  /** A new, empty worksheet at the end of the workbook; returns its part. */
  addSheet(name: string, state: SheetState = 'visible'): string {
    const taken = new Set(this.parts.keys());
    let n = this.sheets.length + 1;
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    this.sheets.push({ name, state, part });
    this.addedRelationships.push({ id: '', type: REL_WORKSHEET, target: part, external: false });
    this.addedOverrides.push({ part, type: WORKSHEET_TYPE });
    return part;
  }

  setSheetState(name: string, state: SheetState): void {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet) sheet.state = state;
  }

  /** Excel's hidden name that goes with a sheet's filter; undefined when the sheet has none. */
  setFilterRange(sheetName: string, reference: string | undefined): void {
    this.namesOf('_xlnm._FilterDatabase').set(sheetName, reference && `${quoteSheet(sheetName)}!${absolute(reference)}`);
  }

  /** The rows a sheet repeats at the top of every printed page ("$1:$4"). */
  setPrintTitles(sheetName: string, rows: string): void {
    this.namesOf('_xlnm.Print_Titles').set(sheetName, `${quoteSheet(sheetName)}!${rows}`);
  }

  /** The values of one of Excel's names local to a sheet (filter, print titles), by sheet. */
  private namesOf(name: string): Map<string, string | undefined> {
    let names = this.localNames.get(name);
    if (!names) this.localNames.set(name, (names = new Map()));
    return names;
  }

  /** Writes the package: the input's parts in their order, then the new ones. */
  async write(zip: ZipWriter): Promise<void> {
    await this.finishWorkbook();
    for (const [name, part] of this.parts) {
      if (part.kind === 'entry') zip.copy(part.entry);
      else if (part.kind === 'text') await zip.add(name, [part.text]);
      else await zip.add(name, part.chunks());
    }
    zip.finish();
  }

  /**
   * workbook.xml with the sheets as they now are and a recalculation on open; its relationships
   * and the content types. The calculation chain goes: it lists the formula cells as they were,
   * and Excel reports a chain naming cells that are no longer formulas as damage (it rebuilds
   * the chain itself).
   */
  private async finishWorkbook(): Promise<void> {
    const relsPart = relationshipsPartOf(this.workbookPart);
    let rels = this.parts.has(relsPart) ? await this.text(relsPart) : BLANK_PARTS['xl/_rels/workbook.xml.rels'];
    let types = await this.text('[Content_Types].xml');
    const relationships = await this.relationships(this.workbookPart);
    for (const chain of relationships.filter((rel) => rel.type === REL_CALC_CHAIN)) {
      this.parts.delete(chain.target);
      rels = rels.replace(new RegExp(`<(?:\\w+:)?Relationship\\s[^>]*Id="${chain.id}"[^>]*>`), '');
      types = types.replace(new RegExp(`<(?:\\w+:)?Override\\s[^>]*PartName="/${chain.target.replace(/[.]/g, '\\.')}"[^>]*>`), '');
    }
    const usedIds = new Set(relationships.map((rel) => rel.id));
    const base = folderOf(this.workbookPart);
    const idOf = new Map<string, string>();
    let n = 1;
    for (const rel of this.addedRelationships) {
      while (usedIds.has(`rId${n}`)) n++;
      const id = `rId${n++}`;
      idOf.set(rel.target, id);
      rels = rels.replace(/<\/((?:\w+:)?)Relationships>\s*$/, (_, p: string) => `<${p}Relationship Id="${id}" Type="${rel.type}" Target="${escapeXml(relativeTarget(base, rel.target))}"/></${p}Relationships>`);
    }
    this.setText(relsPart, rels);

    for (const { part, type } of this.addedOverrides) {
      types = types.replace(/<\/((?:\w+:)?)Types>\s*$/, (_, p: string) => `<${p}Override PartName="/${escapeXml(part)}" ContentType="${type}"/></${p}Types>`);
    }
    this.setText('[Content_Types].xml', types);

    const workbook = await this.text(this.workbookPart);
    const p = rootPrefix(workbook);
    const relPrefix = namespacePrefix(workbook, NS_RELATIONSHIPS);
    let lastSheetId = Math.max(0, ...this.sheets.map((sheet) => Number(sheet.tag ? attribute(sheet.tag, 'sheetId') : 0)));
    const sheetTags = this.sheets.map((sheet) => {
      let tag = sheet.tag ?? `<${p}sheet name="${escapeXml(sheet.name)}" sheetId="${++lastSheetId}" ${relPrefix ? `${relPrefix}:id` : `xmlns:r="${NS_RELATIONSHIPS}" r:id`}="${idOf.get(sheet.part)}"/>`;
      if ((attribute(tag, 'state') ?? 'visible') !== sheet.state) tag = withAttribute(tag, 'state', sheet.state === 'visible' ? undefined : sheet.state);
      return tag.endsWith('/>') ? tag : `${tag.slice(0, -1)}/>`;
    });
    let xml = setChild(workbook, p, 'sheets', `<${p}sheets>${sheetTags.join('')}</${p}sheets>`);
    if (this.localNames.size > 0) xml = this.withLocalNames(xml, p);
    const calcPr = childElements(xml, undefined, p).find((child) => child.name === 'calcPr');
    const calc = calcPr ? withAttribute(xml.slice(calcPr.start, calcPr.end), 'fullCalcOnLoad', '1') : `<${p}calcPr fullCalcOnLoad="1"/>`;
    this.setText(this.workbookPart, setChild(xml, p, 'calcPr', calc));
  }

  private withLocalNames(xml: string, p: string): string {
    const span = childElements(xml, undefined, p).find((child) => child.name === 'definedNames');
    let names = span ? childElements(xml, span, p).map((child) => xml.slice(child.start, child.end)) : [];
    for (const [name, bySheet] of this.localNames) {
      for (const [sheetName, value] of bySheet) {
        const index = this.sheets.findIndex((sheet) => sheet.name === sheetName);
        const own = (tag: string) => attribute(tag, 'name') === name && attribute(tag, 'localSheetId') === String(index);
        names = names.filter((tag) => !own(tag));
        // The filter's name is hidden, as Excel writes it; print titles are shown in Name Manager.
        if (value) names.push(`<${p}definedName name="${name}" localSheetId="${index}"${name === '_xlnm._FilterDatabase' ? ' hidden="1"' : ''}>${escapeXml(value)}</${p}definedName>`);
      }
    }
    if (names.length === 0) return span ? xml.slice(0, span.start) + xml.slice(span.end) : xml;
    return setChild(xml, p, 'definedNames', `<${p}definedNames>${names.join('')}</${p}definedNames>`);
  }
}

function partText(parts: ReadonlyMap<string, Part>, part: string, inflate: Inflate): Promise<string> {
  const found = parts.get(part);
  if (!found) throw new Error(`it has no part ${part}`);
  if (found.kind === 'entry') return entryText(found.entry, inflate);
  if (found.kind === 'text') return Promise.resolve(found.text);
  throw new Error(`${part} is being written`);
}

/** The relationships of a part ("" for the package's own). */
async function relationshipsIn(parts: ReadonlyMap<string, Part>, part: string, inflate: Inflate): Promise<Relationship[]> {
  const relsPart = relationshipsPartOf(part);
  if (!parts.has(relsPart)) return [];
  const xml = await partText(parts, relsPart, inflate);
  const folder = folderOf(part);
  return [...xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((match) => {
    const target = attribute(match[0], 'Target') ?? '';
    const external = attribute(match[0], 'TargetMode') === 'External';
    return { id: attribute(match[0], 'Id') ?? '', type: attribute(match[0], 'Type') ?? '', target: external ? target : resolveTarget(folder, target), external };
  });
}

/** The r:id of a <sheet> (whatever the relationships namespace is called there). */
function relationshipAttribute(tag: string): string | undefined {
  return /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
}

/** The prefix a part's root declares for a namespace, or undefined. */
function namespacePrefix(xml: string, namespace: string): string | undefined {
  const root = rootElement(xml);
  const tag = xml.slice(root.start, root.contentStart);
  return new RegExp(`xmlns:([\\w.-]+)="${namespace.replace(/[.\\/]/g, '\\$&')}"`).exec(tag)?.[1];
}

/** The part with the root's child element `name` replaced, or inserted where the schema puts it. */
function setChild(xml: string, p: string, name: string, element: string): string {
  const children = childElements(xml, undefined, p);
  const existing = children.find((child) => child.name === name);
  if (existing) return xml.slice(0, existing.start) + element + xml.slice(existing.end);
  const order = WORKBOOK_ORDER.indexOf(name);
  const next = children.find((child) => WORKBOOK_ORDER.indexOf(child.name) > order);
  const at = next ? next.start : xml.lastIndexOf('</');
  return xml.slice(0, at) + element + xml.slice(at);
}

function absolute(reference: string): string {
  return reference.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}
