/**
 * The command run as a user runs it, in a process of its own, measured from outside: how long it
 * took (on the clock and on the CPU, which a busy machine does not inflate), its peak resident
 * memory, and how it ended. The process reports its own high-water mark and CPU time as it exits;
 * one that dies first (out of memory) is measured by its high-water mark in /proc while it runs,
 * where there is one. The heap can be capped, so that a run that would need more memory than the
 * machine can spare ends as a measured failure rather than taking the machine with it.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const COMMAND = path.join(__dirname, '..', 'bin', 'local-spend-baseline.js');

export interface ChildRun {
  /** The exit status, or null when a signal ended the process. */
  status: number | null;
  seconds: number;
  /** User and system CPU time; NaN when the process died before it could say. */
  cpuSeconds: number;
  /** Peak resident memory in MB; NaN when it could not be measured. */
  peakMb: number;
  /** Its standard error, without the report. */
  stderr: string;
}

const REPORT = /resource-report rss=(\d+) cpu=(\d+)\n?/;
const POLL_MS = 250;

/** The high-water mark of a running process's resident memory, in kB, where Linux tells it. */
function highWaterKb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** `node ARGS` in `folder`, its heap capped at `heapCapMb` when given. */
export function runChild(folder: string, args: readonly string[], heapCapMb?: number): Promise<ChildRun> {
  const report = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('resource-report rss=' + u.maxRSS + ' cpu=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cap = heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`];
    const child = spawn(process.execPath, [...cap, '--import', `data:text/javascript,${encodeURIComponent(report)}`, ...args], {
      cwd: folder,
      // npm and npx set INIT_CWD, which the command takes for where the user ran it.
      env: { ...process.env, INIT_CWD: folder, XDG_CACHE_HOME: path.join(folder, '.cache') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let polledKb = NaN;
    const poll = setInterval(() => {
      const kb = highWaterKb(child.pid);
      if (!Number.isNaN(kb)) polledKb = Number.isNaN(polledKb) ? kb : Math.max(polledKb, kb);
    }, POLL_MS);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(poll);
      const reported = REPORT.exec(stderr);
      resolve({
        status,
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: reported ? Number(reported[2]) / 1e6 : NaN,
        peakMb: (reported ? Number(reported[1]) : polledKb) / 1024,
        stderr: stderr.replace(REPORT, '').trim(),
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
