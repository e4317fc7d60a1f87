/**
 * The local and wider areas: what a user types or picks ("Preston", "E07000123", "Lancashire
 * County Council", "Greater Manchester", "North West", "Preston, South Ribble") resolved to a set
 * of local authority districts, from the district table of the geography pack. A name that
 * could mean more than one area is offered back as choices, never guessed.
 */
import type { DistrictInfo } from './geography';

export interface AreaSelection {
  name: string;
  /** ONS district codes, sorted. */
  districts: string[];
}

export interface Areas {
  local: AreaSelection;
  wider: AreaSelection;
}

export type AreaKind = 'district' | 'county' | 'combined_authority' | 'region' | 'nation' | 'preset';

/** One pickable area, for the task pane's searchable picker. `label` resolves back to it. */
export interface AreaOption {
  kind: AreaKind;
  /** ONS code of the area, where it has one. */
  code?: string;
  name: string;
  label: string;
  districts: string[];
}

interface Preset {
  name: string;
  description: string;
  /** A county council area the preset builds on, whose districts come from the table. */
  county?: string;
  districts: string[];
}

/**
 * Ceremonial counties whose districts differ from the county council's (the unitary towns and
 * cities within them), and the Lancashire Combined County Authority, created in 2025 and so
 * missing from ONS's 2023 combined-authority table.
 */
export const AREA_PRESETS: readonly Preset[] = [
  { name: 'Lancashire (ceremonial county)', description: 'Lancashire with Blackburn with Darwen and Blackpool', county: 'E10000017', districts: ['E06000008', 'E06000009'] },
  { name: 'Lancashire Combined County Authority (2025)', description: "Lancashire's 12 districts, Blackburn with Darwen and Blackpool", county: 'E10000017', districts: ['E06000008', 'E06000009'] },
  { name: 'Bedfordshire (ceremonial county)', description: 'Bedford, Central Bedfordshire and Luton', districts: ['E06000055', 'E06000056', 'E06000032'] },
  { name: 'Berkshire (ceremonial county)', description: 'the six Berkshire unitary authorities', districts: ['E06000036', 'E06000037', 'E06000038', 'E06000039', 'E06000040', 'E06000041'] },
  { name: 'Buckinghamshire (ceremonial county)', description: 'Buckinghamshire with Milton Keynes', districts: ['E06000060', 'E06000042'] },
  { name: 'Cambridgeshire (ceremonial county)', description: 'Cambridgeshire with Peterborough', county: 'E10000003', districts: ['E06000031'] },
  { name: 'Cheshire (ceremonial county)', description: 'Cheshire East, Cheshire West and Chester, Halton and Warrington', districts: ['E06000049', 'E06000050', 'E06000006', 'E06000007'] },
  { name: 'Derbyshire (ceremonial county)', description: 'Derbyshire with Derby', county: 'E10000007', districts: ['E06000015'] },
  { name: 'Devon (ceremonial county)', description: 'Devon with Plymouth and Torbay', county: 'E10000008', districts: ['E06000026', 'E06000027'] },
  { name: 'Dorset (ceremonial county)', description: 'Dorset with Bournemouth, Christchurch and Poole', districts: ['E06000059', 'E06000058'] },
  { name: 'East Sussex (ceremonial county)', description: 'East Sussex with Brighton and Hove', county: 'E10000011', districts: ['E06000043'] },
  { name: 'Essex (ceremonial county)', description: 'Essex with Southend-on-Sea and Thurrock', county: 'E10000012', districts: ['E06000033', 'E06000034'] },
  { name: 'Gloucestershire (ceremonial county)', description: 'Gloucestershire with South Gloucestershire', county: 'E10000013', districts: ['E06000025'] },
  { name: 'Hampshire (ceremonial county)', description: 'Hampshire with Southampton and Portsmouth', county: 'E10000014', districts: ['E06000045', 'E06000044'] },
  { name: 'Kent (ceremonial county)', description: 'Kent with Medway', county: 'E10000016', districts: ['E06000035'] },
  { name: 'Leicestershire (ceremonial county)', description: 'Leicestershire with Leicester', county: 'E10000018', districts: ['E06000016'] },
  { name: 'Lincolnshire (ceremonial county)', description: 'Lincolnshire with North Lincolnshire and North East Lincolnshire', county: 'E10000019', districts: ['E06000013', 'E06000012'] },
  { name: 'Nottinghamshire (ceremonial county)', description: 'Nottinghamshire with Nottingham', county: 'E10000024', districts: ['E06000018'] },
  { name: 'Shropshire (ceremonial county)', description: 'Shropshire with Telford and Wrekin', districts: ['E06000051', 'E06000020'] },
  { name: 'Somerset (ceremonial county)', description: 'Somerset with Bath and North East Somerset and North Somerset', districts: ['E06000066', 'E06000022', 'E06000024'] },
  { name: 'Staffordshire (ceremonial county)', description: 'Staffordshire with Stoke-on-Trent', county: 'E10000028', districts: ['E06000021'] },
  { name: 'Wiltshire (ceremonial county)', description: 'Wiltshire with Swindon', districts: ['E06000054', 'E06000030'] },
];

const NATION_CODES: Record<string, string> = {
  England: 'E92000001',
  Wales: 'W92000004',
  Scotland: 'S92000003',
  'Northern Ireland': 'N92000002',
};

const KIND_WORDS: Record<AreaKind, string> = {
  district: 'district',
  county: 'county',
  combined_authority: 'combined authority',
  region: 'region',
  nation: 'nation',
  preset: 'preset',
};

function labelOf(kind: AreaKind, name: string, code?: string): string {
  if (kind === 'preset') return name;
  if (kind === 'district' && code && /^[LM]9{8}$/.test(code)) return `${name} (Crown dependency)`;
  return `${name} (${KIND_WORDS[kind]})`;
}

/** Every area a user can pick: districts, counties, combined authorities, regions, nations, presets. */
export function listAreaOptions(districts: ReadonlyMap<string, DistrictInfo>): AreaOption[] {
  const groups = new Map<string, AreaOption>();
  const add = (kind: AreaKind, code: string | undefined, name: string, district: string) => {
    const key = `${kind}\u0000${code ?? name}`;
    let option = groups.get(key);
    if (!option) groups.set(key, (option = { kind, ...(code ? { code } : {}), name, label: labelOf(kind, name, code), districts: [] }));
    option.districts.push(district);
  };
  for (const d of districts.values()) {
    add('district', d.code, d.name, d.code);
    if (d.countyCode && d.countyName) add('county', d.countyCode, d.countyName, d.code);
    if (d.combinedAuthorityCode && d.combinedAuthorityName) add('combined_authority', d.combinedAuthorityCode, d.combinedAuthorityName, d.code);
    if (d.regionCode && d.regionName) add('region', d.regionCode, d.regionName, d.code);
    if (NATION_CODES[d.nation]) add('nation', NATION_CODES[d.nation], d.nation, d.code);
  }
  const options = [...groups.values()];
  for (const preset of AREA_PRESETS) {
    const fromCounty = preset.county ? options.find((o) => o.kind === 'county' && o.code === preset.county)?.districts : [];
    // A preset is only offered when the table has every district it names.
    if (!fromCounty || !preset.districts.every((code) => districts.has(code))) continue;
    options.push({ kind: 'preset', name: preset.name, label: preset.name, districts: [...fromCounty, ...preset.districts] });
  }
  for (const option of options) option.districts = [...new Set(option.districts)].sort();
  return options.sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

/** Lower case words, "&" as "and", no punctuation. */
function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What councils add to a place's name: "Preston City Council", "Bristol, City of", "Wyre BC". */
const COUNCIL_WORDS =
  /\b(metropolitan borough council|royal borough of|london borough of|county borough council|borough council|district council|county council|city council|city and county of|city of|county of|council|mbc|bc|dc|cc)\b/g;

function loose(text: string): string {
  return plain(text).replace(COUNCIL_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

export type AreaResolution =
  | { ok: true; selection: AreaSelection; notes: string[] }
  | { ok: false; message: string; choices: AreaOption[] };

function matchOne(text: string, options: readonly AreaOption[]): AreaOption[] {
  const code = text.trim().toUpperCase();
  if (/^[ENSWLM][0-9]{8}$/.test(code)) return options.filter((o) => o.code === code);
  const exact = plain(text);
  const byLabel = options.filter((o) => plain(o.label) === exact);
  if (byLabel.length > 0) return byLabel;
  const byName = options.filter((o) => plain(o.name) === exact);
  if (byName.length > 0) return byName;
  const wanted = loose(text);
  return wanted === '' ? [] : options.filter((o) => loose(o.name) === wanted);
}

/** Suggestions shown when nothing matched exactly. */
const MAX_SUGGESTIONS = 12;
const MAX_NEAREST = 5;

/** Edits (insert, delete, change, swap two neighbours) between two texts: "prestn" is one from "preston". */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

/**
 * Options whose name contains what was typed; else those nearest to it in spelling (a typing
 * slip: "Prestn", "Lancashre"), the whole name or its start ("Newcastel" for Newcastle upon Tyne).
 */
function suggestions(text: string, options: readonly AreaOption[]): AreaOption[] {
  const wanted = loose(text);
  if (wanted.length < 3) return [];
  const containing = options.filter((o) => loose(o.name).includes(wanted) || wanted.includes(loose(o.name)));
  if (containing.length > 0) return containing.slice(0, MAX_SUGGESTIONS);
  const allowed = Math.max(1, Math.floor(wanted.length / 4));
  const scored = options.map((option) => {
    const name = loose(option.name);
    const start = wanted.length >= 5 && name.length > wanted.length ? editDistance(wanted, name.slice(0, wanted.length)) : Infinity;
    return { option, distance: Math.min(editDistance(wanted, name), start) };
  });
  const nearest = Math.min(...scored.map((s) => s.distance));
  if (nearest > allowed) return [];
  return scored.filter((s) => s.distance === nearest).map((s) => s.option).slice(0, MAX_NEAREST);
}

/** '"A"', '"A" or "B"', '"A", "B" or "C"': choices named in a message. */
function choiceList(choices: readonly AreaOption[]): string {
  const labels = choices.map((c) => `"${c.label}"`);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Pieces of a list, putting back names that contain a comma ("Bristol, City of"). */
function listPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const piece = raw.trim();
    if (piece === '') continue;
    if (/^(city|county) of$/i.test(piece) && pieces.length > 0) pieces[pieces.length - 1] += `, ${piece}`;
    else pieces.push(piece);
  }
  return pieces;
}

function ceremonialNote(option: AreaOption, options: readonly AreaOption[]): string[] {
  if (option.kind !== 'county') return [];
  const preset = AREA_PRESETS.find((p) => p.county === option.code && p.name.includes('ceremonial'));
  if (!preset || !options.some((o) => o.label === preset.name)) return [];
  return [
    `${option.name} here is the county council's area (${option.districts.length} districts); for ${preset.description}, choose "${preset.name}".`,
  ];
}

/** Resolves one typed or picked area (a name, code, label or a list of them) to its districts. */
export function resolveArea(text: string, districts: ReadonlyMap<string, DistrictInfo>, options = listAreaOptions(districts)): AreaResolution {
  if (text.trim() === '') return { ok: false, message: 'No area given.', choices: [] };
  const whole = matchOne(text, options);
  const pieces = whole.length === 0 ? listPieces(text) : [text.trim()];
  const chosen: AreaOption[] = [];
  for (const piece of pieces) {
    const matches = pieces.length === 1 ? whole : matchOne(piece, options);
    if (matches.length === 1) {
      chosen.push(matches[0]);
      continue;
    }
    if (matches.length > 1) {
      return { ok: false, message: `"${piece}" could mean ${matches.length} areas: ${choiceList(matches)}; choose one.`, choices: matches };
    }
    const similar = suggestions(piece, options);
    return {
      ok: false,
      message:
        similar.length > 0
          ? `"${piece}" is not an area name or code; did you mean ${choiceList(similar)}?`
          : `"${piece}" is not a local authority district, county, combined authority, region or nation, nor an ONS code of one.`,
      choices: similar,
    };
  }
  const codes = [...new Set(chosen.flatMap((o) => o.districts))].sort();
  return {
    ok: true,
    selection: { name: joinNames(chosen.map((o) => o.name)), districts: codes },
    notes: chosen.flatMap((o) => ceremonialNote(o, options)),
  };
}

export type AreasResult =
  | { ok: true; areas: Areas; messages: string[] }
  | { ok: false; field: 'local' | 'wider'; message: string; choices: AreaOption[] };

/**
 * The user's two inputs as Areas, with the messages to show: the wider area always contains
 * the local one (missing districts are added, and the user told), and with no wider area the
 * wider area is the local one.
 */
export function buildAreas(localText: string, widerText: string | undefined, districts: ReadonlyMap<string, DistrictInfo>): AreasResult {
  const options = listAreaOptions(districts);
  const local = resolveArea(localText, districts, options);
  if (!local.ok) return { ok: false, field: 'local', message: `Local area: ${local.message}`, choices: local.choices };
  const messages = [...local.notes];
  if (!widerText || widerText.trim() === '') {
    messages.push(`No wider area given: the wider area is the local area (${local.selection.name}).`);
    return { ok: true, areas: { local: local.selection, wider: { ...local.selection, districts: [...local.selection.districts] } }, messages };
  }
  const wider = resolveArea(widerText, districts, options);
  if (!wider.ok) return { ok: false, field: 'wider', message: `Wider area: ${wider.message}`, choices: wider.choices };
  messages.push(...wider.notes);
  const missing = local.selection.districts.filter((code) => !wider.selection.districts.includes(code));
  let widerSelection = wider.selection;
  if (missing.length > 0) {
    const names = missing.map((code) => districts.get(code)?.name ?? code);
    widerSelection = {
      name: `${wider.selection.name} and ${joinNames(names)}`,
      districts: [...wider.selection.districts, ...missing].sort(),
    };
    messages.push(`The wider area (${wider.selection.name}) did not include ${joinNames(names)}, part of the local area; it has been added, since the wider area always contains the local area.`);
  }
  return { ok: true, areas: { local: local.selection, wider: widerSelection }, messages };
}
