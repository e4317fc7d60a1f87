/**
 * A small spend sheet as councils publish it: two title lines and a blank line above the header
 * (on row 4), payments with full, partial and missing postcodes, names Excel would take for a
 * formula or a number, a credit note and a total line at the bottom.
 */
import type { SetupCell } from '../sim/simulator-setup';

export const HEADER = ['Payment Date', 'Supplier Name', 'Supplier Postcode', 'Expense Type', 'Description', 'Net Amount'];

export const PAYMENTS: SetupCell[][] = [
  [45383, 'Acme Cleaning Ltd', 'PR1 2HE', 'Cleaning Services', 'Office cleaning April', 1250.5],
  [45384, '=HYPERLINK("http://x","pay")', 'PR3 0AB', 'Repairs & Maintenance', 'Roof repair', 830],
  [45385, '+44 Ltd', 'M1 1AE', 'Consultancy', 'Review of services', 4200],
  [45386, 'Lancashire County Council', 'PR1 2AA', 'Levies', 'Annual levy', 15000],
  [45387, 'Water Plus - 123 - Site A', 'PR25 1AB', 'Water Charges', 'Water', 310.25],
  [45388, 'Water Plus - 456 - Site B', '', 'Water Charges', 'Water', 120],
  [45389, '-Dash Couriers', 'PR3 2', 'Vehicle Hire', 'Van hire', 640],
  [45390, 'Acme Cleaning Ltd', 'PR1 2HE', 'Cleaning Services', 'Credit note', -125.5],
  [45391, 'Kingfisher Catering Ltd', 'SW1A 1AA', 'Catering', 'Event catering', 990],
  [45392, 'Pennine Print Ltd', '', 'Printing & Stationery', 'Leaflets', 455],
  [45393, '@Home Furniture', 'FY1 1AA', 'Furniture', 'Chairs', 2100],
  [45394, 'Summit Security Ltd', 'PR1 9AB', 'Security Services', 'Guarding', 3000],
];

export const TITLE_ROWS: SetupCell[][] = [['Preston City Council: spend over £500'], ['Period: April 2024'], []];

/** Title lines, the header on row 4, the payments, a blank line and a total line. */
export function spendSheetCells(): SetupCell[][] {
  return [...TITLE_ROWS, HEADER, ...PAYMENTS, [], ['', 'Total', '', '', '', 29150.25]];
}

/** The used range of spendSheetCells on a sheet. */
export const SPEND_ADDRESS = `A1:F${3 + 1 + PAYMENTS.length + 2}`;
