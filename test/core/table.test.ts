import type { Grid } from '../../src/core/cell';
import { parseCsv } from '../../src/core/csv';
import { findTable } from '../../src/core/table';

const csv = (text: string): Grid => parseCsv(text, ',');

describe('findTable', () => {
  test('a header in row 1', () => {
    const grid = csv('Supplier,Amount,Date\nAcme Ltd,5.00,01/04/2024\nBeta Ltd,6.00,02/04/2024\n');
    expect(findTable(grid)).toEqual({ headerRow: 0, headers: ['Supplier', 'Amount', 'Date'], firstDataRow: 1, lastDataRow: 2 });
  });

  test('title lines above the header, which may itself contain a date or an amount', () => {
    const grid = csv(
      'Preston City Council\nPayments over £500,,\nPeriod: 01/04/2024 to 30/04/2024,,\n\nSupplier Name,Net Amount,Payment Date\nAcme Ltd,5.00,01/04/2024\n',
    );
    const layout = findTable(grid);
    expect(layout.headerRow).toBe(4);
    expect(layout.firstDataRow).toBe(5);
    expect(layout.headers).toEqual(['Supplier Name', 'Net Amount', 'Payment Date']);
  });

  test('the header row with most recognised columns wins over a label row above it', () => {
    // "Council" and "Date printed" read as headers too, but the real header names three fields.
    const grid = csv('Supplier payments,Council,Date printed\nName,Account Detail,Net Amount(£)\nAcme Ltd,Cleaning,5.00\n');
    expect(findTable(grid).headerRow).toBe(1);
  });

  test('headers the vocabulary does not know: a row of labels over a row of values', () => {
    const grid = csv('Lieferant,Betrag,Datum\nAcme GmbH,5.00,01/04/2024\n');
    expect(findTable(grid).headerRow).toBe(0);
  });

  test('no header: generated labels, data from the first row of values', () => {
    const grid = csv('Spend over £250\nAcme Ltd,,5.00,01/04/2024\nBeta Ltd,,6.00,02/04/2024\n');
    expect(findTable(grid)).toEqual({
      headerRow: null,
      headers: ['Column A', 'Column B', 'Column C', 'Column D'],
      firstDataRow: 1,
      lastDataRow: 2,
    });
  });

  test('a header line at the bottom of the data is not the table header', () => {
    const grid = csv('Acme Ltd,5.00,01/04/2024\nBeta Ltd,6.00,02/04/2024\nGamma Ltd,7.00,03/04/2024\nName,Amount Paid,Payment Date\n');
    const layout = findTable(grid);
    expect(layout.headerRow).toBeNull();
    expect(layout.firstDataRow).toBe(0);
    expect(layout.lastDataRow).toBe(3);
  });

  test('blank header cells over blank interleaved columns get a column label; widths follow the widest row', () => {
    const grid = csv('Name:  ,,Amount Paid\nAcme Ltd,,5.00,extra\n');
    expect(findTable(grid).headers).toEqual(['Name:', 'Column B', 'Amount Paid', 'Column D']);
  });

  test('trailing blank rows are outside the table; blank rows and totals inside it stay for the row reader', () => {
    const grid = csv('Supplier,Amount\nAcme Ltd,5\n,\nBeta Ltd,6\nTotal,11\n,\n\n');
    expect(findTable(grid)).toMatchObject({ headerRow: 0, firstDataRow: 1, lastDataRow: 4 });
  });

  test('an empty sheet', () => {
    expect(findTable([])).toEqual({ headerRow: null, headers: [], firstDataRow: 0, lastDataRow: -1 });
    expect(findTable([[null, ''], ['  ']])).toEqual({ headerRow: null, headers: [], firstDataRow: 0, lastDataRow: -1 });
  });
});
