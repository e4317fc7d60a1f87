/**
 * The handful of cell formats the add-in writes (bold headers with a fill, titles, notes, £,
 * percent, integer, text), appended to a workbook's styles.xml and used by index. A format the
 * workbook already has, written the same way (by an earlier run), is reused, so a re-run leaves
 * styles.xml as it was.
 */
import { NUMBER_FORMATS, type ColumnFormat } from '../core';
import { childElements, escapeXml, rootPrefix, type ElementSpan } from './xml';

/** Formats Excel has built in, by the id every workbook knows them by. */
const BUILT_IN_FORMATS: Record<string, number> = { '@': 49, '#,##0': 3, '0%': 9, '0.00%': 10 };

interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** ARGB */
  color?: string;
}

interface StyleSpec {
  font?: FontSpec;
  /** ARGB of a solid fill. */
  fill?: string;
  numberFormat?: string;
  wrapTop?: boolean;
  /** Text that wraps onto more lines within its column. */
  wrap?: boolean;
  centred?: boolean;
}

const WRAP_TOP = { wrapTop: true };
const STYLE_SPECS = {
  header: { font: { bold: true }, fill: 'FFDDEBE7', ...WRAP_TOP },
  resultHeader: { font: { bold: true }, fill: 'FFFCE9B2', ...WRAP_TOP },
  bold: { font: { bold: true } },
  title: { font: { bold: true, size: 14 } },
  blockTitle: { font: { bold: true, size: 12 } },
  subtitle: { font: { italic: true, color: 'FF555555' } },
  note: { font: { italic: true } },
  text: { numberFormat: NUMBER_FORMATS.text },
  gbp: { numberFormat: NUMBER_FORMATS.gbp },
  percent: { numberFormat: NUMBER_FORMATS.percent },
  integer: { numberFormat: NUMBER_FORMATS.integer },
  date: { numberFormat: NUMBER_FORMATS.date },
  integerCentred: { numberFormat: NUMBER_FORMATS.integer, centred: true },
  centred: { centred: true },
  wrapped: { wrap: true },
} satisfies Record<string, StyleSpec>;

export type StyleName = keyof typeof STYLE_SPECS;
/** Cell format indices (the `s` of a cell) by name. */
export type Styles = Record<StyleName, number>;

/** The style of a value in a column of the given format; numbers in counts are centred. */
export function columnStyle(styles: Styles, format: ColumnFormat, centredNumber: boolean): number | undefined {
  if (centredNumber && format === 'integer') return styles.integerCentred;
  if (centredNumber && format === 'general') return styles.centred;
  return format === 'text' || format === 'general' ? undefined : styles[format];
}

/** The sections of styles.xml in the order the schema requires them. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** A styles.xml as a workbook written from scratch has it: one font, the two fills Excel reserves, one border. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** A list section (fonts, fills, …): its children, and what is to be appended. */
class Section {
  readonly existing: string[];
  readonly added: string[] = [];

  constructor(
    readonly name: string,
    readonly span: ElementSpan | undefined,
    source: string,
    prefix: string,
  ) {
    this.existing = span ? childElements(source, span, prefix).map((child) => source.slice(child.start, child.end)) : [];
  }

  /** The index of an element written exactly so, appending it when the workbook lacks it. */
  indexOf(xml: string): number {
    const found = this.existing.indexOf(xml);
    if (found >= 0) return found;
    const added = this.added.indexOf(xml);
    if (added >= 0) return this.existing.length + added;
    this.added.push(xml);
    return this.existing.length + this.added.length - 1;
  }
}

/** styles.xml with the add-in's formats, and their indices. */
export function addStyles(source: string): { xml: string; styles: Styles } {
  const prefix = rootPrefix(source);
  const spans = new Map(childElements(source, undefined, prefix).map((span) => [span.name, span]));
  const section = (name: string) => new Section(name, spans.get(name), source, prefix);
  const numFmts = section('numFmts');
  const fonts = section('fonts');
  const fills = section('fills');
  const cellXfs = section('cellXfs');
  const p = prefix;

  const customFormats = new Map<string, number>();
  let nextFormatId = 164;
  for (const numFmt of numFmts.existing) {
    const id = Number(/numFmtId="(\d+)"/.exec(numFmt)?.[1]);
    const code = /formatCode="([^"]*)"/.exec(numFmt)?.[1];
    if (code !== undefined) customFormats.set(code, id);
    if (id >= nextFormatId) nextFormatId = id + 1;
  }
  const formatId = (code: string | undefined): number => {
    if (code === undefined) return 0;
    if (BUILT_IN_FORMATS[code] !== undefined) return BUILT_IN_FORMATS[code];
    const escaped = escapeXml(code);
    let id = customFormats.get(escaped);
    if (id === undefined) {
      id = nextFormatId++;
      customFormats.set(escaped, id);
      numFmts.indexOf(`<${p}numFmt numFmtId="${id}" formatCode="${escaped}"/>`);
    }
    return id;
  };

  const base = fonts.existing[0] ?? '';
  const baseChild = (name: string) => new RegExp(`<${p}${name} [^>]*/>`).exec(base)?.[0] ?? '';
  const fontId = (font: FontSpec | undefined): number => {
    if (!font) return 0;
    const size = font.size ? `<${p}sz val="${font.size}"/>` : baseChild('sz');
    const color = font.color ? `<${p}color rgb="${font.color}"/>` : baseChild('color');
    const flags = `${font.bold ? `<${p}b/>` : ''}${font.italic ? `<${p}i/>` : ''}`;
    return fonts.indexOf(`<${p}font>${flags}${size}${color}${baseChild('name')}${baseChild('family')}${baseChild('charset')}${baseChild('scheme')}</${p}font>`);
  };
  const fillId = (argb: string | undefined): number =>
    argb ? fills.indexOf(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`) : 0;

  const styles = {} as Styles;
  for (const [name, spec] of Object.entries(STYLE_SPECS) as [StyleName, StyleSpec][]) {
    const numFmtId = formatId(spec.numberFormat);
    const font = fontId(spec.font);
    const fill = fillId(spec.fill);
    const alignment = spec.wrapTop
      ? `<${p}alignment vertical="top" wrapText="1"/>`
      : spec.wrap
        ? `<${p}alignment wrapText="1"/>`
        : spec.centred
          ? `<${p}alignment horizontal="center"/>`
          : '';
    const applied = `${numFmtId ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applied}`;
    styles[name] = cellXfs.indexOf(alignment ? `${open}>${alignment}</${p}xf>` : `${open}/>`);
  }
  return { xml: withSections(source, prefix, [numFmts, fonts, fills, cellXfs]), styles };
}

/** The source with each section's additions appended and its count updated (sections it lacked inserted in schema order). */
function withSections(source: string, prefix: string, sections: Section[]): string {
  const edits: { at: number; end: number; text: string }[] = [];
  const spans = childElements(source, undefined, prefix);
  for (const section of sections) {
    if (section.added.length === 0) continue;
    const count = section.existing.length + section.added.length;
    const children = [...section.existing, ...section.added].join('');
    const text = `<${prefix}${section.name} count="${count}">${children}</${prefix}${section.name}>`;
    if (section.span) {
      // Keep the section's own attributes (x14ac:knownFonts…) other than the count.
      const openTag = source.slice(section.span.start, source.indexOf('>', section.span.start) + 1);
      const attributes = openTag.replace(/^<[^\s/>]+/, '').replace(/\/?>$/, '').replace(/\s+count="\d*"/, '');
      edits.push({ at: section.span.start, end: section.span.end, text: `<${prefix}${section.name}${attributes} count="${count}">${children}</${prefix}${section.name}>` });
    } else {
      const order = STYLESHEET_ORDER.indexOf(section.name);
      const next = spans.find((span) => STYLESHEET_ORDER.indexOf(span.name) > order);
      const at = next ? next.start : source.lastIndexOf(`</${prefix}styleSheet>`);
      edits.push({ at, end: at, text });
    }
  }
  // From the end, and at one place a replacement before an insertion, so that offsets stay true.
  edits.sort((a, b) => b.at - a.at || b.end - a.end);
  let xml = source;
  for (const edit of edits) xml = xml.slice(0, edit.at) + edit.text + xml.slice(edit.end);
  return xml;
}
