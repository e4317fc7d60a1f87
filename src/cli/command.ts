/**
 * The command as a function of its arguments: exit status 0 done, 2 the user's input (one line
 * naming the file, sheet, row or column, and nothing written), 1 any other failure. main.ts
 * gives it the process.
 */
import * as path from 'path';
import { BaselineError, isInputProblem } from '../core';
import { parseCliArgs, USAGE } from './args';
import { headlineLines, publishedLine, unknownSpendAdvice } from './headline';
import { packageVersion } from './project-files';
import { runBaseline, type RunIO } from './run';

export interface CommandOutcome {
  status: number;
  /** What stopped the command, when it failed. */
  error?: unknown;
}

/** The exit status for a failure: 2 for what the user can put right, 1 otherwise. */
function exitStatus(error: unknown): number {
  return isInputProblem(error) ? 2 : 1;
}

/** The first line of what went wrong: a failure is one line unless --debug asks for where it happened. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

export async function runCommandOutcome(argv: string[], io: RunIO): Promise<CommandOutcome> {
  const debug = argv.includes('--debug');
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.out(USAGE);
      return { status: 0 };
    }
    if (options.version) {
      io.out(packageVersion());
      return { status: 0 };
    }
    const outcome = await runBaseline(options, io);
    const shownOut = path.relative(io.cwd, outcome.outFile) || outcome.outFile;
    for (const line of headlineLines(outcome.analysis, shownOut, outcome.carried)) io.out(line);
    if (outcome.published) io.out(publishedLine(outcome.published, path.relative(io.cwd, outcome.published.file) || outcome.published.file, options.publishMin));
    for (const line of unknownSpendAdvice(outcome.analysis.summary, options, shownOut)) io.out(line);
    return { status: 0 };
  } catch (error) {
    const status = exitStatus(error);
    if (status === 2) io.err(`local-spend-baseline: ${(error as BaselineError).message}`);
    else if (error instanceof BaselineError) io.err(`local-spend-baseline failed: ${error.message}`);
    else io.err(`local-spend-baseline failed: ${firstLine(error)}${debug ? '' : ' (run again with --debug to see where)'}`);
    if (debug && error instanceof Error && error.stack) io.err(error.stack);
    return { status, error };
  }
}

export async function runCommand(argv: string[], io: RunIO): Promise<number> {
  return (await runCommandOutcome(argv, io)).status;
}
