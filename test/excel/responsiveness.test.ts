/**
 * A large sheet must never freeze Excel. Office restarts an add-in that does not yield for five
 * seconds, and warns when it keeps 90% of a core through three five-second intervals (see
 * test/sim/responsiveness.ts); here both are watched, scaled down (intervals of one second,
 * blocking of at most one second, pauses to collect garbage included), while the add-in reads,
 * prepares and classifies 100,000 payments to as many suppliers (the write phase is Excel's work,
 * and is cancelled before it starts).
 */
import { AnalysisCancelled } from '../../src/excel/api';
import type { ResponsivenessLimits } from '../sim/responsiveness';
import { acceptProposal, FIRST_RUN, hooks, serviceAt, simulate } from './adapter-harness';

const ROWS = 100_000;
const LIMITS: ResponsivenessLimits = { intervalMs: 1_000, busyShare: 0.9, intervals: 3 };
const UNRESPONSIVE_MS = 1_000;
const POSTCODES = ['PR1 2HE', 'M1 1AE', 'PR25 1AB', 'FY1 1AA', '', 'PR3 2', 'PR1 9AB'];

describe('analysing 100,000 payments to 100,000 suppliers', () => {
  it('yields to Excel often and leaves it idle time: no restart, no warning from Office', async () => {
    const sim = simulate({ sheets: [{ name: 'Big' }] });
    sim.fillCells('Big', 'A1', ROWS + 1, 4, (row, column) => {
      if (row === 0) return ['Supplier Name', 'Supplier Postcode', 'Expense Type', 'Net Amount'][column];
      const r = row - 1;
      return [`Distinct supplier number ${r} Limited`, POSTCODES[r % POSTCODES.length], 'Cleaning Services', (r % 1000) + 0.5][column];
    });
    const service = serviceAt(FIRST_RUN);
    const request = await acceptProposal(await service.inspect());
    const cancel = new AbortController();
    const watch = sim.watchResponsiveness(LIMITS);
    const outcome = await service
      .analyse(request, await hooks({ signal: cancel.signal, onProgress: (p) => p.phase === 'classifying' && p.done === p.total && cancel.abort() }))
      .catch((e: unknown) => e);
    const report = watch.stop();
    expect(outcome).toBeInstanceOf(AnalysisCancelled);
    expect(report.busyShares.length).toBeGreaterThan(LIMITS.intervals);
    expect({ warnings: report.warnings, busyShares: report.busyShares.map((share) => Math.round(share * 100)) }).toMatchObject({ warnings: 0 });
    expect(report.longestBlockMs).toBeLessThan(UNRESPONSIVE_MS);
  }, 300_000);
});
