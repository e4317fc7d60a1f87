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

/** Quotes a cell for a message, shortened so that a stray paragraph does not flood the report. */
export function quoteCell(text: string): string {
  const trimmed = text.trim();
  return JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed);
}

/**
 * A money amount: Excel numbers; "£1,234.56", "1234.5", "(1,234.56)" and "1,234.56-" (credits
 * in accounting notation), "-£5", "£-5", "+5", "1,234.56 CR". Thousands separators must group
 * digits in threes, so that a decimal comma ("1,5") is refused rather than misread.
 */
export function parseAmount(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { ok: true, value: cell } : fail('amount is not a finite number');
  }
  if (cell === null || typeof cell === 'boolean') {
    return cell === null ? fail('amount is blank') : fail(`amount ${String(cell).toUpperCase()} is not a number`);
  }
  const value = parseAmountText(cell);
  if (!Number.isNaN(value)) return { ok: true, value };
  const trimmed = cell.trim();
  if (trimmed === '') return fail('amount is blank');
  if (NOT_APPLICABLE.has(trimmed.toLowerCase())) return fail(`amount is ${quoteCell(trimmed)}, not a number`);
  return fail(`amount ${quoteCell(trimmed)} is not a number`);
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
    if (text.charCodeAt(i) !== 46 /* . */) return NaN;
    const fractionStart = i + 1;
    for (i = fractionStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) return NaN;
    }
    if (integerDigits === 0 && end === fractionStart) return NaN;
    // Number() rounds the decimal exactly as a literal would: 0.1 + 0.2 stays out of it.
    value = Number(text.slice(start, fractionStart - 1).replace(/,/g, '') + text.slice(fractionStart - 1, end));
  } else if (integerDigits === 0) {
    return NaN;
  }
  return negative ? -value : value;
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 date system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86400000;
/** 1900-01-01 to 9999-12-31: the dates an Excel serial number can hold. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 2958465;

/** The Excel serial number of a calendar date, or NaN when there is no such day. */
export function serialFromDate(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return NaN;
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Calendar date of an Excel serial number, for messages and tests. */
export function dateFromSerial(serial: number): { year: number; month: number; day: number } {
  const date = new Date(Math.round((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/** Excel's reading of a two-digit year: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const NAMED_MONTH_DATE = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?[\s-]+(\d{2}|\d{4})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME_SUFFIX = /\s+\d{1,2}:\d{2}(?::\d{2})?$/;
const SERIAL_TEXT = /^\d{1,7}(?:\.\d+)?$/;

/**
 * A payment date as an Excel serial number: serial numbers (a number cell, or its text in a CSV);
 * UK day-first dates "14/04/2023", "4/4/23", "14-04-2023", "14.04.2023"; "15 June 2023",
 * "14 Apr 2023", "05-Apr-17"; ISO "2023-04-14" (a time of day is ignored).
 */
export function parseDate(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    return cell >= MIN_SERIAL && cell <= MAX_SERIAL
      ? { ok: true, value: Math.floor(cell) }
      : fail(`date ${cell} is outside the range of Excel dates`);
  }
  if (cell === null || typeof cell === 'boolean') return fail(cell === null ? 'date is blank' : 'date is not a date');
  const text = cell.trim().replace(TIME_SUFFIX, '');
  if (text === '') return fail('date is blank');
  let serial = NaN;
  let match: RegExpExecArray | null;
  if ((match = NUMERIC_DATE.exec(text))) {
    serial = serialFromDate(fullYear(match[3]), Number(match[2]), Number(match[1]));
  } else if ((match = ISO_DATE.exec(text))) {
    serial = serialFromDate(Number(match[1]), Number(match[2]), Number(match[3]));
  } else if ((match = NAMED_MONTH_DATE.exec(text))) {
    const month = MONTHS[match[2].toLowerCase()];
    if (month !== undefined) serial = serialFromDate(fullYear(match[3]), month, Number(match[1]));
  } else if (SERIAL_TEXT.test(text)) {
    return parseDate(Number(text));
  }
  return Number.isNaN(serial) ? fail(`date ${quoteCell(text)} is not a date`) : { ok: true, value: serial };
}
