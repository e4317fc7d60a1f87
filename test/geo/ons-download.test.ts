/**
 * geo:build from the download as ONS publishes it: a zip whose data CSV sits in `Data/` (one
 * national file, or one per postcode area under `Data/multi_csv/`), with the district names and
 * codes in `Documents/`. The zips are made here with JSZip, small but laid out as ONS lays them.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { buildGeoPack, SourceError } from '../../scripts/geo-build';
import { openGeoPack } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { packIndexSchema, type PackIndex } from '../../src/geo/pack-index';
import { FIXTURE_SOURCE, FIXTURE_SOURCE_DIR, temporaryFolder } from './fixture-pack';

const RELEASE = 'ONS NSPL August 2024';
const [HEADER, ...ROWS] = fs.readFileSync(FIXTURE_SOURCE, 'utf8').trimEnd().split('\n');
/** Two postcodes of districts the fixture tables lack: one the download's names file names, one it does not. */
const NEW_DISTRICT_ROWS = [
  '"TS1 1AA","TS1 1AA","TS1 1AA","202404","","0","E06000099","E92000001","E12000001"',
  '"TS1 1AB","TS1 1AB","TS1 1AB","202404","","0","E06000098","E92000001","E12000001"',
];
const NAMES_FILE = 'Documents/LA_UA names and codes UK as at 04_24.csv';

async function writeZip(file: string, entries: Record<string, string | Buffer>, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression }));
  return file;
}

const csv = (rows: string[]) => `${[HEADER, ...rows].join('\r\n')}\r\n`;
const areaOf = (row: string) => /^"([A-Z]+)/.exec(row)![1];

function readIndex(pack: string): PackIndex {
  return packIndexSchema.parse(JSON.parse(fs.readFileSync(path.join(pack, 'index.json'), 'utf8')));
}

/** The area files of two packs are the same bytes. */
function expectSameAreaFiles(pack: string, reference: string): void {
  const areaFiles = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith('.bin.gz')).sort();
  expect(areaFiles(pack)).toEqual(areaFiles(reference));
  for (const file of areaFiles(reference)) {
    expect({ file, same: fs.readFileSync(path.join(pack, file)).equals(fs.readFileSync(path.join(reference, file))) }).toEqual({ file, same: true });
  }
}

describe('geo:build from an ONS zip', () => {
  let folder: string;
  let reference: string;
  beforeAll(async () => {
    folder = temporaryFolder('geo-zip-');
    const plain = path.join(folder, 'plain.csv');
    fs.writeFileSync(plain, csv([...ROWS, ...NEW_DISTRICT_ROWS]));
    reference = path.join(folder, 'reference');
    await buildGeoPack({ source: plain, tables: FIXTURE_SOURCE_DIR, out: reference, release: RELEASE });
  });

  it('the single-file layout: the national CSV in Data/, new districts named from Documents/ or by their code, with warnings', async () => {
    const zip = await writeZip(path.join(folder, 'NSPL_AUG_2024_UK.zip'), {
      'Data/NSPL_AUG_2024_UK.csv': csv([...ROWS, ...NEW_DISTRICT_ROWS]),
      // ONS ships the per-area files too: the national file is read, not both.
      'Data/multi_csv/NSPL_AUG_2024_UK_PR.csv': csv(ROWS.filter((row) => areaOf(row) === 'PR')),
      [NAMES_FILE]: '\uFEFFLAD24CD,LAD24NM,LAD24NMW\r\nE06000099,Newtown,\r\nE07000123,Preston,\r\n',
      'User Guide/NSPL User Guide Aug 2024.pdf': Buffer.from('%PDF-1.4'),
    });
    const out = path.join(folder, 'single');
    const log: string[] = [];
    const summary = await buildGeoPack({ source: zip, tables: FIXTURE_SOURCE_DIR, out, log: (line) => log.push(line) });

    expect(summary).toMatchObject({ release: RELEASE, namedFromDownload: ['E06000099'], unnamedDistricts: ['E06000098'] });
    const index = readIndex(out);
    expect(index.source).toMatchObject({ file: 'NSPL_AUG_2024_UK.zip: Data/NSPL_AUG_2024_UK.csv', rows: 93, terminatedDropped: 1 });
    const byCode = new Map(index.districts.map((d) => [d.code, d]));
    expect(byCode.get('E06000099')).toEqual({ code: 'E06000099', name: 'Newtown', nation: 'England' });
    expect(byCode.get('E06000098')).toEqual({ code: 'E06000098', name: 'E06000098', nation: 'England' });
    expect(log).toEqual(
      expect.arrayContaining([
        "  warning: districts in none of the tables, named from the download's names file (no county or region): E06000099 (Newtown)",
        "  warning: districts in none of the tables nor the download's names file, named by their code: E06000098",
      ]),
    );
    expectSameAreaFiles(out, reference);
    const answers = await (await openGeoPack(nodePackSource(out))).loadAreas(['PR', 'TS']);
    expect([answers.districtOf('PR1 2HE'), answers.districtOf('TS1 1AA'), answers.districtOf('TS1 1AB')]).toEqual(['E07000123', 'E06000099', 'E06000098']);
  });

  it('the multi-file layout: one CSV per postcode area under Data/multi_csv/, each with its header', async () => {
    const rows = [...ROWS, ...NEW_DISTRICT_ROWS];
    const entries: Record<string, string> = {};
    for (const area of [...new Set(rows.map(areaOf))]) entries[`Data/multi_csv/NSPL_AUG_2024_UK_${area}.csv`] = csv(rows.filter((row) => areaOf(row) === area));
    const zip = await writeZip(path.join(folder, 'download.zip'), entries);
    const out = path.join(folder, 'multi');
    const summary = await buildGeoPack({ source: zip, tables: FIXTURE_SOURCE_DIR, out });

    // The release comes from the CSVs' names when the zip's own name does not say it.
    expect(summary.release).toBe(RELEASE);
    // No names file in this zip: both new districts are named by their code.
    expect(summary.unnamedDistricts).toEqual(['E06000098', 'E06000099']);
    expect(readIndex(out).source).toMatchObject({ file: 'download.zip: Data/multi_csv/ (9 files)', rows: 93 });
    expectSameAreaFiles(out, reference);
  });

  it('a zip without a postcode CSV in Data/ is refused, naming what was looked for', async () => {
    const zip = await writeZip(path.join(folder, 'boundaries.zip'), { 'Documents/readme.txt': 'boundaries' });
    await expect(buildGeoPack({ source: zip, tables: FIXTURE_SOURCE_DIR, out: path.join(folder, 'none') })).rejects.toThrow(
      new SourceError(`${zip}: no postcode CSV in it (looked for Data/*.csv and Data/multi_csv/*.csv, as in the NSPL and ONSPD downloads).`),
    );
  });

  it('a damaged entry is refused by its checksum, and a cut-short zip by its missing directory', async () => {
    const zip = await writeZip(path.join(folder, 'NSPL_FEB_2025_UK.zip'), { 'Data/NSPL_FEB_2025_UK.csv': csv(ROWS) }, 'STORE');
    const bytes = fs.readFileSync(zip);
    // One district code changed to another valid one: only the checksum can tell.
    const at = bytes.indexOf('E07000123');
    bytes[at + 8] = '4'.charCodeAt(0);
    const damaged = path.join(folder, 'damaged.zip');
    fs.writeFileSync(damaged, bytes);
    await expect(buildGeoPack({ source: damaged, tables: FIXTURE_SOURCE_DIR, out: path.join(folder, 'damaged') })).rejects.toThrow(
      `${damaged}: Data/NSPL_FEB_2025_UK.csv is damaged (its size or checksum does not match the zip's directory); download it again.`,
    );
    const cut = path.join(folder, 'cut.zip');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(buildGeoPack({ source: cut, tables: FIXTURE_SOURCE_DIR, out: path.join(folder, 'cut') })).rejects.toThrow(
      `${cut}: its zip directory is missing or damaged (is the download complete?).`,
    );
    expect(fs.existsSync(path.join(folder, 'damaged'))).toBe(false);
  });
});
