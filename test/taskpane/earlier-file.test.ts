/**
 * "Compare with an earlier workbook" reads the file in the pane as the command line's --baseline
 * reads it from disk: the same payments with the same mapping, the same state; and says clearly
 * when the file is not an earlier analysis.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { everySheet, readSpendFile } from '../../src/cli/read-file';
import { readEarlierWorkbook } from '../../src/core';
import { readEarlierFile } from '../../src/taskpane/earlier-file';
import { runIn, temporaryFolder } from '../cli/cli-harness';

describe('readEarlierFile', () => {
  let folder: string;
  let earlier: string;
  beforeAll(async () => {
    folder = temporaryFolder('earlier-file');
    fs.writeFileSync(
      path.join(folder, 'spend.csv'),
      ['Supplier Name,Supplier Postcode,Expense Type,Net Amount', 'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,1000.00', 'Manchester Legal LLP,M1 1AE,Legal Services,1500.00', 'Total,,,2500.00'].join('\r\n'),
    );
    expect(await runIn(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire', '--out', 'baseline-2023.xlsx'])).toMatchObject({ code: 0 });
    earlier = path.join(folder, 'baseline-2023.xlsx');
  });

  it('reads the payments, the state and the user’s sheets as the command line does', async () => {
    const read = await readEarlierFile(new Uint8Array(fs.readFileSync(earlier)), 'baseline-2023.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const fromDisk = readEarlierWorkbook('baseline-2023.xlsx', await everySheet(await readSpendFile(earlier)));
    expect(read.earlier.data!.rows.map((row) => [row.row, row.supplier, row.amount, row.postcode])).toEqual([
      [2, 'Fishergate Cleaning Ltd', 1000, 'PR1 2AA'],
      [3, 'Manchester Legal LLP', 1500, 'M1 1AE'],
    ]);
    expect(read.earlier.data!.rows).toEqual(fromDisk.data!.rows);
    expect(read.earlier.state).toEqual(fromDisk.state);
    expect(read.earlier.suppliersSheet?.length).toBe(3);
    expect(read.earlier.rulesSheet?.length).toBeGreaterThan(100);
  });

  it('says clearly when the file is not an earlier analysis, or not a workbook', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Spend').addRow(['Supplier', 'Amount']);
    const never = await readEarlierFile(new Uint8Array(await plain.xlsx.writeBuffer()), 'spend-2023.xlsx');
    expect(never).toEqual({ ok: false, message: 'spend-2023.xlsx was not analysed by Local Spend Baseline, so it has no baseline to compare with: choose the workbook an earlier analysis wrote.' });
    expect(await readEarlierFile(new TextEncoder().encode('not a zip'), 'broken.xlsx')).toEqual({
      ok: false,
      message: 'broken.xlsx could not be read as an Excel workbook (it is not a valid .xlsx file). Choose the workbook an earlier analysis wrote (the one with its Baseline sheet), saved as .xlsx.',
    });
    expect(await readEarlierFile(new TextEncoder().encode('a,b'), 'spend.csv')).toEqual({
      ok: false,
      message: 'spend.csv is not an Excel workbook. Choose the workbook an earlier analysis wrote (the one with its Baseline sheet), saved as .xlsx.',
    });
  });
});
