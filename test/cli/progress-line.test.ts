/**
 * What the command shows while it works, step by step: reading each sheet it needs (of an
 * annotated workbook, never the add-in's summary and analysis sheets, which it rewrites),
 * classifying, writing; each step reaching 100%.
 */
import * as path from 'path';
import { runIn, temporaryFolder } from './cli-harness';
import { writeFixtureWorkbook } from './xlsx-fixture';

/** The steps shown, in order, each with the last fraction shown for it. */
async function steps(folder: string, argv: string[]): Promise<[string, number][]> {
  const shown: [string, number][] = [];
  const run = await runIn(folder, argv, {
    progress: (fraction, label) => {
      const last = shown[shown.length - 1];
      if (last?.[0] === label) last[1] = fraction;
      else shown.push([label, fraction]);
    },
  });
  expect(run.code).toBe(0);
  return shown;
}

test('reading, classifying and writing are shown as they go, and an annotated workbook’s own sheets are not read', async () => {
  const folder = temporaryFolder('progress');
  await writeFixtureWorkbook(path.join(folder, 'payments.xlsx'));
  const first = await steps(folder, ['payments.xlsx', '--local', 'Preston', '--wider', 'Lancashire']);
  expect(first).toEqual([
    ['Reading payments.xlsx: Payments', 1],
    ['Classifying', 1],
    ['Writing payments-baseline.xlsx', 1],
  ]);
  const again = await steps(folder, ['payments-baseline.xlsx', '--out', 'again.xlsx']);
  expect(again).toEqual([
    ['Reading payments-baseline.xlsx: LSB_State', 1],
    ['Reading payments-baseline.xlsx: Payments', 1],
    ['Reading payments-baseline.xlsx: Suppliers', 1],
    ['Reading payments-baseline.xlsx: Rules', 1],
    ['Reading payments-baseline.xlsx: Local register', 1],
    ['Reading payments-baseline.xlsx: Re-spend survey', 1],
    ['Classifying', 1],
    ['Writing again.xlsx', 1],
  ]);
});
