/**
 * Building the register pack from the downloads, within a fixed memory budget: each record is
 * encoded into a few bytes of a large buffer as it is read (Companies House's 5.7 million
 * companies take a few hundred MB), then the records are sorted into their shards by the hash
 * of their name key, and each shard is sorted, encoded, gzipped and written on its own.
 */
import { promises as fs, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { crc32 as zlibCrc32, gzipSync } from 'zlib';
import { recordNumberKeys } from '../core/register-match';
import { registerNameKey } from '../core/register-name-key';
import { REGISTERS, type RegisterName, type RegisterRecord } from '../core/register-record';
import { ByteReader } from '../geo/bytes';
import {
  MAX_SHARD_BITS,
  nameShardFile,
  numberShardFile,
  REGISTER_INDEX_FILE,
  REGISTER_PACK_FORMAT,
  REGISTER_PACK_VERSION,
  keyHash,
  type RegisterPackIndex,
} from './pack-index';
import { readRegisterSource } from './register-source';
import { encodeNameShard, encodeNumberShard, type NumberEntry, type StoredRecord } from './shard-file';
import { RegisterSourceError, sourceTexts, type SourceSummary, type SourceText } from './source-text';

/**
 * Records a name shard holds on average: small enough that a sheet of 2,000 suppliers fetches a
 * few MB (each supplier's shard is about 2 KB gzipped), large enough for gzip to find patterns.
 */
const RECORDS_PER_NAME_SHARD = 64;
/** Number keys a number shard holds on average: each is a few bytes, so more fit in the same 2 KB. */
const KEYS_PER_NUMBER_SHARD = 200;

export const ATTRIBUTION: Record<RegisterName, string> = {
  companies: 'Contains Companies House data (Basic Company Data), Crown copyright, reproduced free of charge as Companies House permits.',
  charities:
    'Contains data from the register of charities of the Charity Commission for England and Wales, Crown copyright and database right, licensed under the Open Government Licence v3.0.',
};

/** The number of shards (as a power of two) for `count` keys, about `perShard` to a shard. */
export function shardBits(count: number, perShard: number): number {
  return count <= perShard ? 0 : Math.min(MAX_SHARD_BITS, Math.ceil(Math.log2(count / perShard)));
}

const CHUNK_BYTES = 1 << 24;

/**
 * Byte-encoded items in chunks of 16 MB, each item remembered by its offset and the top 16 bits
 * of its key's hash (the finest sharding a pack may have), so that items can be gathered shard
 * by shard with one counting sort.
 */
class ItemStore {
  private chunks: Uint8Array[] = [new Uint8Array(CHUNK_BYTES)];
  private used = 0;
  private offsets = new Float64Array(1 << 16);
  private buckets = new Uint16Array(1 << 16);
  count = 0;
  /** A CRC-32 of every item in the order added: the same input gives the same pack id. */
  crc = 0;

  /** Appends an item: `write` fills at most `bound` bytes from `at` and returns where it ended. */
  add(key: string, bound: number, write: (bytes: Uint8Array, at: number) => number): void {
    if (bound > CHUNK_BYTES) throw new RangeError(`an item of ${bound} bytes is larger than a chunk`);
    if (this.used + bound > CHUNK_BYTES) {
      this.chunks.push(new Uint8Array(CHUNK_BYTES));
      this.used = 0;
    }
    if (this.count === this.offsets.length) {
      const offsets = new Float64Array(this.count * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const buckets = new Uint16Array(this.count * 2);
      buckets.set(this.buckets);
      this.buckets = buckets;
    }
    const chunk = this.chunks[this.chunks.length - 1];
    const end = write(chunk, this.used);
    this.crc = zlibCrc32(chunk.subarray(this.used, end), this.crc);
    this.offsets[this.count] = (this.chunks.length - 1) * CHUNK_BYTES + this.used;
    this.buckets[this.count] = keyHash(key) >>> (32 - MAX_SHARD_BITS);
    this.count++;
    this.used = end;
  }

  /** A reader at an item's first byte. */
  reader(item: number): ByteReader {
    const offset = this.offsets[item];
    const chunk = Math.floor(offset / CHUNK_BYTES);
    const reader = new ByteReader(this.chunks[chunk]);
    reader.offset = offset - chunk * CHUNK_BYTES;
    return reader;
  }

  /** The items of each shard among 2^bits, shard by shard, in the order added. */
  *shards(bits: number): Generator<{ shard: number; items: Uint32Array }> {
    const fine = 1 << MAX_SHARD_BITS;
    const starts = new Uint32Array(fine + 1);
    for (let i = 0; i < this.count; i++) starts[this.buckets[i] + 1]++;
    for (let b = 0; b < fine; b++) starts[b + 1] += starts[b];
    const order = new Uint32Array(this.count);
    const next = starts.slice(0, fine);
    for (let i = 0; i < this.count; i++) order[next[this.buckets[i]]++] = i;
    const per = 1 << (MAX_SHARD_BITS - bits);
    for (let shard = 0; shard < 1 << bits; shard++) {
      yield { shard, items: order.subarray(starts[shard * per], starts[(shard + 1) * per]) };
    }
  }

  /** Lets go of the memory. */
  clear(): void {
    this.chunks = [];
    this.offsets = new Float64Array(0);
    this.buckets = new Uint16Array(0);
  }
}

function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  bytes[at++] = value;
  return at;
}

function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  at = writeVarint(bytes, at, text.length);
  for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i) & 0x7f;
  return at;
}

/** Text the pack stores as ASCII: keys, numbers and postcodes are letters, digits and spaces. */
const ASCII = /^[\x20-\x7e]*$/;

class Interned {
  readonly values = [''];
  private readonly index = new Map([['', 0]]);
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/** The records read so far, with their name keys. */
class RecordStore {
  readonly items = new ItemStore();
  readonly categories = new Interned();
  readonly accounts = new Interned();

  /** Keeps a record under its name's key; false when the name has no key or the record is not plain text. */
  add = (name: string, record: RegisterRecord): boolean => {
    const key = registerNameKey(name);
    if (key === '' || !ASCII.test(record.number + record.postcode + record.companyNumber)) return false;
    const category = this.categories.of(record.category);
    const accounts = this.accounts.of(record.accounts);
    const bound = 5 * 8 + key.length + record.number.length + record.postcode.length + record.companyNumber.length + 5 * record.sic.length;
    this.items.add(key, bound, (bytes, at) => {
      at = writeAscii(bytes, at, key);
      bytes[at++] = REGISTERS.indexOf(record.register);
      at = writeAscii(bytes, at, record.number);
      at = writeAscii(bytes, at, record.postcode);
      at = writeVarint(bytes, at, category);
      at = writeVarint(bytes, at, accounts);
      at = writeVarint(bytes, at, record.sic.length);
      for (const code of record.sic) at = writeVarint(bytes, at, code);
      return writeAscii(bytes, at, record.companyNumber);
    });
    return true;
  };

  record(item: number): StoredRecord {
    const reader = this.items.reader(item);
    const key = reader.ascii();
    const register = REGISTERS[reader.byte()];
    const number = reader.ascii();
    const postcode = reader.ascii();
    const category = reader.varint();
    const accounts = reader.varint();
    const sic = Array.from({ length: reader.varint() }, () => reader.varint());
    return { key, register, number, postcode, category, accounts, sic, companyNumber: reader.ascii() };
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface BuildRegisterOptions {
  /** Downloads: files (CSV, .csv.gz, JSON, text or zip) or folders of them. */
  inputs?: readonly string[];
  /** Or the downloads as streams (the benchmark's generated data, never written to disk). */
  sources?: AsyncIterable<SourceText> | Iterable<SourceText>;
  /** The folder to write; replaced whole when the build succeeds. */
  out: string;
  log?: (line: string) => void;
}

export interface RegisterBuildSummary {
  out: string;
  sources: RegisterPackIndex['sources'];
  records: number;
  nameShards: number;
  numberShards: number;
  /** The stored size of every file: gzipped shards and the index. */
  bytes: number;
}

async function* allSources(options: BuildRegisterOptions): AsyncGenerator<SourceText> {
  for (const input of options.inputs ?? []) yield* sourceTexts(input);
  if (options.sources) yield* options.sources;
}

export async function buildRegisterPack(options: BuildRegisterOptions): Promise<RegisterBuildSummary> {
  const log = options.log ?? (() => undefined);
  const store = new RecordStore();
  const read: { source: SourceText; summary: SourceSummary }[] = [];
  for await (const source of allSources(options)) {
    log(`Reading ${source.name}…`);
    const summary = await readRegisterSource(source, store.add);
    log(`  ${summary.release}: ${summary.rows.toLocaleString('en-GB')} rows, ${summary.records.toLocaleString('en-GB')} records kept`);
    read.push({ source, summary });
  }
  if (read.length === 0) throw new RegisterSourceError('No register download to build the pack from.');

  const sources = REGISTERS.flatMap((register) => {
    const of = read.filter((r) => r.summary.register === register);
    if (of.length === 0) return [];
    return [
      {
        register,
        release: [...new Set(of.map((r) => r.summary.release))].join('; '),
        files: of.map((r) => r.source.fileName),
        rows: of.reduce((n, r) => n + r.summary.rows, 0),
        records: of.reduce((n, r) => n + r.summary.records, 0),
      },
    ];
  });
  const nameBits = shardBits(store.items.count, RECORDS_PER_NAME_SHARD);
  const packId = zlibCrc32(JSON.stringify({ sources, nameBits }), store.items.crc);

  const out = path.resolve(options.out);
  const building = `${out}.building`;
  await fs.rm(building, { recursive: true, force: true });
  let bytes = 0;
  const write = (file: string, body: Uint8Array) => {
    const target = path.join(building, file);
    mkdirSync(path.dirname(target), { recursive: true });
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(target, gz);
    bytes += gz.length;
  };

  log(`Writing ${(1 << nameBits).toLocaleString('en-GB')} name shards of ${store.items.count.toLocaleString('en-GB')} records…`);
  const numbers = new ItemStore();
  let records = 0;
  for (const { shard, items } of store.items.shards(nameBits)) {
    const shardRecords: StoredRecord[] = [];
    for (const item of items) shardRecords.push(store.record(item));
    shardRecords.sort((a, b) => byText(a.key, b.key) || byText(a.register, b.register) || byText(a.number, b.number));
    // The same record twice (a download given twice, or in two forms) is kept once.
    const unique = shardRecords.filter((r, i) => {
      const before = shardRecords[i - 1];
      return !before || r.key !== before.key || r.register !== before.register || r.number !== before.number;
    });
    records += unique.length;
    write(nameShardFile(shard), encodeNameShard({ packId, bits: nameBits, shard }, unique));
    unique.forEach((record, position) => {
      for (const key of recordNumberKeys(record)) {
        numbers.add(key, 5 * 3 + key.length, (out, at) => writeVarint(out, writeVarint(out, writeAscii(out, at, key), shard), position));
      }
    });
  }
  store.items.clear();

  const numberBits = shardBits(numbers.count, KEYS_PER_NUMBER_SHARD);
  log(`Writing ${(1 << numberBits).toLocaleString('en-GB')} number shards of ${numbers.count.toLocaleString('en-GB')} numbers…`);
  for (const { shard, items } of numbers.shards(numberBits)) {
    const entries: NumberEntry[] = [];
    for (const item of items) {
      const reader = numbers.reader(item);
      entries.push({ key: reader.ascii(), shard: reader.varint(), position: reader.varint() });
    }
    entries.sort((a, b) => byText(a.key, b.key) || a.shard - b.shard || a.position - b.position);
    write(numberShardFile(shard), encodeNumberShard({ packId, bits: numberBits, shard }, entries));
  }

  const index: RegisterPackIndex = {
    format: REGISTER_PACK_FORMAT,
    version: REGISTER_PACK_VERSION,
    packId: packId.toString(16).padStart(8, '0'),
    sources,
    attribution: sources.map((s) => ATTRIBUTION[s.register]).join(' '),
    names: { bits: nameBits, records },
    numbers: { bits: numberBits, keys: numbers.count },
    categories: store.categories.values,
    accounts: store.accounts.values,
  };
  const indexText = `${JSON.stringify(index, null, 2)}\n`;
  await fs.writeFile(path.join(building, REGISTER_INDEX_FILE), indexText);
  bytes += indexText.length;
  await fs.rm(out, { recursive: true, force: true });
  await fs.rename(building, out);
  return { out, sources, records, nameShards: 1 << nameBits, numberShards: 1 << numberBits, bytes };
}
