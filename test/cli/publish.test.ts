/**
 * A copy to publish (--publish, --publish-min): a new workbook holding the summary sheets and the
 * analysis data and nothing else, every figure a value, no individual named anywhere in it, and
 * small payments added up by category so that the totals still match the analysis.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { filesIn, runIn, temporaryFolder, workbookCells, writeTitledWorkbook, type SheetRecord } from './cli-harness';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'partnership');
const FILES = ['city-council.csv', 'college.csv', 'housing.csv'];
const NAMED = FILES.flatMap((file, i) => [file, '--institution', ['Preston City Council', 'Preston College', 'Community Housing'][i]]);
const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];
const PUBLISHED_SHEETS = ['Baseline', 'Top suppliers', 'Method', 'Opportunities', 'Analysis data'];

/** Every part of the package as text. */
async function packageText(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts.set(name, await zip.file(name)!.async('string'));
  return parts;
}

/** The analysis sheet's rows as records by header. */
function tableRecords(sheet: SheetRecord): Record<string, unknown>[] {
  const columns = new Map<string, string>();
  const records = new Map<number, Record<string, unknown>>();
  for (const [address, cell] of sheet.cells) {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    if (row === '1') columns.set(letters, String(cell.value));
  }
  for (const [address, cell] of sheet.cells) {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    if (row === '1') continue;
    const record = records.get(Number(row)) ?? {};
    record[columns.get(letters)!] = cell.value;
    records.set(Number(row), record);
  }
  return [...records.entries()].sort(([a], [b]) => a - b).map(([, record]) => record);
}

const pence = (value: unknown) => Math.round(Number(value ?? 0) * 100);

describe('the partnership’s copy to publish', () => {
  let folder: string;
  beforeAll(async () => {
    folder = temporaryFolder('publish');
    for (const file of FILES) fs.copyFileSync(path.join(FIXTURES, file), path.join(folder, file));
    const run = await runIn(folder, [...NAMED, ...AREAS, '--out', 'partnership.xlsx', '--publish', 'published.xlsx', '--summary-json', 'summary.json']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Copy to publish: published.xlsx (the summaries and the analysis data, every figure a value; 2 payments to individuals redacted).');
  });

  test('a new workbook of the five summary and analysis sheets, all visible, every figure a value', async () => {
    const parts = await packageText(path.join(folder, 'published.xlsx'));
    const workbook = parts.get('xl/workbook.xml')!;
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(PUBLISHED_SHEETS);
    expect(workbook).not.toMatch(/state="(hidden|veryHidden)"/);
    const sheets = [...parts.keys()].filter((name) => name.startsWith('xl/worksheets/'));
    expect(sheets).toHaveLength(5);
    for (const name of sheets) expect(parts.get(name)).not.toContain('<f>');
    // Nothing of the annotated copy beyond that: no state, no lookup cache, no rules, no survey.
    const all = [...parts.values()].join('\n');
    for (const absent of ['LSB_State', 'onlineCache', 'Re-spend survey!', 'priority,field']) expect(all).not.toContain(absent);
  });

  test('no individual’s name from the input appears anywhere in it; their payments show "Individual (redacted)"', async () => {
    const all = [...(await packageText(path.join(folder, 'published.xlsx'))).values()].join('\n').toLowerCase();
    for (const name of ['mr john smith', 'john smith', 'dr jane doe', 'jane doe']) expect(all).not.toContain(name);
    // The annotated copy, for contrast, names them.
    const annotated = [...(await packageText(path.join(folder, 'partnership.xlsx'))).values()].join('\n').toLowerCase();
    expect(annotated).toContain('john smith');
    const sheets = await workbookCells(path.join(folder, 'published.xlsx'));
    const records = tableRecords(sheets.get('Analysis data')!);
    expect(records.filter((r) => r['Supplier type'] === 'Individual').map((r) => [r.Supplier, r['Supplier key'], r.Amount])).toEqual([
      ['Individual (redacted)', 'Individual (redacted)', 500],
      ['Individual (redacted)', 'Individual (redacted)', 700],
    ]);
    const top = [...sheets.get('Top suppliers')!.cells.values()].map((c) => c.value);
    expect(top.filter((v) => v === 'Individual (redacted)')).toHaveLength(2); // one line each
  });

  test('the same figures as the annotated copy, as values', async () => {
    const published = await workbookCells(path.join(folder, 'published.xlsx'));
    const annotated = await workbookCells(path.join(folder, 'partnership.xlsx'));
    const figure = (sheet: SheetRecord, address: string) => {
      const value = sheet.cells.get(address)?.value;
      return value && typeof value === 'object' && 'formula' in value ? ((value as { result?: unknown }).result ?? 0) : value;
    };
    const baseline = annotated.get('Baseline')!;
    let compared = 0;
    for (const address of baseline.cells.keys()) {
      if (/^A[123]$/.test(address)) continue; // the title and subtitle say what the copy is
      expect([address, figure(published.get('Baseline')!, address)]).toEqual([address, figure(baseline, address)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
  });
});

describe('--publish-min on the sample (six Preston anchors)', () => {
  test('payments under the amount become one line per category within each anchor, locality and verdict; every total still matches', async () => {
    const folder = temporaryFolder('publish-min');
    const run = await runIn(folder, ['--summary-json', 'summary.json', '--publish', 'published.xlsx', '--publish-min', '500']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(fs.readFileSync(path.join(folder, 'summary.json'), 'utf8'));
    const records = tableRecords((await workbookCells(path.join(folder, 'published.xlsx'))).get('Analysis data')!);
    const lines = records.filter((r) => String(r.Supplier).startsWith('Payments under £500 ('));
    const said = /^Copy to publish: published\.xlsx \(.*; 0 payments to individuals redacted; (\d+) payments under £500 added up into (\d+) lines by category\)\.$/.exec(run.out.find((line) => line.startsWith('Copy to publish:')) ?? '');
    expect(said && Number(said[2])).toBe(lines.length);
    const payments = records.filter((r) => !lines.includes(r));
    // Every payment left on its own is at least £500 in size; the lines count what they hold.
    expect(payments.every((r) => Math.abs(Number(r.Amount)) >= 500)).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
    const held = lines.reduce((sum, r) => sum + Number(/\((\d+)\)$/.exec(String(r.Supplier))![1]), 0);
    expect(payments.length + held).toBe(summary.totals.rows);
    expect(Number(said![1])).toBe(held);
    expect(new Set(lines.map((r) => [r.Institution, r.Category, r.Locality, r.Influence].join('|'))).size).toBe(lines.length);
    // The totals: all of it, each anchor's, and each anchor's local spend.
    expect(records.reduce((sum, r) => sum + pence(r.Amount), 0)).toBe(pence(summary.totals.spend));
    for (const [anchor, figures] of Object.entries(summary.institutions) as [string, { totals: { spend: number }; shares: { local: number } }][]) {
      const own = records.filter((r) => r.Institution === anchor);
      expect([anchor, own.reduce((sum, r) => sum + pence(r.Amount), 0)]).toEqual([anchor, pence(figures.totals.spend)]);
      const local = own.filter((r) => r.Locality === 'Local (Preston)').reduce((sum, r) => sum + pence(r.Amount), 0) / 100;
      expect(local / figures.totals.spend).toBeCloseTo(figures.shares.local, 9);
    }
    expect(records.reduce((sum, r) => sum + pence(r['Influenceable leakage']), 0)).toBe(pence(summary.leakage.influenceableSpend));
  });
});

describe('the copy leaves out the user’s own sheets', () => {
  test('an .xlsx with a sheet of the user’s notes: the copy has neither it nor the data sheet', async () => {
    const folder = temporaryFolder('publish-notes');
    await writeTitledWorkbook(path.join(folder, 'april.xlsx'));
    const run = await runIn(folder, ['april.xlsx', ...AREAS, '--publish', 'april-public.xlsx']);
    expect(run.code).toBe(0);
    const all = [...(await packageText(path.join(folder, 'april-public.xlsx'))).values()].join('\n');
    for (const absent of ['My notes', 'Checked by finance', 'Published under the Local Government Transparency Code', 'INV-001', 'LSB_State']) expect(all).not.toContain(absent);
  });

  test('--publish must be a new .xlsx, not an input or another output; --publish-min needs --publish', async () => {
    const folder = temporaryFolder('publish-args');
    for (const file of FILES) fs.copyFileSync(path.join(FIXTURES, file), path.join(folder, file));
    expect((await runIn(folder, ['college.csv', ...AREAS, '--publish', 'college.csv'])).code).toBe(2);
    expect((await runIn(folder, ['college.csv', ...AREAS, '--publish', 'same.xlsx', '--out', 'same.xlsx'])).err).toEqual([
      'local-spend-baseline: --publish same.xlsx is already named by another output option.',
    ]);
    expect((await runIn(folder, ['college.csv', ...AREAS, '--publish-min', '500'])).err).toEqual(['local-spend-baseline: --publish-min needs --publish FILE.xlsx, the copy it applies to.']);
    expect((await runIn(folder, ['college.csv', ...AREAS, '--publish', 'p.xlsx', '--publish-min', 'lots'])).err).toEqual(['local-spend-baseline: --publish-min "lots" must be an amount above 0 (e.g. 500).']);
    expect(filesIn(folder)).toEqual(FILES.slice().sort());
  });
});
