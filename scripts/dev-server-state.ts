/** Where `npm start` records the development server it started, so `npm stop` can end it. */
import * as fs from 'fs';
import * as path from 'path';

export function devServerFiles(root: string): { pid: string; log: string } {
  return { pid: path.join(root, '.dev-server.pid'), log: path.join(root, 'dev-server.log') };
}

/** The process id of the running server, or undefined (a stale pid file is removed). */
export function isRunning(files: { pid: string }): number | undefined {
  if (!fs.existsSync(files.pid)) return undefined;
  const pid = Number(fs.readFileSync(files.pid, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    fs.rmSync(files.pid, { force: true });
    return undefined;
  }
}
