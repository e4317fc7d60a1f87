/**
 * The command's outputs (the annotated workbook, --results-csv, --summary-json), all or none.
 * Before the analysis each target is checked: not an input nor another output, its folder there
 * and writable, the file itself not read-only or open elsewhere. Each is then written to a
 * temporary file beside its target and moved into place only when every one has been written;
 * a failure removes the temporary files and leaves every target as it was. A failure is one
 * error naming the option, the file and why: the user's to put right (a read-only folder, a file
 * open in another program, a name too long) or not (a full disk).
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { BaselineError } from '../core';

export interface OutputTarget {
  /** The option that names it ("--out"), for messages. */
  option: string;
  /** Absolute path. */
  file: string;
}

/** Why a file cannot be written, in words, and whether the user can put it right. */
function describeWriteError(error: unknown): { why: string; users: boolean } {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return { why: 'permission denied (a read-only folder or file, or the file is open in another program)', users: true };
    case 'EROFS':
      return { why: 'the folder is on a read-only drive', users: true };
    case 'EBUSY':
    case 'ETXTBSY':
      return { why: 'the file is open in another program; close it and run again', users: true };
    case 'ENOTDIR':
      return { why: 'part of its path is a file, not a folder', users: true };
    case 'EISDIR':
      return { why: 'it is a folder; name a file', users: true };
    case 'ENOENT':
      return { why: 'its folder does not exist', users: true };
    case 'ENAMETOOLONG':
      return { why: 'its name is too long for the file system', users: true };
    case 'ENOSPC':
    case 'EDQUOT':
      return { why: 'the disk is full', users: false };
    default:
      return { why: (error as Error).message?.split('\n')[0] ?? String(error), users: false };
  }
}

export class OutputFiles {
  /** Temporary files written so far, by target. */
  private readonly written = new Map<string, string>();

  constructor(
    private readonly targets: readonly OutputTarget[],
    private readonly cwd: string,
  ) {}

  private shown(file: string): string {
    return path.relative(this.cwd, file) || file;
  }

  private failure(target: OutputTarget, error: unknown): BaselineError {
    if (error instanceof BaselineError) return error;
    const { why, users } = describeWriteError(error);
    return new BaselineError(users ? 'output-unwritable' : 'output-failed', `${target.option} ${this.shown(target.file)}: cannot write it: ${why}.`, { file: this.shown(target.file) });
  }

  /**
   * Each target, before any work: its folder exists and takes a new file, and a file already
   * there can be replaced. Nothing is left behind.
   */
  check(): void {
    for (const target of this.targets) {
      const folder = path.dirname(target.file);
      const invalid = (message: string) => new BaselineError('output-invalid', `${target.option} ${this.shown(target.file)}: ${message}`, { file: this.shown(target.file) });
      if (!fs.existsSync(folder)) throw invalid(`the folder ${this.shown(folder)} does not exist.`);
      if (fs.existsSync(target.file) && fs.statSync(target.file).isDirectory()) throw invalid('it is a folder; name a file.');
      const probe = temporaryBeside(target.file);
      const exists = fs.existsSync(target.file);
      try {
        fs.closeSync(fs.openSync(probe, 'wx'));
        fs.rmSync(probe, { force: true });
        // A file there must be replaceable: not read-only, not held open by another program (Windows);
        // a new one must be possible under its own name.
        fs.closeSync(fs.openSync(target.file, exists ? 'r+' : 'wx'));
        if (!exists) fs.rmSync(target.file, { force: true });
      } catch (error) {
        removeQuietly(probe);
        throw this.failure(target, error);
      }
    }
  }

  /** Writes one output to its temporary file; on failure every temporary file goes. */
  async write(file: string, write: (temporary: string) => void | Promise<void>): Promise<void> {
    const target = this.targets.find((t) => t.file === file);
    if (!target) throw new Error(`${file} is not an output`);
    const temporary = temporaryBeside(file);
    this.written.set(file, temporary);
    try {
      await write(temporary);
    } catch (error) {
      this.abandon();
      throw this.failure(target, error);
    }
  }

  /** Moves every output into place, once all are written. */
  commit(): void {
    for (const target of this.targets) {
      const temporary = this.written.get(target.file);
      if (!temporary) continue;
      try {
        fs.renameSync(temporary, target.file);
        this.written.delete(target.file);
      } catch (error) {
        this.abandon();
        throw this.failure(target, error);
      }
    }
  }

  /** Removes the temporary files written so far. */
  abandon(): void {
    for (const temporary of this.written.values()) removeQuietly(temporary);
    this.written.clear();
  }
}

/** A file removed if it is there; a path that cannot hold one (its folder is a file) holds nothing to remove. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing was written there.
  }
}

/** A hidden file beside the target, with a name no other run takes and no longer than a file system allows. */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file).slice(0, 40)}.${randomBytes(4).toString('hex')}.partial`);
}
