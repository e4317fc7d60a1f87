/**
 * What the benchmarks of the whole command share: a seeded spend workbook as a finance system
 * might export it, and `node` run in a process of its own, timed, with its peak memory.
 */
import ExcelJS from 'exceljs';
import { parseCsv } from '../src/core/csv';
import { generateSpendCsv } from '../test/support/spend-generator';
import { runChild } from './child-run';

export const SEED = 20240401;

/** The seeded rows as a workbook a finance system might export (ExcelJS, as another program writes it): numbers, dates, text. */
export async function writeSpendWorkbook(file: string, rows: number): Promise<void> {
  const [header, ...records] = parseCsv(generateSpendCsv(rows, SEED));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Payments');
  sheet.addRow(header);
  for (const record of records) {
    const [day, month, year] = record[0].split('/').map(Number);
    sheet.addRow([new Date(Date.UTC(year, month - 1, day)), ...record.slice(1, 6), Number(record[6].replace(/[(),-]/g, '')) * (/^-|\(|-$/.test(record[6]) ? -1 : 1)]);
  }
  sheet.getColumn(1).numFmt = 'dd/mm/yyyy';
  await workbook.xlsx.writeFile(file);
}

export interface Measured {
  /** Wall-clock time from start to exit. */
  ms: number;
  /** Peak resident memory, MB (a figure of the whole process, not of the heap alone). */
  peakMb: number;
}

/** `node ARGS` run in `folder` (child-run.ts), timed, with its peak resident memory; a failed run throws. */
export async function measuredNode(folder: string, args: string[]): Promise<Measured> {
  const run = await runChild(folder, args);
  if (run.status !== 0 || Number.isNaN(run.peakMb)) throw new Error(`node ${args[0]} ended with ${run.status}: ${run.stderr}`);
  return { ms: run.seconds * 1000, peakMb: run.peakMb };
}
