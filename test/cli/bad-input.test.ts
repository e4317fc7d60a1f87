/**
 * Bad input ends with exit status 2, one line that names the file, sheet, row or column, and
 * nothing written: no workbook, no results CSV, no summary JSON.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { STATE_SHEET } from '../../src/core/settings';
import type { ErrorCode } from '../../src/core/errors';
import { CLI_FIXTURES, filesIn, fixturePackFolder, runIn, temporaryFolder } from './cli-harness';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire (ceremonial county)'];
const OUTPUTS = ['--results-csv', 'results.csv', '--summary-json', 'summary.json'];

let folder: string;
beforeAll(async () => {
  folder = temporaryFolder('bad-input');
  fs.copyFileSync(path.join(CLI_FIXTURES, 'council-payments.csv'), path.join(folder, 'payments.csv'));
  for (const name of ['password-protected.xlsx', 'old-format-named.xlsx']) fs.copyFileSync(path.join(CLI_FIXTURES, name), path.join(folder, name));
  fs.mkdirSync(path.join(folder, 'empty-folder'));
  fs.writeFileSync(path.join(folder, 'empty-folder', 'notes.txt'), 'nothing to see');
  fs.writeFileSync(path.join(folder, 'decimal-comma.csv'), 'Supplier Name,Postcode,Net Amount\r\nAcme Ltd,PR1 2AA,"2773,85"\r\nBeta Ltd,PR1 2AA,"1.234,50"\r\nGamma Ltd,,"12,5"\r\n');
  fs.writeFileSync(path.join(folder, 'no-amount.csv'), 'Supplier Name,Department,Reference\r\nAcme Ltd,Finance,INV-1\r\nBeta Ltd,Housing,INV-2\r\n');
  fs.writeFileSync(path.join(folder, 'no-supplier.csv'), 'Ref,Who,Net\r\nINV-1,J Smith 1,5.00\r\nINV-2,K Jones 2,6.00\r\nINV-3,L Brown 3,7.00\r\n');
  fs.writeFileSync(path.join(folder, 'bad-rules.csv'), 'priority,field,match,value,verdict,reason,coop\r\n10,category,words,cleaning,influenceable,Cleaning,no\r\n20,colour,words,red,influenceable,Red things,no\r\n');

  // A workbook analysed before, whose hidden settings have since been damaged.
  const analysed = await runIn(folder, ['payments.csv', ...AREAS, '--out', 'analysed.xlsx']);
  expect(analysed.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(folder, 'analysed.xlsx'));
  workbook.getWorksheet(STATE_SHEET)!.getCell('A1').value = '{"version":1,"settings":{"threshold":';
  await workbook.xlsx.writeFile(path.join(folder, 'damaged.xlsx'));
});

/** Each case: the arguments, the error's code, and (for some) what the one line must name. */
const cases: [string, string[], ErrorCode, RegExp | undefined][] = [
  ['a missing file', ['nope.csv'], 'file-unreadable', /"nope\.csv"/],
  [
    'a password-protected workbook',
    ['password-protected.xlsx', ...AREAS],
    'file-unreadable',
    /^local-spend-baseline: Cannot read "[^"]*password-protected\.xlsx": it is password-protected: save an unprotected copy \(in Excel, File › Info › Protect Workbook › Encrypt with Password, and clear the password\) and use that$/,
  ],
  ['an old .xls workbook named .xlsx', ['old-format-named.xlsx', ...AREAS], 'file-unreadable', /it is an old-format Excel workbook \(\.xls\) under an \.xlsx name: open it in Excel and save it as \.xlsx or \.csv$/],
  ['a folder with no spend files', ['empty-folder'], 'file-unreadable', /"empty-folder"/],
  ['no amount column: the columns it saw are named', ['no-amount.csv', ...AREAS], 'columns-missing', /no-amount\.csv: no amount column found; the columns are A "Supplier Name", B "Department", C "Reference"\. Name it with --map/],
  [
    'amounts with a decimal comma: the column and an example are named',
    ['decimal-comma.csv', ...AREAS],
    'columns-missing',
    /^local-spend-baseline: decimal-comma\.csv: the amounts in column C "Net Amount" are written with a decimal comma \(e\.g\. 2773,85\), which is not read as money; save the file with decimal points \(2773\.85\)\.$/,
  ],
  [
    '--map amount= taking the column of supplier names: it says so',
    ['payments.csv', ...AREAS, '--map', 'amount=Supplier Name'],
    'columns-missing',
    /^local-spend-baseline: payments\.csv: --map amount="Supplier Name" took column A "Supplier Name", which holds the supplier names \(e\.g\. "Fishergate Cleaning Ltd"\), so there is no supplier column left; map amount to its own column \(the columns are A "Supplier Name", B "Supplier Postcode", C "Expense Type", D "Payment Date", E "Net Amount"\)\.$/,
  ],
  ['no supplier column: the likeliest are named with values from them', ['no-supplier.csv', ...AREAS], 'columns-missing', /no-supplier\.csv: no supplier column found; the likeliest for the supplier are B "Who" \(e\.g\. "J Smith 1", "K Jones 2"\)\. Name it with --map supplier=/],
  ['--map naming an unknown field', ['payments.csv', ...AREAS, '--map', 'suppler=A'], 'usage', /"suppler"/],
  ['--map naming a column that is not there', ['payments.csv', ...AREAS, '--map', 'supplier=Vendor'], 'mapping-invalid', /payments\.csv: --map: No column "Vendor" for supplier/],
  ['a rules CSV with a bad line (and no note before the one line)', ['payments.csv', '--local', 'Preston', '--wider', 'Lancashire', '--rules', 'bad-rules.csv'], 'rules-invalid', /^local-spend-baseline: bad-rules\.csv line 3, column "field": /],
  ['an unknown --local', ['payments.csv', '--local', 'Prestonshire'], 'area-invalid', /"Prestonshire"/],
  ['a misspelt --local: the nearest names', ['payments.csv', '--local', 'Prestn'], 'area-invalid', /^local-spend-baseline: --local: "Prestn" is not an area name or code; did you mean "Preston \(district\)"\?$/],
  ['--out equal to an input', ['payments.csv', ...AREAS, '--out', 'analysed.xlsx', 'analysed.xlsx'], 'output-invalid', /analysed\.xlsx would overwrite an input/],
  ['--results-csv over an input', ['payments.csv', ...AREAS, '--results-csv', 'payments.csv'], 'output-invalid', undefined],
  ['an output into a folder that does not exist', ['payments.csv', ...AREAS, '--summary-json', 'reports/summary.json'], 'output-invalid', /reports/],
  ['a damaged state sheet', ['damaged.xlsx'], 'state-damaged', /^local-spend-baseline: damaged\.xlsx: .* hidden sheet LSB_State/],
  ['a date that is not a date', ['payments.csv', ...AREAS, '--from', '31/02/2024'], 'usage', /--from/],
];

test.each(cases)('%s', async (_, argv, code, names) => {
  const before = filesIn(folder);
  const outputs = ['--results-csv', '--summary-json'].filter((option) => !argv.includes(option)).flatMap((option) => [option, OUTPUTS[OUTPUTS.indexOf(option) + 1]]);
  const run = await runIn(folder, [...argv, ...outputs]);
  expect(run.code).toBe(2);
  expect(run.error?.code).toBe(code);
  expect(run.out).toEqual([]);
  expect(run.err).toHaveLength(1);
  expect(run.err[0]).toMatch(/^local-spend-baseline: /);
  if (names) expect(run.err[0]).toMatch(names);
  expect(filesIn(folder)).toEqual(before);
});

test('a failure that is not the user\'s (a damaged geography pack) ends with status 1 and its code', async () => {
  const pack = temporaryFolder('damaged-pack');
  fs.cpSync(await fixturePackFolder(), pack, { recursive: true });
  fs.writeFileSync(path.join(pack, 'index.json'), '{"format":');
  const run = await runIn(folder, ['payments.csv', ...AREAS], { geoPack: pack });
  expect(run.code).toBe(1);
  expect(run.error?.code).toBe('geography-damaged');
  expect(run.err).toEqual([expect.stringMatching(/^local-spend-baseline failed: .*index\.json/)]);
});
