/**
 * Reading the entries of a zip archive on disk as streams, without holding the archive in
 * memory: Companies House's one-file download is a zip of a CSV of several gigabytes. Only the
 * central directory is read whole; an entry's bytes are streamed from the file and inflated as
 * they come. ZIP64 archives (over 4 GB, or written as ZIP64 by the tool that made them) are read
 * too.
 */
import { createReadStream, promises as fs } from 'fs';
import { pipeline, Readable } from 'stream';
import { createInflateRaw } from 'zlib';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** An archive this reader cannot read; the message says why. */
export class ZipReadError extends Error {
  override name = 'ZipReadError';
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
/** 32-bit fields hold this when the real value is in the ZIP64 extra field. */
const IN_ZIP64 = 0xffffffff;

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new ZipReadError('it is cut short');
  return buffer;
}

function u64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipReadError('it holds a size too large to be real (damaged)');
  return Number(value);
}

interface Directory {
  count: number;
  offset: number;
  size: number;
}

async function findDirectory(handle: fs.FileHandle, fileSize: number): Promise<Directory> {
  // The end record is 22 bytes after up to 64 KiB of comment; a ZIP64 locator (20 bytes) may precede it.
  const tailLength = Math.min(fileSize, 22 + 0xffff + 20);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipReadError('it is not a zip archive');
  const directory = { count: tail.readUInt16LE(end + 10), size: tail.readUInt32LE(end + 12), offset: tail.readUInt32LE(end + 16) };
  const locator = end - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR) {
    const record = await readAt(handle, u64(tail, locator + 8), 56);
    if (record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) throw new ZipReadError('its ZIP64 directory record is damaged');
    return { count: u64(record, 32), size: u64(record, 40), offset: u64(record, 48) };
  }
  if (directory.count === 0xffff || directory.offset === IN_ZIP64 || directory.size === IN_ZIP64) {
    throw new ZipReadError('it says it is a ZIP64 archive but has no ZIP64 directory record (damaged)');
  }
  return directory;
}

/** The sizes and offset a ZIP64 extra field holds for the 32-bit fields that say so, in its order. */
function zip64Values(extra: Buffer, wanted: { size: boolean; compressedSize: boolean; localOffset: boolean }) {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ZipReadError('its ZIP64 extra field is too short (damaged)');
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      return {
        size: wanted.size ? next() : undefined,
        compressedSize: wanted.compressedSize ? next() : undefined,
        localOffset: wanted.localOffset ? next() : undefined,
      };
    }
    at += 4 + length;
  }
  throw new ZipReadError('an entry says its sizes are in a ZIP64 extra field, which it lacks (damaged)');
}

/** The entries of the archive at `file`, in the order of its central directory. */
export async function zipEntries(file: string): Promise<ZipEntryInfo[]> {
  const handle = await fs.open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const directory = await findDirectory(handle, fileSize);
    if (directory.offset + directory.size > fileSize) throw new ZipReadError('its directory lies past its end (damaged or cut short)');
    const bytes = await readAt(handle, directory.offset, directory.size);
    const entries: ZipEntryInfo[] = [];
    let at = 0;
    for (let i = 0; i < directory.count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_HEADER) throw new ZipReadError('its zip directory is damaged');
      const flags = bytes.readUInt16LE(at + 8);
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const name = bytes.subarray(at + 46, at + 46 + nameLength).toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
      if (flags & FLAG_ENCRYPTED) throw new ZipReadError(`${name} is encrypted; unzip it with its password first`);
      const entry: ZipEntryInfo = {
        name,
        method: bytes.readUInt16LE(at + 10),
        compressedSize: bytes.readUInt32LE(at + 20),
        size: bytes.readUInt32LE(at + 24),
        localOffset: bytes.readUInt32LE(at + 42),
      };
      const wanted = { size: entry.size === IN_ZIP64, compressedSize: entry.compressedSize === IN_ZIP64, localOffset: entry.localOffset === IN_ZIP64 };
      if (wanted.size || wanted.compressedSize || wanted.localOffset) {
        const values = zip64Values(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), wanted);
        entry.size = values.size ?? entry.size;
        entry.compressedSize = values.compressedSize ?? entry.compressedSize;
        entry.localOffset = values.localOffset ?? entry.localOffset;
      }
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The uncompressed bytes of one entry, streamed from the file. */
export async function zipEntryStream(file: string, entry: ZipEntryInfo): Promise<Readable> {
  if (entry.method !== STORED && entry.method !== DEFLATED) throw new ZipReadError(`${entry.name} is compressed with method ${entry.method}, which this reader does not know`);
  const handle = await fs.open(file, 'r');
  let dataStart: number;
  try {
    const header = await readAt(handle, entry.localOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipReadError(`the entry ${entry.name} is damaged`);
    dataStart = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  if (entry.method === STORED) return raw;
  const inflate = createInflateRaw();
  // Either side ending early (a reader that stops after the header) closes the other, and the file.
  pipeline(raw, inflate, () => undefined);
  return inflate;
}
