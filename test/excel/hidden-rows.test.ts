/**
 * Rows hidden by hand or by a filter are read like the others and counted: the adapter asks
 * Excel which rows are hidden (Range.rowHidden, halving ranges that are mixed) in few requests,
 * each well inside Excel's request size limit, however the hidden rows are scattered.
 */
import { acceptProposal, FIRST_RUN, hooks, serviceAt, simulate } from './adapter-harness';

const PAYMENTS = 2_400;

/** The header, then payments of £1 to £2,400; the given rows (1-based) hidden. */
function sheetWith(hiddenRows: number[]) {
  const cells = [['Supplier Name', 'Supplier Postcode', 'Net Amount'], ...Array.from({ length: PAYMENTS }, (_, i) => [`Supplier ${i % 50} Ltd`, 'PR1 2AA', i + 1])];
  return simulate({ sheets: [{ name: 'Spend', cells, hiddenRows }] });
}

async function analyse(sim: ReturnType<typeof simulate>) {
  const service = serviceAt(FIRST_RUN);
  await service.analyse(await acceptProposal(await service.inspect()), await hooks());
  const method = sim.values('Method');
  return { line: method.find((row) => row[0] === 'Hidden or filtered rows')![1], syncs: sim.stats.syncs, largest: sim.stats.largestRequestBytes };
}

test('every third row hidden and a block filtered out: each counted, in a few more requests than none', async () => {
  const scattered = Array.from({ length: PAYMENTS / 3 }, (_, i) => 2 + i * 3);
  const block = Array.from({ length: 300 }, (_, i) => 2_000 + i).filter((row) => !scattered.includes(row));
  const hidden = [...scattered, ...block];
  const spend = hidden.reduce((sum, row) => sum + (row - 1), 0);

  const none = await analyse(sheetWith([]));
  expect(none.line).toBe('None');
  const some = await analyse(sheetWith(hidden));
  expect(some.line).toBe(`${hidden.length.toLocaleString('en-GB')} payments (£${spend.toLocaleString('en-GB')}.00) on rows hidden or filtered out in the sheet, analysed like every other row`);
  expect(some.syncs - none.syncs).toBeLessThanOrEqual(30);
  expect(some.largest).toBeLessThan(4_000_000);
});
