/**
 * The Opportunities sheet with the Local register empty (it says how to fill it, and --register)
 * and filled (each kind of spend that leaks lists the local businesses whose categories the rules
 * read as that kind, with why, and its co-operative potential; businesses outside the area are
 * listed apart, with why).
 */
import * as fs from 'fs';
import * as path from 'path';
import { runIn, temporaryFolder, workbookCells, type SheetRecord } from './cli-harness';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];

function write(folder: string, name: string, lines: string[]): void {
  fs.writeFileSync(path.join(folder, name), `${lines.join('\r\n')}\r\n`);
}

/** The sheet's rows as arrays of values, by row number. */
function rowsOf(sheet: SheetRecord): Map<number, unknown[]> {
  const rows = new Map<number, unknown[]>();
  for (const [address, cell] of sheet.cells) {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
    const row = rows.get(Number(digits)) ?? [];
    row[letters.charCodeAt(0) - 65] = cell.value;
    rows.set(Number(digits), row);
  }
  return rows;
}

/** The opportunity line of a kind of spend: its values from column A. */
function opportunity(sheet: SheetRecord, kind: string): unknown[] {
  return [...rowsOf(sheet).values()].find((row) => row[0] === kind)!;
}

describe('the Opportunities sheet', () => {
  let folder: string;
  beforeAll(() => {
    folder = temporaryFolder('opportunities');
    write(folder, 'spend.csv', [
      'Supplier Name,Supplier Postcode,Expense Type,Net Amount',
      'Mancunian Cleaning Ltd,M1 1AE,Cleaning Services,300.00',
      'Manchester Legal LLP,M1 1AE,Legal Services,200.00',
      'Blackpool Coaches Ltd,FY1 1AA,Transport,50.00',
      'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,1000.00',
    ]);
    write(folder, 'register.csv', [
      'Name,Postcode,Categories,SME,VCSE,Co-operative',
      'Avenham Cleaning Co-operative,PR1 2AB,Office cleaning; Window cleaning,yes,,yes',
      'Ribble Legal Partners,PR25 1AA,Legal,yes,,',
      'Far Away Cleaners,M1 1AE,Cleaning,yes,,',
      'Nowhere Caterers,,Catering,,,',
    ]);
  });

  test('with the Local register empty, it says how to fill it, and --register', async () => {
    expect(await runIn(folder, ['spend.csv', ...AREAS, '--out', 'empty.xlsx'])).toMatchObject({ code: 0 });
    const sheet = (await workbookCells(path.join(folder, 'empty.xlsx'))).get('Opportunities')!;
    const texts = [...sheet.cells.values()].map((cell) => cell.value);
    expect(texts).toContain('The Local register sheet is empty, so no local supplier is suggested yet: see below how to fill it.');
    expect(texts).toContain('How to fill the Local register sheet');
    expect(texts).toContain('With the command line, --register FILE (a .csv or .xlsx with those columns) is read instead of the sheet, and fills it when the workbook has none.');
    // The leakage is there all the same, with its co-operative potential.
    expect(opportunity(sheet, 'Cleaning').slice(0, 5)).toEqual(['Cleaning', 300, 300 / 550, 'Yes: none on the register yet; a new co-operative could be scoped', 0]);
  });

  test('with a register, each kind of spend lists the local businesses the rules read as supplying it, with why', async () => {
    expect(await runIn(folder, ['spend.csv', ...AREAS, '--register', 'register.csv', '--out', 'filled.xlsx'])).toMatchObject({ code: 0 });
    const sheet = (await workbookCells(path.join(folder, 'filled.xlsx'))).get('Opportunities')!;
    // "Office cleaning" is the cleaning rule's kind: a local co-operative.
    expect(opportunity(sheet, 'Cleaning')).toEqual([
      'Cleaning',
      300,
      300 / 550,
      'Yes: 1 co-operative on the register can supply it',
      1,
      'Avenham Cleaning Co-operative (PR1 2AB; Local (Preston); SME, co-operative): "Office cleaning"',
    ]);
    // "Legal" is a professional service: a business in the wider area.
    const professional = 'Professional services (consultancy, legal, surveys, valuations, architects)';
    expect(opportunity(sheet, professional)).toEqual([professional, 200, 200 / 550, undefined, 1, 'Ribble Legal Partners (PR25 1AA; Wider area (Lancashire); SME): "Legal"']);
    // Transport has co-operative potential and no one on the register yet.
    expect(opportunity(sheet, 'Transport').slice(3, 5)).toEqual(['Yes: none on the register yet; a new co-operative could be scoped', 0]);
    // Businesses outside the area are not suggested, and the sheet says why.
    const texts = [...sheet.cells.values()].map((cell) => cell.value);
    expect(texts).not.toContain('How to fill the Local register sheet');
    expect(opportunity(sheet, 'Far Away Cleaners')).toEqual(['Far Away Cleaners', 'M1 1AE', 'Rest of UK: outside the wider area']);
    expect(opportunity(sheet, 'Nowhere Caterers')).toEqual(['Nowhere Caterers', undefined, 'No postcode: add one to place it']);
  });
});
