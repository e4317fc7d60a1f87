/**
 * Cells as SpreadsheetML text. Text is always an inline string, so text that begins with = + - @
 * is never taken for a formula and sharedStrings.xml never changes; a formula carries the value
 * it computes to, so the file shows it before any recalculation.
 */
import { columnLetter, type OutCell } from '../core';

/** Characters XML 1.0 cannot hold at all, even escaped: C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Counts the characters left out because XML cannot hold them, so the caller can say so. */
export interface DroppedCharacters {
  count: number;
}

/** Text escaped for an XML element or a double-quoted attribute. */
export function escapeXml(text: string, dropped?: DroppedCharacters): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;')).replace(FORBIDDEN, () => {
    if (dropped) dropped.count++;
    return '';
  });
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** Cell elements for one part, with its namespace prefix ("" or "x:"). */
export class CellXml {
  private readonly letters: string[] = [];
  private readonly open: string;
  private readonly close: string;
  private readonly inline: [string, string, string];
  private readonly formula: [string, string];
  private readonly value: [string, string];

  constructor(
    prefix: string,
    private readonly dropped?: DroppedCharacters,
  ) {
    this.open = `<${prefix}c r="`;
    this.close = `</${prefix}c>`;
    // Excel trims the ends of text unless told to keep them.
    this.inline = [`<${prefix}is><${prefix}t>`, `<${prefix}is><${prefix}t xml:space="preserve">`, `</${prefix}t></${prefix}is>`];
    this.formula = [`<${prefix}f>`, `</${prefix}f>`];
    this.value = [`<${prefix}v>`, `</${prefix}v>`];
  }

  /** "A", …, "Z", "AA", … for a 0-based column, worked out once per column. */
  letter(column: number): string {
    return (this.letters[column] ??= columnLetter(column));
  }

  /**
   * One cell at a 0-based column of a 1-based row; empty when there is nothing to write (a blank
   * value and no style). `style` is an index into the workbook's cell formats.
   */
  cell(column: number, row: number, value: OutCell, style: number | undefined): string {
    const head = `${this.open}${this.letter(column)}${row}"${style ? ` s="${style}"` : ''}`;
    if (typeof value === 'string') return value === '' ? (style ? `${head}/>` : '') : `${head} t="inlineStr">${this.text(value)}${this.close}`;
    if (typeof value === 'number') {
      return Number.isFinite(value) ? `${head}>${this.value[0]}${value}${this.value[1]}${this.close}` : `${head} t="inlineStr">${this.text(String(value))}${this.close}`;
    }
    if (typeof value === 'boolean') return `${head} t="b">${this.value[0]}${value ? 1 : 0}${this.value[1]}${this.close}`;
    if (value === null) return style ? `${head}/>` : '';
    const formula = `${this.formula[0]}${escapeXml(value.formula, this.dropped)}${this.formula[1]}`;
    if (typeof value.value === 'number' && Number.isFinite(value.value)) return `${head}>${formula}${this.value[0]}${value.value}${this.value[1]}${this.close}`;
    return `${head} t="str">${formula}${this.value[0]}${escapeXml(String(value.value), this.dropped)}${this.value[1]}${this.close}`;
  }

  private text(text: string): string {
    const escaped = escapeXml(text, this.dropped);
    const preserve = isSpace(escaped.charCodeAt(0)) || isSpace(escaped.charCodeAt(escaped.length - 1));
    return `${this.inline[preserve ? 1 : 0]}${escaped}${this.inline[2]}`;
  }
}
