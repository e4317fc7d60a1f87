/**
 * Cell values read out of the XML parts of an .xlsx file (SpreadsheetML): which sheet is the
 * first visible one, the shared strings, and one worksheet as a grid. Values only: text, numbers
 * and booleans as Excel saved them (a formula's last value), blanks as null. The zip itself is
 * the host's business.
 */
import type { Cell, Grid } from './cell';

/** The inverse of XML escaping: entities and character references. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });
}

/** The 0-based column of a cell reference such as "AB12". */
export function columnOfReference(reference: string): number {
  let n = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n - 1;
}

/** The 0-based row of a cell reference such as "AB12", or -1 when it has none. */
function rowOfReference(reference: string): number {
  const digits = /\d+$/.exec(reference);
  return digits ? Number(digits[0]) - 1 : -1;
}

/** An attribute of a start tag, unescaped; prefixed names ("r:id") are matched as written. */
function attributeOf(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[1] ?? match[2]) : undefined;
}

/** The text of a string item: every <t> element joined (rich text is several runs); phonetic runs are not part of it. */
function textRuns(xml: string): string {
  let text = '';
  for (const match of xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) text += unescapeXml(match[1]);
  return text;
}

/** The shared strings of xl/sharedStrings.xml, in order. */
export function sharedStringsOf(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    strings.push(textRuns(match[1] ?? ''));
  }
  return strings;
}

export interface SheetPart {
  name: string;
  /** The part's path in the package, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

/**
 * Every sheet of a workbook in order, with the path of its part in the package and whether the
 * user sees it, from xl/workbook.xml and xl/_rels/workbook.xml.rels. A sheet whose part the
 * relationships do not name is left out.
 */
export function workbookSheetParts(workbookXml: string, relationshipsXml: string): SheetPart[] {
  const relationships = [...relationshipsXml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((match) => match[0]);
  const parts: SheetPart[] = [];
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const id = [...tag.matchAll(/\s([\w]+:id)\s*=/g)].map((match) => attributeOf(tag, match[1])).find((value) => value !== undefined);
    const target = attributeOf(relationships.find((rel) => attributeOf(rel, 'Id') === id) ?? '', 'Target');
    if (!target) continue;
    // Targets are relative to xl/, or absolute from the package root.
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const state = attributeOf(tag, 'state');
    parts.push({ name: attributeOf(tag, 'name') ?? 'Sheet1', path, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
  }
  return parts;
}

function cellValue(type: string | undefined, inner: string, sharedStrings: readonly string[]): Cell {
  if (type === 'inlineStr') return textRuns(inner);
  const value = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (value === undefined) return null;
  switch (type) {
    case 's':
      return sharedStrings[Number(value)] ?? null;
    case 'b':
      return value === '1';
    case 'str':
      return unescapeXml(value);
    case 'e':
      return unescapeXml(value);
    default: {
      const number = Number(value);
      return Number.isFinite(number) ? number : unescapeXml(value);
    }
  }
}

/** One worksheet part as a grid, row 1 at index 0; rows and cells without a reference follow the one before. */
export function gridOfWorksheet(xml: string, sharedStrings: readonly string[]): Grid {
  const grid: Grid = [];
  const data = /<(?:\w+:)?sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/.exec(xml)?.[1] ?? '';
  let rowIndex = -1;
  for (const row of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const number = attributeOf(row[1], 'r');
    rowIndex = number === undefined ? rowIndex + 1 : Number(number) - 1;
    const cells: Cell[] = [];
    let column = -1;
    for (const cell of (row[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const reference = attributeOf(cell[1], 'r');
      column = reference === undefined ? column + 1 : columnOfReference(reference);
      if (reference !== undefined && rowOfReference(reference) >= 0) rowIndex = rowOfReference(reference);
      const value = cellValue(attributeOf(cell[1], 't'), cell[2] ?? '', sharedStrings);
      if (value === null) continue;
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    }
    while (grid.length < rowIndex) grid.push([]);
    grid[rowIndex] = cells;
  }
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  return grid.map((cells) => {
    while (cells.length < width) cells.push(null);
    return cells;
  });
}
