import { locateBlock, type Region } from '../../src/core/analysis/data-sheet';
import { RESULT_BLOCK_HEADERS as BLOCK_HEADERS } from '../../src/core/report/columns';

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
