/**
 * LM3 as the New Economics Foundation defines it, every figure checked by hand: R1 the total
 * spend (and payroll), R2 the spend with local suppliers (and the wages of local staff), R3 what
 * surveyed suppliers re-spend locally, suppliers not surveyed at the surveyed suppliers'
 * spend-weighted mean share, and local staff at their own share; and the survey as it is read
 * from its sheet or a file, bad numbers named by their cell and left out.
 */
import type { RowResult } from '../../src/core/classify';
import { BaselineError } from '../../src/core/errors';
import { computeLm3, localSuppliers, type LocalSupplier } from '../../src/core/lm3';
import { answersInFile, answersOnSheet, newSurveySheet, parseShare, staffOnSheet, type RespendSurvey } from '../../src/core/respend-survey';
import type { SpendRow } from '../../src/core/rows';

const SUPPLIERS: LocalSupplier[] = [
  { key: 'BRICK WORKS', name: 'Brick Works Ltd', spend: 3000 },
  { key: 'ACME CLEANING', name: 'Acme Cleaning Ltd', spend: 1000 },
  { key: 'CORNER CAFE', name: 'Corner Cafe', spend: 1000 },
];

const survey = (answers: [string, number][], staff: RespendSurvey['staff'] = {}): RespendSurvey => ({
  answers: answers.map(([key, share], i) => ({ key, name: key, share, cell: `Re-spend survey!C${i + 2}` })),
  staff,
  problems: [],
});

describe('computeLm3', () => {
  test('R1, R2, R3 and LM3 from two surveyed suppliers and one estimated at their spend-weighted mean', () => {
    const { lm3, problems } = computeLm3(10000, SUPPLIERS, survey([['ACME CLEANING', 0.5], ['BRICK WORKS', 0.25]]));
    expect(problems).toEqual([]);
    // R1 = total spend; R2 = 3000 + 1000 + 1000.
    expect(lm3.r1).toBe(10000);
    expect(lm3.r2).toBe(5000);
    // Surveyed: 1000 × 0.5 + 3000 × 0.25 = 500 + 750 = 1250 of 4000; mean share 1250 / 4000 = 0.3125.
    expect(lm3.surveyedRespend).toBe(1250);
    expect(lm3.meanShare).toBe(0.3125);
    // Not surveyed: Corner Cafe's 1000 × 0.3125 = 312.50. R3 = 1250 + 312.50.
    expect(lm3.unsurveyedSpend).toBe(1000);
    expect(lm3.unsurveyedRespend).toBe(312.5);
    expect(lm3.r3).toBe(1562.5);
    // LM3 = (10000 + 5000 + 1562.50) / 10000.
    expect(lm3.value).toBeCloseTo(1.65625, 12);
    expect(lm3.surveyedShare).toBeCloseTo(4000 / 5000, 12);
    expect(lm3.surveyed.map((s) => [s.name, s.spend, s.share, s.respend])).toEqual([
      ['Brick Works Ltd', 3000, 0.25, 750],
      ['Acme Cleaning Ltd', 1000, 0.5, 500],
    ]);
  });

  test('payroll adds to R1, local staff wages to R2, and their local re-spending at the staff survey share to R3', () => {
    const { lm3 } = computeLm3(10000, SUPPLIERS, survey([['ACME CLEANING', 0.5], ['BRICK WORKS', 0.25]], { payroll: 5000, localWages: 2000, staffShare: 0.6 }));
    expect(lm3.r1).toBe(15000); // 10000 + 5000
    expect(lm3.r2).toBe(7000); // 5000 + 2000
    expect(lm3.staff).toEqual({ share: 0.6, from: 'staff survey', respend: 1200 }); // 2000 × 0.6
    expect(lm3.r3).toBe(2762.5); // 1562.50 + 1200
    expect(lm3.value).toBeCloseTo((15000 + 7000 + 2762.5) / 15000, 12);
    // Surveyed: the suppliers' 4000 and the staff's 2000, of R2's 7000.
    expect(lm3.surveyedShare).toBeCloseTo(6000 / 7000, 12);
  });

  test('local staff without a staff survey share re-spend at the suppliers’ mean share, and are not counted as surveyed', () => {
    const { lm3 } = computeLm3(10000, SUPPLIERS, survey([['ACME CLEANING', 0.5], ['BRICK WORKS', 0.25]], { localWages: 2000 }));
    expect(lm3.staff).toEqual({ share: 0.3125, from: 'suppliers', respend: 625 }); // 2000 × 0.3125
    expect(lm3.r3).toBe(1562.5 + 625);
    expect(lm3.surveyedShare).toBeCloseTo(4000 / 7000, 12);
  });

  test('without survey answers R3 and LM3 are not computed; R1 and R2 are', () => {
    const { lm3 } = computeLm3(10000, SUPPLIERS, survey([]));
    expect(lm3).toMatchObject({ r1: 10000, r2: 5000, r3: null, value: null, surveyedShare: 0, meanShare: null });
  });

  test('an answer for a supplier with no local spend is reported with its cell and not used', () => {
    const { lm3, problems } = computeLm3(10000, SUPPLIERS, survey([['ACME CLEANING', 0.5], ['FAR AWAY', 0.9]]));
    expect(problems).toEqual([{ cell: 'Re-spend survey!C3', message: expect.stringContaining('FAR AWAY has no spend with local suppliers') }]);
    expect(lm3.surveyed.map((s) => s.key)).toEqual(['ACME CLEANING']);
    expect(lm3.meanShare).toBe(0.5);
    expect(lm3.r3).toBe(500 + 4000 * 0.5);
  });
});

test('localSuppliers: each supplier’s net spend in the local area, largest first, credits netted', () => {
  const rows = [1000, 250.1, -50.05, 700, 900].map((amount, i): SpendRow => ({ row: i + 2, supplier: `S${i}`, amount }));
  const result = (supplierKey: string, locality: RowResult['locality']) => ({ supplierKey, locality }) as RowResult;
  const results = [result('A', 'local'), result('B', 'local'), result('B', 'local'), result('C', 'rest_of_uk'), result('A', 'wider')];
  expect(localSuppliers(rows, results, (key) => (key === 'A' ? 'A Ltd' : undefined))).toEqual([
    { key: 'A', name: 'A Ltd', spend: 1000 },
    { key: 'B', name: 'B', spend: 200.05 },
  ]);
});

describe('the survey', () => {
  test('a share is a fraction or a percentage; anything else says what to write', () => {
    expect(parseShare(0.45)).toEqual({ ok: true, value: 0.45 });
    expect(parseShare('45%')).toEqual({ ok: true, value: 0.45 });
    expect(parseShare(' 12.5 % ')).toEqual({ ok: true, value: 0.125 });
    expect(parseShare('0.3')).toEqual({ ok: true, value: 0.3 });
    expect(parseShare(1)).toEqual({ ok: true, value: 1 });
    expect(parseShare('abc')).toEqual({ ok: false, reason: '"abc" is not a share: write a percentage such as 45% or a fraction such as 0.45' });
    expect(parseShare(45)).toEqual({ ok: false, reason: '"45" is more than 1: write 45% for a percentage, or a fraction such as 0.45' });
    expect(parseShare('120%')).toEqual({ ok: false, reason: '"120%" is not a share between 0% and 100%' });
    expect(parseShare(-0.1)).toMatchObject({ ok: false });
  });

  test('the sheet: answers by supplier (key, else name), blanks not yet answered, bad numbers and second answers named by cell', () => {
    const grid = [
      ['Supplier', 'Supplier key', 'Local share', 'Notes', '', 'Your own staff (optional)', 'Value'],
      ['Acme Cleaning Ltd', 'ACME CLEANING', 0.5, '', '', 'Payroll, all staff (£)', '£1,200,000'],
      ['Brick Works Ltd', '', '25%', '', '', 'Wages paid to staff living in Preston (£)', 'lots'],
      ['Corner Cafe', 'CORNER CAFE', '', 'asked in May', '', 'Share of their pay those staff spend in Preston', '60%'],
      ['Dodgy Numbers Ltd', '', 'forty', ''],
      ['Acme Cleaning Limited', '', 0.9, ''],
    ];
    const { answers, problems } = answersOnSheet(grid, 'Re-spend survey');
    expect(answers).toEqual([
      { key: 'ACME CLEANING', name: 'Acme Cleaning Ltd', share: 0.5, cell: 'Re-spend survey!C2' },
      { key: 'BRICK WORKS', name: 'Brick Works Ltd', share: 0.25, cell: 'Re-spend survey!C3' },
    ]);
    expect(problems).toEqual([
      { cell: 'Re-spend survey!C5', message: '"forty" is not a share: write a percentage such as 45% or a fraction such as 0.45; this answer was not used' },
      { cell: 'Re-spend survey!C6', message: 'a second answer for Acme Cleaning Limited (the first is Re-spend survey!C2); this one was not used' },
    ]);
    const staff = staffOnSheet(grid, 'Re-spend survey');
    expect(staff.staff).toEqual({ payroll: 1200000, staffShare: 0.6 });
    expect(staff.problems).toEqual([{ cell: 'Re-spend survey!G3', message: expect.stringMatching(/^Wages paid to staff living in Preston \(£\): .*; it was not used$/) }]);
  });

  test('local staff wages count only with the payroll they are part of, and no more than it', () => {
    const staffCells = (payroll: string, wages: string) => [
      ['Supplier', 'Supplier key', 'Local share', 'Notes', '', 'Your own staff (optional)', 'Value'],
      ['', '', '', '', '', 'Payroll, all staff (£)', payroll],
      ['', '', '', '', '', 'Wages paid to staff living in Preston (£)', wages],
    ];
    expect(staffOnSheet(staffCells('', '4000'), 'Re-spend survey')).toEqual({
      staff: {},
      problems: [{ cell: 'Re-spend survey!G3', message: 'Wages paid to staff living in Preston (£): they count only with the payroll (R1), of which they are part; they were not used' }],
    });
    expect(staffOnSheet(staffCells('3000', '4000'), 'Re-spend survey')).toEqual({
      staff: { payroll: 3000 },
      problems: [{ cell: 'Re-spend survey!G3', message: 'Wages paid to staff living in Preston (£): they are more than the payroll, of which they are part; they were not used' }],
    });
    expect(staffOnSheet(staffCells('4000', '4000'), 'Re-spend survey')).toEqual({ staff: { payroll: 4000, localWages: 4000 }, problems: [] });
  });

  test('a sheet without its header is reported at A1 and read as no answers', () => {
    expect(answersOnSheet([['Who', 'How much'], ['Acme', 0.5]], 'Re-spend survey')).toEqual({
      answers: [],
      problems: [{ cell: 'Re-spend survey!A1', message: expect.stringContaining('no header row with "Supplier" and "Local share"') }],
    });
  });

  test('a file: supplier,local_share lines named by line; a file without that header is refused', () => {
    const read = answersInFile({ name: 'answers.csv', text: 'supplier,local_share\r\nAcme Cleaning Ltd,45%\r\nBrick Works Ltd,0.2\r\nOdd Ltd,2\r\n' });
    expect(read.answers.map((a) => [a.key, a.share, a.cell])).toEqual([
      ['ACME CLEANING', 0.45, 'answers.csv line 2'],
      ['BRICK WORKS', 0.2, 'answers.csv line 3'],
    ]);
    expect(read.problems).toEqual([{ cell: 'answers.csv line 4', message: expect.stringContaining('"2" is more than 1') }]);
    expect(() => answersInFile({ name: 'answers.csv', text: 'name,share\nAcme,1\n' })).toThrow(BaselineError);
    expect(() => answersInFile({ name: 'answers.csv', text: 'name,share\nAcme,1\n' })).toThrow(/answers\.csv: the first line must be the header supplier,local_share/);
  });

  test('a new survey sheet: the answers given, then the largest local suppliers not yet surveyed, and the staff cells to fill in', () => {
    const grid = newSurveySheet([{ key: 'BRICK WORKS', name: 'Brick Works Ltd', share: 0.25, cell: 'a.csv line 2' }], SUPPLIERS, 'Preston');
    expect(grid.slice(0, 4).map((row) => row.slice(0, 3))).toEqual([
      ['Supplier', 'Supplier key', 'Local share'],
      ['Brick Works Ltd', 'BRICK WORKS', 0.25],
      ['Acme Cleaning Ltd', 'ACME CLEANING', ''],
      ['Corner Cafe', 'CORNER CAFE', ''],
    ]);
    expect(grid.slice(0, 4).map((row) => row[5])).toEqual(['Your own staff (optional)', 'Payroll, all staff (£)', 'Wages paid to staff living in Preston (£)', 'Share of their pay those staff spend in Preston']);
    // Read back as it was made: the answer, and no staff figures yet.
    expect(answersOnSheet(grid, 'S').answers.map((a) => a.key)).toEqual(['BRICK WORKS']);
    expect(staffOnSheet(grid, 'S')).toEqual({ staff: {}, problems: [] });
  });
});
