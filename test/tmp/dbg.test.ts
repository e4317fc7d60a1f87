import { acceptProposal, FIRST_RUN, hooks, serviceAt, simulate } from '../excel/adapter-harness';
const POSTCODES = ['PR1 2HE', 'M1 1AE', 'PR25 1AB', 'FY1 1AA', '', 'PR3 2', 'PR1 9AB'];
it('dbg', async () => {
  const N = Number(process.env.ROWS ?? 100000);
  const sim = simulate({ sheets: [{ name: 'Big' }], host: { excelApiVersion: '1.8' } });
  sim.fillCells('Big', 'A1', N + 1, 4, (row, column) => {
    if (row === 0) return ['Supplier Name', 'Supplier Postcode', 'Expense Type', 'Net Amount'][column];
    const r = row - 1;
    return [`Distinct supplier number ${r} Limited`, POSTCODES[r % 7], 'Cleaning Services', (r % 1000) + 0.5][column];
  });
  const service = serviceAt(FIRST_RUN);
  const request = await acceptProposal(await service.inspect());
  const watch = sim.watchResponsiveness({ intervalMs: 250, busyShare: 0.9, intervals: 3 });
  const t = performance.now();
  const phases: string[] = [];
  let last = '';
  await service.analyse(request, await hooks({ onProgress: (p) => { if (p.phase !== last) { last = p.phase; phases.push(`${p.phase}@${(performance.now() - t).toFixed(0)}@${new Date().toISOString()}`); } } }));
  const report = watch.stop();
  console.log(N, 'total', (performance.now() - t).toFixed(0), phases.join(' '), 'longest', report.longestBlockMs.toFixed(0), 'warnings', report.warnings, 'shares', report.busyShares.map((s) => s.toFixed(2)).join(','));
}, 600000);
