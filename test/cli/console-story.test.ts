/**
 * What the command prints tells the whole story: the headline, then the payments without an
 * amount, the rows left out with counts by reason and their first row numbers, the rows outside
 * the dates, and, when much of the spend is of unknown locality, what to add. The words are right for one of anything.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runIn, temporaryFolder, workbookCells } from './cli-harness';

const HEADER = 'Supplier Name,Supplier Postcode,Payment Date,Net Amount';

function write(folder: string, name: string, lines: string[]): void {
  fs.writeFileSync(path.join(folder, name), `${lines.join('\r\n')}\r\n`);
}

describe('the console', () => {
  let folder: string;
  beforeAll(() => {
    folder = temporaryFolder('console-story');
    write(folder, 'spend.csv', [
      HEADER,
      // Rows 2–10: nine payments in May, two with postcodes.
      'Fishergate Cleaning Ltd,PR1 2AA,10/05/2024,1250.00',
      'Ribble Roofing Ltd,PR25 1AA,11/05/2024,4800.00',
      ...['Acme Stationery Ltd', 'Blue Sky Consulting', 'Northern Print Ltd', 'Kingfisher Catering Ltd', 'Moor Park Printers Ltd', 'Avenham Caterers', 'Brook Security Ltd'].map(
        (supplier, i) => `${supplier},,${12 + i}/05/2024,${100 * (i + 1)}.00`,
      ),
      // Rows 11–13: payments without an amount; rows 14–15 not payments.
      'Lune Valley Joinery,,15/05/2024,"2773,85"',
      'Lune Valley Joinery,,16/05/2024,"120,50"',
      'Preston Plumbing Ltd,,17/05/2024,n/a',
      ',,18/05/2024,55.00',
      'Total,,,12005.00',
      // Rows 16–19: outside the dates.
      'Old April Supplier,PR1 2AA,20/04/2024,10.00',
      'Old April Supplier,PR1 2AA,21/04/2024,11.00',
      'June Supplier,PR1 2AA,02/06/2024,12.00',
      'Undated Ltd,PR1 2AA,,13.00',
      // Row 20: a note under the data.
      'Figures are net of VAT.',
    ]);
  });

  test('the headline, then payments without an amount, rows left out by reason, rows outside the dates, and what to add for unknown spend', async () => {
    const run = await runIn(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire (ceremonial county)', '--from', '2024-05-01', '--to', '2024-05-31']);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('Spend baseline: 9 payments, 9 suppliers (10 of 19 rows not in the totals: see below)');
    const written = run.out.indexOf('Written: spend-baseline.xlsx');
    expect(run.out.slice(written - 8)).toEqual([
      '',
      'Payments without an amount, placed but not in the totals: 3 of 19 rows, rows 11, 12 and 13; e.g. row 11: amount "2773,85" is not a number',
      'Rows left out: 3 of 19 rows (the Method sheet lists every one)',
      '  1 with no supplier name: row 14',
      '  1 total or subtotal line: row 15',
      '  1 line of text too short to be a payment: row 20',
      'Rows outside the payment dates (--from/--to): 4 of 19 rows, rows 16, 17, 18 and 19 (2 paid before --from, 1 paid after --to, 1 with no payment date)',
      '',
      'Written: spend-baseline.xlsx',
      // The one hint on unknown spend, shared with the registers' advice: each way to place more of it.
      '',
      '32% of spend has no known locality. To place more of it:',
      "  --creditors FILE: your finance system's supplier list (supplier id, name, address lines, postcode)",
      '  --companies / --charities: Companies House and the charity register (downloads or a pack built by npm run registers:build), by supplier name or number',
      '  --online: postcodes.io for postcodes the offline pack does not hold (postcodes only are sent)',
      '  or type postcodes on the Suppliers sheet of spend-baseline.xlsx, then run on it again',
    ]);
  });

  test('no story lines when every row is analysed and unknown spend is small; one of anything in the singular', async () => {
    write(folder, 'one.csv', [HEADER, 'Fishergate Cleaning Ltd,PR1 2AA,10/05/2024,1250.00']);
    const run = await runIn(folder, ['one.csv', '--local', 'Preston', '--wider', 'Preston']);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('Spend baseline: 1 payment, 1 supplier');
    expect(run.out[1]).toBe('Local area Preston (1 district); wider area Preston (1 district)');
    // After the headline, only what every run says: no anchors in one organisation's file, and what LM3 needs.
    expect(run.out.slice(-7)).toEqual([
      '  Review (influenceability to be judged)               £0.00    0.0%',
      '',
      expect.stringMatching(/^No institution column in the header of "one" \(row 1\)/),
      '',
      'LM3: needs re-spend survey answers (the Re-spend survey sheet, or --respend FILE.csv).',
      '',
      'Written: one-baseline.xlsx',
    ]);
    const sheets = await workbookCells(path.join(folder, 'one-baseline.xlsx'));
    const baseline = [...sheets.get('Baseline')!.cells.values()].map((cell) => cell.value);
    expect(baseline).toContain('Preston (E07000123)');
    expect(baseline).toContain('Preston: 1 district');
    expect(baseline).toContain('Rows skipped (see Method)');
    expect(sheets.get('Top suppliers')!.cells.get('A1')?.value).toBe('All 1 supplier by spend');
  });

  test('a list of many rows is cut short with how many more; rows of combined files name their file', async () => {
    const many = [
      HEADER,
      ...Array.from({ length: 10 }, (_, i) => `Fishergate Cleaning Ltd,PR1 2AA,10/05/2024,${i + 1}00.00`),
      ...Array.from({ length: 8 }, (_, i) => `Acme Ltd,PR1 2AA,10/05/2024,"${i + 1},50"`),
    ];
    write(folder, 'many.csv', many);
    write(folder, 'other.csv', [HEADER, 'Total,,,1.00', 'Fishergate Cleaning Ltd,PR1 2AA,10/05/2024,5.00']);
    const run = await runIn(folder, ['many.csv', 'other.csv', '--local', 'Preston', '--wider', 'Lancashire (ceremonial county)', '--out', 'many.xlsx']);
    expect(run.code).toBe(0);
    expect(run.out.filter((line) => /^Payments without|^ {2}\d/.test(line))).toEqual([
      'Payments without an amount, placed but not in the totals: 8 of 20 rows, many.csv row 12, many.csv row 13, many.csv row 14, many.csv row 15, many.csv row 16 and 3 more; e.g. many.csv row 12: amount "1,50" is not a number',
      '  1 total or subtotal line: other.csv row 2',
    ]);
  });
});
