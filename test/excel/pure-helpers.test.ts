import { NUMBER_FORMATS } from '../../src/core/report/columns';
import { formatFor } from '../../src/excel/grid-write';
import { rowBytes, valueBytes } from '../../src/excel/request-size';
import { changedCells } from '../../src/excel/user-sheets';

describe('request sizes', () => {
  it('are the JSON the values become, to the byte for text, and never under it for numbers', () => {
    for (const text of ['Acme Ltd', 'Café £5 "quoted" \\ back', '\tTab\r\n', '日本', '']) {
      expect(valueBytes(text)).toBe(Buffer.byteLength(JSON.stringify(text)) + 1);
    }
    for (const n of [0, -125.5, 1234567.89, 1 / 3]) expect(valueBytes(n)).toBeGreaterThanOrEqual(JSON.stringify(n).length + 1);
    expect(rowBytes(['a', 1, null])).toBeGreaterThanOrEqual(JSON.stringify(['a', 1, null]).length);
  });
});

describe('number formats written with values', () => {
  it('make every string text, give numbers and formulas their column’s format or General, and leave blanks and nulls alone', () => {
    expect(formatFor('=HYPERLINK("http://x","pay")', 'gbp')).toBe('@');
    expect(formatFor('01234', null)).toBe('@');
    expect(formatFor(12.5, 'gbp')).toBe(NUMBER_FORMATS.gbp);
    expect(formatFor({ formula: 'SUM(A1:A2)', value: 3 }, 'percent')).toBe(NUMBER_FORMATS.percent);
    expect(formatFor(12.5, null)).toBe('General');
    expect(formatFor({ formula: 'ROWS(A1:A2)', value: 2 }, 'text')).toBe('General');
    expect(formatFor('', 'text')).toBeNull();
    expect(formatFor(null, 'text')).toBeNull();
  });
});

describe('changed cells', () => {
  it('are only those whose content differs, blank and empty being the same', () => {
    const before = [['Key', 'Postcode', 'Notes'], ['A', '', 'mine'], ['B', 'PR1 2HE', '']];
    const after = [['Key', 'Postcode', 'Notes'], ['A', 'PR3 0AB', 'mine'], ['B', 'PR1 2HE', null], ['C', 'M1 1AE', '']];
    expect(changedCells(before, after)).toEqual({ top: 1, rows: [[null, 'PR3 0AB', null], [null, null, null], ['C', 'M1 1AE', null]] });
    expect(changedCells(before, before)).toBeUndefined();
  });
});
