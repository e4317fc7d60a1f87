/**
 * Keeps `geo-pack/` built: `npm start`, `npm test` and `npm run baseline` call ensureGeoPack(),
 * which rebuilds the pack when it is missing, from an older format, or older than its source
 * (the ONS file or a district table in ../shared/geo). With neither pack nor source it says so
 * once and returns; tests that need the pack then skip.
 */
import { existsSync, promises as fs, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { PACK_FORMAT_VERSION, PACK_INDEX_FILE } from '../src/geo/pack-index';
import { buildGeoPack, DEFAULT_OUT, findSourceIn, SHARED_GEO } from './geo-build';

export type GeoPackState = 'fresh' | 'built' | 'unavailable';

let toldUnavailable = false;

export interface EnsureOptions {
  /** Where the pack lives (default geo-pack/ at the project root). */
  packDir?: string;
  /** Where the ONS source and tables are (default ../shared/geo). */
  sourceDir?: string;
  log?: (line: string) => void;
}

async function packVersion(packDir: string): Promise<number | undefined> {
  try {
    const index = JSON.parse(await fs.readFile(path.join(packDir, PACK_INDEX_FILE), 'utf8')) as { version?: unknown };
    return typeof index.version === 'number' ? index.version : undefined;
  } catch {
    return undefined;
  }
}

/** The latest modification time of the source and the tables beside it. */
function newestInput(source: string): number {
  const folder = path.dirname(source);
  return Math.max(...readdirSync(folder).filter((f) => /\.csv(\.gz)?$/i.test(f)).map((f) => statSync(path.join(folder, f)).mtimeMs));
}

/** Whether the pack in packDir is of this format and newer than the source and its tables. */
export async function packIsFresh(packDir: string, source: string): Promise<boolean> {
  const indexFile = path.join(packDir, PACK_INDEX_FILE);
  return existsSync(indexFile) && (await packVersion(packDir)) === PACK_FORMAT_VERSION && statSync(indexFile).mtimeMs >= newestInput(source);
}

export async function ensureGeoPack(options: EnsureOptions = {}): Promise<GeoPackState> {
  const packDir = options.packDir ?? DEFAULT_OUT;
  const log = options.log ?? ((line: string) => console.log(line));
  const source = findSourceIn(options.sourceDir ?? SHARED_GEO);
  const indexFile = path.join(packDir, PACK_INDEX_FILE);
  const hasPack = existsSync(indexFile);
  if (!source) {
    if (hasPack) return 'fresh';
    if (!toldUnavailable) {
      log('No geography pack (geo-pack/) and no ONS source to build it from: postcode lookups need `npm run geo:build -- SOURCE.csv`; tests that need the pack are skipped.');
      toldUnavailable = true;
    }
    return 'unavailable';
  }
  if (await packIsFresh(packDir, source)) return 'fresh';
  log(hasPack ? 'The geography pack is older than its source: rebuilding it.' : 'Building the geography pack…');
  await buildGeoPack({ source, out: packDir, log });
  return 'built';
}

if (require.main === module) {
  ensureGeoPack().catch((error: Error) => {
    console.error(error.message);
    process.exit(2);
  });
}
