/**
 * Amounts and dates however finance systems write them: the parsers never throw, an amount
 * written in any of the common ways reads back as itself, and a date written in any of the
 * common ways reads back as its Excel serial number.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/core/cell';
import { amountValue, dateSerial, parseAmount, parseAmountText, parseDate, serialFromDate } from '../../src/core/values';
import { anyText, assertProperty } from '../support/properties';

const anyCell: fc.Arbitrary<Cell> = fc.oneof(anyText(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));

/** Whole pence, as far as a double holds every penny exactly. */
const pence = fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }).filter((p) => Math.abs(p) < 1e15);

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An amount of pence written as a spend file might: plain or grouped, with £, signs, brackets or CR. */
function amountWritten(p: number): fc.Arbitrary<string> {
  const whole = String(Math.floor(Math.abs(p) / 100));
  const fraction = String(Math.abs(p) % 100).padStart(2, '0');
  return fc
    .record({
      grouped: fc.boolean(),
      decimals: fc.constantFrom('always', 'short', 'when needed'),
      pound: fc.constantFrom('', '£', '£ '),
      credit: fc.constantFrom('minus', 'minus after £', 'brackets', 'trailing minus', 'CR', 'cr'),
      plus: fc.boolean(),
      padding: fc.constantFrom('', ' ', '\u00a0', '  '),
    })
    .map(({ grouped, decimals, pound, credit, plus, padding }) => {
      const integer = grouped ? groupThousands(whole) : whole;
      let number = `${integer}.${fraction}`;
      if (decimals === 'short' && fraction.endsWith('0')) number = `${integer}.${fraction[0]}`;
      if (decimals === 'when needed' && fraction === '00') number = integer;
      let text: string;
      if (p >= 0) {
        text = `${plus ? '+' : ''}${pound}${number}`;
      } else if (credit === 'minus') {
        text = `-${pound}${number}`;
      } else if (credit === 'minus after £') {
        text = `${pound}-${number}`;
      } else if (credit === 'brackets') {
        text = `(${pound}${number})`;
      } else if (credit === 'trailing minus') {
        text = `${pound}${number}-`;
      } else {
        text = `${pound}${number} ${credit}`;
      }
      return `${padding}${text}${padding}`;
    });
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MS_PER_DAY = 86_400_000;
/** 1900-03-01, the first day after Excel's fictitious 29 February 1900. */
const FIRST_REAL_SERIAL = 61;
const LAST_SERIAL = 2958465;

/** The day of an Excel serial number (not 60, Excel's 29 February 1900, which never was). */
function calendarDate(serial: number): { year: number; month: number; day: number } {
  const days = serial < FIRST_REAL_SERIAL ? serial + 1 : serial;
  const date = new Date(Date.UTC(1899, 11, 30) + days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A date written as UK spend files write it. */
function dateWritten(serial: number): fc.Arbitrary<string> {
  const { year, month, day } = calendarDate(serial);
  const two = (n: number) => String(n).padStart(2, '0');
  const forms = [
    `${two(day)}/${two(month)}/${year}`,
    `${day}/${month}/${year}`,
    `${two(day)}-${two(month)}-${year}`,
    `${two(day)}.${two(month)}.${year}`,
    `${year}-${two(month)}-${two(day)}`,
    `${year}-${two(month)}-${two(day)}T00:00:00Z`,
    `${day} ${MONTH_NAMES[month - 1]} ${year}`,
    `${two(day)}-${MONTH_NAMES[month - 1].slice(0, 3)}-${year}`,
    `${two(day)}/${two(month)}/${year} 00:00`,
    String(serial),
  ];
  // Two-digit years mean 1930–2029, as Excel reads them.
  if (year >= 1930 && year <= 2029) {
    forms.push(`${day}/${month}/${two(year % 100)}`, `${two(day)}-${MONTH_NAMES[month - 1].slice(0, 3)}-${two(year % 100)}`);
  }
  return fc.constantFrom(...forms);
}

describe('amount properties', () => {
  test('parseAmount and amountValue never throw, and give a finite number or a reason', () => {
    assertProperty(
      fc.property(anyCell, (cell) => {
        const parsed = parseAmount(cell);
        const value = amountValue(cell);
        if (parsed.ok) {
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(Object.is(parsed.value, value)).toBe(true);
        } else {
          expect(Number.isNaN(value)).toBe(true);
          expect(parsed.reason).toMatch(/^amount /);
        }
      }),
    );
  });

  test('a finite number cell is its own amount', () => {
    assertProperty(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(amountValue(n)).toBe(n);
      }),
    );
  });

  test('an amount written in any of the common ways reads back as itself', () => {
    assertProperty(
      fc.property(pence.chain((p) => fc.tuple(fc.constant(p), amountWritten(p))), ([p, text]) => {
        expect(parseAmountText(text) * 100).toBeCloseTo(p, 0);
        expect(parseAmountText(text) === p / 100).toBe(true);
      }),
    );
  });

  test('the text JavaScript writes for a number reads back as that number', () => {
    assertProperty(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
        const text = String(n);
        if (/e/.test(text)) return;
        expect(parseAmountText(text) === n).toBe(true);
      }),
    );
  });
});

describe('date properties', () => {
  test('parseDate and dateSerial never throw, and give a whole serial in Excel’s range or a reason', () => {
    assertProperty(
      fc.property(anyCell, (cell) => {
        const parsed = parseDate(cell);
        const serial = dateSerial(cell);
        if (parsed.ok) {
          expect(parsed.value).toBe(serial);
          expect(Number.isInteger(serial) && serial >= 1 && serial <= LAST_SERIAL).toBe(true);
        } else {
          expect(Number.isNaN(serial)).toBe(true);
          expect(parsed.reason).toMatch(/^date /);
        }
      }),
    );
  });

  test('serialFromDate counts days as the calendar does, and refuses days that do not exist', () => {
    assertProperty(
      fc.property(fc.integer({ min: 1890, max: 10000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const utc = new Date(Date.UTC(2000, month - 1, day));
        utc.setUTCFullYear(year);
        const exists = month >= 1 && month <= 12 && day >= 1 && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
        const days = Math.round((utc.getTime() - Date.UTC(1899, 11, 30)) / MS_PER_DAY);
        // Excel's serials count a 29 February 1900 that never was.
        const serial = days < FIRST_REAL_SERIAL ? days - 1 : days;
        const expected = exists && serial >= 1 && serial <= LAST_SERIAL ? serial : NaN;
        expect(serialFromDate(year, month, day)).toBe(expected);
      }),
    );
  });

  test('a date written in any of the common ways reads back as its serial number', () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 1, max: LAST_SERIAL }).filter((serial) => serial !== 60).chain((serial) => fc.tuple(fc.constant(serial), dateWritten(serial))),
        ([serial, text]) => {
          expect(dateSerial(text)).toBe(serial);
          expect(dateSerial(` ${text} `)).toBe(serial);
        },
      ),
    );
  });

  test('a serial number cell is its day', () => {
    assertProperty(
      fc.property(fc.double({ min: 1, max: LAST_SERIAL + 0.999, noNaN: true }), (n) => {
        expect(dateSerial(n)).toBe(n <= LAST_SERIAL ? Math.floor(n) : NaN);
      }),
    );
  });
});
