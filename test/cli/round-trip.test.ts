/**
 * Nothing lost: the annotated copy holds every original cell unchanged (value and format, every
 * sheet), and analysing the copy again changes nothing but the analysis time stamp.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../src/core/csv';
import { formatDateTime } from '../../src/core/report/blocks';
import { stateFromCells, STATE_SHEET } from '../../src/core/settings';
import { CLI_FIXTURES, FIXED_NOW, runIn, temporaryFolder, workbookCells, writeTitledWorkbook, type SheetRecord } from './cli-harness';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];

let folder: string;
beforeAll(async () => {
  folder = temporaryFolder('round-trip');
  await writeTitledWorkbook(path.join(folder, 'april.xlsx'));
  fs.copyFileSync(path.join(CLI_FIXTURES, 'council-payments.csv'), path.join(folder, 'council-payments.csv'));
});

/** The cells of `sheet` left of `firstResultColumn` (1-based), by address. */
function cellsLeftOf(sheet: SheetRecord, firstResultColumn: number) {
  return [...sheet.cells].filter(([address]) => columnOf(address) < firstResultColumn);
}
const columnOf = (address: string) => [.../^[A-Z]+/.exec(address)![0]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

describe('the annotated copy holds every original cell unchanged', () => {
  test('an .xlsx with title lines: every cell of every original sheet, value and number format', async () => {
    const run = await runIn(folder, ['april.xlsx', ...AREAS]);
    expect(run).toMatchObject({ code: 0 });
    const before = await workbookCells(path.join(folder, 'april.xlsx'));
    const after = await workbookCells(path.join(folder, 'april-baseline.xlsx'));
    for (const [name, sheet] of before) {
      const copy = after.get(name)!;
      expect(copy.state).toBe(sheet.state);
      for (const [address, cell] of sheet.cells) expect({ address, ...copy.cells.get(address) }).toEqual({ address, ...cell });
    }
    // The results are beside the data (from column G), never over it.
    const written = [...after.get('April payments')!.cells.keys()].filter((address) => !before.get('April payments')!.cells.has(address));
    expect(written.length).toBeGreaterThan(0);
    expect(Math.min(...written.map(columnOf))).toBe(7);
    expect(after.get('April payments')!.cells.get('G4')?.value).toBe('Locality');
  });

  test('a CSV: every field of every record, as the text it was', async () => {
    const run = await runIn(folder, ['council-payments.csv', ...AREAS]);
    expect(run).toMatchObject({ code: 0 });
    const records = parseCsv(fs.readFileSync(path.join(folder, 'council-payments.csv'), 'utf8'));
    const sheet = (await workbookCells(path.join(folder, 'council-payments-baseline.xlsx'))).get('council-payments')!;
    const expected = new Map<string, string>();
    records.forEach((record, r) =>
      record.forEach((field, c) => {
        if (field !== '') expected.set(`${String.fromCharCode(65 + c)}${r + 1}`, field);
      }),
    );
    expect(new Map(cellsLeftOf(sheet, 6).map(([address, cell]) => [address, cell.value]))).toEqual(expected);
    // Text that looks like a formula stays text.
    expect(sheet.cells.get('A12')?.value).toBe('=HYPERLINK(x) Trading Ltd');
  });
});

describe('a second run over the output changes nothing but the analysis time stamp', () => {
  const later = new Date('2025-06-02T14:45:00Z');

  /** Run 1's cells with its time stamp replaced by run 2's: what run 2 must have written. */
  function restamped(sheets: Map<string, SheetRecord>): Map<string, SheetRecord> {
    const swap = (value: unknown): unknown =>
      typeof value === 'string'
        ? value.split(formatDateTime(FIXED_NOW.toISOString())).join(formatDateTime(later.toISOString()))
        : value && typeof value === 'object'
          ? JSON.parse(JSON.stringify(value).split(formatDateTime(FIXED_NOW.toISOString())).join(formatDateTime(later.toISOString())))
          : value;
    return new Map(
      [...sheets].map(([name, sheet]) => [name, { state: sheet.state, cells: new Map([...sheet.cells].map(([a, c]) => [a, { ...c, value: swap(c.value) }])) }]),
    );
  }

  function stateOf(sheets: Map<string, SheetRecord>) {
    const cells = [...sheets.get(STATE_SHEET)!.cells.values()].map((c) => String(c.value));
    return stateFromCells(cells);
  }

  test.each([
    ['april.xlsx', 'april-baseline.xlsx'],
    ['council-payments.csv', 'council-payments-baseline.xlsx'],
  ])('%s: every cell of every sheet, the hidden state apart from its time stamps', async (input, first) => {
    const firstRun = await runIn(folder, [input, ...AREAS, '--out', first]);
    expect(firstRun.code).toBe(0);
    const second = `again-${first}`;
    const secondRun = await runIn(folder, [first, '--out', second], { now: () => later });
    expect(secondRun).toMatchObject({ code: 0, err: [] });
    // The same headline, figure for figure (the first run went over an earlier test's output, and says what it carried from it).
    const headline = (lines: string[]) => lines.slice(0, -1).filter((line) => !line.startsWith('Carried from the earlier'));
    expect(headline(secondRun.out)).toEqual(headline(firstRun.out));

    const before = await workbookCells(path.join(folder, first));
    const after = await workbookCells(path.join(folder, second));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const expected = restamped(before);
    for (const [name, sheet] of after) {
      if (name === STATE_SHEET) continue;
      const want = expected.get(name)!;
      expect({ name, state: sheet.state }).toEqual({ name, state: want.state });
      expect({ name, addresses: [...sheet.cells.keys()].sort() }).toEqual({ name, addresses: [...want.cells.keys()].sort() });
      for (const [address, cell] of sheet.cells) expect({ name, address, ...cell }).toEqual({ name, address, ...want.cells.get(address) });
    }
    const stateBefore = stateOf(before);
    const stateAfter = stateOf(after);
    expect(stateAfter.history.last?.at).toBe(later.toISOString());
    expect({ ...stateAfter, history: { ...stateAfter.history, last: { ...stateAfter.history.last, at: '' } } }).toEqual({
      ...stateBefore,
      history: { ...stateBefore.history, last: { ...stateBefore.history.last, at: '' } },
    });
  });
});
