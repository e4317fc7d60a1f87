/**
 * The zip container of an .xlsx: reading an input's entries without inflating the ones that are
 * copied unchanged, and writing a package to a file entry by entry. A copied entry keeps its
 * compressed bytes; a new or patched one is deflated in zlib's thread pool while the main thread
 * renders the next chunk of its XML.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
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
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  size: number;
  /** The compressed bytes, a view into the archive. */
  data: Buffer;
  time: number;
  date: number;
}

export { ZipError };

/** The entries of a zip archive, in the order of its central directory. */
export function readZip(bytes: Buffer): ZipEntry[] {
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

/** An entry's content as text (the parts of a package are UTF-8 XML). */
export function entryText(entry: ZipEntry): string {
  const bytes = entry.method === DEFLATED ? zlib.inflateRawSync(entry.data) : entry.data;
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Fast deflate: the parts are repetitive XML, and level 1 keeps most of the gain for a fraction of the time. */
const DEFLATE_LEVEL = 1;
/** Bytes handed to zlib at a time: few enough hand-overs that their cost does not count. */
const BATCH = 1 << 19;
/**
 * zlib hands its output back to the main thread a chunk at a time, and waits while the main
 * thread is busy rendering: large chunks keep it compressing.
 */
const OUTPUT_CHUNK = 1 << 20;
/** Batches handed to zlib before the renderer waits for the oldest: enough to keep both threads busy. */
const BATCHES_IN_FLIGHT = 4;

/** What the directory records of an entry written: the name as stored suffices. */
type CentralRecord = Omit<ZipDirectoryEntry, 'name'>;

/** Writes a zip archive to a file, one entry after another. */
export class ZipFileWriter {
  private offset = 0;
  private readonly directory: CentralRecord[] = [];
  private readonly stamp = dosTime(new Date());

  private constructor(private readonly fd: number) {}

  static open(file: string): ZipFileWriter {
    return new ZipFileWriter(fs.openSync(file, 'w'));
  }

  /** An entry of another archive, its compressed bytes copied as they are. */
  copy(entry: ZipEntry): void {
    this.writeEntry({ ...entry, compressedSize: entry.data.length, localOffset: this.offset }, [entry.data]);
  }

  /** A new entry from chunks of text, deflated as they come. */
  async add(name: string, chunks: Iterable<string>): Promise<void> {
    const deflate = zlib.createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: OUTPUT_CHUNK });
    const output: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => output.push(chunk));
    const finished = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let crc = 0;
    let size = 0;
    const inFlight: Promise<void>[] = [];
    let batch: Buffer[] = [];
    let batchSize = 0;
    const send = () => {
      const bytes = Buffer.concat(batch, batchSize);
      batch = [];
      batchSize = 0;
      inFlight.push(new Promise<void>((resolve, reject) => deflate.write(bytes, (error) => (error ? reject(error) : resolve()))));
    };
    for (const text of chunks) {
      const bytes = Buffer.from(text, 'utf8');
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      batch.push(bytes);
      batchSize += bytes.length;
      if (batchSize < BATCH) continue;
      send();
      if (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
    }
    if (batchSize > 0) send();
    deflate.end();
    await Promise.all(inFlight);
    await finished;
    if (size > 0xfffffffe) throw new ZipError(`${name} is over 4 GB, more than an .xlsx without ZIP64 can hold`);
    const compressedSize = output.reduce((sum, chunk) => sum + chunk.length, 0);
    const nameBytes = Buffer.from(name, 'utf8');
    this.writeEntry({ nameBytes, flags: FLAG_UTF8, method: DEFLATED, crc, size, compressedSize, ...this.stamp, localOffset: this.offset }, output);
  }

  /** Writes the directory and closes the file. */
  close(): void {
    const records = this.directory.map((entry) => {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(entry.flags, 8);
      header.writeUInt16LE(entry.method, 10);
      header.writeUInt16LE(entry.time, 12);
      header.writeUInt16LE(entry.date, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.nameBytes.length, 28);
      header.writeUInt32LE(entry.localOffset, 42);
      return Buffer.concat([header, entry.nameBytes]);
    });
    const directory = Buffer.concat(records);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(records.length, 8);
    end.writeUInt16LE(records.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    this.write(directory);
    this.write(end);
    fs.closeSync(this.fd);
  }

  /** Closes the file without finishing it (the caller removes it). */
  abandon(): void {
    fs.closeSync(this.fd);
  }

  private writeEntry(entry: CentralRecord, data: Buffer[]): void {
    if (this.offset + entry.compressedSize > 0xfffffffe || this.directory.length >= 0xffff) {
      throw new ZipError('the workbook would be over 4 GB, more than an .xlsx without ZIP64 can hold');
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(entry.time, 10);
    header.writeUInt16LE(entry.date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.nameBytes.length, 26);
    this.directory.push(entry);
    this.write(header);
    this.write(entry.nameBytes);
    for (const chunk of data) this.write(chunk);
  }

  private write(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done);
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
