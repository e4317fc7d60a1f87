/**
 * `--baseline`: last year's workbook, analysed with other areas and other rules, compared like
 * for like with this year's (its payments classified again under this run's method), every
 * figure worked out by hand below; its own stored figures beside; and an earlier workbook that is
 * missing, unreadable, never analysed, or whose payments are gone.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { filesIn, runIn, temporaryFolder, workbookCells } from './cli-harness';

const HEADER = 'Supplier Name,Supplier Postcode,Expense Type,Institution,Net Amount';

/**
 * Last year. Its analysis: local Preston, wider Preston too, and a rule judging legal work not
 * influenceable. Under it: local £1,000 (Fishergate); leakage £4,000 (South Ribble, Blackpool,
 * Manchester), of which influenceable £2,500 (the legal £1,500 was not).
 */
const EARLIER = [
  HEADER,
  'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,Preston City Council,1000.00',
  'Ribble Builders Ltd,PR25 1AA,Building Repairs,Preston City Council,2000.00',
  'Blackpool Coaches Ltd,FY1 1AA,Transport,UCLan,500.00',
  'Manchester Legal LLP,M1 1AE,Legal Services,UCLan,1500.00',
];

/** This year, analysed with local Preston, wider Lancashire (the county's 12 districts: South Ribble in, Blackpool out) and the default rules. */
const NOW = [
  HEADER,
  'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,Preston City Council,1500.00',
  'Ribble Builders Ltd,PR25 1AA,Building Repairs,Preston City Council,2000.00',
  'Manchester Legal LLP,M1 1AE,Legal Services,UCLan,500.00',
  'Preston Print Co,PR1 2AB,Printing,UCLan,1000.00',
];

function write(folder: string, name: string, lines: string[]): void {
  fs.writeFileSync(path.join(folder, name), `${lines.join('\r\n')}\r\n`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('progress against an earlier workbook analysed with other areas and rules', () => {
  let folder: string;
  beforeAll(async () => {
    folder = temporaryFolder('progress');
    write(folder, 'spend-2023.csv', EARLIER);
    write(folder, 'spend-2024.csv', NOW);
    const defaults = fs.readFileSync(path.join(__dirname, '..', '..', 'rules', 'default-rules.csv'), 'utf8').trimEnd().split(/\r?\n/);
    write(folder, 'rules-then.csv', [defaults[0], '1,category,words,legal,,not_influenceable,Legal work (judged not influenceable then),no', ...defaults.slice(1)]);
    const earlier = await runIn(folder, ['spend-2023.csv', '--local', 'Preston', '--wider', 'Preston', '--rules', 'rules-then.csv', '--out', 'baseline-2023.xlsx']);
    expect(earlier.code).toBe(0);
  });

  test('the earlier payments are classified again under this run’s areas and rules: figures by hand', async () => {
    const run = await runIn(folder, ['spend-2024.csv', '--local', 'Preston', '--wider', 'Lancashire', '--baseline', 'baseline-2023.xlsx', '--summary-json', 'now.json', '--out', 'now.xlsx']);
    expect(run.code).toBe(0);
    const { progress } = readJson(path.join(folder, 'now.json'));
    expect(progress.method).toBe('reclassified');
    expect(progress.earlier.file).toBe('baseline-2023.xlsx');
    // Last year under this year's method: local £1,000; wider £2,000 (South Ribble); leakage £2,000 (Blackpool £500, Manchester £1,500), all influenceable.
    expect(progress.before.totals.spend).toBe(5000);
    expect(progress.before.leakage).toEqual({ spend: 2000, influenceableSpend: 2000 });
    expect(progress.before.shares.local).toBeCloseTo(0.2, 10);
    expect(progress.before.shares.widerIncludingLocal).toBeCloseTo(0.6, 10);
    expect(progress.before.shares.leakage).toBeCloseTo(0.4, 10);
    // This year: local £2,500 (Fishergate £1,500, Preston Print £1,000); wider £2,000; leakage £500 (Manchester).
    expect(progress.after.totals.spend).toBe(5000);
    expect(progress.after.leakage).toEqual({ spend: 500, influenceableSpend: 500 });
    expect(progress.after.shares.local).toBeCloseTo(0.5, 10);
    expect(progress.after.shares.widerIncludingLocal).toBeCloseTo(0.9, 10);
    // change = after − before.
    expect(progress.change.totals.spend).toBe(0);
    expect(progress.change.leakage).toEqual({ spend: -1500, influenceableSpend: -1500 });
    expect(progress.change.shares.local).toBeCloseTo(0.3, 10);
    expect(progress.change.shares.widerIncludingLocal).toBeCloseTo(0.3, 10);
    expect(progress.change.shares.leakage).toBeCloseTo(-0.3, 10);
    // Its method differed, so its own figures are beside: leakage £4,000, of which £2,500 influenceable; wider = local = £1,000.
    expect(progress.methodChanges).toEqual([
      'Wider area: Preston (1 district) then, Lancashire (12 districts) now',
      'Influenceability rules: 0 rules new or changed since, 1 no longer used',
    ]);
    expect(progress.stored.leakage).toEqual({ spend: 4000, influenceableSpend: 2500 });
    expect(progress.stored.shares.widerIncludingLocal).toBeCloseTo(0.2, 10);
    // Per institution: Preston City Council £3,000 → £3,500, all in the wider area; UCLan's leakage £2,000 → £500.
    expect(progress.institutions).toEqual([
      {
        institution: 'Preston City Council',
        before: { spend: 3000, local: 1000, widerIncludingLocal: 3000, unknown: 0, leakage: 0, influenceableLeakage: 0 },
        after: { spend: 3500, local: 1500, widerIncludingLocal: 3500, unknown: 0, leakage: 0, influenceableLeakage: 0 },
      },
      {
        institution: 'UCLan',
        before: { spend: 2000, local: 0, widerIncludingLocal: 0, unknown: 0, leakage: 2000, influenceableLeakage: 2000 },
        after: { spend: 1500, local: 1000, widerIncludingLocal: 1000, unknown: 0, leakage: 500, influenceableLeakage: 500 },
      },
    ]);
    // The movers: Manchester Legal's leakage −£1,000 and Preston Print's local +£1,000, then £500 each; Ribble Builders did not move.
    expect(progress.movers.map((m: { name: string; local: number; widerIncludingLocal: number; leakage: number }) => [m.name, m.local, m.widerIncludingLocal, m.leakage])).toEqual([
      ['Manchester Legal LLP', 0, 0, -1000],
      ['Preston Print Co', 1000, 1000, 0],
      ['Blackpool Coaches Ltd', 0, 0, -500],
      ['Fishergate Cleaning Ltd', 500, 500, 0],
    ]);

    // The Baseline sheet says the same, and how.
    const sheet = (await workbookCells(path.join(folder, 'now.xlsx'))).get('Baseline')!;
    const texts = [...sheet.cells.values()].map((cell) => cell.value).filter((value): value is string => typeof value === 'string');
    expect(texts).toContain('Progress since baseline-2023.xlsx (analysed 1 May 2025 09:30 UTC): its payments classified again, like for like');
    expect(texts).toContain('The earlier workbook’s own figures, as its analysis stored them');
    expect(texts).toContain('Suppliers that moved the figures most');
    expect(run.out).toContain('Progress since baseline-2023.xlsx (its payments classified again, like for like):');
  });

  test('without --baseline, progress is null', async () => {
    const run = await runIn(folder, ['spend-2024.csv', '--local', 'Preston', '--wider', 'Lancashire', '--summary-json', 'alone.json', '--out', 'alone.xlsx']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(folder, 'alone.json')).progress).toBeNull();
  });

  test('an earlier workbook whose payments are gone is compared by the figures it stored, saying why', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, 'baseline-2023.xlsx'));
    workbook.getWorksheet('spend-2023')!.name = 'Renamed';
    await workbook.xlsx.writeFile(path.join(folder, 'renamed-2023.xlsx'));
    const run = await runIn(folder, ['spend-2024.csv', '--local', 'Preston', '--wider', 'Lancashire', '--baseline', 'renamed-2023.xlsx', '--summary-json', 'stored.json', '--out', 'stored.xlsx']);
    expect(run.code).toBe(0);
    const { progress } = readJson(path.join(folder, 'stored.json'));
    expect(progress.method).toBe('stored');
    expect(progress.why).toBe('its payments cannot be read again: its sheet "spend-2023" is no longer there');
    expect(progress.before.leakage).toEqual({ spend: 4000, influenceableSpend: 2500 });
    expect(progress.change.leakage).toEqual({ spend: -3500, influenceableSpend: -2000 });
  });

  test.each([
    ['missing', 'missing.xlsx', 'file-unreadable', '--baseline: cannot read "missing.xlsx": no such file.'],
    ['a CSV', 'spend-2023.csv', 'baseline-invalid', '--baseline: "spend-2023.csv" is not an .xlsx workbook: name the annotated workbook an earlier analysis wrote.'],
    ['not a workbook', 'broken.xlsx', 'file-unreadable', /^--baseline: Cannot read ".*broken\.xlsx": not a readable \.xlsx workbook/],
    ['never analysed', 'plain.xlsx', 'baseline-invalid', '--baseline: plain.xlsx was not analysed by Local Spend Baseline, so it has no baseline to compare with: choose the workbook an earlier analysis wrote.'],
  ])('an earlier workbook %s: one clear line, exit 2, nothing written', async (_what, file, code, message) => {
    fs.writeFileSync(path.join(folder, 'broken.xlsx'), 'not a zip');
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Spend').addRow(['Supplier', 'Amount']);
    await plain.xlsx.writeFile(path.join(folder, 'plain.xlsx'));
    const before = filesIn(folder);
    const run = await runIn(folder, ['spend-2024.csv', '--local', 'Preston', '--wider', 'Lancashire', '--baseline', file, '--out', 'never.xlsx', '--summary-json', 'never.json']);
    expect(run.code).toBe(2);
    expect(run.error?.code).toBe(code);
    expect(run.err).toHaveLength(1);
    const line = run.err[0].replace(/^local-spend-baseline: /, '');
    if (typeof message === 'string') expect(line).toBe(message);
    else expect(line).toMatch(message);
    expect(filesIn(folder)).toEqual(before);
  });
});
