/** A year of payments to many suppliers with long names and categories: what a committee prints. */
import * as fs from 'fs';
import * as path from 'path';

const POSTCODES = ['PR1 2AA', 'PR25 1AA', 'FY1 1AA', 'M1 1AE', 'LS1 4AP', ''];
const CATEGORIES = ['Building Repairs & Maintenance', 'Cleaning Services', 'Professional Services: Consultancy and Legal Advice', 'Transport & Vehicle Hire', 'Electricity'];

export function writePrintedSpend(folder: string): void {
  const lines = ['Supplier Name,Supplier Postcode,Expense Type,Net Amount'];
  for (let i = 0; i < 80; i++) {
    const name = i % 7 === 0 ? `The Northern Lancashire Community Interest Company for Sustainable Building Services No ${i} Limited` : `Supplier ${i} & Sons Ltd`;
    lines.push(`"${name}",${POSTCODES[i % POSTCODES.length]},"${CATEGORIES[i % CATEGORIES.length]}",${(100000 / (i + 1)).toFixed(2)}`);
  }
  fs.writeFileSync(path.join(folder, 'spend.csv'), `${lines.join('\r\n')}\r\n`);
}
