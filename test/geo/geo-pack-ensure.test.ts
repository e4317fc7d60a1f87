import * as fs from 'fs';
import * as path from 'path';
import { ensureGeoPack } from '../../scripts/geo-pack-ensure';
import { FIXTURE_SOURCE_DIR, temporaryFolder } from './fixture-pack';

describe('ensureGeoPack', () => {
  it('builds a missing pack, keeps a fresh one, and rebuilds one older than its source', async () => {
    const sourceDir = path.join(temporaryFolder('geo-ensure-'), 'geo');
    fs.cpSync(FIXTURE_SOURCE_DIR, sourceDir, { recursive: true });
    const packDir = path.join(path.dirname(sourceDir), 'geo-pack');
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);

    expect(await ensureGeoPack({ packDir, sourceDir, log })).toBe('built');
    expect(fs.existsSync(path.join(packDir, 'index.json'))).toBe(true);
    expect(await ensureGeoPack({ packDir, sourceDir, log })).toBe('fresh');

    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(sourceDir, 'lad-names-2024.csv'), later, later);
    expect(await ensureGeoPack({ packDir, sourceDir, log })).toBe('built');
    expect(lines.filter((l) => l.startsWith('The geography pack is older than its source'))).toHaveLength(1);

    fs.writeFileSync(path.join(packDir, 'index.json'), JSON.stringify({ version: 0 }));
    expect(await ensureGeoPack({ packDir, sourceDir, log })).toBe('built');
  });

  it('with neither pack nor source, says so once and returns', async () => {
    const empty = temporaryFolder('geo-none-');
    const lines: string[] = [];
    const options = { packDir: path.join(empty, 'geo-pack'), sourceDir: path.join(empty, 'geo'), log: (line: string) => lines.push(line) };
    expect(await ensureGeoPack(options)).toBe('unavailable');
    expect(await ensureGeoPack(options)).toBe('unavailable');
    expect(lines).toEqual([expect.stringMatching(/^No geography pack \(geo-pack\/\) and no ONS source/)]);
  });
});
