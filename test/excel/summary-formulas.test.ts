/**
 * The summary figures are formulas over the analysis table (SUMIFS, COUNTIFS, ROWS, IF); Excel
 * computes them, so here the simulator computes them too and they must agree with the core's own
 * arithmetic: no error values, and text criteria matched exactly even with * ? ~ in them.
 */
import { acceptProposal, FIRST_RUN, hooks, serviceAt, simulate } from './adapter-harness';
import { HEADER, PAYMENTS, TITLE_ROWS } from './spend-fixture';

const EXCEL_ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];
const CATEGORY = 3;
const AMOUNT = 5;
/** A category with every wildcard character in it, and one its unescaped pattern would also match. */
const WILD = 'Print?ing * Stationery ~';
const LOOKALIKE = 'Printxing and more Stationery ~';

function payments() {
  return PAYMENTS.map((row, i) => (i === 9 ? row.map((cell, c) => (c === CATEGORY ? WILD : cell)) : i === 11 ? row.map((cell, c) => (c === CATEGORY ? LOOKALIKE : cell)) : row));
}

async function analyseOnFormulaHost() {
  const sim = simulate({ sheets: [{ name: 'Spend', cells: [...TITLE_ROWS, HEADER, ...payments()] }], host: { excelApiVersion: '1.7' } });
  const service = serviceAt(FIRST_RUN);
  const result = await service.analyse(await acceptProposal(await service.inspect()), await hooks());
  return { sim, result };
}

describe('the summary formulas, computed as Excel computes them', () => {
  it('give no error value anywhere on the summary sheets', async () => {
    const { sim, result } = await analyseOnFormulaHost();
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

  it('match a category with * ? ~ in it exactly, not as a pattern', async () => {
    const { sim, result } = await analyseOnFormulaHost();
    const baseline = sim.values(result.sheetNames.summary);
    const wild = baseline.filter((row) => row[0] === WILD);
    expect(wild.length).toBeGreaterThan(0);
    const spend = payments().filter((row) => row[CATEGORY] === WILD).reduce((sum, row) => sum + (row[AMOUNT] as number), 0);
    for (const row of wild) expect(row.filter((v): v is number => typeof v === 'number')).toContain(spend);
  });

  it('match supplier keys that read as one number, or are longer than 255 characters, literally', async () => {
    const LONG = `${'Long Name '.repeat(30)}Ltd`;
    const suppliers = ['2024 Ltd', '02024 Ltd', LONG];
    const rows = PAYMENTS.map((row, i) => (i < suppliers.length ? row.map((cell, c) => (c === 1 ? suppliers[i] : cell)) : row));
    const sim = simulate({ sheets: [{ name: 'Spend', cells: [...TITLE_ROWS, HEADER, ...rows] }] });
    const service = serviceAt(FIRST_RUN);
    const result = await service.analyse(await acceptProposal(await service.inspect()), await hooks());
    const top = sim.values(result.sheetNames.top_suppliers);
    const header = top.findIndex((row) => row.includes('Supplier key'));
    const keyAt = top[header].indexOf('Supplier key');
    const spendAt = top[header].indexOf('Spend (£)');
    for (const line of result.summary.topSuppliers) {
      const row = top.find((r, i) => i > header && r[keyAt] === line.key)!;
      expect({ key: line.key, spend: row[spendAt] }).toEqual({ key: line.key, spend: line.spend });
    }
    expect(result.summary.topSuppliers.map((s) => s.key)).toEqual(expect.arrayContaining(['2024', '02024']));
  });
});

