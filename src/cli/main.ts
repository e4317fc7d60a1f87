/** Entry point of `local-spend-baseline`: exit 0 done, 2 bad input (one line), 1 failure. */
import * as path from 'path';
import { parseCliArgs, USAGE, UsageError } from './args';
import { headlineLines } from './headline';
import { InputError } from './inputs';
import { packageVersion } from './project-files';
import { runBaseline } from './run';

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`local-spend-baseline: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.version) {
    console.log(packageVersion());
    return 0;
  }
  const terminal = process.stderr.isTTY === true;
  try {
    const outcome = await runBaseline(options, {
      cwd: process.cwd(),
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      progress: terminal
        ? (fraction, label) => process.stderr.write(`\r${label} ${(fraction * 100).toFixed(0).padStart(3)}%${fraction >= 1 ? '\n' : ''}`)
        : undefined,
      now: () => new Date(),
    });
    for (const line of headlineLines(outcome.analysis.summary, outcome.areas, path.relative(process.cwd(), outcome.outFile) || outcome.outFile)) {
      console.log(line);
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`local-spend-baseline: ${error.message}`);
      return 2;
    }
    console.error(`local-spend-baseline failed: ${(error as Error).stack ?? error}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
