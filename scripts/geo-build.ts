/**
 * The geography pack compiler: `npm run geo:build -- SOURCE [--out DIR] [--tables DIR]
 * [--release TEXT]`.
 *
 * Reads an ONS postcode directory (NSPL or ONSPD: its CSV, the CSV gzipped, or the zip as ONS
 * publishes it; columns found by name: `pcds` or `pcd`, the district's `laua` (older ONSPD:
 * `oslaua`; from 2025 `lad25cd`, `lad26cd`, …), and `doterm`
 * where present, whose terminated postcodes are dropped) and the district tables committed in
 * geography/tables, and writes the pack described in src/geo/README.md to geography/pack.
 */
import { promises as fs, existsSync, readdirSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { parseCsv } from '../src/core/csv';
import { splitCsvLine } from '../src/core/csv-line';
import type { DistrictInfo } from '../src/core/geography';
import { NO_DISTRICT } from '../src/core/geography';
import { INWARD_LETTERS, POSTCODE_AREAS } from '../src/core/postcode';
import { decodeText } from '../src/core/text-decode';
import { encodeAreaBody, encodeAreaFile, SLOTS_PER_SECTOR, unitSlot } from '../src/geo/area-file';
import { crc32 } from '../src/geo/crc32';
import { areaFileName, PACK_FORMAT, PACK_FORMAT_VERSION, PACK_INDEX_FILE, type PackIndex } from '../src/geo/pack-index';
import { openOnsDownload, SourceError, type OnsDownload, type SourcePart } from './ons-download';

export { SourceError };

export const PROJECT_ROOT = path.resolve(__dirname, '..');
/** The pack and the district tables that ship with the project. */
export const DEFAULT_OUT = path.join(PROJECT_ROOT, 'geography', 'pack');
export const DEFAULT_TABLES = path.join(PROJECT_ROOT, 'geography', 'tables');

export const DOWNLOAD_HELP = [
  'Name the ONS postcode download to build the geography pack from:',
  '  npm run geo:build -- path/to/NSPL_AUG_2025_UK.zip',
  'Download the National Statistics Postcode Lookup (NSPL) or the ONS Postcode Directory (ONSPD) for the UK',
  'from the ONS Open Geography Portal (https://geoportal.statistics.gov.uk, Postcodes). The zip as downloaded,',
  'its CSV (Data/NSPL_…_UK.csv) or that CSV gzipped will do. The pack is written to geography/pack.',
].join('\n');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const productOf = (name: string) => (/onspd/i.test(name) ? 'ONSPD' : /nspl/i.test(name) ? 'NSPL' : 'postcode directory');

/** "ONS NSPL August 2024" from a name such as NSPL_AUG_2024_UK.csv, if the name says the month. */
function datedRelease(file: string): string | undefined {
  const name = path.basename(file);
  const numeric = /(20\d\d)[-_]?(0[1-9]|1[0-2])(?!\d)/.exec(name);
  const worded = new RegExp(`(${MONTHS.map((m) => m.slice(0, 3)).join('|')})[a-z]*[-_ ]?(20\\d\\d)`, 'i').exec(name);
  const month = numeric
    ? MONTHS[Number(numeric[2]) - 1]
    : worded
      ? MONTHS.find((m) => m.slice(0, 3).toLowerCase() === worded[1].toLowerCase())
      : undefined;
  const year = numeric?.[1] ?? worded?.[2];
  return month && year ? `ONS ${productOf(name)} ${month} ${year}` : undefined;
}

/**
 * The release, from the first of the names (the download, then the CSV inside a zip) that says
 * its month: "ONS NSPL August 2024" from nspl-2024-08-extract.csv.gz or NSPL_AUG_2024_UK.csv.
 */
export function releaseFromFileName(...names: string[]): string {
  for (const name of names) {
    const release = datedRelease(name);
    if (release) return release;
  }
  const first = path.basename(names[0]);
  return `ONS ${productOf(first)} (${first})`;
}

const NATIONS: Record<string, string> = {
  E: 'England',
  W: 'Wales',
  S: 'Scotland',
  N: 'Northern Ireland',
  L: 'Channel Islands',
  M: 'Isle of Man',
};

/** ONS pseudo-codes for places with no local authority district of their own. */
const PSEUDO_DISTRICTS: Record<string, string> = {
  L99999999: 'Channel Islands',
  M99999999: 'Isle of Man',
};

/** A GSS code: a district's, county's, region's or combined authority's, or a pseudo-code. */
const ONS_CODE = /^[ENSWLM][0-9]{8}$/;
/** The GSS prefixes of local authority districts: English, Welsh, Scottish, Northern Irish. */
const DISTRICT_PREFIX = /^(E0[6-9]|W06|S12|N09)[0-9]{6}$/;

interface Table {
  file: string;
  header: string[];
  rows: string[][];
}

async function readTable(folder: string, pattern: RegExp, what: string, required: boolean): Promise<Table | undefined> {
  const name = existsSync(folder) ? readdirSync(folder).filter((f) => pattern.test(f)).sort().pop() : undefined;
  if (!name) {
    if (!required) return undefined;
    throw new SourceError(`The ${what} table (a file named like ${pattern.source.replace(/\\/g, '')}) is missing from ${folder}.`);
  }
  const file = path.join(folder, name);
  const records = parseCsv((await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, ''), ',');
  const [header = [], ...rows] = records;
  return { file, header: header.map((h) => h.trim()), rows };
}

function column(table: Table, pattern: RegExp, what: string): number {
  const index = table.header.findIndex((h) => pattern.test(h));
  if (index < 0) {
    throw new SourceError(`${table.file}, line 1: no ${what} column (looked for ${pattern.source}; found ${table.header.join(', ')}).`);
  }
  return index;
}

/** mySociety's table of UK local authorities: optional, and credited in the pack when present (CC BY 4.0). */
const MYSOCIETY_TABLE = /^uk_local_authorities_current\.csv$/i;

const hasMySocietyTable = (folder: string) => existsSync(folder) && readdirSync(folder).some((f) => MYSOCIETY_TABLE.test(f));

/** Each district's name, county, combined authority, region and nation, from the tables. */
export async function readDistrictTables(folder: string): Promise<Map<string, DistrictInfo>> {
  const names = (await readTable(folder, /^lad-names.*\.csv$/i, 'district names', true))!;
  const counties = (await readTable(folder, /^lookup_ltla\d*_utla\d*\.csv$/i, 'district to county', true))!;
  const regions = (await readTable(folder, /^lookup_ltla\d*_region\d*\.csv$/i, 'district to region', true))!;
  const authorities = (await readTable(folder, /^lookup_ltla\d*_cauth\d*\.csv$/i, 'district to combined authority', true))!;
  const mysociety = await readTable(folder, MYSOCIETY_TABLE, 'UK local authorities', false);

  const districts = new Map<string, DistrictInfo>();
  const codeAt = (table: Table, row: string[], index: number, line: number): string => {
    const value = (row[index] ?? '').trim();
    if (!ONS_CODE.test(value)) {
      throw new SourceError(`${table.file}, line ${line}, column ${table.header[index]}: "${value}" is not an ONS code.`);
    }
    return value;
  };
  const rowsOf = (table: Table) => table.rows.map((row, i) => ({ row, line: i + 2 })).filter(({ row }) => row.some((f) => f.trim() !== ''));

  const nameCode = column(names, /^(laua|lad\d*cd|code)$/i, 'district code');
  const nameText = column(names, /^(name|lad\d*nm)$/i, 'district name');
  for (const { row, line } of rowsOf(names)) {
    const code = codeAt(names, row, nameCode, line);
    districts.set(code, { code, name: row[nameText].trim(), nation: NATIONS[code[0]] });
  }
  if (mysociety) {
    const gss = column(mysociety, /^gss-code$/i, 'gss-code');
    const nice = column(mysociety, /^nice-name$/i, 'nice-name');
    for (const { row } of rowsOf(mysociety)) {
      const code = row[gss]?.trim();
      if (code && DISTRICT_PREFIX.test(code) && !districts.has(code)) {
        districts.set(code, { code, name: row[nice].trim(), nation: NATIONS[code[0]] });
      }
    }
  }
  for (const [code, name] of Object.entries(PSEUDO_DISTRICTS)) districts.set(code, { code, name, nation: name });

  const link = (table: Table, codeField: RegExp, nameField: RegExp, set: (d: DistrictInfo, code: string, name: string) => void) => {
    const from = column(table, /^ltla\d*_code$/i, 'district code');
    const toCode = column(table, codeField, 'code');
    const toName = column(table, nameField, 'name');
    for (const { row, line } of rowsOf(table)) {
      const district = districts.get(codeAt(table, row, from, line));
      if (district) set(district, codeAt(table, row, toCode, line), row[toName].trim());
    }
  };
  link(counties, /^utla\d*_code$/i, /^utla\d*_name$/i, (d, code, name) => {
    // A unitary authority is its own upper tier: only a two-tier county is recorded as one.
    if (code !== d.code) Object.assign(d, { countyCode: code, countyName: name });
  });
  link(regions, /^region\d*_code$/i, /^region\d*_name$/i, (d, code, name) => Object.assign(d, { regionCode: code, regionName: name }));
  link(authorities, /^cauth\d*_code$/i, /^cauth\d*_name$/i, (d, code, name) =>
    Object.assign(d, { combinedAuthorityCode: code, combinedAuthorityName: name }),
  );
  return districts;
}

const SOURCE_POSTCODE = /^([A-Z]{1,2})[0-9][0-9A-Z]?$/;

interface SourceColumns {
  postcode: number;
  postcodeName: string;
  district: number;
  districtName: string;
  terminated: number;
  /** How many leading fields of a line hold every column the pack needs. */
  needed: number;
  header: string[];
}

/** The header name of the field where a line's last quote opens, for the message. */
function unclosedColumn(line: string, header: readonly string[]): string {
  const field = line.slice(0, line.lastIndexOf('"')).split(',').length;
  return header[field - 1]?.trim() || String(field);
}

function sourceColumns(file: string, header: string[]): SourceColumns {
  // The source is read as Latin-1, where a UTF-8 byte order mark shows as "ï»¿".
  const names = header.map((h) => h.trim().replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '').toLowerCase());
  const find = (...candidates: string[]) => {
    for (const name of candidates) {
      const index = names.indexOf(name);
      if (index >= 0) return { index, name };
    }
    return undefined;
  };
  const postcode = find('pcds', 'pcd');
  // Releases from 2025 name the district column by its year, as lad25cd.
  const yearly = names.find((name) => /^lad\d\dcd$/.test(name));
  const district = find('laua', 'oslaua', ...(yearly ? [yearly] : []));
  const missing = [!postcode && '"pcds" or "pcd"', !district && '"laua", "oslaua" or "ladYYcd"'].filter(Boolean);
  if (!postcode || !district) {
    throw new SourceError(`${file}, line 1: no ${missing.join(' and no ')} column; the header has ${header.join(', ')}.`);
  }
  const terminated = find('doterm')?.index ?? -1;
  return {
    postcode: postcode.index,
    postcodeName: postcode.name,
    district: district.index,
    districtName: district.name,
    terminated,
    needed: Math.max(postcode.index, district.index, terminated) + 1,
    header,
  };
}

export interface SourcePostcodes {
  /** Sector ("PR1 2") → a slot per unit: 0 none, else 1 + index into `districtCodes`. */
  sectors: Map<string, Uint16Array>;
  districtCodes: string[];
  rows: number;
  terminatedDropped: number;
}

/**
 * Streams the CSVs of the ONS download (one, or one per postcode area, each with its header) and
 * keeps, per sector, the district of every live postcode.
 */
export async function readSource(parts: readonly SourcePart[]): Promise<SourcePostcodes> {
  const sectors = new Map<string, Uint16Array>();
  const districtCodes: string[] = [NO_DISTRICT];
  const districtIndex = new Map<string, number>([[NO_DISTRICT, 1]]);
  let file = '';
  let columns: SourceColumns | undefined;
  let lineNumber = 0;
  let rows = 0;
  let terminatedDropped = 0;
  const fail = (column: string, why: string): never => {
    throw new SourceError(`${file}, line ${lineNumber}, column ${column}: ${why}.`);
  };

  const handle = (line: string) => {
    lineNumber++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (!columns) {
      columns = sourceColumns(file, splitCsvLine(line) ?? fail('1', 'the header has an unclosed quote'));
      return;
    }
    if (line === '') return;
    const c = columns;
    const fields = splitCsvLine(line, c.needed) ?? fail(unclosedColumn(line, c.header), 'a quote is not closed');
    if (fields.length <= Math.max(c.postcode, c.district, c.terminated)) {
      fail(fields.length <= c.postcode ? c.postcodeName : c.districtName, `the line has ${fields.length} fields, too few for this column`);
    }
    rows++;
    if (c.terminated >= 0 && fields[c.terminated].trim() !== '') {
      terminatedDropped++;
      return;
    }
    const compact = fields[c.postcode].replace(/ /g, '').toUpperCase();
    const outward = compact.slice(0, -3);
    const inward = compact.slice(-3);
    const unit = `${outward} ${inward}`;
    if (!SOURCE_POSTCODE.test(outward) || !/^[0-9]/.test(inward) || unitSlot(unit) < 0) {
      fail(c.postcodeName, `"${fields[c.postcode]}" is not a postcode (an outward code, then a digit and two of the letters ${INWARD_LETTERS})`);
    }
    const code = fields[c.district].trim();
    if (code !== '' && !ONS_CODE.test(code)) fail(c.districtName, `"${code}" is not an ONS district code`);
    let value = districtIndex.get(code);
    if (value === undefined) {
      districtCodes.push(code);
      districtIndex.set(code, (value = districtCodes.length));
    }
    const sectorKey = unit.slice(0, -2);
    let slots = sectors.get(sectorKey);
    if (!slots) sectors.set(sectorKey, (slots = new Uint16Array(SLOTS_PER_SECTOR)));
    const slot = unitSlot(unit);
    if (slots[slot] !== 0 && slots[slot] !== value) {
      fail(c.districtName, `postcode ${unit} is listed twice with different districts (${districtCodes[slots[slot] - 1] || 'blank'} and ${code || 'blank'})`);
    }
    slots[slot] = value;
  };

  for (const part of parts) {
    file = part.label;
    columns = undefined;
    lineNumber = 0;
    let pending = '';
    try {
      for await (const chunk of part.chunks()) {
        const text = pending + chunk.toString('latin1');
        let start = 0;
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
          handle(text.slice(start, end));
          start = end + 1;
        }
        pending = text.slice(start);
      }
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError(`${file}, after line ${lineNumber}: cannot be read (${(error as Error).message}).`);
    }
    if (pending !== '') handle(pending);
    if (!columns) throw new SourceError(`${file} is empty: no header line.`);
  }
  return { sectors, districtCodes, rows, terminatedDropped };
}

/** The postcode areas a full ONS directory places: all but the non-geographic BX, which places no supplier. */
const PLACED_AREAS = [...POSTCODE_AREAS].filter((area) => area !== 'BX').sort();

/**
 * What the source lacks that a full ONS directory has, in words for the Method sheet: whole
 * postcode areas (Northern Ireland is BT), and the sub-districts ending in a letter, which only
 * central London has. A pack built from it does not know the district of a postcode there.
 */
export function sourceLacks(sectors: Iterable<string>): string[] {
  const areas = new Set<string>();
  let letterEnding = false;
  for (const sector of sectors) {
    const outward = sector.slice(0, sector.indexOf(' '));
    areas.add(/^[A-Z]+/.exec(outward)![0]);
    if (/[A-Z]$/.test(outward)) letterEnding = true;
  }
  const missing = PLACED_AREAS.filter((area) => !areas.has(area));
  const others = missing.filter((area) => area !== 'BT');
  return [
    ...(missing.includes('BT') ? ['Northern Ireland (postcode area BT)'] : []),
    ...(others.length > 0 ? [`the postcode area${others.length > 1 ? 's' : ''} ${others.join(', ')}`] : []),
    ...(letterEnding ? [] : ['the sub-districts ending in a letter (EC1A, SW1A, W1A, WC2N, E1W and the like, in central London)']),
  ];
}

/** District names from the download's own names and codes file (columns such as LAD24CD, LAD24NM). */
async function namesFromDownload(download: OnsDownload): Promise<Map<string, string>> {
  const file = download.districtNames;
  if (!file) return new Map();
  let bytes: Buffer;
  try {
    bytes = await file.read();
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`${file.label} cannot be read (${(error as Error).message}).`);
  }
  const [header = [], ...rows] = parseCsv(decodeText(bytes).text, ',');
  const table: Table = { file: file.label, header: header.map((h) => h.trim()), rows };
  const code = column(table, /^lad\d*cd$/i, 'district code');
  const name = column(table, /^lad\d*nm$/i, 'district name');
  return new Map(rows.filter((row) => row[code]?.trim() && row[name]?.trim()).map((row) => [row[code].trim(), row[name].trim()]));
}

export interface BuildOptions {
  /** The ONS download: its CSV, the CSV gzipped, or the zip. */
  source: string;
  /** Folder of the district tables; by default geography/tables. */
  tables?: string;
  out?: string;
  release?: string;
  log?: (line: string) => void;
}

export interface BuildSummary {
  out: string;
  release: string;
  postcodes: number;
  areas: number;
  /** Sum of the stored (gzipped) area files and the gzipped index. */
  gzippedBytes: number;
  /** Districts in none of the tables, named from the download's own names file. */
  namedFromDownload: string[];
  /** Districts in none of the tables nor the download's names file, named by their code. */
  unnamedDistricts: string[];
  lacks: string[];
}

export async function buildGeoPack(options: BuildOptions): Promise<BuildSummary> {
  const log = options.log ?? (() => undefined);
  const out = path.resolve(options.out ?? DEFAULT_OUT);
  const download = await openOnsDownload(options.source);
  const release = options.release ?? releaseFromFileName(options.source, ...download.parts.map((part) => part.name));
  const tables = options.tables ?? DEFAULT_TABLES;
  const districts = await readDistrictTables(tables);
  const source = await readSource(download.parts);

  const missing = source.districtCodes.filter((code) => code !== NO_DISTRICT && !districts.has(code)).sort();
  const downloadNames = missing.length > 0 ? await namesFromDownload(download) : new Map<string, string>();
  const namedFromDownload = missing.filter((code) => downloadNames.has(code));
  const unnamedDistricts = missing.filter((code) => !downloadNames.has(code));
  for (const code of missing) districts.set(code, { code, name: downloadNames.get(code) ?? code, nation: NATIONS[code[0]] });
  const lacks = sourceLacks(source.sectors.keys());

  const byArea = new Map<string, string[]>();
  for (const sector of source.sectors.keys()) {
    const area = /^[A-Z]+/.exec(sector)![0];
    const list = byArea.get(area);
    if (list) list.push(sector);
    else byArea.set(area, [sector]);
  }
  const bodies: { area: string; body: Uint8Array; postcodes: number }[] = [];
  for (const area of [...byArea.keys()].sort()) {
    const sectors = byArea.get(area)!.sort();
    const used = new Set<number>();
    for (const sector of sectors) for (const value of source.sectors.get(sector)!) if (value) used.add(value);
    const local = [...used].sort((a, b) => (source.districtCodes[a - 1] < source.districtCodes[b - 1] ? -1 : 1));
    const localIndex = new Map(local.map((value, i) => [value, i + 1]));
    const units = new Uint8Array(sectors.length * SLOTS_PER_SECTOR);
    let postcodes = 0;
    sectors.forEach((sector, s) => {
      const slots = source.sectors.get(sector)!;
      for (let slot = 0; slot < SLOTS_PER_SECTOR; slot++) {
        if (slots[slot] === 0) continue;
        units[s * SLOTS_PER_SECTOR + slot] = localIndex.get(slots[slot])!;
        postcodes++;
      }
    });
    const areaDistricts = local.map((value) => source.districtCodes[value - 1]);
    bodies.push({ area, body: encodeAreaBody({ area, districts: areaDistricts, sectors, units }), postcodes });
  }

  const hashed = new Uint8Array(bodies.reduce((n, b) => n + b.body.length, 0) + release.length);
  let at = 0;
  for (const { body } of bodies) {
    hashed.set(body, at);
    at += body.length;
  }
  for (let i = 0; i < release.length; i++) hashed[at + i] = release.charCodeAt(i) & 0xff;
  const packId = crc32(hashed).toString(16).padStart(8, '0');

  const year = /20\d\d/.exec(release)?.[0] ?? 'the release year';
  const index: Omit<PackIndex, 'areas'> = {
    format: PACK_FORMAT,
    version: PACK_FORMAT_VERSION,
    packId,
    release,
    attribution:
      `Source: Office for National Statistics licensed under the Open Government Licence v3.0. ` +
      `Contains OS data © Crown copyright and database right ${year}. ` +
      `Contains Royal Mail data © Royal Mail copyright and database right ${year}. ` +
      `Contains National Statistics data © Crown copyright and database right ${year}.` +
      (hasMySocietyTable(tables) ? ' Local authority names from mySociety (mysociety.org), licensed under CC BY 4.0.' : ''),
    source: { file: download.description, rows: source.rows, terminatedDropped: source.terminatedDropped, lacks },
    districts: [...districts.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
  };

  const partial = `${out}.partial-${process.pid}`;
  await fs.rm(partial, { recursive: true, force: true });
  await fs.mkdir(partial, { recursive: true });
  try {
    const { areas, gzippedBytes } = await writePack(partial, bodies, index);
    // Swap the finished pack in whole, so a failed build never leaves a half-written one.
    await fs.rm(out, { recursive: true, force: true });
    await fs.rename(partial, out);
    const postcodes = areas.reduce((n, a) => n + a.postcodes, 0);
    log(`Geography pack: ${release}, ${postcodes.toLocaleString('en-GB')} postcodes in ${areas.length} areas, ${(gzippedBytes / 1024).toFixed(0)} KB gzipped, in ${out}`);
    if (source.terminatedDropped > 0) log(`  ${source.terminatedDropped.toLocaleString('en-GB')} terminated postcodes left out (doterm)`);
    const listed = (codes: string[]) => codes.map((code) => `${code} (${districts.get(code)!.name})`).join(', ');
    if (namedFromDownload.length > 0) log(`  warning: districts in none of the tables, named from the download's names file (no county or region): ${listed(namedFromDownload)}`);
    if (unnamedDistricts.length > 0) log(`  warning: districts in none of the tables nor the download's names file, named by their code: ${unnamedDistricts.join(', ')}`);
    for (const lack of lacks) log(`  the source lacks ${lack}: the pack does not know the district of a postcode there`);
    return { out, release, postcodes, areas: areas.length, gzippedBytes, namedFromDownload, unnamedDistricts, lacks };
  } finally {
    await fs.rm(partial, { recursive: true, force: true });
  }
}

async function writePack(
  folder: string,
  bodies: readonly { area: string; body: Uint8Array; postcodes: number }[],
  index: Omit<PackIndex, 'areas'>,
): Promise<{ areas: PackIndex['areas']; gzippedBytes: number }> {
  const areas: PackIndex['areas'] = [];
  let gzippedBytes = 0;
  for (const { area, body, postcodes } of bodies) {
    const file = areaFileName(area);
    const stored = gzipSync(encodeAreaFile(body, index.packId), { level: 9 });
    await fs.writeFile(path.join(folder, file), stored);
    areas.push({ area, file, postcodes, bytes: stored.length });
    gzippedBytes += stored.length;
  }
  const indexText = `${JSON.stringify({ ...index, areas } satisfies PackIndex)}\n`;
  await fs.writeFile(path.join(folder, PACK_INDEX_FILE), indexText);
  gzippedBytes += gzipSync(indexText, { level: 9 }).length;
  return { areas, gzippedBytes };
}

function parseArguments(argv: string[]): BuildOptions | { help: string } {
  // `npm run geo:build` runs in the project folder; npm says where the user ran it in INIT_CWD.
  const cwd = process.env.npm_lifecycle_event === 'geo:build' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
  const options: Partial<BuildOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new SourceError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--out') options.out = path.resolve(cwd, value());
    else if (arg === '--tables') options.tables = path.resolve(cwd, value());
    else if (arg === '--release') options.release = value();
    else if (arg.startsWith('--')) throw new SourceError(`Unknown option ${arg} (options: --out DIR, --tables DIR, --release TEXT).`);
    else if (options.source) throw new SourceError(`Give one source file, not ${options.source} and ${arg}.`);
    else options.source = path.resolve(cwd, arg);
  }
  if (!options.source) return { help: DOWNLOAD_HELP };
  if (!existsSync(options.source)) throw new SourceError(`${options.source} does not exist.`);
  return { ...options, source: options.source };
}

async function main(): Promise<void> {
  try {
    const options = parseArguments(process.argv.slice(2));
    if ('help' in options) {
      console.error(options.help);
      process.exit(2);
    }
    const started = Date.now();
    await buildGeoPack({ ...options, log: (line) => console.log(line) });
    console.log(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (error instanceof SourceError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

if (require.main === module) void main();
