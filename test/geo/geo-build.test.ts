import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { buildGeoPack, readDistrictTables, releaseFromFileName, SourceError, sourceLacks } from '../../scripts/geo-build';
import { openGeoPack } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { packIndexSchema } from '../../src/geo/pack-index';
import { buildFixturePack, FIXTURE_SOURCE_DIR, temporaryFolder } from './fixture-pack';

describe('geo-build on the committed NSPL-shaped fixture', () => {
  let pack: string;
  beforeAll(async () => {
    pack = await buildFixturePack();
  });

  it('writes an index and one file per postcode area', () => {
    const index = packIndexSchema.parse(JSON.parse(fs.readFileSync(path.join(pack, 'index.json'), 'utf8')));
    expect(index.release).toBe('ONS NSPL fixture');
    expect(index.areas.map((a) => a.area)).toEqual(['DG', 'FY', 'GY', 'IM', 'JE', 'LL', 'M', 'PR']);
    for (const area of index.areas) expect(fs.existsSync(path.join(pack, area.file))).toBe(true);
    expect(index.source).toEqual({
      file: 'nspl-fixture.csv',
      rows: 91,
      terminatedDropped: 1,
      lacks: [
        'Northern Ireland (postcode area BT)',
        `the postcode areas ${'AB AL B BA BB BD BH BL BN BR BS CA CB CF CH CM CO CR CT CV CW DA DD DE DH DL DN DT DY E EC EH EN EX FK G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LN LS LU ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'.split(' ').join(', ')}`,
        'the sub-districts ending in a letter (EC1A, SW1A, W1A, WC2N, E1W and the like, in central London)',
      ],
    });
    expect(index.areas.reduce((n, a) => n + a.postcodes, 0)).toBe(90);
  });

  it('drops terminated postcodes and keeps blank districts as "no district"', async () => {
    const index = await (await openGeoPack(nodePackSource(pack))).loadAreas(['PR']);
    expect(index.districtOf('PR1 2HE')).toBe('E07000123');
    expect(index.districtOf('PR1 2HQ')).toBeUndefined();
    expect(index.districtOf('PR0 2AA')).toBeNull();
  });

  it('names the pseudo-districts and gives Scottish and Welsh districts no county or region', () => {
    const { districts } = packIndexSchema.parse(JSON.parse(fs.readFileSync(path.join(pack, 'index.json'), 'utf8')));
    const byCode = new Map(districts.map((d) => [d.code, d]));
    expect(byCode.get('L99999999')).toEqual({ code: 'L99999999', name: 'Channel Islands', nation: 'Channel Islands' });
    expect(byCode.get('M99999999')).toEqual({ code: 'M99999999', name: 'Isle of Man', nation: 'Isle of Man' });
    expect(byCode.get('S12000006')).toEqual({ code: 'S12000006', name: 'Dumfries and Galloway', nation: 'Scotland' });
    expect(byCode.get('W06000003')).toEqual({ code: 'W06000003', name: 'Conwy', nation: 'Wales' });
    expect(byCode.get('E07000123')).toEqual({
      code: 'E07000123',
      name: 'Preston',
      countyCode: 'E10000017',
      countyName: 'Lancashire',
      regionCode: 'E12000002',
      regionName: 'North West',
      nation: 'England',
    });
    expect(byCode.get('E08000003')).toMatchObject({ combinedAuthorityCode: 'E47000001', combinedAuthorityName: 'Greater Manchester' });
    // Named from the UK local authorities table where the names table lacks it.
    expect(byCode.get('N09000003')).toEqual({ code: 'N09000003', name: 'Belfast', nation: 'Northern Ireland' });
  });

  it('is deterministic: the same source gives the same bytes', async () => {
    const again = await buildFixturePack();
    for (const file of fs.readdirSync(pack)) {
      expect(fs.readFileSync(path.join(again, file)).equals(fs.readFileSync(path.join(pack, file)))).toBe(true);
    }
  });
});

describe('geo-build stops on a bad source with the file, line and column', () => {
  function sourceWith(lines: string[], name = 'nspl-bad.csv'): string {
    const folder = temporaryFolder('geo-bad-');
    for (const table of fs.readdirSync(FIXTURE_SOURCE_DIR)) {
      if (!table.startsWith('nspl')) fs.copyFileSync(path.join(FIXTURE_SOURCE_DIR, table), path.join(folder, table));
    }
    const file = path.join(folder, name);
    fs.writeFileSync(file, lines.join('\n'));
    return file;
  }
  const build = (source: string) => buildGeoPack({ source, tables: path.dirname(source), out: path.join(path.dirname(source), 'pack') });

  it('a missing required column', async () => {
    const source = sourceWith(['pcds,lad', 'PR1 2HE,E07000123']);
    await expect(build(source)).rejects.toThrow(new SourceError(`${source}, line 1: no "laua", "oslaua" or "ladYYcd" column; the header has pcds, lad.`));
  });

  it('the header of releases from 2025, whose district column is named by its year', async () => {
    const source = sourceWith([
      'pcd7,pcd8,pcds,dointr,doterm,usrtypind,east1m,north1m,gridind,oa21cd,cty25cd,ced25cd,lad25cd,wd25cd',
      '"PR1 2HE","PR1  2HE","PR1 2HE","198001","","0","354000","429000","1","E00127000","E10000017","E58000000","E07000123","E05000000"',
      '"PR1 2HF","PR1  2HF","PR1 2HF","198001","202001","0","354000","429000","1","E00127000","E10000017","E58000000","E07000123","E05000000"',
    ]);
    const out = path.join(path.dirname(source), 'pack');
    await build(source);
    const index = await (await openGeoPack(nodePackSource(out))).loadAreas(['PR']);
    expect([index.districtOf('PR1 2HE'), index.districtOf('PR1 2HF')]).toEqual(['E07000123', undefined]);
  });

  it.each([
    [['pcds,laua', 'PR1 2HE,E07000123', 'PR1 2CE,E07000123'], 'line 3, column pcds: "PR1 2CE" is not a postcode'],
    [['pcds,laua', 'PR1 2HE,E07000123', 'PR1 2HF,Preston'], 'line 3, column laua: "Preston" is not an ONS district code'],
    [['pcds,laua', '"PR1 2HE,E07000123'], 'line 2, column pcds: a quote is not closed'],
    [['pcds,laua', 'PR1 2HE,"E07000123'], 'line 2, column laua: a quote is not closed'],
    [['pcds,doterm,laua', 'PR1 2HE,,E07000123', 'PR1 2HF,'], 'line 3, column laua: the line has 2 fields'],
    [['pcds,laua', 'PR1 2HE,E07000123', 'PR1 2HE,E07000126'], 'line 3, column laua: postcode PR1 2HE is listed twice with different districts'],
  ])('%j', async (lines, message) => {
    const source = sourceWith(lines);
    await expect(build(source)).rejects.toThrow(`${source}, ${message}`);
  });

  it('a missing district table', async () => {
    const source = sourceWith(['pcds,laua', 'PR1 2HE,E07000123']);
    fs.rmSync(path.join(path.dirname(source), 'lookup_ltla24_region24.csv'));
    await expect(build(source)).rejects.toThrow(/district to region table .* is missing from/);
  });

  it('reads pcd (7-character) postcodes and a gzipped source, and leaves no half-written pack on failure', async () => {
    const source = sourceWith(['pcd,laua', 'M1  1AE,E08000003', 'PR1 2HE,E07000123']);
    const gz = `${source}.gz`;
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(source)));
    const out = path.join(path.dirname(source), 'pack');
    await buildGeoPack({ source: gz, tables: FIXTURE_SOURCE_DIR, out });
    const index = await (await openGeoPack(nodePackSource(out))).loadAreas(['M', 'PR']);
    expect(index.districtOf('M1 1AE')).toBe('E08000003');
    expect(index.districtOf('PR1 2HE')).toBe('E07000123');

    const broken = sourceWith(['pcd,laua', 'M1  1AE,E08000003', 'PR1 2XX,E07000123', 'PR1 2CE,E07000123']);
    await expect(buildGeoPack({ source: broken, tables: FIXTURE_SOURCE_DIR, out })).rejects.toThrow(SourceError);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.startsWith('pack'))).toEqual(['pack']);
  });

  it('a header with a UTF-8 byte order mark and CRLF line ends', async () => {
    const source = sourceWith(['\uFEFFpcds,laua\r', 'PR1 2HE,E07000123\r']);
    const out = path.join(path.dirname(source), 'pack');
    await buildGeoPack({ source, tables: FIXTURE_SOURCE_DIR, out });
    expect((await (await openGeoPack(nodePackSource(out))).loadAreas(['PR'])).districtOf('PR1 2HE')).toBe('E07000123');
  });

  it('the command line exits 2 with the message, and without a source says where to download one', () => {
    const script = path.join(__dirname, '..', '..', 'scripts', 'geo-build.ts');
    const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const run = (args: string[]) => {
      try {
        execFileSync(tsx, [script, ...args], { stdio: 'pipe' });
        return { status: 0, stderr: '' };
      } catch (error) {
        return { status: (error as { status: number }).status, stderr: String((error as { stderr: Buffer }).stderr) };
      }
    };
    const missing = run(['no-such-file.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.csv does not exist/);
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('npm run geo:build -- path/to/NSPL_AUG_2025_UK.zip');
    expect(none.stderr).toContain('ONS Open Geography Portal (https://geoportal.statistics.gov.uk');
  });
});

describe('release names', () => {
  it.each([
    ['nspl-2024-08-extract.csv.gz', 'ONS NSPL August 2024'],
    ['NSPL_AUG_2024_UK.csv', 'ONS NSPL August 2024'],
    ['ONSPD_FEB_2025_UK.csv', 'ONS ONSPD February 2025'],
    ['nspl-fixture.csv', 'ONS NSPL (nspl-fixture.csv)'],
  ])('%s → %s', (file, release) => {
    expect(releaseFromFileName(file)).toBe(release);
  });

  it('a download whose name does not say the month takes it from the CSV inside', () => {
    expect(releaseFromFileName('postcodes.zip', 'NSPL_MAY_2025_UK.csv')).toBe('ONS NSPL May 2025');
    expect(releaseFromFileName('postcodes.zip', 'data.csv')).toBe('ONS postcode directory (postcodes.zip)');
  });
});

it('district tables are read by column name', async () => {
  const districts = await readDistrictTables(FIXTURE_SOURCE_DIR);
  expect(districts.get('E06000023')?.name).toBe('Bristol, City of');
  expect(districts.get('E06000047')).toMatchObject({ regionName: 'North East', combinedAuthorityName: 'North East' });
});

describe('what a source lacks', () => {
  const everyArea = 'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
    .split(' ')
    .map((area) => `${area}1 1`);

  it('nothing, when every postcode area and the letter-ending sub-districts are there', () => {
    expect(sourceLacks([...everyArea, 'EC1A 1'])).toEqual([]);
  });

  it('Northern Ireland, other areas by code, and the letter-ending sub-districts', () => {
    expect(sourceLacks(everyArea.filter((sector) => !/^(BT|ZE|HS)1/.test(sector)))).toEqual([
      'Northern Ireland (postcode area BT)',
      'the postcode areas HS, ZE',
      'the sub-districts ending in a letter (EC1A, SW1A, W1A, WC2N, E1W and the like, in central London)',
    ]);
    expect(sourceLacks([...everyArea.filter((sector) => !sector.startsWith('ZE')), 'W1A 1'])).toEqual(['the postcode area ZE']);
  });
});
