/**
 * The command as users run it: `node bin/local-spend-baseline.js` in an empty folder analyses the
 * shipped sample and prints a headline that adds up; bad input is exit status 2 and one line.
 * The same with no geography pack at all, from the sample's own lookup cache.
 */
import * as fs from 'fs';
import * as path from 'path';
import { filesIn, runIn, spawnCommand, temporaryFolder, workbookCells } from './cli-harness';

const SAMPLE_OUT = 'preston-anchors-2024-25-baseline.xlsx';

/** The headline's figures in pence, by label. */
function headlineFigures(lines: string[]): Map<string, number> {
  const figures = new Map<string, number>();
  for (const line of lines) {
    const match = /^\s+(.+?)\s+(-?)£([\d,]+\.\d\d)/.exec(line);
    if (match) figures.set(match[1], (match[2] ? -1 : 1) * Math.round(Number(match[3].replace(/,/g, '')) * 100));
  }
  return figures;
}

function expectHeadlineAddsUp(lines: string[]): void {
  const figures = headlineFigures(lines);
  const parts = ['Local (Preston)', 'Wider area, outside the local area', 'Rest of UK', 'Outside UK', 'Unknown'].map((label) => {
    expect(figures.has(label)).toBe(true);
    return figures.get(label)!;
  });
  const total = figures.get('Total spend (net of credits)')!;
  expect(total).toBeGreaterThan(0);
  expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  const widerIncludingLocal = [...figures].find(([label]) => label.startsWith('Wider area including local'))![1];
  expect(widerIncludingLocal).toBe(parts[0] + parts[1]);
  expect(figures.get('Leakage (rest of UK + outside UK)')).toBe(parts[2] + parts[3]);
}

describe('npx local-spend-baseline, run as a child process', () => {
  test('with no input it analyses the sample into this folder and prints a headline that adds up', async () => {
    const folder = temporaryFolder('sample-spawned');
    const run = await spawnCommand(folder, []);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^Spend baseline: 3,400 payments, \d+ suppliers \(1 of 3,401 rows not in the totals: see below\)$/);
    expect(run.out).toContain('  1 total or subtotal line: row 3406');
    expect(run.out[1]).toBe('Local area Preston (1 district); wider area Lancashire (ceremonial county) (14 districts)');
    expectHeadlineAddsUp(run.out);
    expect(run.out.at(-1)).toBe(`Written: ${SAMPLE_OUT}`);
    expect(filesIn(folder)).toEqual([SAMPLE_OUT]);
  });

  test('bad input: exit status 2, one line on stderr, nothing written', async () => {
    const folder = temporaryFolder('bad-spawned');
    const run = await spawnCommand(folder, ['missing.csv', '--results-csv', 'r.csv']);
    expect(run).toEqual({ code: 2, out: [], err: ['local-spend-baseline: Cannot read "missing.csv": no such file or folder.'] });
    expect(filesIn(folder)).toEqual([]);
  });

  test('--help and --version', async () => {
    const folder = temporaryFolder('help');
    const help = await spawnCommand(folder, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toBe('Usage: local-spend-baseline [INPUT…] [options]');
    const version = await spawnCommand(folder, ['--version']);
    const { version: expected } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(version).toEqual({ code: 0, out: [expected], err: [] });
  });
});

describe('the sample with no geography pack', () => {
  test("runs fully offline from the sample's own lookup cache", async () => {
    const folder = temporaryFolder('sample-no-pack');
    const run = await runIn(folder, ['--summary-json', 'summary.json'], { geoPack: path.join(folder, 'no-such-pack') });
    expect(run.code).toBe(0);
    expect(run.err).toEqual([
      'note: no offline geography pack (geography/pack, which ships with the project, is missing: restore it, or rebuild it from an ONS download with `npm run geo:build -- FILE`); postcodes are answered from the lookup cache and --online only.',
    ]);
    expectHeadlineAddsUp(run.out);
    const summary = JSON.parse(fs.readFileSync(path.join(folder, 'summary.json'), 'utf8'));
    // Every full postcode is answered from the cache; only partial ones (which need the pack) and
    // payments without a postcode stay unknown.
    expect(summary.coverage.exact_postcode).toBe(0);
    expect(summary.coverage.online_lookup).toBeGreaterThan(summary.totals.spend * 0.85);
    expect(summary.shares.unknown).toBeLessThan(0.1);
    const method = [...(await workbookCells(path.join(folder, SAMPLE_OUT))).get('Method')!.cells.values()].map((c) => c.value);
    expect(method).toContain('No offline geography pack: postcodes answered from the lookup cache only');
  });

  test('an area named on the command line says the pack is missing and how to restore it', async () => {
    const folder = temporaryFolder('areas-no-pack');
    fs.writeFileSync(path.join(folder, 'spend.csv'), 'Supplier,Amount,Postcode\nAcme Ltd,100,PR1 2HE\n');
    const run = await runIn(folder, ['spend.csv', '--local', 'Preston'], { geoPack: path.join(folder, 'no-such-pack') });
    expect(run.code).toBe(2);
    expect(run.err).toEqual([
      'local-spend-baseline: Area names need the offline geography pack: geography/pack, which ships with the project, is missing: restore it, or rebuild it from an ONS download with `npm run geo:build -- FILE`.',
    ]);
  });
});
