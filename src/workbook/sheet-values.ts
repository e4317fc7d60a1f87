/**
 * Cell values read out of the XML parts of an .xlsx file (SpreadsheetML): the shared strings and
 * one worksheet as a grid. Values only: text, numbers and booleans as Excel saved them (a
 * formula's last value), blanks as null; dates as the serial numbers Excel keeps, counted from
 * 1900 whatever the workbook's date system.
 *
 * A worksheet is read from its bytes, never decoded whole: a sheet of 200,000 annotated rows is
 * some 160 MB of XML, twice that as a string with one character beyond Latin-1, and text cut out
 * of a string keeps the whole string alive. Each value is decoded on its own, and repeated text
 * is kept once.
 */
import type { Cell, Grid } from '../core';
import { unescapeXml } from './xml';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const QUESTION = 0x3f;
const BANG = 0x21;

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** Days between Excel's 1900 and 1904 date systems: a 1904 workbook's serials are this much smaller. */
const DAYS_1900_TO_1904 = 1462;

/** How dates are told apart from numbers in one workbook: the cell formats that show a date, and its date system. */
export interface DateFormats {
  /** Indices of cellXfs whose number format is a date or time. */
  styles: ReadonlySet<number>;
  date1904: boolean;
}

const isNameEnd = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === GT || byte === SLASH;

function startsWith(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) return false;
  return true;
}

/** The bytes as a plain Uint8Array: a subclass (Node's Buffer) makes subarray far slower. */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Where `pattern` next occurs in `bytes` at or after `from`, or -1. */
function find(bytes: Uint8Array, pattern: Uint8Array, from: number, to = bytes.length): number {
  const first = pattern[0];
  const last = to - pattern.length;
  // A loop of its own: the distances are short, and TypedArray.indexOf costs more per call than it saves.
  for (let at = from; at <= last; at++) if (bytes[at] === first && startsWith(bytes, pattern, at)) return at;
  return -1;
}

/** Where `byte` next occurs at or after `from`, or -1. */
function findByte(bytes: Uint8Array, byte: number, from: number): number {
  for (let at = from; at < bytes.length; at++) if (bytes[at] === byte) return at;
  return -1;
}

/** Where a start tag `<name` (followed by a space, ">" or "/") next begins, or -1. */
function findStart(bytes: Uint8Array, open: Uint8Array, from: number, to: number): number {
  for (let at = find(bytes, open, from, to); at >= 0; at = find(bytes, open, at + 1, to)) {
    if (isNameEnd(bytes[at + open.length])) return at;
  }
  return -1;
}

/** The index just after the ">" that ends the tag opened at `at`; quoted values may hold ">". */
function tagEnd(bytes: Uint8Array, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < bytes.length; i++) {
    const byte = bytes[i];
    if (quote) {
      if (byte === quote) quote = 0;
    } else if (byte === DOUBLE_QUOTE || byte === SINGLE_QUOTE) {
      quote = byte;
    } else if (byte === GT) {
      return i + 1;
    }
  }
  throw new Error('an XML tag is not closed');
}

/** The namespace prefix of the part's root element with its colon ("x:"), or "". */
function rootPrefix(bytes: Uint8Array): string {
  for (let at = findByte(bytes, LT, 0); at >= 0; at = findByte(bytes, LT, at + 1)) {
    const next = bytes[at + 1];
    if (next === QUESTION || next === BANG) continue;
    let end = at + 1;
    while (end < bytes.length && !isNameEnd(bytes[end])) end++;
    const colon = findByte(bytes.subarray(0, end), COLON, at + 1);
    return colon < 0 ? '' : utf8.decode(bytes.subarray(at + 1, colon + 1));
  }
  return '';
}

/** The tags of one part, as bytes, for its namespace prefix. */
class Tags {
  readonly open: (name: string) => Uint8Array;
  readonly close: (name: string) => Uint8Array;
  constructor(prefix: string) {
    this.open = (name) => encoder.encode(`<${prefix}${name}`);
    this.close = (name) => encoder.encode(`</${prefix}${name}>`);
  }
}

/** The attributes of the start tag from `at` to `end` that the reader needs, by their one-letter names. */
class CellAttributes {
  /** [start, end) of each attribute's value, or -1. */
  r = -1;
  rEnd = -1;
  s = -1;
  sEnd = -1;
  t = -1;
  tEnd = -1;

  read(bytes: Uint8Array, at: number, end: number): void {
    this.r = this.s = this.t = -1;
    let i = at + 1;
    while (i < end && !isNameEnd(bytes[i])) i++;
    while (i < end) {
      while (i < end && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
      const nameStart = i;
      while (i < end && bytes[i] !== EQUALS && !isNameEnd(bytes[i])) i++;
      const nameLength = i - nameStart;
      while (i < end && bytes[i] !== DOUBLE_QUOTE && bytes[i] !== SINGLE_QUOTE) {
        if (bytes[i] === GT) return;
        i++;
      }
      if (i >= end) return;
      const quote = bytes[i];
      const valueStart = i + 1;
      const valueEnd = findByte(bytes, quote, valueStart);
      if (valueEnd < 0) return;
      if (nameLength === 1) {
        const name = bytes[nameStart];
        if (name === 0x72) [this.r, this.rEnd] = [valueStart, valueEnd];
        else if (name === 0x73) [this.s, this.sEnd] = [valueStart, valueEnd];
        else if (name === 0x74) [this.t, this.tEnd] = [valueStart, valueEnd];
      }
      i = valueEnd + 1;
    }
  }
}

/** Repeated text kept once: a sheet's result columns say "Local" or "Influenceable" on every row. */
class TextPool {
  private readonly pool = new Map<string, string>();

  text(bytes: Uint8Array, start: number, end: number): string {
    const raw = utf8.decode(bytes.subarray(start, end));
    const text = raw.includes('&') ? unescapeXml(raw) : raw;
    const kept = this.pool.get(text);
    if (kept !== undefined) return kept;
    this.pool.set(text, text);
    return text;
  }
}

/**
 * The text of a string item (<si> or <is>, from `start` to `end`): every <t> element joined (rich
 * text is several runs); phonetic runs (<rPh>) are not part of it.
 */
function runText(bytes: Uint8Array, start: number, end: number, tags: StringTags, pool: TextPool): string {
  let text: string | undefined;
  let at = start;
  for (;;) {
    const t = findStart(bytes, tags.t, at, end);
    if (t < 0) return text ?? '';
    const phonetic = findStart(bytes, tags.rPh, at, t);
    if (phonetic >= 0) {
      const phoneticEnd = find(bytes, tags.rPhClose, phonetic, end);
      if (phoneticEnd < 0) return text ?? '';
      at = phoneticEnd;
      continue;
    }
    const contentStart = tagEnd(bytes, t);
    if (bytes[contentStart - 2] === SLASH) {
      at = contentStart;
      continue;
    }
    const contentEnd = findByte(bytes, LT, contentStart);
    const run = pool.text(bytes, contentStart, contentEnd);
    text = text === undefined ? run : text + run;
    at = contentEnd;
  }
}

interface StringTags {
  t: Uint8Array;
  rPh: Uint8Array;
  rPhClose: Uint8Array;
}

function stringTags(tags: Tags): StringTags {
  return { t: tags.open('t'), rPh: tags.open('rPh'), rPhClose: tags.close('rPh') };
}

/** The shared strings of xl/sharedStrings.xml, in order. */
export function sharedStringsOf(part: Uint8Array): string[] {
  const bytes = plainBytes(part);
  const tags = new Tags(rootPrefix(bytes));
  const si = tags.open('si');
  const siClose = tags.close('si');
  const runs = stringTags(tags);
  const pool = new TextPool();
  const strings: string[] = [];
  for (let at = findStart(bytes, si, 0, bytes.length); at >= 0; ) {
    const contentStart = tagEnd(bytes, at);
    if (bytes[contentStart - 2] === SLASH) {
      strings.push('');
      at = findStart(bytes, si, contentStart, bytes.length);
      continue;
    }
    const end = find(bytes, siClose, contentStart);
    if (end < 0) throw new Error('a shared string is not closed');
    strings.push(runText(bytes, contentStart, end, runs, pool));
    at = findStart(bytes, si, end, bytes.length);
  }
  return strings;
}

/** A non-negative integer written in the bytes from `start` to `end`, or -1 when they hold anything else. */
function integerAt(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = bytes[i] - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** The 0-based column and row of a cell reference such as "AB12" in the bytes (the row -1 when it has none). */
function referenceAt(bytes: Uint8Array, start: number, end: number): { column: number; row: number } {
  let column = 0;
  let i = start;
  for (; i < end; i++) {
    const letter = bytes[i] & ~32;
    if (letter < 65 || letter > 90) break;
    column = column * 26 + letter - 64;
  }
  const row = integerAt(bytes, i, end);
  return { column: column - 1, row: row > 0 ? row - 1 : -1 };
}

/** An ISO date-time ("2024-04-14T00:00:00") as a 1900 serial. */
function isoDateSerial(text: string): Cell {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isFinite(time) ? time / 86400000 + 25569 : text;
}

/**
 * One worksheet part as a grid, row 1 at index 0, every row as wide as the widest; rows and cells
 * without a reference follow the one before.
 */
export function gridOfWorksheet(part: Uint8Array, sharedStrings: readonly string[], dates?: DateFormats): Grid {
  const bytes = plainBytes(part);
  const tags = new Tags(rootPrefix(bytes));
  const grid: Grid = [];
  const sheetData = findStart(bytes, tags.open('sheetData'), 0, bytes.length);
  if (sheetData < 0) return grid;
  const dataStart = tagEnd(bytes, sheetData);
  if (bytes[dataStart - 2] === SLASH) return grid;
  const dataEnd = find(bytes, tags.close('sheetData'), dataStart);
  if (dataEnd < 0) throw new Error('<sheetData> is not closed');

  const rowOpen = tags.open('row');
  const rowClose = tags.close('row');
  const cellOpen = tags.open('c');
  const cellClose = tags.close('c');
  const valueOpen = tags.open('v');
  const runs = stringTags(tags);
  const pool = new TextPool();
  const attributes = new CellAttributes();
  const dateOffset = dates?.date1904 ? DAYS_1900_TO_1904 : 0;
  let width = 0;
  let rowIndex = -1;

  for (let at = findStart(bytes, rowOpen, dataStart, dataEnd); at >= 0; ) {
    const rowContent = tagEnd(bytes, at);
    attributes.read(bytes, at, rowContent);
    const number = attributes.r >= 0 ? integerAt(bytes, attributes.r, attributes.rEnd) : -1;
    rowIndex = number > 0 ? number - 1 : rowIndex + 1;
    const cells: Cell[] = [];
    let rowEnd = rowContent;
    if (bytes[rowContent - 2] !== SLASH) {
      // The row's cells, one tag after another, until its end tag.
      let column = -1;
      for (let lt = findByte(bytes, LT, rowContent); ; lt = findByte(bytes, LT, rowEnd)) {
        if (lt < 0 || lt >= dataEnd) throw new Error('a <row> is not closed');
        if (bytes[lt + 1] === SLASH) {
          rowEnd = lt + 1;
          if (startsWith(bytes, rowClose, lt)) {
            rowEnd = lt + rowClose.length;
            break;
          }
          continue;
        }
        const content = tagEnd(bytes, lt);
        rowEnd = content;
        if (!startsWith(bytes, cellOpen, lt) || !isNameEnd(bytes[lt + cellOpen.length])) continue;
        attributes.read(bytes, lt, content);
        if (attributes.r >= 0) {
          const reference = referenceAt(bytes, attributes.r, attributes.rEnd);
          column = reference.column;
          if (reference.row >= 0) rowIndex = reference.row;
        } else {
          column++;
        }
        if (bytes[content - 2] === SLASH) continue;
        const cellEnd = find(bytes, cellClose, content, dataEnd);
        if (cellEnd < 0) throw new Error('a cell is not closed');
        rowEnd = cellEnd + cellClose.length;
        const value = cellValue(bytes, content, cellEnd, attributes, sharedStrings, dates, dateOffset, valueOpen, runs, pool);
        if (value === null) continue;
        while (cells.length < column) cells.push(null);
        cells[column] = value;
      }
    }
    while (grid.length < rowIndex) grid.push([]);
    grid[rowIndex] = cells;
    if (cells.length > width) width = cells.length;
    at = findStart(bytes, rowOpen, rowEnd, dataEnd);
  }
  for (const cells of grid) while (cells.length < width) cells.push(null);
  return grid;
}

/** The value of the cell whose content runs from `start` to `end`, by its type (t) and format (s). */
function cellValue(
  bytes: Uint8Array,
  start: number,
  end: number,
  attributes: CellAttributes,
  sharedStrings: readonly string[],
  dates: DateFormats | undefined,
  dateOffset: number,
  valueOpen: Uint8Array,
  runs: StringTags,
  pool: TextPool,
): Cell {
  const typeLength = attributes.t < 0 ? 0 : attributes.tEnd - attributes.t;
  const type = typeLength === 0 ? 0x6e : bytes[attributes.t]; // "n" when absent
  if (type === 0x69 && typeLength === 9) return runText(bytes, start, end, runs, pool); // inlineStr
  const v = findStart(bytes, valueOpen, start, end);
  if (v < 0) return null;
  const valueStart = tagEnd(bytes, v);
  if (bytes[valueStart - 2] === SLASH) return null;
  const valueEnd = findByte(bytes, LT, valueStart);
  switch (typeLength === 1 ? type : typeLength === 0 ? 0x6e : -typeLength) {
    case 0x73: // s
      return sharedStrings[integerAt(bytes, valueStart, valueEnd)] ?? null;
    case 0x62: // b
      return valueEnd - valueStart === 1 && bytes[valueStart] === 0x31;
    case 0x64: // d
      return isoDateSerial(pool.text(bytes, valueStart, valueEnd));
    case 0x6e: {
      // n
      const text = utf8.decode(bytes.subarray(valueStart, valueEnd));
      const number = Number(text);
      if (!Number.isFinite(number) || text.trim() === '') return pool.text(bytes, valueStart, valueEnd);
      if (dateOffset && attributes.s >= 0 && dates!.styles.has(integerAt(bytes, attributes.s, attributes.sEnd))) return number + dateOffset;
      return number;
    }
    default: // str, e, and any other
      return pool.text(bytes, valueStart, valueEnd);
  }
}

/** Number formats Excel has built in that show a date or time. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or time: d, m, y, h or s outside quoted text, escapes and [colour] brackets. */
function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** The date formats of a workbook, from its styles.xml and workbook.xml. */
export function dateFormatsOf(stylesXml: string | undefined, workbookXml: string): DateFormats {
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbookXml);
  const styles = new Set<number>();
  if (!stylesXml) return { styles, date1904 };
  const dateIds = new Set(BUILT_IN_DATE_FORMATS);
  for (const match of stylesXml.matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) {
    const id = /\snumFmtId\s*=\s*["'](\d+)["']/.exec(match[0])?.[1];
    const code = /\sformatCode\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(match[0]);
    if (id && code && isDateCode(unescapeXml(code[1] ?? code[2]))) dateIds.add(Number(id));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let index = 0;
  for (const xf of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = /\snumFmtId\s*=\s*["'](\d+)["']/.exec(xf[0])?.[1];
    if (id && dateIds.has(Number(id))) styles.add(index);
    index++;
  }
  return { styles, date1904 };
}
