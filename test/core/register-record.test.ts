import { charityNumber, companyNumber, numberKeysOf, sicCode } from '../../src/core/register-record';

describe('register numbers', () => {
  test('company numbers are eight characters, digits padded with zeros', () => {
    expect(companyNumber('1234567')).toBe('01234567');
    expect(companyNumber(' 01234567 ')).toBe('01234567');
    expect(companyNumber('sc 123456')).toBe('SC123456');
    expect(companyNumber('OC12345')).toBe('OC012345');
    expect(companyNumber('R0000123')).toBe('R0000123');
    expect(companyNumber('0')).toBeUndefined();
    expect(companyNumber('123456789')).toBeUndefined();
    expect(companyNumber('ABC123')).toBeUndefined();
    expect(companyNumber('')).toBeUndefined();
  });

  test('charity numbers are six or seven digits', () => {
    expect(charityNumber('1234567')).toBe('1234567');
    expect(charityNumber('222222')).toBe('222222');
    expect(charityNumber('0123456')).toBeUndefined();
    expect(charityNumber('12345')).toBeUndefined();
    expect(charityNumber('SC012345')).toBeUndefined();
  });

  test('a bare number may be either register\'s; words before it say which', () => {
    expect(numberKeysOf('1234567')).toEqual(['C01234567', 'R1234567']);
    expect(numberKeysOf('01234567')).toEqual(['C01234567']);
    expect(numberKeysOf('SC123456')).toEqual(['CSC123456']);
    expect(numberKeysOf('Companies House 01234567')).toEqual(['C01234567']);
    expect(numberKeysOf('Company No. 1234567')).toEqual(['C01234567']);
    expect(numberKeysOf('charity 1234567')).toEqual(['R1234567']);
    expect(numberKeysOf('Registered Charity Number 222222')).toEqual(['R222222']);
    expect(numberKeysOf('V-10023')).toEqual([]);
    expect(numberKeysOf('')).toEqual([]);
  });
});

describe('sicCode', () => {
  test('reads the five-digit code before " - description"', () => {
    expect(sicCode('43390 - Other building completion and finishing')).toBe(43390);
    expect(sicCode('01110 - Growing of cereals')).toBe(1110);
    expect(sicCode('99999 - Dormant Company')).toBe(99999);
  });

  test('leaves out SIC 2003 codes and cells with none', () => {
    expect(sicCode('7499 - Non-trading company')).toBeUndefined();
    expect(sicCode('None Supplied')).toBeUndefined();
    expect(sicCode('')).toBeUndefined();
  });
});
