/**
 * The two kinds of shard file of the register pack, as bytes (the layout is in README.md beside
 * this file): a name shard holds the records whose name keys hash to it, sorted by key; a number
 * shard holds the number keys that hash to it, each pointing at a record of a name shard. Each
 * shard carries the pack's id, its own number and a CRC, so that a damaged shard, or one of
 * another build, is refused.
 */
import { REGISTERS, type RegisterName } from '../core/register-record';
import { ByteReader, ByteWriter, MalformedBytes } from '../geo/bytes';
import { crc32 } from '../geo/crc32';

const MAGIC = 'LSBREG';
export const SHARD_FORMAT_VERSION = 1;
export const SHARD_KINDS = { names: 0x4e, numbers: 0x23 } as const;
export type ShardKind = keyof typeof SHARD_KINDS;

export interface ShardHeader {
  kind: ShardKind;
  packId: number;
  /** The pack shards its keys among 2^bits shards; this one is number `shard`. */
  bits: number;
  shard: number;
}

/** A record as a name shard stores it: its categories as indexes into the pack index's tables. */
export interface StoredRecord {
  key: string;
  register: RegisterName;
  number: string;
  postcode: string;
  category: number;
  accounts: number;
  sic: readonly number[];
  companyNumber: string;
}

/** A number key and the record it belongs to: the name shard and the record's place in it. */
export interface NumberEntry {
  key: string;
  shard: number;
  position: number;
}

/** Bytes that are not a shard this program wrote, or a damaged one; the message says what is wrong. */
export class ShardFileError extends Error {}

export function looksLikeShardFile(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && [...MAGIC].every((c, i) => bytes[i] === c.charCodeAt(0));
}

function writeHeader(writer: ByteWriter, header: ShardHeader): void {
  for (const c of MAGIC) writer.byte(c.charCodeAt(0));
  writer.byte(SHARD_FORMAT_VERSION);
  writer.byte(SHARD_KINDS[header.kind]);
  writer.uint32(header.packId);
  writer.varint(header.bits);
  writer.varint(header.shard);
}

/** Sorted keys, each as the length it shares with the one before and the rest. */
function writeKeys(writer: ByteWriter, keys: readonly string[]): void {
  let previous = '';
  for (const key of keys) {
    let shared = 0;
    while (shared < key.length && shared < previous.length && key.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    writer.varint(shared);
    writer.ascii(key.slice(shared));
    previous = key;
  }
}

function finish(writer: ByteWriter): Uint8Array {
  const body = writer.result();
  const out = new ByteWriter();
  out.bytes(body);
  out.uint32(crc32(body));
  return out.result();
}

export function encodeNameShard(header: Omit<ShardHeader, 'kind'>, records: readonly StoredRecord[]): Uint8Array {
  const writer = new ByteWriter();
  writeHeader(writer, { ...header, kind: 'names' });
  writer.varint(records.length);
  writeKeys(writer, records.map((r) => r.key));
  for (const r of records) writer.byte(REGISTERS.indexOf(r.register));
  for (const r of records) writer.ascii(r.number);
  for (const r of records) writer.ascii(r.postcode);
  for (const r of records) writer.varint(r.category);
  for (const r of records) writer.varint(r.accounts);
  for (const r of records) {
    writer.varint(r.sic.length);
    for (const code of r.sic) writer.varint(code);
  }
  for (const r of records) writer.ascii(r.companyNumber);
  return finish(writer);
}

export function encodeNumberShard(header: Omit<ShardHeader, 'kind'>, entries: readonly NumberEntry[]): Uint8Array {
  const writer = new ByteWriter();
  writeHeader(writer, { ...header, kind: 'numbers' });
  writer.varint(entries.length);
  writeKeys(writer, entries.map((e) => e.key));
  for (const e of entries) writer.varint(e.shard);
  for (const e of entries) writer.varint(e.position);
  return finish(writer);
}

/** Checks the magic bytes, version, kind and CRC; returns a reader past the header, and the header. */
function openShard(bytes: Uint8Array, kind: ShardKind): { reader: ByteReader; header: ShardHeader } {
  if (!looksLikeShardFile(bytes)) throw new ShardFileError('it is not a register pack shard (wrong magic bytes)');
  if (bytes.length < MAGIC.length + 2 + 4) throw new ShardFileError('it is cut short');
  const version = bytes[MAGIC.length];
  if (version !== SHARD_FORMAT_VERSION) throw new ShardFileError(`it is in shard format ${version}, this program reads ${SHARD_FORMAT_VERSION}`);
  if (bytes[MAGIC.length + 1] !== SHARD_KINDS[kind]) throw new ShardFileError(`it is not a ${kind} shard`);
  const end = bytes.length - 4;
  const stored = new ByteReader(bytes, bytes.length);
  stored.offset = end;
  if (stored.uint32() !== crc32(bytes, 0, end)) throw new ShardFileError('its CRC does not match (damaged)');
  const reader = new ByteReader(bytes, end);
  reader.offset = MAGIC.length + 2;
  return decoding(() => ({ reader, header: { kind, packId: reader.uint32(), bits: reader.varint(), shard: reader.varint() } }));
}

/** A count of things that each take a byte at least: never more than the bytes left. */
function readCount(reader: ByteReader): number {
  const count = reader.varint();
  if (count > reader.remaining) throw new MalformedBytes(`a count of ${count} with ${reader.remaining} bytes left`);
  return count;
}

function readKeys(reader: ByteReader, count: number): string[] {
  const keys: string[] = [];
  let previous = '';
  for (let i = 0; i < count; i++) {
    const shared = reader.varint();
    if (shared > previous.length) throw new MalformedBytes(`key ${i} shares more than the key before it`);
    previous = previous.slice(0, shared) + reader.ascii();
    keys.push(previous);
  }
  return keys;
}

/** Runs `read` and turns running past the structure into a ShardFileError. */
function decoding<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MalformedBytes) throw new ShardFileError(`its structure is damaged (${error.message})`);
    throw error;
  }
}

function expectEnd(reader: ByteReader): void {
  if (reader.remaining !== 0) throw new ShardFileError(`${reader.remaining} bytes are left over after its records`);
}

export function decodeNameShard(bytes: Uint8Array): { header: ShardHeader; records: StoredRecord[] } {
  const { reader, header } = openShard(bytes, 'names');
  return decoding(() => {
    const count = readCount(reader);
    const keys = readKeys(reader, count);
    const registers = keys.map(() => {
      const register = REGISTERS[reader.byte()];
      if (!register) throw new MalformedBytes('a record of no known register');
      return register;
    });
    const numbers = keys.map(() => reader.ascii());
    const postcodes = keys.map(() => reader.ascii());
    const categories = keys.map(() => reader.varint());
    const accounts = keys.map(() => reader.varint());
    const sic = keys.map(() => Array.from({ length: readCount(reader) }, () => reader.varint()));
    const companyNumbers = keys.map(() => reader.ascii());
    expectEnd(reader);
    const records = keys.map((key, i) => ({
      key,
      register: registers[i],
      number: numbers[i],
      postcode: postcodes[i],
      category: categories[i],
      accounts: accounts[i],
      sic: sic[i],
      companyNumber: companyNumbers[i],
    }));
    return { header, records };
  });
}

export function decodeNumberShard(bytes: Uint8Array): { header: ShardHeader; entries: NumberEntry[] } {
  const { reader, header } = openShard(bytes, 'numbers');
  return decoding(() => {
    const count = readCount(reader);
    const keys = readKeys(reader, count);
    const shards = keys.map(() => reader.varint());
    const positions = keys.map(() => reader.varint());
    expectEnd(reader);
    return { header, entries: keys.map((key, i) => ({ key, shard: shards[i], position: positions[i] })) };
  });
}
