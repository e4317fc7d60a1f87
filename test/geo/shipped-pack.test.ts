/**
 * The geography pack that ships in geography/pack, as a fresh clone has it (no ../shared, no
 * build step): what it holds, what it says about its source, and that the command line and the
 * add-in's build use it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { DEFAULT_OUT, DEFAULT_TABLES, PROJECT_ROOT } from '../../scripts/geo-build';
import { geoPackFolder } from '../../src/cli/project-files';
import { resolveArea } from '../../src/core/areas';
import { describeGeography } from '../../src/core/analysis/geography';
import { openGeoPack, type GeoPack } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { packIndexSchema, type PackIndex } from '../../src/geo/pack-index';

const SHIPPED_LACKS = [
  'Northern Ireland (postcode area BT)',
  'the sub-districts ending in a letter (EC1A, SW1A, W1A, WC2N, E1W and the like, in central London)',
];

describe('the shipped geography pack', () => {
  let index: PackIndex;
  let pack: GeoPack;
  beforeAll(async () => {
    index = packIndexSchema.parse(JSON.parse(fs.readFileSync(path.join(DEFAULT_OUT, 'index.json'), 'utf8')));
    pack = await openGeoPack(nodePackSource(DEFAULT_OUT));
  });

  it('is the August 2024 NSPL extract: 2,590,895 postcodes in 123 areas, within 400 KB gzipped, and nothing else', () => {
    expect(index.release).toBe('ONS NSPL August 2024');
    expect(index.source).toEqual({ file: 'nspl-2024-08-extract.csv.gz', rows: 2_590_895, terminatedDropped: 0, lacks: SHIPPED_LACKS });
    expect(index.areas).toHaveLength(123);
    expect(index.areas.reduce((n, a) => n + a.postcodes, 0)).toBe(2_590_895);
    expect(fs.readdirSync(DEFAULT_OUT).sort()).toEqual(['index.json', ...index.areas.map((a) => a.file)].sort());
    const stored = index.areas.reduce((n, a) => n + fs.statSync(path.join(DEFAULT_OUT, a.file)).size, 0);
    expect(stored).toBe(index.areas.reduce((n, a) => n + a.bytes, 0));
    expect(stored + gzipSync(fs.readFileSync(path.join(DEFAULT_OUT, 'index.json'))).length).toBeLessThanOrEqual(400 * 1024);
  });

  it('carries its attribution: ONS, OS, Royal Mail and National Statistics under the OGL, and mySociety under CC BY 4.0', () => {
    expect(pack.attribution).toBe(
      'Source: Office for National Statistics licensed under the Open Government Licence v3.0. ' +
        'Contains OS data © Crown copyright and database right 2024. ' +
        'Contains Royal Mail data © Royal Mail copyright and database right 2024. ' +
        'Contains National Statistics data © Crown copyright and database right 2024. ' +
        'Local authority names from mySociety (mysociety.org), licensed under CC BY 4.0.',
    );
  });

  it('says what its source lacked: the districts of Northern Ireland and central London postcodes are unknown with it', async () => {
    expect(pack.sourceLacks).toEqual(SHIPPED_LACKS);
    expect(describeGeography(pack)).toBe(
      'ONS NSPL August 2024 (offline pack). Its source lacks Northern Ireland (postcode area BT) and the sub-districts ending in a letter ' +
        '(EC1A, SW1A, W1A, WC2N, E1W and the like, in central London): the district of a postcode there is unknown until the pack is rebuilt ' +
        'from the full ONS file or online lookup is on.',
    );
    const postcodes = await pack.loadAreas(['PR', 'WC', 'M', 'BT']);
    expect(postcodes.districtOf('PR1 1EH')).toBe('E07000123');
    expect(postcodes.districtOf('M1 1AE')).toBe('E08000003');
    expect(postcodes.districtOf('WC2N 5DN')).toBeUndefined();
    expect(postcodes.hasArea('BT')).toBe(false);
  });

  it('names every district of the UK, and the areas a user types resolve', () => {
    expect(pack.districts.get('N09000003')).toMatchObject({ name: 'Belfast', nation: 'Northern Ireland' });
    const resolved = (text: string) => {
      const result = resolveArea(text, pack.districts);
      return result.ok ? result.selection.districts : result.message;
    };
    expect(resolved('Preston')).toEqual(['E07000123']);
    expect(resolved('Lancashire')).toHaveLength(12);
  });

  it('is the pack the command line reads, built from the district tables beside it', () => {
    expect(geoPackFolder()).toBe(DEFAULT_OUT);
    expect(path.relative(PROJECT_ROOT, DEFAULT_OUT)).toBe(path.join('geography', 'pack'));
    expect(fs.readdirSync(DEFAULT_TABLES).sort()).toEqual([
      'lad-names-2024.csv',
      'lookup_ltla23_cauth23.csv',
      'lookup_ltla23_utla23.csv',
      'lookup_ltla24_region24.csv',
      'uk_local_authorities_current.csv',
    ]);
  });

  it('is copied whole into the add-in build as dist/geo', () => {
    const dist = path.join(PROJECT_ROOT, 'dist', 'geo');
    if (!fs.existsSync(dist)) throw new Error('dist/geo is missing: run `npm run build` first (`npm test` does).');
    const files = fs.readdirSync(DEFAULT_OUT).sort();
    expect(fs.readdirSync(dist).sort()).toEqual(files);
    expect(files.filter((file) => !fs.readFileSync(path.join(dist, file)).equals(fs.readFileSync(path.join(DEFAULT_OUT, file))))).toEqual([]);
  });
});
