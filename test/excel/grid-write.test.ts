import { BatchWriter } from '../../src/excel/batch-writer';
import { rowsOf, writeRows } from '../../src/excel/grid-write';
import { simulate } from './adapter-harness';

describe('writing rows over cells formatted as Text', () => {
  it('makes formulas calculate and strings stay text, whatever format the cells had', async () => {
    const sim = simulate({ sheets: [{ name: 'S', cells: [[1], [2]], numberFormats: { 'B1:D1': '@' } }] });
    await Excel.run(async (context) => {
      const writer = new BatchWriter(context);
      const sheet = context.workbook.worksheets.getItem('S');
      await writeRows(writer, sheet, 0, 1, rowsOf([[{ formula: 'SUM(A1:A2)', value: 3 }, 7, '=A1']]));
      await writer.flush();
    });
    expect(sim.values('S', 'B1:D1')).toEqual([[3, 7, '=A1']]);
    expect(sim.numberFormats('S', 'B1:D1')).toEqual([['General', 'General', '@']]);
  });
});
