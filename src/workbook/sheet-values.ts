/**
 * Cell values read out of the XML parts of an .xlsx file (SpreadsheetML): the shared strings and
 * one worksheet as a grid. Values only: text, numbers and booleans as Excel saved them (a
 * formula's last value), blanks as null; dates as the serial numbers Excel keeps, counted from
 * 1900 whatever the workbook's date system.
 *
 * A worksheet is read from its bytes a piece of rows at a time (sheet-data-stream.ts), never
 * decoded whole: a sheet of 200,000 annotated rows is some 160 MB of XML, twice that as a string
 * with one character beyond Latin-1, and text cut out of a string keeps the whole string alive.
 * Each value is decoded on its own, and repeated text is decoded and kept once.
 */
import type { Cell, Grid } from '../core';
import { unescapeXml } from './xml';
import { DOUBLE_QUOTE, EQUALS, find, findByte, findLast, findStart, GT, isNameEnd, LT, plainBytes, rootPrefix, SINGLE_QUOTE, SLASH, startsWith, tagEnd, Tags } from './xml-bytes';

/** Values are pieces of a part: a U+FEFF that starts one is text, not a byte-order mark. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Days between Excel's 1900 and 1904 date systems: a 1904 workbook's serials are this much smaller. */
const DAYS_1900_TO_1904 = 1462;

/** How dates are told apart from numbers in one workbook: the cell formats that show a date, and its date system. */
export interface DateFormats {
  /** Indices of cellXfs whose number format is a date or time. */
  styles: ReadonlySet<number>;
  date1904: boolean;
}

const HIDDEN = new TextEncoder().encode('hidden');
const TRUE = new TextEncoder().encode('true');

/** The attributes of the start tag from `at` to `end` that the reader needs, by their one-letter names. */
class CellAttributes {
  /** [start, end) of each attribute's value, or -1. */
  r = -1;
  rEnd = -1;
  s = -1;
  sEnd = -1;
  t = -1;
  tEnd = -1;
  /** A row's hidden="1" (or "true"): hidden by hand or by a filter, as Excel saves both. */
  hidden = false;

  read(bytes: Uint8Array, at: number, end: number): void {
    this.r = this.s = this.t = -1;
    this.hidden = false;
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
      } else if (startsWith(bytes, HIDDEN, nameStart) && nameLength === HIDDEN.length) {
        const length = valueEnd - valueStart;
        this.hidden = (length === 1 && bytes[valueStart] === 0x31) || (length === TRUE.length && startsWith(bytes, TRUE, valueStart));
      }
      i = valueEnd + 1;
    }
  }
}

/** Longer text is decoded each time: it is seldom repeated, and the pool would hold it all. */
const POOLED_LENGTH = 256;

/**
 * Repeated text decoded once and kept once: a sheet's result columns say "Local" or
 * "Influenceable" on every row. Text is looked up by its bytes, so a repeat costs a hash of them
 * and a comparison, not a decoding. The pool keeps its own copy of each text's bytes, since a
 * sheet is read a piece at a time.
 */
class TextPool {
  /** Open addressing: each slot's text, its hash, and where its bytes are in `kept` (start + 1; 0 for an empty slot). */
  private starts = new Int32Array(1 << 12);
  private ends = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private texts: string[] = [];
  private count = 0;
  private kept = new Uint8Array(1 << 16);
  private keptLength = 0;

  text(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length > POOLED_LENGTH) return decoded(bytes, start, end);
    const mask = this.starts.length - 1;
    const hash = hashOf(bytes, start, end);
    let slot = hash & mask;
    for (let at = this.starts[slot]; at !== 0; at = this.starts[slot]) {
      if (this.ends[slot] - at + 1 === length && sameBytes(this.kept, at - 1, bytes, start, length)) return this.texts[slot];
      slot = (slot + 1) & mask;
    }
    const text = decoded(bytes, start, end);
    if (this.keptLength + length > this.kept.length) {
      const grown = new Uint8Array(Math.max(this.kept.length * 2, this.keptLength + length));
      grown.set(this.kept.subarray(0, this.keptLength));
      this.kept = grown;
    }
    this.kept.set(bytes.subarray(start, end), this.keptLength);
    this.starts[slot] = this.keptLength + 1;
    this.keptLength += length;
    this.ends[slot] = this.keptLength;
    this.hashes[slot] = hash;
    this.texts[slot] = text;
    if (++this.count * 2 > this.starts.length) this.grow();
    return text;
  }

  private grow(): void {
    const { starts, ends, hashes, texts } = this;
    const size = starts.length * 4;
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.texts = [];
    const mask = size - 1;
    for (let old = 0; old < starts.length; old++) {
      if (starts[old] === 0) continue;
      let slot = hashes[old] & mask;
      while (this.starts[slot] !== 0) slot = (slot + 1) & mask;
      this.starts[slot] = starts[old];
      this.ends[slot] = ends[old];
      this.hashes[slot] = hashes[old];
      this.texts[slot] = texts[old];
    }
  }
}

/** FNV-1a of the bytes. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash;
}

function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

/** Text from the bytes, its entities undone. */
function decoded(bytes: Uint8Array, start: number, end: number): string {
  const raw = utf8.decode(bytes.subarray(start, end));
  return raw.includes('&') ? unescapeXml(raw) : raw;
}

/**
 * The text of a string item (<si> or <is>, from `start` to `end`): every <t> element joined (rich
 * text is several runs); phonetic runs (<rPh>) are not part of it.
 */
/** Text from bytes, by a pool or not. */
type TextOf = (bytes: Uint8Array, start: number, end: number) => string;

function runText(bytes: Uint8Array, start: number, end: number, tags: StringTags, textOf: TextOf): string {
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
    const run = textOf(bytes, contentStart, contentEnd);
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
  const tags = new Tags(rootPrefix(bytes) ?? '');
  const si = tags.open('si');
  const siClose = tags.close('si');
  const runs = stringTags(tags);
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
    // Each shared string is there once: nothing for a pool to save.
    strings.push(runText(bytes, contentStart, end, runs, decoded));
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

/** Powers of ten a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A number written plainly ("-1844.06": at most 15 digits, no exponent) without making a string
 * of it: the digits as an integer divided by a power of ten, both exact, is the double nearest the
 * decimal, as Number() gives. NaN for anything else, which Number() then reads.
 */
function simpleNumberAt(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === 0x2d;
  if (negative) i++;
  let digits = 0;
  let mantissa = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0x2e && decimals < 0) {
      decimals = 0;
      continue;
    }
    const digit = byte - 0x30;
    if (digit < 0 || digit > 9 || ++digits > 15) return NaN;
    mantissa = mantissa * 10 + digit;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0) return NaN;
  const value = decimals > 0 ? mantissa / EXACT_POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

/** An ISO date-time ("2024-04-14T00:00:00") as a 1900 serial. */
function isoDateSerial(text: string): Cell {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isFinite(time) ? time / 86400000 + 25569 : text;
}

export interface SheetValues {
  /** Row index + 1 is the row number Excel shows; column index 0 is column A. */
  grid: Grid;
  /** 0-based rows hidden or filtered out (`<row hidden="1">`). */
  hiddenRows: ReadonlySet<number>;
}

/**
 * A worksheet's values read a piece of rows at a time, into a grid: row 1 at index 0, every row
 * as wide as the widest; rows and cells without a reference follow the one before.
 */
export class SheetValuesReader {
  private readonly grid: Grid = [];
  /** 0-based rows hidden or filtered out. */
  private readonly hiddenRows = new Set<number>();
  private width = 0;
  private rowIndex = -1;
  private readonly rowOpen: Uint8Array;
  private readonly rowClose: Uint8Array;
  private readonly cellOpen: Uint8Array;
  private readonly cellClose: Uint8Array;
  private readonly valueOpen: Uint8Array;
  private readonly runs: StringTags;
  private readonly pool = new TextPool();
  private readonly pooled: TextOf = (bytes, start, end) => this.pool.text(bytes, start, end);
  private readonly attributes = new CellAttributes();
  private readonly dateOffset: number;

  /** `prefix` is the namespace prefix of the part's elements ("" or "x:"). */
  constructor(
    prefix: string,
    private readonly sharedStrings: readonly string[],
    private readonly dates?: DateFormats,
  ) {
    const tags = new Tags(prefix);
    this.rowOpen = tags.open('row');
    this.rowClose = tags.close('row');
    this.cellOpen = tags.open('c');
    this.cellClose = tags.close('c');
    this.valueOpen = tags.open('v');
    this.runs = stringTags(tags);
    this.dateOffset = dates?.date1904 ? DAYS_1900_TO_1904 : 0;
  }

  /** Whole rows of the sheetData, the next piece of them. */
  read(piece: Uint8Array): void {
    const bytes = plainBytes(piece);
    const { attributes, rowClose, cellOpen, cellClose } = this;
    for (let at = findStart(bytes, this.rowOpen, 0, bytes.length); at >= 0; ) {
      const rowContent = tagEnd(bytes, at);
      attributes.read(bytes, at, rowContent);
      const hidden = attributes.hidden;
      const number = attributes.r >= 0 ? integerAt(bytes, attributes.r, attributes.rEnd) : -1;
      let rowIndex = number > 0 ? number - 1 : this.rowIndex + 1;
      const cells: Cell[] = [];
      let rowEnd = rowContent;
      if (bytes[rowContent - 2] !== SLASH) {
        // The row's cells, one tag after another, until its end tag.
        let column = -1;
        for (let lt = findByte(bytes, LT, rowContent); ; lt = findByte(bytes, LT, rowEnd)) {
          if (lt < 0) throw new Error('a <row> is not closed');
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
          const cellEnd = find(bytes, cellClose, content);
          if (cellEnd < 0) throw new Error('a cell is not closed');
          rowEnd = cellEnd + cellClose.length;
          const value = this.cellValue(bytes, content, cellEnd);
          if (value === null) continue;
          while (cells.length < column) cells.push(null);
          cells[column] = value;
        }
      }
      const { grid } = this;
      while (grid.length < rowIndex) grid.push([]);
      grid[rowIndex] = cells;
      if (hidden) this.hiddenRows.add(rowIndex);
      this.rowIndex = rowIndex;
      if (cells.length > this.width) this.width = cells.length;
      at = findStart(bytes, this.rowOpen, rowEnd, bytes.length);
    }
  }

  /** The grid of every row read, and the rows hidden. */
  finish(): SheetValues {
    for (const cells of this.grid) while (cells.length < this.width) cells.push(null);
    return { grid: this.grid, hiddenRows: this.hiddenRows };
  }

  /** The value of the cell whose content runs from `start` to `end`, by its type (t) and format (s). */
  private cellValue(bytes: Uint8Array, start: number, end: number): Cell {
    const { attributes, pool } = this;
    const type = cellType(bytes, attributes);
    if (type === 'inlineStr') return runText(bytes, start, end, this.runs, this.pooled);
    const v = findStart(bytes, this.valueOpen, start, end);
    if (v < 0) return null;
    const valueStart = tagEnd(bytes, v);
    if (bytes[valueStart - 2] === SLASH) return null;
    const valueEnd = findByte(bytes, LT, valueStart);
    switch (type) {
      case 's':
        return this.sharedStrings[integerAt(bytes, valueStart, valueEnd)] ?? null;
      case 'b':
        return valueEnd - valueStart === 1 && bytes[valueStart] === 0x31;
      case 'd':
        return isoDateSerial(pool.text(bytes, valueStart, valueEnd));
      case 'n': {
        let number = simpleNumberAt(bytes, valueStart, valueEnd);
        if (Number.isNaN(number)) {
          const text = utf8.decode(bytes.subarray(valueStart, valueEnd)).trim();
          if (text === '') return null;
          number = Number(text);
          if (!Number.isFinite(number)) return pool.text(bytes, valueStart, valueEnd);
        }
        if (this.dateOffset && attributes.s >= 0 && this.dates!.styles.has(integerAt(bytes, attributes.s, attributes.sEnd))) return number + this.dateOffset;
        return number;
      }
      default: // str, e
        return pool.text(bytes, valueStart, valueEnd);
    }
  }
}

type CellType = 'n' | 's' | 'b' | 'd' | 'inlineStr' | 'text';

/** A cell's type (t) from its bytes, without making a string of it: "n" when absent; str, e and others are text. */
function cellType(bytes: Uint8Array, attributes: CellAttributes): CellType {
  if (attributes.t < 0) return 'n';
  const length = attributes.tEnd - attributes.t;
  const first = bytes[attributes.t];
  if (length === 9 && first === 0x69) return 'inlineStr';
  if (length !== 1) return 'text';
  return first === 0x73 ? 's' : first === 0x62 ? 'b' : first === 0x64 ? 'd' : first === 0x6e ? 'n' : 'text';
}

/** A whole worksheet part's values (a small part, or one read whole). */
export function gridOfWorksheet(part: Uint8Array, sharedStrings: readonly string[], dates?: DateFormats): Grid {
  const bytes = plainBytes(part);
  const prefix = rootPrefix(bytes) ?? '';
  const tags = new Tags(prefix);
  const reader = new SheetValuesReader(prefix, sharedStrings, dates);
  const sheetData = findStart(bytes, tags.open('sheetData'), 0, bytes.length);
  const rowsStart = sheetData < 0 ? -1 : tagEnd(bytes, sheetData);
  if (rowsStart >= 0 && bytes[rowsStart - 2] !== SLASH) {
    const rowsEnd = findLast(bytes, tags.close('sheetData'), rowsStart);
    if (rowsEnd < 0) throw new Error('<sheetData> is not closed');
    reader.read(bytes.subarray(rowsStart, rowsEnd));
  }
  return reader.finish().grid;
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
