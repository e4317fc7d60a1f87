/**
 * What Excel stores when a value is written to a cell through `Range.values` or
 * `Range.formulas`, and how a stored value is shown by `Range.text`.
 *
 * Sources:
 * - Range.values (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 *   "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 *   interprets this value as a formula."; locale-shaped dates are stored as text, locale-neutral
 *   ISO dates as dates.
 * - "Blank and null values in Excel add-ins" (learn.microsoft.com/office/dev/add-ins/excel/
 *   excel-add-ins-blank-null-values): `null` in a 2-D array leaves that cell unchanged, `null` as a
 *   whole property is invalid, `""` clears the contents (or resets numberFormat to General), and
 *   empty cells read back as `""`.
 * - Number format "@" is Excel's Text format: what is entered is kept as text. That Range.values
 *   keeps text written to a Text cell as text is not documented, though: what it documents is
 *   that a string starting with "=", "+" or "-" is taken as a formula, with no exception for Text
 *   cells. A host may be set up to do just that (TextCellEntry 'as-documented'): in a Text cell,
 *   "=", "+" and "-" then start formulas and a leading apostrophe is the quote prefix, while what
 *   would be a number or a date stays text, as the Text format says.
 * - A leading apostrophe is Excel's quote prefix: the rest is stored as text and the apostrophe is
 *   not part of the value (OfficeDev/office-js issue #6687 shows the API dropping it).
 * - The grid holds at most 32,767 characters per cell ("Excel specifications and limits").
 * - A formula cannot hold a text value longer than 255 characters; Excel refuses it with "Text
 *   values in formulas are limited to 255 characters. To create text values longer than 255
 *   characters in a formula, use the CONCATENATE function or the concatenation operator (&)."
 *   (the support.microsoft.com article of that title). Office.js reports it as InvalidArgument.
 *
 * The simulated host culture is en-US: "1,234" is a number, "3/12/2024" is 12 March 2024.
 */
import { HostError } from './host-error';

export type CellValue = string | number | boolean;

export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';
export const MAX_CELL_CHARACTERS = 32_767;

/** What a string written to a Text ("@") cell becomes: kept as typed, or read as the Range.values documentation reads any string. */
export type TextCellEntry = 'kept' | 'as-documented';

export type Entry =
  | { kind: 'unchanged' }
  | { kind: 'clear' }
  | { kind: 'value'; value: CellValue; impliedFormat?: string }
  | { kind: 'formula'; formula: string };

const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Days since 1899-12-30, Excel's date serial (ignoring the 1900 leap-year quirk before March 1900). */
export function dateSerial(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function parseNumber(text: string): number | null {
  if (!/\d/.test(text) || !PLAIN_NUMBER.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** Excel's reading of a typed string as a number, percentage, boolean or date; null when it stays text. */
export function parseTypedText(raw: string): { value: CellValue; impliedFormat?: string } | null {
  const text = raw.trim();
  if (text === '') return null;
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  const plain = parseNumber(text);
  if (plain !== null) return { value: plain };
  if (text.endsWith('%')) {
    const n = parseNumber(text.slice(0, -1).trim());
    if (n !== null) return { value: n / 100, impliedFormat: '0%' };
  }
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    const n = parseNumber(bracketed[1]);
    if (n !== null && n >= 0) return { value: -n };
  }
  let m = ISO_DATE.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== null) return { value: serial, impliedFormat: 'yyyy-mm-dd' };
  }
  m = US_DATE.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[3]), Number(m[1]), Number(m[2]));
    if (serial !== null) return { value: serial, impliedFormat: 'm/d/yyyy' };
  }
  return null;
}

export const MAX_FORMULA_TEXT_CHARACTERS = 255;

/** The longest text value ("…") in a formula. */
export function longestTextValue(formula: string): number {
  let longest = 0;
  for (const match of formula.matchAll(/"((?:[^"]|"")*)"/g)) longest = Math.max(longest, match[1].replace(/""/g, '"').length);
  return longest;
}

/**
 * Interprets one element of a 2-D array written to `values` (or `formulas`) of a cell whose
 * number format is `numberFormat`.
 */
export function interpretEntry(input: unknown, numberFormat: string, where: string, textCells: TextCellEntry = 'kept'): Entry {
  if (input === null || input === undefined) return { kind: 'unchanged' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new HostError('InvalidArgument', `${where}: ${input} is not a number Excel can store.`);
    return { kind: 'value', value: input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string') {
    throw new HostError('InvalidArgument', `${where}: a cell value must be a string, number or boolean, not ${typeof input}.`);
  }
  if (input.length > MAX_CELL_CHARACTERS) {
    throw new HostError('InvalidArgument', `${where}: text longer than ${MAX_CELL_CHARACTERS} characters does not fit in a cell.`);
  }
  if (input === '') return { kind: 'clear' };
  const textCell = numberFormat === TEXT_FORMAT;
  if (textCell && (textCells === 'kept' || !/^['=+-]/.test(input))) return { kind: 'value', value: input };
  if (input.startsWith("'")) return input.length === 1 ? { kind: 'clear' } : { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) {
    if (longestTextValue(input) > MAX_FORMULA_TEXT_CHARACTERS) {
      throw new HostError('InvalidArgument', `${where}: text values in formulas are limited to ${MAX_FORMULA_TEXT_CHARACTERS} characters.`);
    }
    return { kind: 'formula', formula: input };
  }
  const typed = textCell ? null : parseTypedText(input);
  if (typed) return { kind: 'value', ...typed };
  if ((input.startsWith('+') || input.startsWith('-')) && input.length > 1) {
    return { kind: 'formula', formula: `=${input}` };
  }
  return { kind: 'value', value: input };
}

// ---------------------------------------------------------------------------------------------
// Display text (Range.text)

function generalNumberText(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = n.toExponential(5).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    const exp = Number(exponent);
    return `${trimmed}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Literal text of a format section: quoted strings, escaped characters and [$£-809] currency tags. */
function literalsOf(section: string): string {
  return section
    .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

function numberSectionText(section: string, n: number): string {
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const body = /[0#?][0#?,]*(?:\.[0#?]*)?/.exec(section.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, ''));
  if (!body) return literalsOf(section);
  const pattern = body[0];
  const decimals = pattern.includes('.') ? pattern.split('.')[1].replace(/[^0#?]/g, '').length : 0;
  const grouped = pattern.split('.')[0].includes(',');
  let digits = Math.abs(value).toFixed(decimals);
  if (grouped) {
    const [whole, fraction] = digits.split('.');
    digits = groupThousands(whole) + (fraction !== undefined ? `.${fraction}` : '');
  }
  const literal = literalsOf(section);
  const at = literal.indexOf(pattern);
  const shown = at >= 0 ? literal.slice(0, at) + digits + literal.slice(at + pattern.length) : digits;
  return shown;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateText(format: string, serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth();
  const d = date.getUTCDate();
  return literalsOf(format).replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d/gi, (token) => {
    switch (token.toLowerCase()) {
      case 'yyyy': return String(y);
      case 'yy': return String(y % 100).padStart(2, '0');
      case 'mmmm': return MONTHS[mo];
      case 'mmm': return MONTHS[mo].slice(0, 3);
      case 'mm': return String(mo + 1).padStart(2, '0');
      case 'm': return String(mo + 1);
      case 'dd': return String(d).padStart(2, '0');
      default: return String(d);
    }
  });
}

const isDateFormat = (format: string): boolean => /[dy]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, '')) && !/[0#]/.test(format);

/** The text Excel shows for `value` under `numberFormat`, independent of column width. */
export function displayText(value: CellValue | '', numberFormat: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (numberFormat === GENERAL_FORMAT || numberFormat === TEXT_FORMAT || numberFormat === '') return generalNumberText(value);
  if (isDateFormat(numberFormat)) return dateText(numberFormat, value);
  const sections = numberFormat.split(';');
  if (value < 0 && sections.length > 1) return numberSectionText(sections[1], -value);
  if (value === 0 && sections.length > 2) return numberSectionText(sections[2], 0);
  const text = numberSectionText(sections[0], value);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export const FORMULA_ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];

export function valueTypeOf(value: CellValue | '', fromFormula: boolean): ValueType {
  if (value === '') return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return fromFormula && FORMULA_ERRORS.includes(value) ? 'Error' : 'String';
}
