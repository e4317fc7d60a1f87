/**
 * The summary figures beside the PivotTables are formulas over the analysis table (SUMIFS,
 * COUNTIFS, SUMPRODUCT, ROWS, IF); Excel computes them, so here the simulator computes them too
 * and they must agree with the core's own arithmetic: no error values, and every label matched
 * literally. (The command line's formula tables, categories with * ? ~ among them, are checked
 * in test/cli/summary-formulas.test.ts.)
 */
import { acceptProposal, FIRST_RUN, hooks, serviceAt, simulate } from './adapter-harness';
import { HEADER, PAYMENTS, TITLE_ROWS } from './spend-fixture';

const EXCEL_ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];
async function analyse() {
  const sim = simulate({ sheets: [{ name: 'Spend', cells: [...TITLE_ROWS, HEADER, ...PAYMENTS] }] });
  const service = serviceAt(FIRST_RUN);
  const result = await service.analyse(await acceptProposal(await service.inspect()), await hooks());
  return { sim, result };
}

describe('the summary formulas, computed as Excel computes them', () => {
  it('give no error value anywhere on the summary sheets', async () => {
    const { sim, result } = await analyse();
    for (const role of ['summary', 'top_suppliers', 'opportunities', 'method'] as const) {
      const name = result.sheetNames[role];
      const formulas = sim.formulas(name);
      const values = sim.values(name);
      const errors = formulas.flatMap((row, r) => row.flatMap((f, c) => (typeof f === 'string' && f.startsWith('=') && EXCEL_ERRORS.includes(String(values[r][c])) ? [`${name} R${r + 1}C${c + 1}: ${f}`] : [])));
      expect(errors).toEqual([]);
    }
    const analysed = sim.values(result.sheetNames.summary).find((row) => row[0] === 'Payments analysed');
    expect(analysed?.[1]).toBe(PAYMENTS.length);
  });

  it('match supplier keys that read as one number, or are longer than 255 characters, literally', async () => {
    const LONG = `${'Long Name '.repeat(30)}Ltd`;
    const suppliers = ['2024 Ltd', '02024 Ltd', LONG];
    const rows = PAYMENTS.map((row, i) => (i < suppliers.length ? row.map((cell, c) => (c === 1 ? suppliers[i] : cell)) : row));
    const sim = simulate({ sheets: [{ name: 'Spend', cells: [...TITLE_ROWS, HEADER, ...rows] }] });
    const service = serviceAt(FIRST_RUN);
    const result = await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    const top = sim.values(result.sheetNames.top_suppliers);
    const header = top.findIndex((row) => row.includes('Supplier') && row.includes('Spend (£)'));
    const nameAt = top[header].indexOf('Supplier');
    const spendAt = top[header].indexOf('Spend (£)');
    for (const line of result.summary.topSuppliers) {
      const row = top.find((r, i) => i > header && r[nameAt] === line.name)!;
      expect({ key: line.key, spend: row[spendAt] }).toEqual({ key: line.key, spend: line.spend });
    }
    expect(result.summary.topSuppliers.map((s) => s.key)).toEqual(expect.arrayContaining(['2024', '02024']));
  });
});

