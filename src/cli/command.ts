/**
 * The command as a function of its arguments: exit status 0 done, 2 bad input (one line naming
 * the file, sheet, row or column, and nothing written), 1 failure (one line for a damaged
 * geography pack, naming its file). main.ts gives it the process.
 */
import * as path from 'path';
import { GeoPackError } from '../geo/geo-pack';
import { parseCliArgs, USAGE, UsageError } from './args';
import { headlineLines } from './headline';
import { InputError } from './inputs';
import { packageVersion } from './project-files';
import { runBaseline, type RunIO } from './run';

export async function runCommand(argv: string[], io: RunIO): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`local-spend-baseline: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  if (options.version) {
    io.out(packageVersion());
    return 0;
  }
  try {
    const outcome = await runBaseline(options, io);
    const shownOut = path.relative(io.cwd, outcome.outFile) || outcome.outFile;
    for (const line of headlineLines(outcome.analysis.summary, outcome.areas, shownOut)) io.out(line);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`local-spend-baseline: ${error.message}`);
      return 2;
    }
    // The message names the damaged file and what to do; a stack would only hide it.
    if (error instanceof GeoPackError) {
      io.err(`local-spend-baseline: ${error.message}`);
      return 1;
    }
    io.err(`local-spend-baseline failed: ${(error as Error).stack ?? error}`);
    return 1;
  }
}
