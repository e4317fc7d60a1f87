/** The small committed NSPL-shaped fixture and its district tables, built into a pack in a temporary folder. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGeoPack } from '../../scripts/geo-build';

export const FIXTURE_SOURCE_DIR = path.join(__dirname, '..', 'fixtures', 'geo', 'source');
export const FIXTURE_SOURCE = path.join(FIXTURE_SOURCE_DIR, 'nspl-fixture.csv');
export const FIXTURE_RELEASE = 'ONS NSPL fixture';

export function temporaryFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Builds the fixture pack and returns its folder. */
export async function buildFixturePack(): Promise<string> {
  const out = path.join(temporaryFolder('geo-fixture-'), 'pack');
  await buildGeoPack({ source: FIXTURE_SOURCE, tables: FIXTURE_SOURCE_DIR, out, release: FIXTURE_RELEASE });
  return out;
}
