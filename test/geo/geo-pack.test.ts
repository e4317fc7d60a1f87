import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { buildGeoPack } from '../../scripts/geo-build';
import { browserPackSource } from '../../src/geo/browser-pack-source';
import { describeGeography } from '../../src/core/analysis/geography';
import { GeoPackError, openGeoPack, type PackSource } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { areaFileName } from '../../src/geo/pack-index';
import { buildFixturePack, FIXTURE_RELEASE, FIXTURE_SOURCE, FIXTURE_SOURCE_DIR, temporaryFolder } from './fixture-pack';

let pack: string;
beforeAll(async () => {
  pack = await buildFixturePack();
});

/** A copy of the fixture pack to damage. */
function copyOfPack(): string {
  const copy = path.join(temporaryFolder('geo-damaged-'), 'pack');
  fs.cpSync(pack, copy, { recursive: true });
  return copy;
}

async function expectSameAnswers(source: PackSource): Promise<void> {
  const geo = await openGeoPack(source);
  expect(geo.release).toBe(FIXTURE_RELEASE);
  expect(geo.attribution).toMatch(/Open Government Licence v3\.0/);
  const index = await geo.loadAreas(['PR', 'M', 'BT']);
  expect(index.hasArea('PR')).toBe(true);
  expect(index.hasArea('M')).toBe(true);
  expect(index.hasArea('BT')).toBe(false);
  expect(index.hasArea('FY')).toBe(false);
  expect(index.districtOf('PR1 2HE')).toBe('E07000123');
  expect(index.districtOf('M1 1AE')).toBe('E08000003');
  expect(index.districtOf('PR1 2ZZ')).toBeUndefined();
  expect(index.districtOf('FY1 1AA')).toBeUndefined();
  expect(index.districtOf('PR0 2AA')).toBeNull();
  expect(index.sectorShares('PR3 0')).toEqual([
    { district: 'E07000123', count: 19, share: 0.95 },
    { district: 'E07000128', count: 1, share: 0.05 },
  ]);
  expect(index.sectorShares('PR1 9')).toEqual([
    { district: 'E07000123', count: 19, share: 0.95 },
    { district: '', count: 1, share: 0.05 },
  ]);
  const outward = index.outwardShares('PR3')!;
  expect(outward.map((s) => [s.district, s.count])).toEqual([
    ['E07000123', 38],
    ['E07000128', 11],
    ['E07000124', 1],
  ]);
  expect(outward.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
  expect(index.sectorShares('PR9 9')).toBeUndefined();
  expect(index.outwardShares('PR99')).toBeUndefined();
  // A later load adds to what is loaded.
  const more = await geo.loadAreas(['FY']);
  expect(more.districtOf('FY1 1AA')).toBe('E06000009');
  expect(more.districtOf('PR1 2HE')).toBe('E07000123');
}

describe('loading the pack', () => {
  it('from a folder (Node)', async () => {
    await expectSameAnswers(nodePackSource(pack));
  });

  describe('over HTTP with fetch and DecompressionStream (the browser source)', () => {
    let server: http.Server;
    let base: string;
    /** Files the server sends already unzipped with Content-Encoding: gzip, as some hosts do. */
    let encodeOnTheWire = false;
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        const file = path.join(pack, decodeURIComponent(new URL(req.url!, 'http://x').pathname.replace(/^\/geo\//, '')));
        if (!fs.existsSync(file)) return void res.writeHead(404).end('Not found');
        const bytes = fs.readFileSync(file);
        if (encodeOnTheWire && file.endsWith('.gz')) res.writeHead(200, { 'content-encoding': 'gzip' }).end(bytes);
        else res.writeHead(200).end(bytes);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/geo/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('decompresses the files itself', async () => {
      encodeOnTheWire = false;
      await expectSameAnswers(browserPackSource(base));
    });

    it('accepts files the HTTP layer has already decompressed', async () => {
      encodeOnTheWire = true;
      await expectSameAnswers(browserPackSource(base.replace(/\/$/, '')));
    });

    it('says which file is missing', async () => {
      encodeOnTheWire = false;
      await expect(openGeoPack(browserPackSource(`${base}nowhere/`))).rejects.toThrow(`Cannot read the geography pack's index.json in ${base}nowhere/: HTTP 404 Not Found`);
    });
  });
});

describe('a damaged pack gives a clear error, never an answer', () => {
  const prFile = areaFileName('PR');

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 20), /is damaged or truncated \(it does not unzip\)/],
    ['a flipped byte', (bytes: Buffer) => { const b = Buffer.from(bytes); b[b.length - 30] ^= 0xff; return b; }, /damaged or truncated|checksum/],
    ['a damaged payload re-zipped', (bytes: Buffer) => { const raw = gunzipSync(bytes); raw[raw.length - 8] ^= 0x01; return gzipSync(raw); }, /checksum mismatch/],
    ['an HTML page in its place', () => Buffer.from('<html>Not here</html>'), /does not unzip/],
  ])('%s area file', async (_, damage, message) => {
    const copy = copyOfPack();
    const file = path.join(copy, prFile);
    fs.writeFileSync(file, damage(fs.readFileSync(file)));
    const geo = await openGeoPack(nodePackSource(copy));
    await expect(geo.loadAreas(['PR'])).rejects.toThrow(GeoPackError);
    await expect(geo.loadAreas(['PR'])).rejects.toThrow(message);
    await expect(geo.loadAreas(['PR'])).rejects.toThrow(`${prFile} in ${copy}`);
    // Other areas still load.
    expect((await geo.loadAreas(['M'])).districtOf('M1 1AE')).toBe('E08000003');
  });

  it('a missing area file', async () => {
    const copy = copyOfPack();
    fs.rmSync(path.join(copy, prFile));
    const geo = await openGeoPack(nodePackSource(copy));
    await expect(geo.loadAreas(['PR'])).rejects.toThrow(`Cannot read the geography pack file ${prFile} in ${copy}: the file is missing; rebuild the pack with \`npm run geo:build\`.`);
  });

  it('an area file from another build', async () => {
    const copy = copyOfPack();
    const other = path.join(temporaryFolder('geo-other-'), 'pack');
    await buildGeoPack({ source: FIXTURE_SOURCE, tables: FIXTURE_SOURCE_DIR, out: other, release: 'another release' });
    fs.copyFileSync(path.join(other, prFile), path.join(copy, prFile));
    const geo = await openGeoPack(nodePackSource(copy));
    await expect(geo.loadAreas(['PR'])).rejects.toThrow('belongs to a different build of the pack');
  });

  it('an index that does not match its files', async () => {
    const copy = copyOfPack();
    const indexFile = path.join(copy, 'index.json');
    const index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
    index.areas.find((a: { area: string }) => a.area === 'PR').postcodes += 1;
    fs.writeFileSync(indexFile, JSON.stringify(index));
    const geo = await openGeoPack(nodePackSource(copy));
    await expect(geo.loadAreas(['PR'])).rejects.toThrow(/holds 81 postcodes of area PR, but index.json expects 82 of PR/);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, 200), /index.json in .* is not valid JSON \(damaged or truncated\)/],
    ['of another format', (text: string) => text.replace('"version":2', '"version":1'), /is not a pack index this program reads \(version: /],
    ['without what its source lacked', (text: string) => text.replace(/"lacks":\[[^\]]*\]/, '"gaps":[]'), /is not a pack index this program reads \(source\.lacks: /],
  ])('an index.json %s', async (_, damage, message) => {
    const copy = copyOfPack();
    const indexFile = path.join(copy, 'index.json');
    fs.writeFileSync(indexFile, damage(fs.readFileSync(indexFile, 'utf8')));
    await expect(openGeoPack(nodePackSource(copy))).rejects.toThrow(message);
  });
});

describe('what the pack says about its source', () => {
  it('lists what the source lacked, and the Method sheet line says it with what to do', async () => {
    const geo = await openGeoPack(nodePackSource(pack));
    expect(geo.sourceLacks[0]).toBe('Northern Ireland (postcode area BT)');
    expect(describeGeography(geo)).toMatch(
      /^ONS NSPL fixture \(offline pack\)\. Its source lacks Northern Ireland \(postcode area BT\), the postcode areas AB, AL, .*, YO, ZE and the sub-districts ending in a letter \(EC1A, SW1A, W1A, WC2N, E1W and the like, in central London\): the district of a postcode there is unknown until the pack is rebuilt from the full ONS file or online lookup is on\.$/,
    );
    expect(describeGeography({ ...geo, sourceLacks: [] })).toBe('ONS NSPL fixture (offline pack)');
    expect(describeGeography(undefined)).toBe('No offline geography pack: postcodes answered from the lookup cache only');
  });
});
