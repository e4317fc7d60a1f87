/**
 * Reading the entries of a zip archive on disk as streams, without holding the archive in
 * memory: Companies House's one-file download is a zip of a CSV of several gigabytes. Only the
 * central directory is read whole (by the workbook package's directory reader, ZIP64 included);
 * an entry's bytes are streamed from the file and inflated as they come.
 */
import { createReadStream, promises as fs } from 'fs';
import { pipeline, Readable } from 'stream';
import { createInflateRaw } from 'zlib';
import {
  DEFLATED,
  END_SEARCH,
  FLAG_ENCRYPTED,
  LOCAL_HEADER_SIZE,
  localHeaderLength,
  locateDirectory,
  readDirectory,
  readZip64Record,
  STORED,
  ZIP64_RECORD_SIZE,
  zip64RecordOffset,
  ZipError,
  type ZipDirectoryEntry,
  type ZipDirectoryPlace,
} from '../workbook/zip-directory';

export { ZipError, type ZipDirectoryEntry };

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  const { bytesRead } = await handle.read(bytes, 0, length, position);
  if (bytesRead < length) throw new ZipError('it is cut short');
  return bytes;
}

/** The entries of the archive at `file`, in the order of its central directory. */
export async function zipEntries(file: string): Promise<ZipDirectoryEntry[]> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, END_SEARCH);
    const tail = await readAt(handle, size - tailLength, tailLength);
    const zip64 = zip64RecordOffset(tail);
    const place: ZipDirectoryPlace | undefined = zip64 === undefined ? locateDirectory(tail) : readZip64Record(await readAt(handle, zip64, ZIP64_RECORD_SIZE));
    if (!place) throw new ZipError('it is not a zip archive');
    if (place.offset + place.size > size) throw new ZipError('its directory lies past its end (damaged or cut short)');
    const entries = readDirectory(await readAt(handle, place.offset, place.size), place.entries);
    const encrypted = entries.find((entry) => entry.flags & FLAG_ENCRYPTED);
    if (encrypted) throw new ZipError(`${encrypted.name} is encrypted; unzip it with its password first`);
    return entries;
  } finally {
    await handle.close();
  }
}

/** The uncompressed bytes of one entry, streamed from the file. */
export async function zipEntryStream(file: string, entry: ZipDirectoryEntry): Promise<Readable> {
  if (entry.method !== STORED && entry.method !== DEFLATED) throw new ZipError(`${entry.name} is compressed with method ${entry.method}, which this reader does not know`);
  const handle = await fs.open(file, 'r');
  let start: number;
  try {
    start = entry.localOffset + localHeaderLength(await readAt(handle, entry.localOffset, LOCAL_HEADER_SIZE), entry);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  if (entry.method === STORED) return raw;
  const inflate = createInflateRaw();
  // Either side ending early (a reader that stops after the header) closes the other, and the file.
  pipeline(raw, inflate, () => undefined);
  return inflate;
}
