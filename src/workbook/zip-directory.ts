/**
 * The central directory of a zip archive: each entry's name, method, sizes and where its local
 * header is. Read from the archive's last bytes, so that a large archive on disk need not be
 * loaded whole (the ONS postcode download is some 200 MB, Companies House's several GB unzipped);
 * an .xlsx hands over all of its bytes. A ZIP64 archive's directory is found from its own end
 * record, which a reader on disk fetches where `zip64RecordOffset` says.
 */

/** Little-endian integers of a byte array (a Buffer is one too). */
export function uint16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

export function uint32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** A ZIP64 size or offset: exact up to 2^53, which no real archive reaches. */
function uint64(bytes: Uint8Array, at: number): number {
  const value = uint32(bytes, at) + uint32(bytes, at + 4) * 2 ** 32;
  if (!Number.isSafeInteger(value)) throw new ZipError('it holds a size too large to be real (damaged)');
  return value;
}

const utf8 = new TextDecoder();

/** A stored name: UTF-8 when its flag says so, else one character a byte, as zip's older tools wrote them. */
function nameOf(bytes: Uint8Array, flags: number): string {
  return flags & FLAG_UTF8 ? utf8.decode(bytes) : String.fromCharCode(...bytes);
}

/** An archive that is not a zip this reader understands; the message says why. */
export class ZipError extends Error {
  override name = 'ZipError';
}

export interface ZipDirectoryEntry {
  name: string;
  /** The name as stored, with the flags that say how it is encoded. */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts, from the start of the archive. */
  localOffset: number;
  time: number;
  date: number;
}

export interface ZipDirectoryPlace {
  entries: number;
  /** Where the directory starts and how long it is, from the start of the archive. */
  offset: number;
  size: number;
}

export const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
export const CENTRAL_HEADER = 0x02014b50;
export const LOCAL_HEADER = 0x04034b50;
export const LOCAL_HEADER_SIZE = 30;
export const STORED = 0;
export const DEFLATED = 8;
export const FLAG_ENCRYPTED = 0x1;
export const FLAG_UTF8 = 0x800;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
/** A 32-bit field holding this says the value is in the ZIP64 extra field or end record. */
const IN_ZIP64 = 0xffffffff;
/** The bytes of a ZIP64 end record a reader needs. */
export const ZIP64_RECORD_SIZE = 56;
/** The end record is 22 bytes, after up to 64 KiB of comment, and a ZIP64 archive's locator (20 bytes) before it: the most of an archive's tail to read. */
export const END_SEARCH = 22 + 0xffff + 20;

/**
 * Where the directory is, from the last bytes of the archive (`tail` ends where the archive
 * ends); undefined when there is no end record, so the bytes are not a zip archive.
 */
export function locateDirectory(tail: Uint8Array): ZipDirectoryPlace | undefined {
  const at = endRecord(tail);
  if (at < 0) return undefined;
  const entries = uint16(tail, at + 10);
  const size = uint32(tail, at + 12);
  const offset = uint32(tail, at + 16);
  if (entries === 0xffff || offset === IN_ZIP64 || size === IN_ZIP64) throw new ZipError('it is a ZIP64 archive, which only files over 4 GB need');
  return { entries, offset, size };
}

/** The end record's place in `tail`, or -1 when there is none. */
function endRecord(tail: Uint8Array): number {
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - END_SEARCH); at--) {
    if (uint32(tail, at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/**
 * Where a ZIP64 archive's own end record is, from the locator just before its end record in
 * `tail`; undefined for an archive without one. Read ZIP64_RECORD_SIZE bytes there and hand
 * them to `readZip64Record`.
 */
export function zip64RecordOffset(tail: Uint8Array): number | undefined {
  const locator = endRecord(tail) - 20;
  return locator >= 0 && uint32(tail, locator) === ZIP64_LOCATOR ? uint64(tail, locator + 8) : undefined;
}

/** The directory's place, as a ZIP64 end record states it. */
export function readZip64Record(record: Uint8Array): ZipDirectoryPlace {
  if (record.length < ZIP64_RECORD_SIZE || uint32(record, 0) !== ZIP64_END_OF_CENTRAL_DIRECTORY) throw new ZipError('its ZIP64 end record is damaged');
  return { entries: uint64(record, 32), size: uint64(record, 40), offset: uint64(record, 48) };
}

/**
 * An entry's sizes and local header offset where its 32-bit fields say they are in the ZIP64
 * extra field: the extra field holds those, and only those, in this order.
 */
function withZip64Values(entry: ZipDirectoryEntry, extra: Uint8Array): ZipDirectoryEntry {
  const wanted = (['size', 'compressedSize', 'localOffset'] as const).filter((field) => entry[field] === IN_ZIP64);
  if (wanted.length === 0) return entry;
  for (let at = 0; at + 4 <= extra.length; at += 4 + uint16(extra, at + 2)) {
    if (uint16(extra, at) !== ZIP64_EXTRA) continue;
    if (uint16(extra, at + 2) < 8 * wanted.length || at + 4 + 8 * wanted.length > extra.length) break;
    const values = Object.fromEntries(wanted.map((field, i) => [field, uint64(extra, at + 4 + 8 * i)]));
    return { ...entry, ...values };
  }
  throw new ZipError(`the entry ${entry.name} says its sizes are in a ZIP64 extra field, which it lacks (damaged)`);
}

/** The entries of a directory (its bytes, as located), in their order. */
export function readDirectory(directory: Uint8Array, entries: number): ZipDirectoryEntry[] {
  const read: ZipDirectoryEntry[] = [];
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > directory.length || uint32(directory, at) !== CENTRAL_HEADER) throw new ZipError('its zip directory is damaged');
    const flags = uint16(directory, at + 8);
    const nameLength = uint16(directory, at + 28);
    const extraLength = uint16(directory, at + 30);
    const commentLength = uint16(directory, at + 32);
    const nameBytes = directory.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipDirectoryEntry = {
      name: nameOf(nameBytes, flags),
      nameBytes,
      flags,
      method: uint16(directory, at + 10),
      crc: uint32(directory, at + 16),
      compressedSize: uint32(directory, at + 20),
      size: uint32(directory, at + 24),
      localOffset: uint32(directory, at + 42),
      time: uint16(directory, at + 12),
      date: uint16(directory, at + 14),
    };
    read.push(withZip64Values(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return read;
}

/**
 * How far past its local header an entry's data start, from the header's first 30 bytes
 * (its name and extra field may differ in length from the directory's copy).
 */
export function localHeaderLength(header: Uint8Array, entry: ZipDirectoryEntry): number {
  if (header.length < LOCAL_HEADER_SIZE || uint32(header, 0) !== LOCAL_HEADER) throw new ZipError(`the entry ${entry.name} is damaged`);
  return LOCAL_HEADER_SIZE + uint16(header, 26) + uint16(header, 28);
}
