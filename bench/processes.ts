/**
 * What the benchmarks of the whole command share: a seeded spend workbook as a finance system
 * might export it, and `node` run in a process of its own, timed, with its peak memory.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../src/core/csv';
import { generateSpendCsv } from '../test/support/spend-generator';

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
  /** Peak resident memory, MB. */
  peakMb: number;
}

/**
 * `node ARGS` run in `folder`, timed, with its peak resident memory: the process reports its own
 * high-water mark as it exits (a figure of the whole process, not of the heap alone).
 */
export function measuredNode(folder: string, args: string[]): Promise<Measured> {
  const report = `process.on('exit', () => process.stderr.write('peak-rss ' + process.resourceUsage().maxRSS + '\\n'));`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, ...args], {
      cwd: folder,
      // npm and npx set INIT_CWD, which the command takes for where the user ran it.
      env: { ...process.env, INIT_CWD: folder, XDG_CACHE_HOME: path.join(folder, '.cache') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const kilobytes = /peak-rss (\d+)/.exec(stderr)?.[1];
      if (code !== 0 || !kilobytes) reject(new Error(`node ${args[0]} ended with ${code}: ${stderr.replace(/peak-rss \d+\n/, '').trim()}`));
      else resolve({ ms, peakMb: Number(kilobytes) / 1024 });
    });
  });
}
