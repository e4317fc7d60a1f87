/** Entry point of `local-spend-baseline`: the command, given this process's folder and streams. */
import { runCommand } from './command';

const terminal = process.stderr.isTTY === true;

runCommand(process.argv.slice(2), {
  // `npm run baseline` runs in the project folder; npm says where the user ran it in INIT_CWD.
  cwd: process.env.npm_lifecycle_event === 'baseline' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  // A progress line redrawn in place, only where someone is watching.
  progress: terminal
    ? (fraction, label) => process.stderr.write(`\r${label} ${(fraction * 100).toFixed(0).padStart(3)}%${fraction >= 1 ? '\n' : ''}`)
    : undefined,
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
});
