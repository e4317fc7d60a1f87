/**
 * All outputs or none: an output that cannot be written stops the command before the analysis
 * with one line naming the option, the file and why (exit status 2, the user's to put right),
 * and nothing is written or changed; outputs are written beside their targets and moved into
 * place only when every one was written. A failure is never a stack trace unless --debug asks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCommandOutcome } from '../../src/cli/command';
import { OutputFiles } from '../../src/cli/output-files';
import { BaselineError } from '../../src/core/errors';
import { describeWhen } from '../support/shared';
import { CLI_FIXTURES, FIXED_NOW, fixturePackFolder, runIn, temporaryFolder } from './cli-harness';

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire (ceremonial county)'];

/** Every file in a folder, hidden ones too. */
const everything = (folder: string) => fs.readdirSync(folder).sort();

let folder: string;
beforeAll(() => {
  folder = temporaryFolder('outputs');
  fs.copyFileSync(path.join(CLI_FIXTURES, 'council-payments.csv'), path.join(folder, 'payments.csv'));
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'a file, not a folder');
  // Outputs of an earlier run, which a failed run must leave as they are.
  fs.writeFileSync(path.join(folder, 'results.csv'), 'earlier results');
});

async function expectNothingWritten(argv: string[], line: RegExp): Promise<void> {
  const before = new Map(everything(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
  const run = await runIn(folder, ['payments.csv', ...AREAS, '--results-csv', 'results.csv', ...argv], { geoPack: await fixturePackFolder() });
  expect(run.code).toBe(2);
  expect(run.error?.code).toBe('output-unwritable');
  expect(run.out).toEqual([]);
  expect(run.err).toHaveLength(1);
  expect(run.err[0]).toMatch(line);
  expect(everything(folder)).toEqual([...before.keys()]);
  for (const [name, text] of before) expect(fs.readFileSync(path.join(folder, name), 'utf8')).toBe(text);
}

test('an output whose folder is a file: one line, status 2, nothing written or changed', async () => {
  await expectNothingWritten(['--summary-json', 'notes.txt/summary.json'], /^local-spend-baseline: --summary-json notes\.txt\/summary\.json: cannot write it: part of its path is a file, not a folder\.$/);
});

test('an output name too long for the file system: one line, status 2, nothing written', async () => {
  const long = `${'x'.repeat(300)}.json`;
  await expectNothingWritten(['--summary-json', long], new RegExp(`^local-spend-baseline: --summary-json ${long.replace('.', '\\.')}: cannot write it: its name is too long for the file system\\.$`));
});

// Root writes into a read-only folder regardless of its permissions, so this needs another user.
const isRoot = process.getuid?.() === 0;
describeWhen(!isRoot && process.platform !== 'win32', 'runs as root (or on Windows), where a read-only folder still takes new files', 'a read-only folder', () => {
  test('an output into it: one line, status 2, nothing written', async () => {
    const locked = path.join(folder, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    try {
      await expectNothingWritten(['--out', 'locked/baseline.xlsx'], /^local-spend-baseline: --out locked\/baseline\.xlsx: cannot write it: permission denied \(a read-only folder or file, or the file is open in another program\)\.$/);
    } finally {
      fs.chmodSync(locked, 0o755);
      fs.rmdirSync(locked);
    }
  });
});

describe('writing beside the targets, moving into place together', () => {
  const targets = (dir: string) => [
    { option: '--out', file: path.join(dir, 'a.xlsx') },
    { option: '--summary-json', file: path.join(dir, 'b.json') },
  ];

  test('a failure writing one output removes those written before it and leaves every target as it was', async () => {
    const dir = temporaryFolder('staging');
    fs.writeFileSync(path.join(dir, 'a.xlsx'), 'earlier workbook');
    const files = new OutputFiles(targets(dir), dir);
    files.check();
    await files.write(path.join(dir, 'a.xlsx'), (temporary) => fs.writeFileSync(temporary, 'new workbook'));
    expect(everything(dir)).toHaveLength(2);
    const full = Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' });
    const failed = files.write(path.join(dir, 'b.json'), (temporary) => {
      fs.writeFileSync(temporary, '{');
      throw full;
    });
    await expect(failed).rejects.toThrow(new BaselineError('output-failed', '--summary-json b.json: cannot write it: the disk is full.'));
    await expect(failed).rejects.toMatchObject({ code: 'output-failed' });
    expect(everything(dir)).toEqual(['a.xlsx']);
    expect(fs.readFileSync(path.join(dir, 'a.xlsx'), 'utf8')).toBe('earlier workbook');
  });

  test('once every output is written, all are moved into place and no temporary file is left', async () => {
    const dir = temporaryFolder('staging-done');
    const files = new OutputFiles(targets(dir), dir);
    files.check();
    await files.write(path.join(dir, 'a.xlsx'), (temporary) => fs.writeFileSync(temporary, 'workbook'));
    await files.write(path.join(dir, 'b.json'), (temporary) => fs.writeFileSync(temporary, '{}'));
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
    files.commit();
    expect(everything(dir)).toEqual(['a.xlsx', 'b.json']);
  });
});

describe('a failure that is nobody’s mistake', () => {
  /** The command with a console that cannot be written to (a closed pipe). */
  const closedConsole = async (argv: string[]) => {
    const err: string[] = [];
    const outcome = await runCommandOutcome([...argv, '--cache', 'lookup-cache.json'], {
      cwd: folder,
      out: () => {
        throw new Error('write EPIPE\n    at the pipe');
      },
      err: (line) => err.push(line),
      now: () => FIXED_NOW,
      geoPack: await fixturePackFolder(),
    });
    return { status: outcome.status, err };
  };

  test('is one line with status 1, never a stack trace', async () => {
    expect(await closedConsole(['payments.csv', ...AREAS, '--out', 'piped.xlsx'])).toEqual({ status: 1, err: ['local-spend-baseline failed: write EPIPE (run again with --debug to see where)'] });
  });

  test('--debug shows where it happened', async () => {
    const { status, err } = await closedConsole(['payments.csv', ...AREAS, '--out', 'piped.xlsx', '--debug']);
    expect(status).toBe(1);
    expect(err[0]).toBe('local-spend-baseline failed: write EPIPE');
    expect(err[1]).toMatch(/^Error: write EPIPE\n {4}at the pipe\n {4}at /);
  });
});
