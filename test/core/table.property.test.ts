/**
 * Finding the table and its columns in any grid: never a throw and always a consistent layout;
 * a spend table with a header row is found below any title block, with its columns in any order,
 * and mapped to the columns that hold the supplier and the amount.
 */
import fc from 'fast-check';
import { isBlank, type Cell, type Grid } from '../../src/core/cell';
import { matchHeader, normaliseHeader } from '../../src/core/header-vocabulary';
import { proposeMapping } from '../../src/core/mapping-proposal';
import { findTable } from '../../src/core/table';
import { anyText, assertProperty } from '../support/properties';

const anyCell: fc.Arbitrary<Cell> = fc.oneof(anyText(20), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(''));
const anyGrid: fc.Arbitrary<Grid> = fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 40 });

/** Headers as councils write them, with the content of their column. */
const COLUMNS: readonly { field: string; headers: string[]; value: fc.Arbitrary<Cell> }[] = [
  {
    field: 'supplier',
    headers: ['Supplier Name', 'Supplier', 'Payee', 'Vendor Name', 'Creditor Name', 'Beneficiary'],
    value: fc.tuple(fc.stringMatching(/^[A-Z][a-z]{2,9}$/), fc.constantFrom('Ltd', 'Limited', 'Services', 'Council', 'Trust', 'Plc')).map(([name, form]) => `${name} ${form}`),
  },
  {
    field: 'amount',
    headers: ['Net Amount', 'Amount', 'Amount Paid', 'Value', 'Net Amount (£)', 'Total'],
    value: fc.oneof(fc.integer({ min: -500000, max: 5000000 }).map((p) => p / 100), fc.integer({ min: 1, max: 99999999 }).map((p) => `£${(p / 100).toFixed(2)}`)),
  },
  {
    field: 'date',
    headers: ['Payment Date', 'Date', 'Date Paid', 'Transaction Date'],
    value: fc.integer({ min: 43000, max: 46000 }),
  },
  {
    field: 'category',
    headers: ['Expense Type', 'Expenditure Category', 'Account Description'],
    value: fc.constantFrom('Cleaning', 'Building Repairs', 'Legal Fees', 'Electricity', 'Grants'),
  },
  {
    field: 'postcode',
    headers: ['Supplier Postcode', 'Postcode', 'Post Code'],
    value: fc.constantFrom('PR1 2HE', 'M1 1AE', 'FY1 1AA', 'LA1 1AA', 'BB1 1AA'),
  },
];

/** Lines above the header: blank, one cell of text, or a label and its value (at most two with a value). */
const titleBlock = fc
  .array(
    fc.oneof(
      fc.constant<Cell[]>([]),
      fc.constantFrom('Preston City Council', 'Payments over £500', 'Period: 01/04/2024 to 30/04/2024', 'Published under the Transparency Code').map((text) => [text] as Cell[]),
      fc.constantFrom<Cell[]>(['Prepared by', 'Finance team'], ['Run date', '01/05/2025'], ['Total payments', 1234567.89], ['', 'Page 1 of 3']),
    ),
    { maxLength: 8 },
  )
  .filter((lines) => lines.filter((line) => line.some((cell) => typeof cell === 'number' || cell === '01/05/2025')).length <= 2);

/** A spend table: title lines, then a header row over data rows, its columns in any order. */
const spendTable = fc
  .tuple(
    titleBlock,
    fc.shuffledSubarray([...COLUMNS], { minLength: 2 }).filter((columns) => columns.some((c) => c.field === 'supplier') && columns.some((c) => c.field === 'amount')),
    fc.integer({ min: 1, max: 25 }),
  )
  .chain(([titles, columns, rows]) =>
    fc.tuple(
      fc.constant(titles),
      fc.constant(columns.map((c) => c.field)),
      fc.tuple(...columns.map((c) => fc.constantFrom(...c.headers))),
      fc.array(fc.tuple(...columns.map((c) => c.value)), { minLength: rows, maxLength: rows }),
    ),
  );

describe('table and header properties', () => {
  test('findTable and proposeMapping never throw, and the layout is consistent', () => {
    assertProperty(
      fc.property(anyGrid, (grid) => {
        const layout = findTable(grid);
        let last = grid.length - 1;
        while (last >= 0 && grid[last].every((cell) => isBlank(cell))) last--;
        expect(layout.lastDataRow).toBe(last);
        if (layout.headerRow !== null) {
          expect(layout.headerRow).toBeGreaterThanOrEqual(0);
          expect(layout.headerRow).toBeLessThanOrEqual(last);
          expect(layout.firstDataRow).toBe(layout.headerRow + 1);
        }
        expect(layout.firstDataRow).toBeGreaterThanOrEqual(0);
        const width = Math.max(0, ...grid.slice(layout.headerRow ?? layout.firstDataRow, last + 1).map((row) => row.length));
        expect(layout.headers).toHaveLength(last < 0 ? 0 : width);
        for (const header of layout.headers) expect(header).not.toBe('');
        const { mapping, missing } = proposeMapping(grid, layout);
        const columns = Object.values(mapping).map((m) => m!.column);
        expect(new Set(columns).size).toBe(columns.length);
        for (const column of columns) expect(column).toBeLessThan(layout.headers.length);
        for (const field of missing) expect(mapping[field]).toBeUndefined();
      }),
    );
  });

  test('matchHeader never throws, and a header matches as its normal form does', () => {
    assertProperty(
      fc.property(anyText(30), (text) => {
        expect(normaliseHeader(normaliseHeader(text))).toBe(normaliseHeader(text));
        expect(matchHeader(normaliseHeader(text))).toEqual(matchHeader(text));
      }),
    );
  });

  test('a spend table is found below its title lines, and its supplier and amount columns are mapped', () => {
    assertProperty(
      fc.property(spendTable, ([titles, fields, headers, rows]) => {
        const grid: Grid = [...titles, headers, ...rows];
        const layout = findTable(grid);
        expect(layout.headerRow).toBe(titles.length);
        expect(layout.firstDataRow).toBe(titles.length + 1);
        expect(layout.lastDataRow).toBe(grid.length - 1);
        const { mapping, missing } = proposeMapping(grid, layout);
        expect(missing).toEqual([]);
        expect(mapping.supplier?.column).toBe(fields.indexOf('supplier'));
        expect(mapping.amount?.column).toBe(fields.indexOf('amount'));
      }),
    );
  });
});
