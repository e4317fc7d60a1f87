/**
 * The zip container of an .xlsx: reading an archive's entries without inflating the ones that are
 * copied unchanged, and writing an archive entry by entry to a sink. A copied entry keeps its
 * compressed bytes; a new or patched one goes through the host's deflate stream (zlib's thread
 * pool on the command line) while the caller renders the next chunk of its XML.
 */
import { concat } from './bytes';
import type { DeflateCodec, Inflate } from './codec';
import {
  CENTRAL_HEADER,
  DEFLATED,
  END_OF_CENTRAL_DIRECTORY,
  FLAG_ENCRYPTED,
  FLAG_UTF8,
  LOCAL_HEADER,
  LOCAL_HEADER_SIZE,
  localHeaderLength,
  locateDirectory,
  readDirectory,
  STORED,
  ZipError,
  type ZipDirectoryEntry,
} from './zip-directory';

export interface ZipEntry {
  name: string;
  /** The name as stored, with the flags that say how it is encoded. */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  size: number;
  /** The compressed bytes, a view into the archive. */
  data: Uint8Array;
  time: number;
  date: number;
}

export { ZipError };

/** The entries of a zip archive, in the order of its central directory. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const place = locateDirectory(bytes);
  if (!place) throw new ZipError('it is not a zip archive (an .xlsx file is one)');
  return readDirectory(bytes.subarray(place.offset, place.offset + place.size), place.entries).map((entry) => {
    const { name, flags, method } = entry;
    if (flags & FLAG_ENCRYPTED) throw new ZipError(`${name} is encrypted (a password-protected workbook); save it without a password`);
    if (method !== STORED && method !== DEFLATED) throw new ZipError(`${name} is compressed with method ${method}, which Excel does not use`);
    const dataStart = entry.localOffset + localHeaderLength(bytes.subarray(entry.localOffset, entry.localOffset + LOCAL_HEADER_SIZE), entry);
    if (dataStart + entry.compressedSize > bytes.length) throw new ZipError(`the entry ${name} is cut short`);
    return {
      name,
      nameBytes: entry.nameBytes,
      flags: flags & FLAG_UTF8,
      method,
      crc: entry.crc,
      size: entry.size,
      data: bytes.subarray(dataStart, dataStart + entry.compressedSize),
      time: entry.time,
      date: entry.date,
    };
  });
}

/** An entry's content as it inflates, checked against the size the zip gives. */
export async function* entryChunks(entry: ZipEntry, inflate: Inflate): AsyncGenerator<Uint8Array> {
  if (entry.method !== DEFLATED) {
    yield entry.data;
    return;
  }
  let size = 0;
  for await (const chunk of inflate(entry.data, entry.size)) {
    size += chunk.length;
    yield chunk;
  }
  if (size !== entry.size) throw new ZipError(`the entry ${entry.name} is damaged (it inflates to ${size} bytes, not ${entry.size})`);
}

/** An entry's content whole. */
export async function entryBytes(entry: ZipEntry, inflate: Inflate): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of entryChunks(entry, inflate)) chunks.push(chunk);
  return concat(chunks);
}

const utf8 = new TextDecoder();

/** An entry's content as text (the parts of a package are UTF-8 XML; a byte-order mark is dropped). */
export async function entryText(entry: ZipEntry, inflate: Inflate): Promise<string> {
  return utf8.decode(await entryBytes(entry, inflate));
}

/** Where an archive's bytes go, in order. */
export interface ByteSink {
  write(bytes: Uint8Array): void;
}

/** Bytes handed to the deflate stream at a time: few enough hand-overs that their cost does not count. */
const BATCH = 1 << 19;
/** Batches handed over before the renderer waits for the oldest: enough to keep both sides busy. */
const BATCHES_IN_FLIGHT = 4;
/** The most an archive or an entry of one may hold without ZIP64, which Excel's files never need. */
const ZIP32_LIMIT = 0xfffffffe;

/** What the directory records of an entry written: the name as stored suffices. */
type CentralRecord = Omit<ZipDirectoryEntry, 'name'>;

/** Writes a zip archive to a sink, one entry after another. */
export class ZipWriter {
  private offset = 0;
  private readonly directory: CentralRecord[] = [];
  private readonly stamp: { time: number; date: number };
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly sink: ByteSink,
    private readonly codec: DeflateCodec,
    now: Date,
  ) {
    this.stamp = dosTime(now);
  }

  /** An entry of another archive, its compressed bytes copied as they are. */
  copy(entry: ZipEntry): void {
    this.writeEntry({ ...entry, compressedSize: entry.data.length, localOffset: this.offset }, [entry.data]);
  }

  /** A new entry from chunks of text, deflated as they come. */
  async add(name: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
    const deflate = this.codec.deflateStream();
    let crc = 0;
    let size = 0;
    const inFlight: Promise<void>[] = [];
    let batch: Uint8Array[] = [];
    let batchSize = 0;
    const send = () => {
      inFlight.push(deflate.write(concat(batch, batchSize)));
      batch = [];
      batchSize = 0;
    };
    for await (const text of chunks) {
      // An empty chunk is passed over: zlib's CRC-32 of the empty array TextEncoder gives is 0, not the CRC so far.
      if (text === '') continue;
      const bytes = this.encoder.encode(text);
      crc = this.codec.crc32(bytes, crc);
      size += bytes.length;
      batch.push(bytes);
      batchSize += bytes.length;
      if (batchSize < BATCH) continue;
      send();
      if (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
    }
    if (batchSize > 0) send();
    await Promise.all(inFlight);
    const output = await deflate.end();
    if (size > ZIP32_LIMIT) throw new ZipError(`${name} is over 4 GB, more than an .xlsx without ZIP64 can hold`);
    const compressedSize = output.reduce((sum, chunk) => sum + chunk.length, 0);
    const nameBytes = this.encoder.encode(name);
    this.writeEntry({ nameBytes, flags: FLAG_UTF8, method: DEFLATED, crc, size, compressedSize, ...this.stamp, localOffset: this.offset }, output);
  }

  /** Writes the directory: the archive is complete. */
  finish(): void {
    const records = this.directory.map((entry) => {
      const header = new Uint8Array(46 + entry.nameBytes.length);
      const view = new DataView(header.buffer);
      view.setUint32(0, CENTRAL_HEADER, true);
      view.setUint16(4, 20, true);
      view.setUint16(6, 20, true);
      view.setUint16(8, entry.flags, true);
      view.setUint16(10, entry.method, true);
      view.setUint16(12, entry.time, true);
      view.setUint16(14, entry.date, true);
      view.setUint32(16, entry.crc, true);
      view.setUint32(20, entry.compressedSize, true);
      view.setUint32(24, entry.size, true);
      view.setUint16(28, entry.nameBytes.length, true);
      view.setUint32(42, entry.localOffset, true);
      header.set(entry.nameBytes, 46);
      return header;
    });
    const directory = concat(records, records.reduce((sum, record) => sum + record.length, 0));
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
    view.setUint16(8, records.length, true);
    view.setUint16(10, records.length, true);
    view.setUint32(12, directory.length, true);
    view.setUint32(16, this.offset, true);
    this.write(directory);
    this.write(end);
  }

  private writeEntry(entry: CentralRecord, data: Uint8Array[]): void {
    if (this.offset + entry.compressedSize > ZIP32_LIMIT || this.directory.length >= 0xffff) {
      throw new ZipError('the workbook would be over 4 GB, more than an .xlsx without ZIP64 can hold');
    }
    const header = new Uint8Array(LOCAL_HEADER_SIZE);
    const view = new DataView(header.buffer);
    view.setUint32(0, LOCAL_HEADER, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, entry.flags, true);
    view.setUint16(8, entry.method, true);
    view.setUint16(10, entry.time, true);
    view.setUint16(12, entry.date, true);
    view.setUint32(14, entry.crc, true);
    view.setUint32(18, entry.compressedSize, true);
    view.setUint32(22, entry.size, true);
    view.setUint16(26, entry.nameBytes.length, true);
    this.directory.push(entry);
    this.write(header);
    this.write(entry.nameBytes);
    for (const chunk of data) this.write(chunk);
  }

  private write(bytes: Uint8Array): void {
    this.sink.write(bytes);
    this.offset += bytes.length;
  }
}

/** A time as zip stores it: local time in two 16-bit words, to two seconds. */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: (Math.max(0, at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}
