import { missingColumnsMessage } from '../../src/core/analysis/missing-columns';
import { findTable } from '../../src/core/table';
import { parseCsv } from '../../src/core/csv';
import { proposeMapping } from '../../src/core/mapping-proposal';

function message(csv: string, missing: ('supplier' | 'amount')[] = ['amount']): string {
  const grid = parseCsv(csv, ',');
  const layout = findTable(grid);
  const { mapping } = proposeMapping(grid, layout);
  return missingColumnsMessage({ grid, layout, missing, proposed: mapping, mapping, overrides: [] });
}

describe('why the amount column was not found', () => {
  test.each([
    ['"2773,85"', '2773,85', '2773.85'],
    ['"1.234,56"', '1.234,56', '1234.56'],
    ['"-12,5"', '-12,5', '-12.5'],
    ['"(12,50)"', '(12,50)', '(12.50)'],
  ])('decimal-comma amounts such as %s are named, with the column', (cell, shown, fixed) => {
    const csv = `Supplier,Paid\r\nAcme Ltd,${cell}\r\nBeta Ltd,${cell}\r\n`;
    expect(message(csv)).toBe(`the amounts in column B "Paid" are written with a decimal comma (e.g. ${shown}), which is not read as money; save the file with decimal points (${fixed}).`);
  });

  test('thousands separators and words are not decimal commas: the likeliest column is named', () => {
    expect(message('Supplier Name,Department,Items\r\nAcme Ltd,Finance,"1,234"\r\nBeta Ltd,Housing,"2,345"\r\n')).toBe(
      'no amount column found; the likeliest for the amount are C "Items" (e.g. "1,234", "2,345"). Name it with --map amount="HEADER" (or a column letter).',
    );
  });
});
