/**
 * Opening a register pack and looking suppliers up in it, fetching only the shards their name
 * keys and number keys hash to (each shard once). Where the bytes come from is the PackSource's
 * business (a folder in Node, a URL in the browser); everything here runs in both.
 */
import type { Registers } from '../core/analysis/input';
import { BaselineError } from '../core/errors';
import type { RegisterRecord } from '../core/register-record';
import { readPackFile, readPackIndex, type PackDescription, type PackSource } from '../geo/pack-files';
import { nameShardFile, numberShardFile, REGISTER_INDEX_FILE, registerPackIndexSchema, shardOf, type RegisterPackIndex } from './pack-index';
import { decodeNameShard, decodeNumberShard, looksLikeShardFile, ShardFileError, type NumberEntry, type ShardHeader, type ShardKind, type StoredRecord } from './shard-file';

/** A register pack that cannot be read or is damaged. Its message says which file and what to do. */
export class RegisterPackError extends BaselineError {
  override name = 'RegisterPackError';

  constructor(message: string) {
    super('registers-damaged', message);
  }
}

const REBUILD = 'rebuild the pack with `npm run registers:build`';
const REGISTER_PACK: PackDescription = { what: 'register pack', rebuild: REBUILD, error: (message) => new RegisterPackError(message) };

/** Shard files read at once: enough to keep a connection busy, few enough not to flood a server. */
const READS_IN_FLIGHT = 8;

/** The analysis's register lookup over a pack: `find` answers with the records under the keys asked for (a key with none is left out). */
export interface RegisterPack extends Registers {
  readonly index: RegisterPackIndex;
}

interface NameShard {
  records: RegisterRecord[];
  byKey: Map<string, RegisterRecord[]>;
}

export async function openRegisterPack(source: PackSource): Promise<RegisterPack> {
  const index = await readPackIndex(REGISTER_PACK, source, REGISTER_INDEX_FILE, registerPackIndexSchema);
  const packId = parseInt(index.packId, 16);
  const nameShards = new Map<number, Promise<NameShard>>();
  const numberShards = new Map<number, Promise<Map<string, NumberEntry[]>>>();

  /** A shard's bytes, decoded and checked to be the shard asked for, of this build. */
  async function readShard<T extends { header: ShardHeader }>(file: string, kind: ShardKind, shard: number, decode: (bytes: Uint8Array) => T): Promise<T> {
    const bytes = await readPackFile(REGISTER_PACK, source, file, looksLikeShardFile);
    const where = `${file} in ${source.location}`;
    let decoded: T;
    try {
      decoded = decode(bytes);
    } catch (error) {
      if (error instanceof ShardFileError) throw new RegisterPackError(`The register pack file ${where} cannot be used: ${error.message}; ${REBUILD}.`);
      throw error;
    }
    const { header } = decoded;
    if (header.packId !== packId) {
      throw new RegisterPackError(`The register pack file ${where} belongs to a different build of the pack than its index.json; ${REBUILD}.`);
    }
    const bits = index[kind].bits;
    if (header.bits !== bits || header.shard !== shard) {
      throw new RegisterPackError(`The register pack file ${where} holds shard ${header.shard} of ${2 ** header.bits}, but index.json expects shard ${shard} of ${2 ** bits}; ${REBUILD}.`);
    }
    return decoded;
  }

  /** A shard's promise, started once; a failed read is not remembered, so that a retry can succeed. */
  function cached<T>(cache: Map<number, Promise<T>>, shard: number, load: () => Promise<T>): Promise<T> {
    let loading = cache.get(shard);
    if (!loading) {
      loading = load();
      loading.catch(() => cache.delete(shard));
      cache.set(shard, loading);
    }
    return loading;
  }

  const nameShard = (shard: number) =>
    cached(nameShards, shard, async () => {
      const { keys, records } = await readShard(nameShardFile(shard), 'names', shard, (bytes) => {
        const decoded = decodeNameShard(bytes);
        return { header: decoded.header, keys: decoded.records.map((r) => r.key), records: decoded.records.map((r) => fromStored(r, index)) };
      });
      return { records, byKey: groupByKey(records, (_, i) => keys[i]) };
    });

  const numberShard = (shard: number) =>
    cached(numberShards, shard, async () => {
      const { entries } = await readShard(numberShardFile(shard), 'numbers', shard, decodeNumberShard);
      for (const entry of entries) {
        if (entry.shard >= 2 ** index.names.bits) {
          throw new RegisterPackError(`The register pack file ${numberShardFile(shard)} in ${source.location} points at name shard ${entry.shard}, which the pack does not have; ${REBUILD}.`);
        }
      }
      return groupByKey(entries, (entry) => entry.key);
    });

  return {
    index,
    async find(lookups) {
      const numberKeyShards = new Map(lookups.numberKeys.map((key) => [key, shardOf(key, index.numbers.bits)]));
      const numbers = await loadAll([...new Set(numberKeyShards.values())], numberShard);
      const pointers = new Map<string, NumberEntry[]>();
      for (const [key, shard] of numberKeyShards) {
        const entries = numbers.get(shard)!.get(key);
        if (entries) pointers.set(key, entries);
      }

      const nameKeyShards = new Map(lookups.nameKeys.map((key) => [key, shardOf(key, index.names.bits)]));
      const wanted = new Set([...nameKeyShards.values(), ...[...pointers.values()].flat().map((entry) => entry.shard)]);
      const names = await loadAll([...wanted], nameShard);

      const byName = new Map<string, RegisterRecord[]>();
      for (const [key, shard] of nameKeyShards) {
        const records = names.get(shard)!.byKey.get(key);
        if (records) byName.set(key, records);
      }
      const byNumber = new Map<string, RegisterRecord[]>();
      for (const [key, entries] of pointers) {
        byNumber.set(
          key,
          entries.map((entry) => {
            const record = names.get(entry.shard)!.records[entry.position];
            if (!record) {
              throw new RegisterPackError(`The register pack's number shard for ${key} points past the records of ${nameShardFile(entry.shard)} in ${source.location}; ${REBUILD}.`);
            }
            return record;
          }),
        );
      }
      return { byName, byNumber, releases: index.sources.map((source) => source.release) };
    },
  };
}

function groupByKey<T>(items: readonly T[], keyOf: (item: T, index: number) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  items.forEach((item, i) => {
    const key = keyOf(item, i);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  });
  return groups;
}

/** Loads shards a few at a time and returns them by number. */
async function loadAll<T>(shards: number[], load: (shard: number) => Promise<T>): Promise<Map<number, T>> {
  const loaded = new Map<number, T>();
  let next = 0;
  const worker = async () => {
    while (next < shards.length) {
      const shard = shards[next++];
      loaded.set(shard, await load(shard));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, shards.length) }, worker));
  return loaded;
}

function fromStored(stored: StoredRecord, index: RegisterPackIndex): RegisterRecord {
  const category = index.categories[stored.category];
  const accounts = index.accounts[stored.accounts];
  if (category === undefined || accounts === undefined) {
    throw new ShardFileError(`a record of ${stored.key} names a category its index.json does not have`);
  }
  return {
    register: stored.register,
    number: stored.number,
    postcode: stored.postcode,
    category,
    accounts,
    sic: stored.sic,
    companyNumber: stored.companyNumber,
  };
}
