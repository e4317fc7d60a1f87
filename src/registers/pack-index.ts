/**
 * index.json, the one small file of the register pack a host reads first: what the pack was
 * built from, how its records are sharded, and the tables of company and accounts categories
 * its shards refer to by number.
 */
import { z } from 'zod';
import { REGISTERS } from '../core/register-record';

export const REGISTER_INDEX_FILE = 'index.json';
export const REGISTER_PACK_FORMAT = 'local-spend-baseline register pack';
export const REGISTER_PACK_VERSION = 1;

/** At most 2^16 shards of each kind: a shard's number is four hex digits. */
export const MAX_SHARD_BITS = 16;

/** "names/3f/3fa2.bin.gz": shards sit 256 to a folder, so that no folder grows huge. */
function shardFile(kind: 'names' | 'numbers', shard: number): string {
  const hex = shard.toString(16).padStart(4, '0');
  return `${kind}/${hex.slice(0, 2)}/${hex}.bin.gz`;
}

export const nameShardFile = (shard: number) => shardFile('names', shard);
export const numberShardFile = (shard: number) => shardFile('numbers', shard);

const shardBits = z.number().int().min(0).max(MAX_SHARD_BITS);
const count = z.number().int().nonnegative();

export const registerPackIndexSchema = z.object({
  format: z.literal(REGISTER_PACK_FORMAT),
  version: z.literal(REGISTER_PACK_VERSION),
  /** Ties the shards to this index: each shard carries the same id. */
  packId: z.string().regex(/^[0-9a-f]{8}$/),
  sources: z
    .array(
      z.object({
        register: z.enum(REGISTERS),
        /** "Companies House Basic Company Data 2024-08-01". */
        release: z.string().min(1),
        files: z.array(z.string()),
        /** Rows read, and records kept (live companies; registered main charities with a name). */
        rows: count,
        records: count,
      }),
    )
    .min(1),
  attribution: z.string(),
  /** Records sharded by the hash of their name key. */
  names: z.object({ bits: shardBits, records: count }),
  /** Number keys ("C01234567", "R1234567") sharded by their hash, each pointing at a record. */
  numbers: z.object({ bits: shardBits, keys: count }),
  /** Company categories and charity types; a record holds an index into this table ("" first). */
  categories: z.array(z.string()),
  /** Accounts categories; a record holds an index into this table ("" first). */
  accounts: z.array(z.string()),
});

export type RegisterPackIndex = z.infer<typeof registerPackIndexSchema>;

/** FNV-1a over a key's characters (keys are ASCII), then MurmurHash3's finaliser to spread every bit. */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The shard of a key among 2^bits: the top bits of its hash. */
export function shardOf(key: string, bits: number): number {
  return bits === 0 ? 0 : keyHash(key) >>> (32 - bits);
}
