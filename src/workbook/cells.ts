/**
 * Cells as SpreadsheetML text. Text is always an inline string, so text that begins with = + - @
 * is never taken for a formula and sharedStrings.xml never changes; a formula carries the value
 * it computes to, so the file shows it before any recalculation.
 */
import { columnLetter, type OutCell } from '../core';
import { escapeXml, type DroppedCharacters } from './xml';

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
