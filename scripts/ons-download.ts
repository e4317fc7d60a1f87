/**
 * An ONS postcode download as ONS publishes it, opened for the pack compiler: the CSV itself, the
 * CSV gzipped, or the zip from the ONS Open Geography Portal, whose data CSV sits in `Data/`
 * (one national file, or one file per postcode area under `Data/multi_csv/`) beside the names
 * and codes files in `Documents/`. A zip is read from disk entry by entry and inflated as it
 * streams: the download is some 200 MB zipped and 1 GB unzipped, and is never held whole.
 */
import { createReadStream, promises as fs } from 'fs';
import * as path from 'path';
import { pipeline, type Readable, type Transform } from 'stream';
import { crc32, createGunzip, createInflateRaw } from 'zlib';
import {
  DEFLATED,
  END_SEARCH,
  FLAG_ENCRYPTED,
  LOCAL_HEADER_SIZE,
  localHeaderLength,
  locateDirectory,
  readDirectory,
  STORED,
  ZipError,
  type ZipDirectoryEntry,
} from '../src/workbook/zip-directory';

/** A problem with the source or the tables: the message names the file, line and column. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** One CSV of the download, with its own header line. */
export interface SourcePart {
  /** The file, and for a zip the entry: what messages name. */
  label: string;
  /** The CSV's own file name, from which the release can be read. */
  name: string;
  chunks(): AsyncIterable<Buffer>;
}

export interface OnsDownload {
  /** What the pack records as its source: the file, and the data entries of a zip. */
  description: string;
  parts: SourcePart[];
  /** The download's own district names and codes file, where a zip has one. */
  districtNames?: { label: string; read(): Promise<Buffer> };
}

const ZIP_MAGIC = 0x04034b50;
/** The national CSV directly in `Data/`. */
const DATA_CSV = /(^|\/)Data\/[^/]+\.csv$/i;
/** The per-area CSVs of the multi-file layout. */
const MULTI_CSV = /(^|\/)Data\/multi_csv\/[^/]+\.csv$/i;
const PRODUCT_CSV = /(^|\/)(nspl|onspd)[^/]*\.csv$/i;
/** "Documents/LA_UA names and codes UK as at 04_24.csv" (some releases nest it in "Names and Codes/"). */
const DISTRICT_NAMES_CSV = /(^|\/)Documents\/([^/]+\/)*(LA_UA|LAD)[^/]*names and codes[^/]*\.csv$/i;

async function readAt(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle.read(bytes, 0, length, position);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A stream piped through a transform, whose failure the transform passes on to the reader. */
function through(raw: Readable, transform: Transform): Readable {
  pipeline(raw, transform, () => undefined);
  return transform;
}

function fileChunks(file: string, gzipped: boolean): AsyncIterable<Buffer> {
  const raw = createReadStream(file);
  return gzipped ? through(raw, createGunzip()) : raw;
}

export async function openOnsDownload(file: string): Promise<OnsDownload> {
  const head = await readAt(file, 0, 4);
  if (head.length === 4 && head.readUInt32LE(0) === ZIP_MAGIC) return openZip(file);
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const name = path.basename(file);
  return { description: name, parts: [{ label: file, name: name.replace(/\.gz$/i, ''), chunks: () => fileChunks(file, gzipped) }] };
}

async function openZip(file: string): Promise<OnsDownload> {
  let entries: ZipDirectoryEntry[];
  try {
    const { size } = await fs.stat(file);
    const tailLength = Math.min(size, END_SEARCH);
    const place = locateDirectory(await readAt(file, size - tailLength, tailLength));
    if (!place || place.offset + place.size > size) throw new ZipError('its zip directory is missing or damaged (is the download complete?)');
    entries = readDirectory(await readAt(file, place.offset, place.size), place.entries);
  } catch (error) {
    if (error instanceof ZipError) throw new SourceError(`${file}: ${error.message}.`);
    throw error;
  }

  const byName = (a: ZipDirectoryEntry, b: ZipDirectoryEntry) => (a.name < b.name ? -1 : 1);
  const national = entries.filter((e) => DATA_CSV.test(e.name));
  const named = national.filter((e) => PRODUCT_CSV.test(e.name));
  const single = named.length > 0 ? named : national;
  if (single.length > 1) {
    throw new SourceError(`${file}: its Data folder holds ${single.length} CSV files (${single.map((e) => e.name).join(', ')}); unzip it and give the postcode CSV.`);
  }
  const data = single.length === 1 ? single : entries.filter((e) => MULTI_CSV.test(e.name)).sort(byName);
  if (data.length === 0) {
    throw new SourceError(`${file}: no postcode CSV in it (looked for Data/*.csv and Data/multi_csv/*.csv, as in the NSPL and ONSPD downloads).`);
  }
  const names = entries.filter((e) => DISTRICT_NAMES_CSV.test(e.name)).sort(byName).pop();
  const zipName = path.basename(file);
  const part = (entry: ZipDirectoryEntry): SourcePart => ({
    label: `${file}: ${entry.name}`,
    name: path.posix.basename(entry.name),
    chunks: () => entryChunks(file, entry),
  });
  return {
    description: data.length === 1 ? `${zipName}: ${data[0].name}` : `${zipName}: ${path.posix.dirname(data[0].name)}/ (${data.length} files)`,
    parts: data.map(part),
    ...(names ? { districtNames: { label: `${file}: ${names.name}`, read: () => collect(entryChunks(file, names)) } } : {}),
  };
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

/** An entry's bytes as they inflate, checked against its size and CRC at the end. */
async function* entryChunks(file: string, entry: ZipDirectoryEntry): AsyncIterable<Buffer> {
  const label = `${file}: ${entry.name}`;
  if (entry.flags & FLAG_ENCRYPTED) throw new SourceError(`${label} is encrypted; download it again from ONS.`);
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new SourceError(`${label} is compressed with method ${entry.method}, which this reader does not undo; unzip the download and give the CSV.`);
  }
  let start: number;
  try {
    start = entry.localOffset + localHeaderLength(await readAt(file, entry.localOffset, LOCAL_HEADER_SIZE), entry);
  } catch (error) {
    if (error instanceof ZipError) throw new SourceError(`${file}: ${error.message}.`);
    throw error;
  }
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  let crc = 0;
  let size = 0;
  for await (const chunk of entry.method === DEFLATED ? through(raw, createInflateRaw()) : raw) {
    crc = crc32(chunk as Buffer, crc);
    size += (chunk as Buffer).length;
    yield chunk as Buffer;
  }
  if (size !== entry.size || crc !== entry.crc) throw new SourceError(`${label} is damaged (its size or checksum does not match the zip's directory); download it again.`);
}
