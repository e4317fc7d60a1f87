import { acceptProposal, FIRST_RUN, hooks, serviceAt, simulate } from './adapter-harness';

const ROWS = 1_000_000;
const POSTCODES = ['PR1 2HE', 'M1 1AE', 'PR25 1AB', 'FY1 1AA', '', 'PR3 2', 'PR1 9AB'];
const CATEGORIES = ['Cleaning Services', 'Building Works', 'Electricity', 'Consultancy', 'Catering'];

/** A deterministic payment per row under the header row. */
function cellAt(row: number, column: number): string | number | null {
  if (row === 0) return ['Supplier Name', 'Supplier Postcode', 'Expense Type', 'Net Amount', 'Payment Date'][column];
  const r = row - 1;
  switch (column) {
    case 0: return `Supplier ${r % 4999} Ltd`;
    case 1: return POSTCODES[r % 4999 % POSTCODES.length];
    case 2: return CATEGORIES[r % CATEGORIES.length];
    case 3: return ((r * 7919) % 1_000_000) / 100;
    default: return 45383 + (r % 365);
  }
}

describe('a 1,000,000-row sheet', () => {
  it('is analysed in chunks under the request limits, every original cell unchanged', async () => {
    // A host without Table.resize (ExcelApi 1.8): the PivotTables are made once, over the new table.
    const sim = simulate({ sheets: [{ name: 'Big' }], host: { excelApiVersion: '1.8' } });
    sim.fillCells('Big', 'A1', ROWS + 1, 5, cellAt);
    const before = sim.columnHashes('Big', `A1:E${ROWS + 1}`);
    const service = serviceAt(FIRST_RUN);
    const overview = await service.inspect();
    expect(overview.data).toMatchObject({ headerRow: 1, rows: ROWS, address: `A1:E${ROWS + 1}` });
    sim.resetStats();
    const result = await service.analyse(await acceptProposal(overview), await hooks());

    expect(sim.columnHashes('Big', `A1:E${ROWS + 1}`)).toEqual(before);
    expect(result.summary.totals.rows).toBe(ROWS);
    expect(sim.values('Big', `F${ROWS + 1}:G${ROWS + 1}`)[0]).toEqual(['Rest of UK', 'Blackpool (E06000009)']);
    const stats = sim.stats;
    expect(stats.history.every((sync) => !sync.failedWith)).toBe(true);
    expect(stats.largestRequestBytes).toBeLessThanOrEqual(4_000_000);
    expect(stats.largestResponseBytes).toBeLessThanOrEqual(4_000_000);
    // Syncs follow the bytes moved (about 300 MB here), not the rows: a few hundred, not a million.
    expect(stats.syncs).toBeLessThan(Math.ceil((stats.requestBytes + stats.responseBytes) / 3_000_000) + 40);
  }, 900_000);
});
