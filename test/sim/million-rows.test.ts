import { createColumnHasher } from './column-hash';
import { createExcelSimulator } from './excel-simulator';

const ROWS = 1_000_000;
const COLUMNS = 10;

/** A deterministic cell for row r, column c: text, numbers and blanks mixed as in a spend file. */
function cellAt(r: number, c: number): string | number | null {
  switch (c) {
    case 0: return `Supplier ${r % 9973}`;
    case 1: return (r * 37) % 100000 / 100;
    case 2: return r % 11 === 0 ? null : `LS${r % 30} ${r % 9}AB`;
    default: return c % 2 === 0 ? `c${c}-${r % 101}` : r % 1000;
  }
}

describe('a 1,000,000-row by 10-column sheet', () => {
  it('fits, and reads back in chunks under the limits with the same per-column hashes', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Big' }] });
    sim.fillCells('Big', 'A1', ROWS, COLUMNS, cellAt);
    const expected = createColumnHasher(COLUMNS);
    const row: Array<string | number | null> = new Array(COLUMNS);
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLUMNS; c++) row[c] = cellAt(r, c);
      expected.addRow(row);
    }
    expect(sim.usedRange('Big')).toBe('Big!A1:J1000000');

    const read = createColumnHasher(COLUMNS);
    const chunkRows = 50_000;
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Big');
      for (let top = 0; top < ROWS; top += chunkRows) {
        const chunk = sheet.getRangeByIndexes(top, 0, Math.min(chunkRows, ROWS - top), COLUMNS);
        chunk.load('values');
        await context.sync();
        for (const row of chunk.values) read.addRow(row);
      }
    });
    expect(read.digest()).toEqual(expected.digest());
    expect(sim.columnHashes('Big')).toEqual(expected.digest());
    const stats = sim.stats;
    expect(stats.syncs).toBe(ROWS / chunkRows);
    expect(stats.largestResponseBytes).toBeLessThan(5_000_000);
  }, 180_000);
});
