/** Entry point of `local-spend-baseline`: the command, given this process's folder and streams. */
import { runCommand } from './command';

const terminal = process.stderr.isTTY === true;

/** The last progress line drawn, and whether it is still open (not yet ended by a newline). */
let progressLine = '';
let progressOpen = false;

/** Ends the progress line, so that what follows starts a line of its own. */
function endProgress(): void {
  if (progressOpen) process.stderr.write('\n');
  progressOpen = false;
}

/** Reading, classifying, writing: one line per step, redrawn in place as its percentage changes. */
function showProgress(fraction: number, label: string): void {
  const line = `${label} ${String(Math.floor(fraction * 100)).padStart(3)}%`;
  if (line === progressLine) return;
  if (!progressLine.startsWith(`${label} `)) endProgress();
  process.stderr.write(`\r${line}\x1b[K`);
  progressLine = line;
  progressOpen = true;
  if (fraction >= 1) endProgress();
}

runCommand(process.argv.slice(2), {
  // `npm run baseline` runs in the project folder; npm says where the user ran it in INIT_CWD.
  cwd: process.env.npm_lifecycle_event === 'baseline' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd(),
  out: (line) => {
    endProgress();
    console.log(line);
  },
  err: (line) => {
    endProgress();
    console.error(line);
  },
  // Only where someone is watching.
  progress: terminal ? showProgress : undefined,
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
});
