import { amountValue, dateSerial, parseAmount, parseDate, serialFromDate } from '../../src/core/values';

describe('parseAmount', () => {
  test.each([
    [1234.56, 1234.56],
    ['1234.56', 1234.56],
    ['£1,234.56', 1234.56],
    [' £ 1,234,567.8 ', 1234567.8],
    ['(1,234.56)', -1234.56],
    ['(£250.00)', -250],
    ['1,234.56-', -1234.56],
    ['14,646.05-', -14646.05],
    ['-£5', -5],
    ['£-5', -5],
    ['+5', 5],
    ['1,234.56 CR', -1234.56],
    ['.5', 0.5],
    ['2028', 2028],
    ['0.1', 0.1],
    ['-3.46945E-18', -3.46945e-18],
    ['1.5e3', 1500],
    ['2E+2', 200],
    ['(1.2E2)', -120],
  ])('%p is %p', (cell, expected) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value: expected });
  });

  test.each([
    [null, 'amount is blank'],
    ['   ', 'amount is blank'],
    ['N/A', 'amount is "N/A", not a number'],
    ['-', 'amount is "-", not a number'],
    ['1,5', 'amount "1,5" is not a number'],
    ['12,34.00', 'amount "12,34.00" is not a number'],
    ['1.2.3', 'amount "1.2.3" is not a number'],
    ['--5', 'amount "--5" is not a number'],
    ['(5)-', 'amount "(5)-" is not a number'],
    ['$5', 'amount "$5" is not a number'],
    ['five pounds', 'amount "five pounds" is not a number'],
    ['1.5E', 'amount "1.5E" is not a number'],
    ['E5', 'amount "E5" is not a number'],
    ['1.5E-', 'amount "1.5E-" is not a number'],
    ['1.5E2.5', 'amount "1.5E2.5" is not a number'],
    ['5 pounds', 'amount "5 pounds" is not a number'],
    [true, 'amount TRUE is not a number'],
    [Number.NaN, 'amount is not a finite number'],
  ])('%p is not an amount: %s', (cell, reason) => {
    expect(parseAmount(cell)).toEqual({ ok: false, reason });
    expect(amountValue(cell)).toBeNaN();
  });

  test('a long cell is shortened in the reason', () => {
    const result = parseAmount('x'.repeat(100));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.length).toBeLessThan(70);
  });
});

describe('parseDate', () => {
  // 2023-04-14 is Excel serial 45030; 2023-06-15 is 45092.
  test.each([
    [45030, 45030],
    [45030.75, 45030],
    ['45030', 45030],
    ['14/04/2023', 45030],
    ['14/04/23', 45030],
    ['14/4/2023', 45030],
    ['14-04-2023', 45030],
    ['14.04.2023', 45030],
    ['14 Apr 2023', 45030],
    ['14-Apr-23', 45030],
    ['14th April 2023', 45030],
    ['15 June 2023', 45092],
    ['2023-04-14', 45030],
    ['2023-04-14T00:00:00', 45030],
    ['14/04/2023 10:30', 45030],
    [' 14/04/2023 ', 45030],
  ])('%p is serial %p', (cell, expected) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: expected });
  });

  test('two-digit years follow Excel: 00–29 are 20xx, 30–99 are 19xx', () => {
    expect(dateSerial('01/01/29')).toBe(serialFromDate(2029, 1, 1));
    expect(dateSerial('01/01/30')).toBe(serialFromDate(1930, 1, 1));
  });

  test.each([
    [null, 'date is blank'],
    ['', 'date is blank'],
    ['31/02/2023', 'date "31/02/2023" is not a date'],
    ['29/02/2023', 'date "29/02/2023" is not a date'],
    ['04/13/2024', 'date "04/13/2024" is not a date'],
    ['14/04-2023', 'date "14/04-2023" is not a date'],
    ['14 Foo 2023', 'date "14 Foo 2023" is not a date'],
    ['soon', 'date "soon" is not a date'],
    [-5, 'date -5 is outside the range of Excel dates'],
  ])('%p is not a date: %s', (cell, reason) => {
    expect(parseDate(cell)).toEqual({ ok: false, reason });
  });

  test('serialFromDate agrees with the calendar across leap years and centuries', () => {
    expect(serialFromDate(1900, 3, 1)).toBe(61);
    expect(serialFromDate(2000, 2, 29)).toBe(36585);
    expect(serialFromDate(2024, 2, 29)).toBe(45351);
    expect(serialFromDate(2100, 2, 29)).toBeNaN();
    // Found by a property: Excel's serials before 1 March 1900 count its fictitious 29 February.
    expect(serialFromDate(1900, 1, 1)).toBe(1);
    expect(serialFromDate(1900, 2, 28)).toBe(59);
    expect(dateSerial('01/01/1900')).toBe(1);
    expect(dateSerial('31/12/1899')).toBeNaN();
    for (let day = 0; day < 3000; day += 37) {
      const date = new Date(Date.UTC(2020, 0, 1) + day * 86400000);
      expect(serialFromDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(43831 + day);
    }
  });
});
