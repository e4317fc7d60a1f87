/**
 * Amounts and dates as finance systems write them into spend files. Each parser answers with the
 * value or with why there is none, so that a skipped row can say what was wrong with it.
 */
import type { Cell } from './cell';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

const NOT_APPLICABLE = new Set(['n/a', 'na', '#n/a', 'nil', 'none', 'null', '-', '--', '—', '–']);

/** A cell that stands for nothing: "-" (the accounting zero), "n/a", "nil". */
export function isPlaceholder(text: string): boolean {
  return NOT_APPLICABLE.has(text.trim().toLowerCase());
}

/** Quotes a cell for a message, shortened so that a stray paragraph does not flood the report. */
function quoteCell(text: string): string {
  const trimmed = text.trim();
  return JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed);
}

/**
 * A money amount: Excel numbers; "£1,234.56", "1234.5", "(1,234.56)" and "1,234.56-" (credits
 * in accounting notation), "-£5", "£-5", "+5", "1,234.56 CR", "-3.46945E-18". Thousands separators must group
 * digits in threes, so that a decimal comma ("1,5") is refused rather than misread.
 */
export function parseAmount(cell: Cell): Parsed<number> {
  const value = amountValue(cell);
  if (!Number.isNaN(value)) return { ok: true, value };
  return fail(amountProblem(cell));
}

/** The amount in a cell, or NaN: parseAmount without the reason, for the per-row loop. */
export function amountValue(cell: Cell): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  return typeof cell === 'string' ? parseAmountText(cell) : NaN;
}

function amountProblem(cell: Cell): string {
  if (typeof cell === 'number') return 'amount is not a finite number';
  if (cell === null) return 'amount is blank';
  if (typeof cell === 'boolean') return `amount ${String(cell).toUpperCase()} is not a number`;
  const trimmed = cell.trim();
  if (trimmed === '') return 'amount is blank';
  if (NOT_APPLICABLE.has(trimmed.toLowerCase())) return `amount is ${quoteCell(trimmed)}, not a number`;
  return `amount ${quoteCell(trimmed)} is not a number`;
}

const ZERO = 48;
const NINE = 57;

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0;
}

/** " CR" (any case) just before `end`. */
function isCreditMarker(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 2) | 0x20;
  const r = text.charCodeAt(end - 1) | 0x20;
  return c === 99 && r === 114 && isSpace(text.charCodeAt(end - 3));
}

/** The number in an amount's text, or NaN. A hand-written scanner: it runs once per row. */
export function parseAmountText(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return NaN;

  let negative = false;
  let signs = 0;
  // Accounting brackets around the whole amount.
  if (text.charCodeAt(start) === 40 /* ( */ && text.charCodeAt(end - 1) === 41 /* ) */) {
    negative = true;
    signs++;
    start++;
    end--;
  }
  // Trailing credit markers: "123.45-" and "123.45 CR".
  if (end - start > 3 && isCreditMarker(text, end)) {
    negative = !negative;
    signs++;
    end -= 2;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  } else if (end > start && text.charCodeAt(end - 1) === 45 /* - */) {
    negative = !negative;
    signs++;
    end--;
  }
  // Leading sign and currency symbol, in either order ("-£5", "£-5").
  let sawPound = false;
  for (;;) {
    const c = text.charCodeAt(start);
    if (c === 45 /* - */ || c === 43 /* + */) {
      if (c === 45) negative = !negative;
      signs++;
      start++;
    } else if (c === 0xa3 /* £ */ && !sawPound) {
      sawPound = true;
      start++;
    } else if (sawPound && isSpace(c)) {
      start++;
    } else {
      break;
    }
  }
  if (signs > 1 || start >= end) return NaN;

  // Digits with optional thousands commas in groups of three, then an optional decimal part.
  let value = 0;
  let digitsInGroup = 0;
  let sawComma = false;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      digitsInGroup++;
    } else if (c === 44 /* , */) {
      if (digitsInGroup === 0 || (sawComma ? digitsInGroup !== 3 : digitsInGroup > 3)) return NaN;
      sawComma = true;
      digitsInGroup = 0;
    } else {
      break;
    }
  }
  const integerDigits = i - start;
  if (sawComma && digitsInGroup !== 3) return NaN;
  if (i < end) {
    const fractionStart = text.charCodeAt(i) === 46 /* . */ ? i + 1 : i;
    for (i = fractionStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
    }
    if (integerDigits === 0 && i === fractionStart) return NaN;
    // An exponent, as spreadsheets write very small or large numbers: "-3.46945E-18".
    if (i < end && !isExponent(text, i, end)) return NaN;
    // Number() rounds the decimal exactly as a literal would: 0.1 + 0.2 stays out of it.
    value = Number(text.slice(start, end).replace(/,/g, ''));
  } else if (integerDigits === 0) {
    return NaN;
  }
  return negative ? -value : value;
}

/** "E-18", "e+5", "E3" from `from` to `end`. */
function isExponent(text: string, from: number, end: number): boolean {
  if ((text.charCodeAt(from) | 0x20) !== 101 /* e */) return false;
  let i = from + 1;
  const sign = text.charCodeAt(i);
  if (sign === 43 /* + */ || sign === 45 /* - */) i++;
  if (i >= end) return false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 date system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
/**
 * 1900-03-01. Excel counts a 29 February 1900 that never was (serial 60), so its serials for
 * January and February 1900 are one less than the days since 1899-12-30.
 */
const FIRST_SERIAL_AFTER_1900_LEAP_DAY = 61;
/** 1900-01-01 to 9999-12-31: the dates an Excel serial number can hold. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 2958465;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The Excel serial number of a calendar date, or NaN when there is no such day. */
export function serialFromDate(year: number, month: number, day: number): number {
  if (!(month >= 1 && month <= 12 && day >= 1)) return NaN;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  // Days since 1970-01-01 by the civil-calendar arithmetic: no Date object per row.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146097 + dayOfEra - 719468 + UNIX_EPOCH_SERIAL;
  const serial = days < FIRST_SERIAL_AFTER_1900_LEAP_DAY ? days - 1 : days;
  return serial >= MIN_SERIAL && serial <= MAX_SERIAL ? serial : NaN;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/** Excel's reading of a two-digit year: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

const NAMED_MONTH_DATE = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?[\s-]+(\d{2}|\d{4})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME_SUFFIX = /\s+\d{1,2}:\d{2}(?::\d{2})?$/;
const SERIAL_TEXT = /^\d{1,7}(?:\.\d+)?$/;

/**
 * "14/04/2023", "4/4/23", "14-04-2023", "14.04.2023" (day first, as in the UK), by a scan rather
 * than a regular expression since it is by far the commonest form; NaN for anything else.
 */
function dayFirstSerial(text: string): number {
  const n = text.length;
  let i = 0;
  const parts = [0, 0, 0];
  const digits = [0, 0, 0];
  let separator = -1;
  for (let part = 0; part < 3; part++) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      parts[part] = parts[part] * 10 + (c - 48);
      digits[part]++;
      i++;
    }
    if (part < 2) {
      const c = text.charCodeAt(i);
      if (c !== 47 /* / */ && c !== 45 /* - */ && c !== 46 /* . */) return NaN;
      if (separator !== -1 && c !== separator) return NaN;
      separator = c;
      i++;
    }
  }
  if (i !== n || digits[0] < 1 || digits[0] > 2 || digits[1] < 1 || digits[1] > 2) return NaN;
  if (digits[2] !== 2 && digits[2] !== 4) return NaN;
  return serialFromDate(fullYear(parts[2], digits[2]), parts[1], parts[0]);
}

/** The date in a cell as an Excel serial number, or NaN: parseDate without the reason. */
export function dateSerial(cell: Cell): number {
  if (typeof cell === 'number') return cell >= MIN_SERIAL && cell <= MAX_SERIAL ? Math.floor(cell) : NaN;
  if (typeof cell !== 'string') return NaN;
  const fast = dayFirstSerial(cell);
  if (!Number.isNaN(fast)) return fast;
  const text = cell.trim().replace(TIME_SUFFIX, '');
  if (text === '') return NaN;
  const dayFirst = dayFirstSerial(text);
  if (!Number.isNaN(dayFirst)) return dayFirst;
  let match: RegExpExecArray | null;
  if ((match = ISO_DATE.exec(text))) return serialFromDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = NAMED_MONTH_DATE.exec(text))) {
    const month = MONTHS[match[2].toLowerCase()];
    return month === undefined ? NaN : serialFromDate(fullYear(Number(match[3]), match[3].length), month, Number(match[1]));
  }
  return SERIAL_TEXT.test(text) ? dateSerial(Number(text)) : NaN;
}

/**
 * A payment date as an Excel serial number: serial numbers (a number cell, or its text in a CSV);
 * UK day-first dates "14/04/2023", "4/4/23", "14-04-2023", "14.04.2023"; "15 June 2023",
 * "14 Apr 2023", "05-Apr-17"; ISO "2023-04-14" (a time of day is ignored).
 */
export function parseDate(cell: Cell): Parsed<number> {
  const serial = dateSerial(cell);
  if (!Number.isNaN(serial)) return { ok: true, value: serial };
  if (typeof cell === 'number') return fail(`date ${cell} is outside the range of Excel dates`);
  if (typeof cell !== 'string') return fail(cell === null ? 'date is blank' : 'date is not a date');
  return cell.trim() === '' ? fail('date is blank') : fail(`date ${quoteCell(cell)} is not a date`);
}
