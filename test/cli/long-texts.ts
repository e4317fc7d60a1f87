/** A spend file whose texts are longer than an Excel cell holds, for the tests of Excel's limits. */
import * as fs from 'fs';
import * as path from 'path';

export const LONG_NAME = 'Very Long Supplier Name Ltd '.repeat(1500).trim();
export const LONG_CATEGORY = 'Catering '.repeat(5000).trim();
export const LONG_DESCRIPTION = 'Lorem ipsum dolor '.repeat(2300).trim();

/** A spend file with one payment whose supplier, category and description are each longer than a cell holds. */
export function writeLongTexts(folder: string): void {
  const quote = (text: string) => `"${text}"`;
  fs.writeFileSync(
    path.join(folder, 'long.csv'),
    [
      'Supplier Name,Supplier Postcode,Expense Type,Description,Net Amount',
      'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,Monthly clean,1250.00',
      [quote(LONG_NAME), 'PR1 2AA', quote(LONG_CATEGORY), quote(LONG_DESCRIPTION), '500.00'].join(','),
      'Acme Ltd,M1 1AE,Printing,Leaflets,300.00',
    ].join('\r\n'),
  );
}
