import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../../src/core/cell';
import { parseCsv } from '../../src/core/csv';
import { proposeMapping } from '../../src/core/mapping-proposal';
import { isTotalLabel, readSpendRows } from '../../src/core/rows';
import { findTable } from '../../src/core/table';
import { decodeText } from '../../src/core/text-decode';
import { GENERATED_HEADER, generateSpendCsv } from '../support/spend-generator';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'input');
const fixture = (name: string): Grid => parseCsv(decodeText(fs.readFileSync(path.join(FIXTURES, name))).text);

function read(grid: Grid, options?: { firstRowNumber?: number; source?: string }) {
  const layout = findTable(grid);
  const { mapping } = proposeMapping(grid, layout);
  return readSpendRows(grid, layout, mapping, options);
}

describe('readSpendRows', () => {
  test('title lines, blank rows, totals, payments without an amount, notes and missing suppliers, row numbers as Excel shows them', () => {
    const { rows, skipped } = read(fixture('title-lines.csv'));
    expect(rows).toEqual([
      { row: 6, supplier: 'Acme Cleaning Ltd', amount: 1250, postcode: 'PR1 2HE', category: 'Cleaning Services', date: 45384 },
      { row: 7, supplier: 'Ribble Roofing Limited', amount: 875.5, postcode: 'PR2 9ZZ', category: 'Repairs & Maintenance', date: 45385 },
      { row: 9, supplier: 'Lancashire County Council', amount: 12000, postcode: 'PR1 8XJ', category: 'Levies', date: 45386 },
      { row: 10, supplier: 'Acme Cleaning Ltd', amount: -250, postcode: 'PR1 2HE', category: 'Cleaning Services', date: 45387 },
      // A payment whose amount is not a number is still placed and judged; it adds nothing.
      { row: 12, supplier: 'N/A Supplies', amount: 0, amountMissing: 'amount is "N/A", not a number', postcode: 'M1 1AA', category: 'Equipment', date: 45388 },
    ]);
    expect(skipped).toEqual([
      { row: 11, kind: 'total', reason: 'total or subtotal row' },
      { row: 13, kind: 'no_supplier', reason: 'no supplier name' },
      { row: 14, kind: 'total', reason: 'total or subtotal row' },
      // A note under the data has no amount and too few cells to be a payment.
      { row: 15, kind: 'note', reason: 'amount is blank' },
    ]);
  });

  test('blank, "-" and text amounts of a contracts register: every line is a payment without an amount', () => {
    const grid = parseCsv(
      'Supplier,Contract,Start,Value\nAcme Ltd,Cleaning,01/04/2024,\nBeta Ltd,Repairs,01/05/2024,-\nGamma Ltd,Catering,01/06/2024,TBC\nDelta Ltd,Security,01/07/2024,-3.46945E-18\nEpsilon Ltd,Waste,01/08/2024,"12,500.00"\n',
      ',',
    );
    const { rows, skipped } = read(grid);
    expect(skipped).toEqual([]);
    expect(rows.map((row) => [row.supplier, row.amount, row.amountMissing])).toEqual([
      ['Acme Ltd', 0, 'amount is blank'],
      ['Beta Ltd', 0, 'amount is "-", not a number'],
      ['Gamma Ltd', 0, 'amount "TBC" is not a number'],
      ['Delta Ltd', -3.46945e-18, undefined],
      ['Epsilon Ltd', 12500, undefined],
    ]);
  });

  test('credits net off against spend', () => {
    const { rows } = read(fixture('title-lines.csv'));
    expect(rows.reduce((sum, row) => sum + row.amount, 0)).toBe(13875.5);
  });

  test('a header-less file: its header line repeated at the bottom is reported, trailing-minus credits read', () => {
    const { rows, skipped } = read(fixture('no-header.csv'));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual({
      row: 1,
      supplier: 'Rhea Projects',
      amount: 2730,
      description: 'Affordable Warmth Grant',
      date: 45720,
    });
    expect(rows.find((row) => row.supplier === 'Ipl Plastics (Uk) Ltd')?.amount).toBe(-290.25);
    expect(skipped).toEqual([{ row: 9, kind: 'header', reason: 'repeated header line' }]);
  });

  test('a repeated header line inside headed data is reported as such', () => {
    const grid = parseCsv('Supplier,Amount\nAcme Ltd,5\nSupplier,Amount\nBeta Ltd,6\n', ',');
    expect(read(grid).skipped).toEqual([{ row: 3, kind: 'header', reason: 'repeated header line' }]);
  });

  test('text is trimmed but the supplier is kept as written; numbers and booleans become text', () => {
    const grid: Grid = [
      ['Supplier', 'Amount', 'Supplier ID', 'SME', 'Locality override'],
      ['  A.B.C. LIMITED  ', 5, 12345, true, ' Preston '],
      ['', null, null, null, null],
      ['Beta Ltd', '£6.00', null, false, ''],
    ];
    const { rows, skipped } = read(grid, { firstRowNumber: 3, source: 'march.xlsx' });
    expect(rows).toEqual([
      { row: 4, source: 'march.xlsx', supplier: 'A.B.C. LIMITED', amount: 5, supplierId: '12345', sme: 'TRUE', localityOverride: 'Preston' },
      { row: 6, source: 'march.xlsx', supplier: 'Beta Ltd', amount: 6, sme: 'FALSE' },
    ]);
    expect(skipped).toEqual([]);
  });

  test('skipped rows carry the source too; a row with neither supplier nor amount says both', () => {
    const grid = parseCsv('Supplier,Amount,Note\nAcme Ltd,5,x\n,,left blank\n', ',');
    expect(read(grid, { source: 'a.csv' }).skipped).toEqual([
      { row: 3, kind: 'no_supplier', reason: 'no supplier name, and amount is blank', source: 'a.csv' },
    ]);
  });

  test('without a supplier and an amount column there is nothing to read', () => {
    const grid = parseCsv('Supplier,Amount\nAcme Ltd,5\n', ',');
    expect(() => readSpendRows(grid, findTable(grid), {})).toThrow('needs the supplier and amount columns');
  });
});

describe('isTotalLabel', () => {
  test.each(['Total', 'TOTAL:', 'Totals', 'Sub-total', 'Subtotal', 'Sub Total', 'Grand Total', 'Total for April 2024', 'Total - April', 'Acme Ltd Total'])(
    '%p is a total',
    (text) => expect(isTotalLabel(text)).toBe(true),
  );
  test.each(['Total Gas & Power Ltd', 'Total-Play Limited', 'TOTAL LEADERSHIP PROGRAMME', 'Totally Locally CIC', 'Acme Ltd'])(
    '%p is not',
    (text) => expect(isTotalLabel(text)).toBe(false),
  );

  test('a payment described as a total is still a payment', () => {
    const grid = parseCsv('Supplier,Description,Amount,Date\nAcme Ltd,Total for works,5,01/04/2024\n', ',');
    expect(read(grid).rows).toHaveLength(1);
  });
});

describe('the seeded spend generator behind the benchmarks', () => {
  test('is deterministic and reads cleanly: every column mapped, no skips, some credits, some without postcode', () => {
    const text = generateSpendCsv(2000, 7);
    expect(generateSpendCsv(2000, 7)).toBe(text);
    expect(generateSpendCsv(2000, 8)).not.toBe(text);
    const grid = parseCsv(text);
    const layout = findTable(grid);
    const { mapping, missing } = proposeMapping(grid, layout);
    expect(missing).toEqual([]);
    expect(Object.values(mapping).map((mapped) => mapped!.header).sort()).toEqual(GENERATED_HEADER.split(',').sort());
    const { rows, skipped } = readSpendRows(grid, layout, mapping);
    expect(skipped).toEqual([]);
    expect(rows).toHaveLength(2000);
    expect(rows.filter((row) => row.amount < 0).length).toBeGreaterThan(20);
    expect(rows.filter((row) => row.postcode === undefined).length).toBeGreaterThan(20);
    expect(rows.every((row) => row.date !== undefined && row.category !== undefined)).toBe(true);
  });
});
