/**
 * The command run as a user runs it, in a process of its own, measured from outside: how long it
 * took, its peak resident memory (the process reports its own high-water mark as it exits), and
 * how it ended. The process's heap is capped, so that a run that would need more memory than the
 * machine can spare ends as a measured failure rather than taking the machine with it.
 */
import { spawn } from 'child_process';
import * as path from 'path';

export const COMMAND = path.join(__dirname, '..', 'bin', 'local-spend-baseline.js');

export interface ChildRun {
  /** The exit status, or null when a signal ended the process. */
  status: number | null;
  seconds: number;
  /** Peak resident memory in MB; NaN when the process died before it could say. */
  peakMb: number;
  /** Its standard error, without the memory report. */
  stderr: string;
}

/** `node ARGS` in `folder`, its heap capped at `heapCapMb` when given. */
export function runChild(folder: string, args: readonly string[], heapCapMb?: number): Promise<ChildRun> {
  const report = `process.on('exit', () => process.stderr.write('peak-rss ' + process.resourceUsage().maxRSS + '\\n'));`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cap = heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`];
    const child = spawn(process.execPath, [...cap, '--import', `data:text/javascript,${encodeURIComponent(report)}`, ...args], {
      cwd: folder,
      // npm and npx set INIT_CWD, which the command takes for where the user ran it.
      env: { ...process.env, INIT_CWD: folder, XDG_CACHE_HOME: path.join(folder, '.cache') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      const kilobytes = /peak-rss (\d+)\n?/.exec(stderr);
      resolve({
        status,
        seconds: (performance.now() - started) / 1000,
        peakMb: kilobytes ? Number(kilobytes[1]) / 1024 : NaN,
        stderr: stderr.replace(/peak-rss \d+\n?/, '').trim(),
      });
    });
  });
}

/** How a run ended, in a few words for the figures. */
export function describeEnd(run: ChildRun): string {
  if (run.status === 0) return 'done';
  if (/heap out of memory|Allocation failed/i.test(run.stderr)) return 'ran out of memory (a crash)';
  if (run.status === 2) return `refused: ${run.stderr.split('\n').pop()?.replace(/^local-spend-baseline: /, '')}`;
  return `failed with status ${run.status}: ${run.stderr.split('\n').slice(-3).join(' / ').slice(0, 300)}`;
}
