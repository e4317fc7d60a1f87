import { locateBlock, type Region } from '../../src/core/analysis/data-sheet';
import { NUMBER_FORMATS, RESULT_BLOCK_HEADERS as BLOCK_HEADERS } from '../../src/core/report/columns';
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

describe('the result block of an earlier run', () => {
  const region: Region = { sheet: 'Spend', top: 0, left: 0, bottom: 3, right: 13 };
  const withHeaders = [['Supplier', 'Amount', 'x', 'y', ...BLOCK_HEADERS], ['A', 1, '', '', 'Local (Preston)', '', '', 'Influenceable']];

  it('is found by its headers, wherever they are', () => {
    expect(locateBlock(withHeaders, region, undefined)).toEqual({ firstColumn: 4, existed: true, present: 10 });
  });

  it('is found where the state recorded it when there are no headers, if that column holds verdicts', () => {
    const rows = [['A', 1, 'Local (Preston)', '', '', 'Influenceable', '', '', '', '', '', ''], ['B', 2, 'Unknown', '', '', 'Review']];
    const recorded = { sheet: 'Spend', firstColumn: 2, headers: BLOCK_HEADERS, headerRow: 0 };
    expect(locateBlock(rows, { ...region, right: 11 }, recorded)).toEqual({ firstColumn: 2, existed: true, present: 10 });
    const moved = rows.map((row) => ['inserted', ...row]);
    expect(locateBlock(moved, { ...region, right: 12 }, recorded)).toEqual({ firstColumn: 13, existed: false, present: 0 });
  });

  it('is completed when a failed run added only some of its columns to a table', () => {
    const table: Region = { ...region, table: 'T', right: 4 };
    const header = [['Supplier', 'Amount', ...BLOCK_HEADERS.slice(0, 3)]];
    const recorded = { sheet: 'Spend', table: 'T', firstColumn: 2, headers: BLOCK_HEADERS, headerRow: 0 };
    expect(locateBlock(header, table, recorded)).toEqual({ firstColumn: 2, existed: false, present: 3 });
    expect(locateBlock(header, table, undefined)).toEqual({ firstColumn: 5, existed: false, present: 0 });
  });
});
