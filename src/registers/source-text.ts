/**
 * The register downloads as streams of text: a CSV, JSON or text file as it is, gzipped, or
 * inside a zip (each data entry of it), or a folder of them. Nothing is held whole in memory:
 * the text arrives in chunks and is handed on a line at a time.
 */
import { createReadStream, promises as fs } from 'fs';
import * as path from 'path';
import { createGunzip } from 'zlib';
import { BaselineError } from '../core/errors';
import type { RegisterName, RegisterRecord } from '../core/register-record';
import { withWindows1252High } from '../core/text-decode';
import { ZipError, zipEntries, zipEntryStream } from './zip-entries';

export interface SourceText {
  /** "BasicCompanyData-2024-08-01-part1_7.zip › BasicCompanyData-2024-08-01-part1_7.csv", for messages. */
  name: string;
  /** The data file's own name (inside a zip, the entry's), which often says its release date. */
  fileName: string;
  chunks: AsyncIterable<Uint8Array>;
}

/** Takes a record read under a name; says whether it was kept (a name with no letters or digits is not). */
export type RecordSink = (name: string, record: RegisterRecord) => boolean;

export interface SourceSummary {
  register: RegisterName;
  /** "Companies House Basic Company Data 2024-08-01", "Charity Commission register extract 2024-08-15". */
  release: string;
  /** Data rows read, records kept, and rows that could not be read (no number, no name). */
  rows: number;
  records: number;
  skipped: number;
}

/** A download that cannot be read as a register; the message names the file and, where it can, the line. */
export class RegisterSourceError extends BaselineError {
  override name = 'RegisterSourceError';

  constructor(message: string) {
    super('registers-invalid', message);
  }
}

const DATA_FILE = /\.(csv|json|txt)(\.gz)?$/i;

/** The data files of a path: the file itself, each data entry of a zip, or every such file in a folder. */
export async function* sourceTexts(input: string): AsyncGenerator<SourceText> {
  let stat;
  try {
    stat = await fs.stat(input);
  } catch {
    throw new RegisterSourceError(`${input}: no such file or folder.`);
  }
  if (stat.isDirectory()) {
    const names = (await fs.readdir(input)).filter((name) => DATA_FILE.test(name) || /\.zip$/i.test(name)).sort();
    if (names.length === 0) throw new RegisterSourceError(`${input}: the folder holds no .csv, .csv.gz, .json, .txt or .zip file.`);
    for (const name of names) yield* sourceTexts(path.join(input, name));
    return;
  }
  const fileName = path.basename(input);
  if (/\.zip$/i.test(input)) {
    const entries = (await inZip(input, () => zipEntries(input))).filter((entry) => DATA_FILE.test(entry.name) && !entry.name.startsWith('__MACOSX/'));
    if (entries.length === 0) throw new RegisterSourceError(`${input}: the zip holds no .csv, .json or .txt file.`);
    for (const entry of entries) {
      const chunks = await inZip(input, () => zipEntryStream(input, entry));
      yield { name: `${input} › ${entry.name}`, fileName: path.posix.basename(entry.name), chunks };
    }
    return;
  }
  const stream = createReadStream(input);
  yield { name: input, fileName: fileName.replace(/\.gz$/i, ''), chunks: /\.gz$/i.test(input) ? stream.pipe(createGunzip()) : stream };
}

/** A zip that cannot be read, said with its file name. */
async function inZip<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ZipError) throw new RegisterSourceError(`${file}: ${error.message}.`);
    throw error;
  }
}

/**
 * The text of a stream of bytes: UTF-8 (a byte order mark dropped), or, from the first bytes
 * that are not UTF-8, Windows-1252, which older exports use.
 */
export async function* decodedText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let utf8 = true;
  for await (const chunk of chunks) {
    if (utf8) {
      try {
        yield decoder.decode(chunk, { stream: true });
        continue;
      } catch {
        utf8 = false;
        decoder = new TextDecoder('windows-1252');
      }
    }
    yield withWindows1252High(decoder.decode(chunk, { stream: true }));
  }
  const rest = decoder.decode();
  if (rest) yield utf8 ? rest : withWindows1252High(rest);
}

/** The lines of a stream of text, a batch per chunk, without their line ends. */
export async function* lineBatches(text: AsyncIterable<string>): AsyncGenerator<string[]> {
  let pending = '';
  for await (const chunk of text) {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
    if (lines.length > 0) yield lines;
  }
  if (pending.endsWith('\r')) pending = pending.slice(0, -1);
  if (pending !== '') yield [pending];
}

/**
 * The first chunk of text, and all of it again: a reader decides what kind of file it is by its
 * beginning and then reads it from the start.
 */
export async function peekText(text: AsyncIterable<string>): Promise<{ head: string; all: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  const seen: string[] = [];
  // Enough text to hold a header line.
  while (head.length < 4096) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    head += next.value;
  }
  async function* all(): AsyncGenerator<string> {
    yield* seen;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}
