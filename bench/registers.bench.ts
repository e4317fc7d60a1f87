/**
 * The register pack at the size of the real Companies House download: a pack built from a
 * generated stream of 5.7 million companies in the published layout (never written to disk),
 * each in a process of its own. Printed: the build's time against generating and decoding the
 * same stream, its peak memory (goal: within 1 GB), the pack's size against the same CSV
 * gzipped, lookups per second against a plain Map of the same records, and what a sheet of
 * 2,000 suppliers fetches from a fresh pack (goal: a few MB).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { matchRegister, registerLookups } from '../src/core/register-match';
import { registerNameKey } from '../src/core/register-name-key';
import type { RegisterRecord } from '../src/core/register-record';
import type { PackSource } from '../src/geo/pack-files';
import { nodePackSource } from '../src/geo/node-pack-source';
import { openRegisterPack } from '../src/registers/register-pack';
import { bestTime, type Figure, type Suite } from './harness';

const ROWS = 5_700_000;
const SEED = 20240801;
const SHEET_SUPPLIERS = 2_000;
/** Suppliers of the sheet found in the register; the rest are names it does not hold. */
const SHEET_KNOWN = 1_500;
const MEMORY_GOAL_MB = 1024;
const SHEET_GOAL_MB = 5;

/** Runs bench/registers-child.ts and returns the JSON it prints. */
function child<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    // From the project folder, where `--import tsx` finds tsx.
    const run = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'registers-child.ts'), ...args], {
      cwd: path.join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    run.on('error', reject);
    run.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as T) : reject(new Error(`registers-child ${args[0]} ended with ${code}: ${stderr.trim()}`))));
  });
}

/** A source that adds up the bytes and files read. */
function counting(source: PackSource): PackSource & { bytes: number; files: number } {
  const counted = {
    location: source.location,
    bytes: 0,
    files: 0,
    async read(name: string) {
      const bytes = await source.read(name);
      counted.bytes += bytes.length;
      counted.files++;
      return bytes;
    },
    gunzip: (bytes: Uint8Array) => source.gunzip(bytes),
  };
  return counted;
}

export const suite: Suite = {
  name: `register pack (registers): ${ROWS.toLocaleString('en-GB')} generated companies`,
  async run(): Promise<Figure[]> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'registers-bench-'));
    try {
      const out = path.join(folder, 'pack');
      const floor = await child<{ ms: number; peakMB: number; csvBytes: number; gzipBytes: number }>(['floor', String(ROWS), String(SEED)]);
      const built = await child<{ ms: number; peakMB: number; records: number; bytes: number; nameShards: number; numberShards: number; sample: string[] }>([
        'build',
        String(ROWS),
        String(SEED),
        out,
      ]);
      const figures: Figure[] = [
        {
          name: `build from a ${(floor.csvBytes / 1e9).toFixed(1)} GB stream`,
          value: built.ms / 1000,
          unit: 's',
          floor: { name: 'generating and decoding the same stream into lines', value: floor.ms / 1000, unit: 's' },
          ratio: built.ms / floor.ms,
        },
        {
          name: 'peak memory of the build',
          value: built.peakMB,
          unit: 'MB',
          floor: { name: 'generating and decoding the same stream', value: floor.peakMB, unit: 'MB' },
          ratio: built.peakMB / floor.peakMB,
          goal: `≤ ${MEMORY_GOAL_MB} MB`,
          met: built.peakMB <= MEMORY_GOAL_MB,
        },
        {
          name: `pack size (${built.nameShards.toLocaleString('en-GB')} name shards, ${built.numberShards.toLocaleString('en-GB')} number shards, ${built.records.toLocaleString('en-GB')} records)`,
          value: built.bytes / 1e6,
          unit: 'MB',
          floor: { name: 'the same CSV gzipped', value: floor.gzipBytes / 1e6, unit: 'MB' },
          ratio: built.bytes / floor.gzipBytes,
        },
      ];

      // A sheet: companies the register holds, and names it does not.
      const known = built.sample.slice(0, SHEET_KNOWN);
      const sheet = [...known, ...Array.from({ length: SHEET_SUPPLIERS - known.length }, (_, i) => `Unregistered Supplier ${i} Services`)];
      const source = counting(nodePackSource(out));
      const pack = await openRegisterPack(source);
      const indexBytes = source.bytes;
      const started = performance.now();
      const lookups = registerLookups({ names: sheet });
      const finds = await pack.find(lookups);
      const coldMs = performance.now() - started;
      const matched = sheet.filter((name) => matchRegister({ names: [name] }, finds).status !== 'none').length;
      if (matched < known.length) throw new Error(`only ${matched} of the ${known.length} registered suppliers were found`);
      const sheetMB = (source.bytes - indexBytes) / 1e6;
      figures.push({
        name: `a ${SHEET_SUPPLIERS.toLocaleString('en-GB')}-supplier sheet fetches (${source.files - 1} shards, ${(coldMs / 1000).toFixed(2)} s from disk)`,
        value: sheetMB,
        unit: 'MB',
        floor: { name: 'the whole pack', value: built.bytes / 1e6, unit: 'MB' },
        ratio: sheetMB / (built.bytes / 1e6),
        goal: `≤ ${SHEET_GOAL_MB} MB`,
        met: sheetMB <= SHEET_GOAL_MB,
      });

      // Lookups with their shards loaded, against a Map of the same records by key.
      const plain = new Map<string, readonly RegisterRecord[]>();
      for (const [key, records] of finds.byName) plain.set(key, records);
      let sink = 0;
      const packMs = await bestTime(async () => {
        for (const name of sheet) {
          const query = { names: [name] };
          if (matchRegister(query, await pack.find(registerLookups(query))).status !== 'none') sink++;
        }
      });
      const mapMs = await bestTime(() => {
        for (const name of sheet) if (plain.get(registerNameKey(name))) sink++;
      });
      if (sink === 0) throw new Error('no lookups answered');
      const perSecond = (ms: number) => (sheet.length / ms) * 1000;
      figures.push({
        name: 'lookups (name key, pack, match), shards loaded',
        value: perSecond(packMs),
        unit: 'lookups/s',
        floor: { name: 'name key and Map.get of the same records', value: perSecond(mapMs), unit: 'lookups/s' },
        ratio: perSecond(packMs) / perSecond(mapMs),
      });
      return figures;
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  },
};
