/**
 * The shipped pack (geography/pack) against the real ONS extract in ../shared/geo it was built
 * from: a rebuild gives it byte for byte, every postcode of the source gives its district, a
 * seeded sample of 50,000 in messy spellings too, and the sector and district shares are the
 * source's own counts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { buildGeoPack, DEFAULT_OUT } from '../../scripts/geo-build';
import { listAreaOptions, resolveArea } from '../../src/core/areas';
import type { PostcodeIndex } from '../../src/core/geography';
import { decideLocality } from '../../src/core/locality';
import { findPostcode } from '../../src/core/postcode';
import { openGeoPack, type GeoPack } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { describeWithShared, sharedPath } from '../support/shared';
import { temporaryFolder } from './fixture-pack';

const LANCASHIRE_12 = ['E07000117', 'E07000118', 'E07000119', 'E07000120', 'E07000121', 'E07000122', 'E07000123', 'E07000124', 'E07000125', 'E07000126', 'E07000127', 'E07000128'];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function tally(counts: Map<string, Map<string, number>>, key: string, district: string): void {
  let perDistrict = counts.get(key);
  if (!perDistrict) counts.set(key, (perDistrict = new Map()));
  perDistrict.set(district, (perDistrict.get(district) ?? 0) + 1);
}

describeWithShared('the shipped geography pack and the ONS extract it was built from', () => {
  let postcodes: string[];
  let districtsOf: string[];
  let sectorCounts: Map<string, Map<string, number>>;
  let outwardCounts: Map<string, Map<string, number>>;
  let pack: GeoPack;
  let index: PostcodeIndex;
  const packDir = DEFAULT_OUT;
  const source = sharedPath('geo', 'nspl-2024-08-extract.csv.gz');

  beforeAll(async () => {
    const lines = gunzipSync(fs.readFileSync(source)).toString('latin1').split('\n');
    expect(lines[0].trim()).toBe('pcds,laua');
    postcodes = [];
    districtsOf = [];
    sectorCounts = new Map();
    outwardCounts = new Map();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i].trim();
      if (line === '') continue;
      const [postcode, district] = line.split(',');
      postcodes.push(postcode);
      districtsOf.push(district);
      tally(sectorCounts, postcode.slice(0, -2), district);
      tally(outwardCounts, postcode.slice(0, postcode.indexOf(' ')), district);
    }
    pack = await openGeoPack(nodePackSource(packDir));
    index = await pack.loadAreas(pack.areas);
  }, 180_000);

  it('is what a rebuild from the extract and the committed district tables gives, byte for byte', async () => {
    const rebuilt = path.join(temporaryFolder('geo-rebuild-'), 'pack');
    await buildGeoPack({ source, out: rebuilt });
    const files = (folder: string) => fs.readdirSync(folder).sort();
    expect(files(rebuilt)).toEqual(files(packDir));
    // When this fails, the code or the tables changed the pack: rebuild it with
    // `npm run geo:build -- ../shared/geo/nspl-2024-08-extract.csv.gz` and commit geography/pack.
    const differing = files(packDir).filter((file) => !fs.readFileSync(path.join(rebuilt, file)).equals(fs.readFileSync(path.join(packDir, file))));
    expect(differing).toEqual([]);
  }, 60_000);

  it('holds every postcode of the source with its district, and is within 400 KB gzipped', () => {
    expect(postcodes).toHaveLength(2_590_895);
    let wrong = 0;
    for (let i = 0; i < postcodes.length; i++) {
      const expected = districtsOf[i] === '' ? null : districtsOf[i];
      if (index.districtOf(postcodes[i]) !== expected) wrong++;
    }
    expect(wrong).toBe(0);
    const bytes = fs.readdirSync(packDir).reduce((n, f) => n + (f.endsWith('.gz') ? fs.statSync(path.join(packDir, f)).size : 0), 0);
    expect(bytes).toBeLessThanOrEqual(400 * 1024);
  });

  it('answers a seeded sample of 50,000 postcodes exactly in every messy spelling', () => {
    const random = seeded(20240801);
    const picked = new Set<number>();
    while (picked.size < 50_000) picked.add(Math.floor(random() * postcodes.length));
    const spellings = (p: string) => {
      const [outward, inward] = p.split(' ');
      return [
        { postcode: p },
        { postcode: p.toLowerCase() },
        { postcode: outward + inward },
        { postcode: `  ${outward}   ${inward.toLowerCase()} ` },
        { postcode: `${outward}-${inward}` },
        { address: `Unit ${1 + (p.length % 9)}, Mill Lane, Some Town, ${p.toLowerCase()}, UK` },
      ];
    };
    const areas = { local: { name: 'Preston', districts: ['E07000123'] }, wider: { name: 'Lancashire', districts: LANCASHIRE_12 } };
    const ctx = { index, online: new Map(), districts: pack.districts, areas, threshold: 0.95 };
    const failures: string[] = [];
    for (const i of picked) {
      const expected = districtsOf[i] === '' ? null : districtsOf[i];
      for (const text of spellings(postcodes[i])) {
        const found = findPostcode(text);
        const got = found.kind === 'full' ? index.districtOf(found.postcode) : `not read (${found.kind})`;
        if (got !== expected) failures.push(`${JSON.stringify(text)} → ${got}, source ${expected}`);
      }
      if (expected) {
        const decision = decideLocality(spellings(postcodes[i])[5], ctx);
        if (decision.district !== expected || decision.basisKind !== 'postcode') failures.push(`${postcodes[i]}: decided ${decision.basis}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('gives sector and postcode-district shares that add up to 1 and equal the source counts', () => {
    const check = (counts: Map<string, Map<string, number>>, shares: (key: string) => ReturnType<PostcodeIndex['sectorShares']>) => {
      const failures: string[] = [];
      for (const [key, perDistrict] of counts) {
        const got = shares(key);
        const total = [...perDistrict.values()].reduce((a, b) => a + b, 0);
        const gotCounts = new Map(got?.map((s) => [s.district, s.count]));
        const sum = got?.reduce((a, s) => a + s.share, 0) ?? 0;
        const sameCounts = gotCounts.size === perDistrict.size && [...perDistrict].every(([d, n]) => gotCounts.get(d) === n);
        const sharesMatch = got?.every((s) => Math.abs(s.share - s.count / total) < 1e-12) ?? false;
        if (!sameCounts || !sharesMatch || Math.abs(sum - 1) > 1e-9) failures.push(key);
      }
      return failures;
    };
    expect(sectorCounts.size).toBeGreaterThan(11_000);
    expect(check(sectorCounts, (k) => index.sectorShares(k))).toEqual([]);
    expect(check(outwardCounts, (k) => index.outwardShares(k))).toEqual([]);
  });

  it('resolves Preston and the Lancashire presets to the right districts', () => {
    const resolve = (text: string) => {
      const result = resolveArea(text, pack.districts);
      if (!result.ok) throw new Error(result.message);
      return result.selection.districts;
    };
    expect(resolve('Preston')).toEqual(['E07000123']);
    expect(resolve('E07000123')).toEqual(['E07000123']);
    expect(resolve('Lancashire')).toEqual(LANCASHIRE_12);
    expect(resolve('E10000017')).toEqual(LANCASHIRE_12);
    expect(resolve('Lancashire County Council')).toEqual(LANCASHIRE_12);
    const fourteen = ['E06000008', 'E06000009', ...LANCASHIRE_12];
    expect(resolve('Lancashire (ceremonial county)')).toEqual(fourteen);
    expect(resolve('Lancashire Combined County Authority (2025)')).toEqual(fourteen);
    expect(resolve('Preston, South Ribble')).toEqual(['E07000123', 'E07000126']);
  });

  it('offers every preset, with labels that are unique and resolve back', () => {
    const options = listAreaOptions(pack.districts);
    expect(options.filter((o) => o.kind === 'preset')).toHaveLength(22);
    expect(new Set(options.map((o) => o.label)).size).toBe(options.length);
    for (const option of options) {
      const result = resolveArea(option.label, pack.districts, options);
      expect(result.ok && result.selection.districts).toEqual(option.districts);
    }
  });
});
