/**
 * The partnership of anchors, as a partnership lead runs it: each anchor's files named with
 * --institution (or the sample's own institution column), every headline figure per anchor on the
 * Baseline sheet and in --summary-json, adding up to the partnership's; LM3 computed from a
 * re-spend survey file and the survey sheet; and bad input that says what is wrong. Figures are
 * worked out by hand from the fixture files (test/fixtures/partnership, fixture pack: PR1 is
 * Preston, PR25 South Ribble, FY1 Blackpool, M1 Manchester, M3 Salford).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/core/csv';
import { filesIn, PROJECT_ROOT, runIn, temporaryFolder, workbookCells, type SheetRecord } from './cli-harness';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'partnership');
const FILES = ['city-council.csv', 'college.csv', 'housing.csv'];
const ANCHORS = ['Preston City Council', 'Preston College', 'Community Housing'];
const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];
const NAMED = FILES.flatMap((file, i) => [file, '--institution', ANCHORS[i]]);

function partnershipFolder(prefix: string): string {
  const folder = temporaryFolder(prefix);
  for (const file of FILES) fs.copyFileSync(path.join(FIXTURES, file), path.join(folder, file));
  return folder;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The rows of a summary block under its title (after its note and header): each row's first `width` values, until a blank row. */
function blockRows(sheet: SheetRecord, title: string, width: number): unknown[][] {
  const value = (address: string) => {
    const cell = sheet.cells.get(address)?.value;
    // ExcelJS reads a formula's cached result of 0 back as no result.
    return cell && typeof cell === 'object' && 'formula' in cell ? ((cell as { result?: unknown }).result ?? 0) : cell;
  };
  const titleCell = [...sheet.cells.entries()].find(([address, cell]) => /^A\d+$/.test(address) && cell.value === title)?.[0];
  if (!titleCell) throw new Error(`no block "${title}"`);
  const titleRow = Number(titleCell.slice(1));
  // A note is a line of its own in column A; the header fills columns A and B.
  const headerRow = sheet.cells.has(`B${titleRow + 1}`) ? titleRow + 1 : titleRow + 2;
  const rows: unknown[][] = [];
  for (let r = headerRow + 1; sheet.cells.has(`A${r}`); r++) rows.push(Array.from({ length: width }, (_, c) => value(`${String.fromCharCode(65 + c)}${r}`)));
  return rows;
}

describe('a partnership of three anchors, each named with --institution', () => {
  let folder: string;
  beforeAll(async () => {
    folder = partnershipFolder('partnership');
    const run = await runIn(folder, [...NAMED, ...AREAS, '--summary-json', 'summary.json', '--out', 'partnership.xlsx']);
    expect(run.code).toBe(0);
  });

  test('--summary-json institutions: every anchor’s totals, shares and leakage, adding up to the partnership’s', () => {
    const summary = readJson(path.join(folder, 'summary.json'));
    // City council: cleaning 1000 (Preston), roofing 3000 (South Ribble), legal 2000 (Manchester),
    // Mr John Smith 500 (Preston, not influenceable), electricity 1500 (Salford, not influenceable).
    // College: cleaning 2000 and catering 4000 (Preston), coaches 1000 (Blackpool, outside the
    // county council's Lancashire), Dr Jane Doe 700 (no postcode). Housing: roofing 5000 (South
    // Ribble), legal 1000 (Manchester), a catering credit of -500 (Preston).
    expect(summary.institutions).toEqual({
      'Preston City Council': {
        totals: { spend: 8000, rows: 5, suppliers: 5 },
        shares: { local: 1500 / 8000, widerIncludingLocal: 4500 / 8000, unknown: 0 },
        leakage: { spend: 3500, influenceableSpend: 2000 },
      },
      'Preston College': {
        totals: { spend: 7700, rows: 4, suppliers: 4 },
        shares: { local: 6000 / 7700, widerIncludingLocal: 6000 / 7700, unknown: 700 / 7700 },
        leakage: { spend: 1000, influenceableSpend: 1000 },
      },
      'Community Housing': {
        totals: { spend: 5500, rows: 3, suppliers: 3 },
        shares: { local: -500 / 5500, widerIncludingLocal: 4500 / 5500, unknown: 0 },
        leakage: { spend: 1000, influenceableSpend: 1000 },
      },
    });
    const anchors = Object.values(summary.institutions) as { totals: { spend: number; rows: number } }[];
    expect(anchors.reduce((sum, a) => sum + a.totals.spend, 0)).toBe(summary.totals.spend);
    expect(anchors.reduce((sum, a) => sum + a.totals.rows, 0)).toBe(summary.totals.rows);
    expect(summary.totals).toEqual({ spend: 21200, rows: 12, suppliers: 8 });
    expect(summary.leakage).toEqual({ spend: 3500 + 1000 + 1000, influenceableSpend: 2000 + 1000 + 1000 });
    expect(summary.shares.local).toBeCloseTo((1500 + 6000 - 500) / 21200, 12);
  });

  test('the Baseline sheet: each anchor side by side, and every headline figure of each anchor and of the partnership', async () => {
    const baseline = (await workbookCells(path.join(folder, 'partnership.xlsx'))).get('Baseline')!;
    expect(blockRows(baseline, 'The partnership: anchors side by side', 7)).toEqual([
      ['Preston City Council', 8000, 1500 / 8000, 4500 / 8000, 3500 / 8000, 2000 / 8000, 0],
      ['Preston College', 7700, 6000 / 7700, 6000 / 7700, 1000 / 7700, 1000 / 7700, 700 / 7700],
      ['Community Housing', 5500, -500 / 5500, 4500 / 5500, 1000 / 5500, 1000 / 5500, 0],
      ['Partnership', 21200, 7000 / 21200, 15000 / 21200, 5500 / 21200, 4000 / 21200, 700 / 21200],
    ]);
    const figures = blockRows(baseline, 'The partnership: every headline figure by anchor', 4);
    const college = figures.findIndex((row) => row[0] === 'Preston College');
    expect(figures.slice(college, college + 12)).toEqual([
      ['Preston College', undefined, undefined, undefined],
      ['  Total spend (net of credits)', 7700, 1, undefined],
      ['  Local (Preston)', 6000, 6000 / 7700, undefined],
      ['  Wider area including local (Lancashire)', 6000, 6000 / 7700, undefined],
      ['  Rest of UK', 1000, 1000 / 7700, undefined],
      ['  Outside UK', 0, 0, undefined],
      ['  Unknown locality', 700, 700 / 7700, undefined],
      ['  Leakage (rest of UK + outside UK)', 1000, 1000 / 7700, undefined],
      ['    of which influenceable', 1000, 1000 / 7700, undefined],
      ['  Review (influenceability to be judged)', 0, 0, undefined],
      ['  Payments', undefined, undefined, 4],
      ['  Suppliers', undefined, undefined, 4],
    ]);
    expect(figures.filter((row) => ANCHORS.includes(row[0] as string) || row[0] === 'Partnership').map((row) => row[0])).toEqual([...ANCHORS, 'Partnership']);
  });

  test('a workbook of the partnership analysed again keeps each sheet’s anchor', async () => {
    const run = await runIn(folder, ['partnership.xlsx', '--summary-json', 'again.json', '--out', 'again.xlsx']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(folder, 'again.json')).institutions).toEqual(readJson(path.join(folder, 'summary.json')).institutions);
  });
});

describe('--institution names the INPUT arguments in order', () => {
  test('a count that does not match the inputs is exit status 2, saying so, and nothing is written', async () => {
    const folder = partnershipFolder('institution-count');
    const run = await runIn(folder, [...FILES, '--institution', 'Preston City Council', '--institution', 'Preston College', ...AREAS]);
    expect(run.code).toBe(2);
    expect(run.err).toEqual(['local-spend-baseline: 2 --institution names for 3 inputs: give one --institution for each INPUT, in the same order (a folder is one input).']);
    expect(filesIn(folder)).toEqual(FILES.slice().sort());
  });

  test('a folder is one input: its files are one anchor’s', async () => {
    const folder = temporaryFolder('institution-folder');
    fs.mkdirSync(path.join(folder, 'college-months'));
    fs.copyFileSync(path.join(FIXTURES, 'college.csv'), path.join(folder, 'college-months', 'april.csv'));
    fs.copyFileSync(path.join(FIXTURES, 'housing.csv'), path.join(folder, 'college-months', 'may.csv'));
    fs.copyFileSync(path.join(FIXTURES, 'city-council.csv'), path.join(folder, 'council.csv'));
    const run = await runIn(folder, ['college-months', '--institution', 'Preston College', 'council.csv', '--institution', 'Preston City Council', ...AREAS, '--summary-json', 's.json']);
    expect(run.code).toBe(0);
    const institutions = readJson(path.join(folder, 's.json')).institutions;
    expect(Object.keys(institutions)).toEqual(['Preston College', 'Preston City Council']);
    expect(institutions['Preston College'].totals).toEqual({ spend: 7700 + 5500, rows: 4 + 3, suppliers: 6 });
    const twice = await runIn(folder, ['college-months', 'council.csv', '--institution', 'A', '--institution', 'B', '--institution', 'C', ...AREAS]);
    expect(twice.code).toBe(2);
  });
});

describe('one organisation’s file, with no institution column', () => {
  test('a note names the header row; institutions is null; the rest of the results are as before', async () => {
    const folder = temporaryFolder('no-institution');
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'cli', 'council-payments.csv'), path.join(folder, 'payments.csv'));
    const run = await runIn(folder, ['payments.csv', ...AREAS, '--summary-json', 'summary.json']);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([expect.stringMatching(/^note: Lancashire here is the county council's area/)]);
    expect(run.out).toContain(
      'No institution column in the header of "payments" (row 4): the baseline is one organisation\'s, with no figures per anchor. For a partnership, map the column that names each anchor institution (--map institution=COLUMN), or name each input\'s with --institution NAME.',
    );
    const summary = readJson(path.join(folder, 'summary.json'));
    expect(summary.institutions).toBeNull();
    expect(summary.totals).toEqual({ spend: 73475.5, rows: 10, suppliers: 9 });
    const baseline = (await workbookCells(path.join(folder, 'payments-baseline.xlsx'))).get('Baseline')!;
    expect([...baseline.cells.values()].map((c) => c.value)).not.toContain('The partnership: anchors side by side');
    expect([...baseline.cells.values()].map((c) => c.value)).toContain('Headline');
  });
});

describe('the sample: six Preston anchors from its institution column', () => {
  test('each anchor’s total spend and payments are the sums of its own rows of the input, and add up to the partnership’s', async () => {
    const folder = temporaryFolder('sample-anchors');
    const run = await runIn(folder, ['--summary-json', 'summary.json']);
    expect(run.code).toBe(0);
    const summary = readJson(path.join(folder, 'summary.json'));
    // By hand from the input: the "Body" and "Net Amount (£)" of every payment row (row 5 on, to the blank row before the total).
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(path.join(PROJECT_ROOT, 'sample', 'preston-anchors-2024-25.xlsx'));
    const pence = new Map<string, { pence: number; rows: number }>();
    input.getWorksheet('Payments 2024-25')!.eachRow((row, r) => {
      const body = row.getCell(1).value;
      if (r < 5 || typeof body !== 'string' || typeof row.getCell(9).value !== 'number') return;
      const line = pence.get(body) ?? { pence: 0, rows: 0 };
      line.pence += Math.round((row.getCell(9).value as number) * 100);
      line.rows++;
      pence.set(body, line);
    });
    expect(pence.size).toBe(6);
    for (const [body, { pence: p, rows }] of pence) expect([body, summary.institutions[body].totals.spend, summary.institutions[body].totals.rows]).toEqual([body, p / 100, rows]);
    const anchors = Object.values(summary.institutions) as { totals: { spend: number; rows: number } }[];
    expect(anchors.reduce((sum, a) => sum + Math.round(a.totals.spend * 100), 0)).toBe(Math.round(summary.totals.spend * 100));
    expect(anchors.reduce((sum, a) => sum + a.totals.rows, 0)).toBe(summary.totals.rows);
    const baseline = (await workbookCells(path.join(folder, 'preston-anchors-2024-25-baseline.xlsx'))).get('Baseline')!;
    const sideBySide = blockRows(baseline, 'The partnership: anchors side by side', 2);
    expect(sideBySide.map((row) => row[0])).toEqual([...Object.keys(summary.institutions), 'Partnership']);
    expect(sideBySide.at(-1)).toEqual(['Partnership', summary.totals.spend]);
  });
});

describe('LM3 on the sample, by hand from its results file', () => {
  test('R1, R2, R3, LM3 and the surveyed share, from every payment’s amount, locality and supplier key', async () => {
    const folder = temporaryFolder('sample-lm3');
    const answers = { 'PHOENIX CONSTRUCTION SONS': 0.4, 'LUNE CONSTRUCTION CO OPERATIVE': 0.6 };
    fs.writeFileSync(path.join(folder, 'answers.csv'), 'supplier,local_share\nPhoenix Construction & Sons Ltd,40%\nLune Construction Co-operative Ltd,0.6\n');
    const run = await runIn(folder, ['--respend', 'answers.csv', '--results-csv', 'results.csv', '--summary-json', 'summary.json']);
    expect(run.code).toBe(0);
    const [header, ...lines] = parseCsv(fs.readFileSync(path.join(folder, 'results.csv'), 'utf8'));
    const at = (name: string) => header.indexOf(name);
    // In pence, as the analysis adds money.
    let r1 = 0;
    let r2 = 0;
    const surveyed = new Map<string, number>();
    for (const line of lines) {
      if (line.length < header.length) continue;
      const pence = Math.round(Number(line[at('amount')]) * 100);
      r1 += pence;
      if (line[at('locality')] !== 'local') continue;
      r2 += pence;
      const key = line[at('supplier_key')];
      if (key in answers) surveyed.set(key, (surveyed.get(key) ?? 0) + pence);
    }
    expect([...surveyed.keys()].sort()).toEqual(Object.keys(answers).sort());
    const surveyedSpend = [...surveyed.values()].reduce((a, b) => a + b, 0);
    const surveyedRespend = [...surveyed].reduce((sum, [key, pence]) => sum + Math.round(pence * answers[key as keyof typeof answers]), 0);
    const unsurveyedRespend = Math.round((r2 - surveyedSpend) * (surveyedRespend / surveyedSpend));
    const r3 = surveyedRespend + unsurveyedRespend;
    const { lm3 } = readJson(path.join(folder, 'summary.json'));
    expect(lm3.r1).toBe(r1 / 100);
    expect(lm3.r2).toBe(r2 / 100);
    expect(lm3.r3).toBe(r3 / 100);
    expect(lm3.value).toBeCloseTo((r1 + r2 + r3) / r1, 12);
    expect(lm3.surveyedShare).toBeCloseTo(surveyedSpend / r2, 12);
    const printed = run.out.find((line) => line.startsWith('LM3: '));
    expect(printed).toMatch(new RegExp(`^LM3: ${lm3.value.toFixed(2)} \\(each £1 spent is worth £${lm3.value.toFixed(2)} locally; 2 of \\d+ local suppliers surveyed, ${((surveyedSpend / r2) * 100).toFixed(1)}% of R2\\)\\.$`));
  });
});

describe('LM3 for the partnership', () => {
  // Local suppliers (their spend in Preston, R2): Fishergate Cleaning 1000 + 2000 = 3000,
  // Kingfisher Catering 4000 - 500 = 3500, Mr John Smith 500; R2 = 7000; R1 = 21200.
  const R1 = 21200;
  const R2 = 7000;
  // Surveyed: 3000 × 40% + 3500 × 25% = 1200 + 875 = 2075 of 6500; Mr John Smith's 500 at the
  // mean share 2075 / 6500: 159.615… = £159.62. R3 = 2075 + 159.62.
  const R3 = 2234.62;
  const ANSWERS = ['supplier,local_share', 'Fishergate Cleaning Ltd,40%', 'Kingfisher Catering Ltd,0.25', 'Blackpool Coaches Ltd,30%', 'Manchester Legal LLP,lots'].join('\r\n');

  let folder: string;
  beforeAll(async () => {
    folder = partnershipFolder('lm3');
    fs.writeFileSync(path.join(folder, 'answers.csv'), ANSWERS);
  });

  test('without survey answers: R1 and R2, and no R3 or LM3', async () => {
    const run = await runIn(folder, [...NAMED, ...AREAS, '--summary-json', 'none.json', '--out', 'none.xlsx']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(folder, 'none.json')).lm3).toEqual({ r1: R1, r2: R2, r3: null, value: null, surveyedShare: 0 });
  });

  test('--respend: every figure by hand; a bad number and a supplier that is not local are named and left out, the rest intact', async () => {
    const run = await runIn(folder, [...NAMED, ...AREAS, '--respend', 'answers.csv', '--summary-json', 'lm3.json', '--out', 'lm3.xlsx']);
    expect(run.code).toBe(0);
    expect(run.err).toEqual(
      expect.arrayContaining([
        'warning: answers.csv line 5: "lots" is not a share: write a percentage such as 45% or a fraction such as 0.45; this answer was not used',
        'warning: answers.csv line 4: Blackpool Coaches Ltd has no spend with local suppliers in this analysis (it is not placed in the local area); its answer was not used',
      ]),
    );
    const summary = readJson(path.join(folder, 'lm3.json'));
    expect(summary.lm3.r1).toBe(R1);
    expect(summary.lm3.r2).toBe(R2);
    expect(summary.lm3.r3).toBe(R3);
    expect(summary.lm3.value).toBeCloseTo((R1 + R2 + R3) / R1, 12);
    expect(summary.lm3.surveyedShare).toBeCloseTo(6500 / 7000, 12);
    expect(summary.totals.spend).toBe(21200);
    const sheets = await workbookCells(path.join(folder, 'lm3.xlsx'));
    const lm3 = blockRows(sheets.get('Baseline')!, 'LM3 (Local Multiplier 3, New Economics Foundation)', 3);
    const byRound = new Map(lm3.map((row) => [row[0], row.slice(1)]));
    expect(byRound.get('R1')).toEqual([R1, undefined]);
    expect(byRound.get('R2')).toEqual([R2, undefined]);
    expect(byRound.get('R3: re-spent locally by the suppliers surveyed')).toEqual([2075, 2075 / 6500]);
    expect(byRound.get('R3: re-spent locally by local suppliers not surveyed')).toEqual([159.62, 2075 / 6500]);
    expect(byRound.get('R3')).toEqual([R3, undefined]);
    expect(byRound.get('Surveyed share of R2')).toEqual([undefined, 6500 / 7000]);
    expect(byRound.get('LM3 = (R1 + R2 + R3) / R1')![0]).toBeCloseTo((R1 + R2 + R3) / R1, 12);
    expect(blockRows(sheets.get('Baseline')!, 'LM3: the survey answers used', 4)).toEqual([
      ['Kingfisher Catering Ltd', 3500, 0.25, 875],
      ['Fishergate Cleaning Ltd', 3000, 0.4, 1200],
    ]);
    // The survey sheet is made with the answers given (all of them: they are the user's), then the largest local supplier not yet surveyed.
    const survey = sheets.get('Re-spend survey')!.cells;
    expect(['A1', 'C1', 'A2', 'C2', 'A3', 'C3', 'A4', 'C4', 'A5', 'C5'].map((a) => survey.get(a)?.value)).toEqual([
      'Supplier', 'Local share', 'Fishergate Cleaning Ltd', 0.4, 'Kingfisher Catering Ltd', 0.25, 'Blackpool Coaches Ltd', 0.3, 'Mr John Smith', undefined,
    ]);
  });

  test('the survey sheet’s staff cells add payroll to R1, local wages to R2 and their local spending to R3; a bad one is named', async () => {
    // The workbook made above, with the staff cells filled in as a user would, analysed again
    // (its answers are now the sheet's).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, 'lm3.xlsx'));
    const sheet = workbook.getWorksheet('Re-spend survey')!;
    expect([sheet.getCell('F2').value, sheet.getCell('F3').value, sheet.getCell('F4').value]).toEqual([
      'Payroll, all staff (£)', 'Wages paid to staff living in Preston (£)', 'Share of their pay those staff spend in Preston',
    ]);
    sheet.getCell('G2').value = 10000;
    sheet.getCell('G3').value = 4000;
    sheet.getCell('G4').value = '50%';
    await workbook.xlsx.writeFile(path.join(folder, 'staff.xlsx'));
    const run = await runIn(folder, ['staff.xlsx', '--summary-json', 'staff.json', '--out', 'staff-again.xlsx']);
    expect(run.code).toBe(0);
    const { lm3, institutions } = readJson(path.join(folder, 'staff.json'));
    // R1 = 21200 + 10000; R2 = 7000 + 4000; R3 = 2234.62 + 4000 × 50%.
    expect(lm3).toEqual({ r1: 31200, r2: 11000, r3: R3 + 2000, value: expect.any(Number), surveyedShare: expect.any(Number) });
    expect(lm3.value).toBeCloseTo((31200 + 11000 + R3 + 2000) / 31200, 12);
    expect(lm3.surveyedShare).toBeCloseTo((6500 + 4000) / 11000, 12);
    expect(Object.keys(institutions)).toEqual(ANCHORS);

    sheet.getCell('G2').value = 'lots';
    await workbook.xlsx.writeFile(path.join(folder, 'bad-staff.xlsx'));
    const bad = await runIn(folder, ['bad-staff.xlsx', '--summary-json', 'bad.json', '--out', 'bad-again.xlsx']);
    expect(bad.code).toBe(0);
    expect(bad.err).toContainEqual(expect.stringMatching(/^warning: Re-spend survey!G2: Payroll, all staff \(£\): .*; it was not used$/));
    // Without the payroll in R1 its local part cannot be in R2: the staff are left out, the suppliers' figures stand.
    expect(bad.err).toContainEqual('warning: Re-spend survey!G3: Wages paid to staff living in Preston (£): they count only with the payroll (R1), of which they are part; they were not used');
    expect(readJson(path.join(folder, 'bad.json')).lm3).toMatchObject({ r1: R1, r2: R2, r3: R3 });
  });

  test('a --respend file without the header is exit status 2, naming it, and nothing is written', async () => {
    fs.writeFileSync(path.join(folder, 'not-a-survey.csv'), 'name,share\nAcme,1\n');
    const before = filesIn(folder);
    const run = await runIn(folder, [...NAMED, ...AREAS, '--respend', 'not-a-survey.csv', '--out', 'never.xlsx']);
    expect(run.code).toBe(2);
    expect(run.err).toEqual(['local-spend-baseline: not-a-survey.csv: the first line must be the header supplier,local_share (a supplier\'s name, and the share of its spending that stays local, such as 45% or 0.45).']);
    expect(filesIn(folder)).toEqual(before);
  });
});
