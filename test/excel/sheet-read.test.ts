import { readSheetGrids } from '../../src/excel/sheet-read';
import { simulate } from './adapter-harness';

describe('reading the add-in’s sheets whole', () => {
  it('reads a sheet of few but long cells in chunks when one response would be over 5 MB', async () => {
    // 48,000 cells (few enough to look "small") of 120 characters: about 6 MB of values.
    const sim = simulate({ sheets: [{ name: 'Suppliers' }, { name: 'Rules', cells: [['Priority'], [1]] }] });
    const text = (row: number, column: number) => `${row}:${column}:${'x'.repeat(110)}`;
    sim.fillCells('Suppliers', 'A1', 6000, 8, text);
    const grids = await Excel.run((context) => readSheetGrids(context, ['Suppliers', 'Rules', 'Register']));
    const suppliers = grids.get('Suppliers')!;
    expect(suppliers).toHaveLength(6000);
    expect(suppliers[5999][7]).toBe(text(5999, 7));
    expect(grids.get('Rules')).toEqual([['Priority'], [1]]);
    expect(grids.get('Register')).toBeUndefined();
  });
});
