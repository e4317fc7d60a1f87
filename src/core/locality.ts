/**
 * The postcode part of SPEC.md's "How locality is decided": an exact full postcode in the pack,
 * a cached online answer, a partial postcode decided by the shares of its postcodes, a foreign
 * address, else unknown with why. Row and supplier overrides are the pipeline's, before this.
 */
import type { Areas } from './areas';
import type { Locality } from './codes';
import { NO_DISTRICT, type DistrictInfo, type DistrictShare, type PostcodeIndex } from './geography';
import { findPostcode, type PostcodeFinding, type PostcodeText } from './postcode';
import { countOf } from './wording';

/** What the online service said of a full postcode; district null: the service does not know it. */
export interface OnlineAnswer {
  district: string | null;
  districtName?: string;
}

export interface LocalityContext {
  index?: PostcodeIndex;
  /** Cached online answers by normalised full postcode. */
  online: ReadonlyMap<string, OnlineAnswer>;
  districts: ReadonlyMap<string, DistrictInfo>;
  areas: Areas;
  /** Share of a partial postcode's postcodes that must lie in an area to decide it. */
  threshold: number;
}

export const DEFAULT_THRESHOLD = 0.95;

export type BasisKind = 'postcode' | 'partial' | 'online' | 'outside_uk' | 'unknown';

export interface LocalityDecision {
  locality: Locality;
  /** ONS code of the district, when known exactly. */
  district?: string;
  basis: string;
  basisKind: BasisKind;
}

/** The Crown dependencies' postcode areas, each wholly in one ONS pseudo-district. */
const CROWN_DEPENDENCIES: Record<string, { place: string; district: string }> = {
  GY: { place: 'Channel Islands', district: 'L99999999' },
  JE: { place: 'Channel Islands', district: 'L99999999' },
  IM: { place: 'Isle of Man', district: 'M99999999' },
};

/** Northern Ireland's one postcode area, which spans its eleven districts (codes N09…). */
const NORTHERN_IRELAND_AREA = 'BT';

function nameOf(code: string, ctx: LocalityContext, fallback?: string): string {
  if (code === NO_DISTRICT) return 'no local authority';
  return ctx.districts.get(code)?.name ?? fallback ?? code;
}

/** The locality a district has for these areas: the wider area always contains the local one. */
export function localityOfDistrict(district: string, areas: Areas): Locality {
  if (areas.local.districts.includes(district)) return 'local';
  if (areas.wider.districts.includes(district)) return 'wider';
  return 'rest_of_uk';
}

/** A share as a percentage that never rounds a part up to 100% or down to 0%. */
function percent(share: number): string {
  if (share >= 1) return '100%';
  if (share <= 0) return '0%';
  const rounded = Math.round(share * 100);
  if (rounded >= 100) return '>99%';
  if (rounded <= 0) return '<1%';
  return `${rounded}%`;
}

function describeShares(shares: readonly DistrictShare[], ctx: LocalityContext): string {
  const shown = shares.slice(0, 4).map((s) => `${percent(s.share)} ${nameOf(s.district, ctx)}`);
  const rest = shares.slice(4).reduce((sum, s) => sum + s.share, 0);
  if (shares.length > 4) shown.push(`${percent(rest)} ${countOf(shares.length - 4, 'other district')}`);
  return shown.join(', ');
}

/** Decides a partial postcode (or a full one's sector or district) from its shares. */
function decideShares(label: string, shares: readonly DistrictShare[], ctx: LocalityContext, prefix: string): LocalityDecision {
  const { local, wider } = ctx.areas;
  let inLocal = 0;
  let inWider = 0;
  let outside = 0;
  for (const s of shares) {
    if (s.district === NO_DISTRICT) continue;
    if (local.districts.includes(s.district)) inLocal += s.share;
    if (wider.districts.includes(s.district)) inWider += s.share;
    else outside += s.share;
  }
  // Shares are counts over a total: a tiny tolerance keeps 19/20 at a 95% threshold.
  const reaches = (share: number) => share >= ctx.threshold - 1e-9;
  const single = shares.length === 1 && shares[0].district !== NO_DISTRICT ? shares[0].district : undefined;
  const head = `${prefix}${label}: ${describeShares(shares, ctx)}`;
  const decided = (locality: Locality, why: string): LocalityDecision => ({
    locality,
    ...(single ? { district: single } : {}),
    basis: `${head} — ${why}`,
    basisKind: 'partial',
  });
  if (inWider + outside === 0) {
    return { locality: 'unknown', basis: `${head} — none of its postcodes has a local authority`, basisKind: 'unknown' };
  }
  if (reaches(inLocal)) return decided('local', `${percent(inLocal)} inside ${local.name}`);
  if (reaches(inWider)) return decided('wider', `${percent(inWider)} inside ${wider.name}`);
  if (reaches(outside)) return decided('rest_of_uk', `${percent(outside)} outside ${wider.name}`);
  const threshold = percent(ctx.threshold);
  const parts = [`${percent(inLocal)} inside ${local.name}`];
  if (wider.districts.length !== local.districts.length) parts.push(`${percent(inWider)} inside ${wider.name}`);
  return {
    locality: 'unknown',
    basis: `${head} — too mixed to decide: ${parts.join(', ')}; ${threshold} is needed`,
    basisKind: 'unknown',
  };
}

function unknown(basis: string): LocalityDecision {
  return { locality: 'unknown', basis, basisKind: 'unknown' };
}

/** A postcode in an area the pack does not hold, decided by the place its letters name. */
function decideByPlace(shown: string, area: string, ctx: LocalityContext): LocalityDecision | undefined {
  const { areas } = ctx;
  const crown = CROWN_DEPENDENCIES[area];
  if (crown) {
    const locality = localityOfDistrict(crown.district, areas);
    const where = locality === 'rest_of_uk' ? `outside ${areas.wider.name}` : `inside ${locality === 'local' ? areas.local.name : areas.wider.name}`;
    return { locality, district: crown.district, basis: `${shown}: ${crown.place}, ${where}`, basisKind: 'partial' };
  }
  if (area !== NORTHERN_IRELAND_AREA) return undefined;
  if (!areas.wider.districts.some((code) => code.startsWith('N'))) {
    return { locality: 'rest_of_uk', basis: `${shown}: Northern Ireland, outside ${areas.wider.name}`, basisKind: 'partial' };
  }
  return unknown(`${shown}: Northern Ireland, but its district is not in the geography pack (an online lookup can tell)`);
}

function notLoaded(area: string, ctx: LocalityContext): string {
  return ctx.index ? `the geography for postcode area ${area} is not loaded` : 'no geography pack is loaded';
}

/** The finest level with postcodes, for a full postcode the pack does not list exactly. */
function decideFromParts(finding: Extract<PostcodeFinding, { kind: 'full' }>, prefix: string, ctx: LocalityContext): LocalityDecision {
  const index = ctx.index!;
  const sector = index.sectorShares(finding.sector);
  if (sector) return decideShares(`postcode sector ${finding.sector}`, sector, ctx, prefix);
  const outward = index.outwardShares(finding.outward);
  if (outward) return decideShares(`postcode district ${finding.outward}`, outward, ctx, prefix);
  return unknown(`${prefix}nor are its sector ${finding.sector} or district ${finding.outward}`);
}

function decideFull(finding: Extract<PostcodeFinding, { kind: 'full' }>, ctx: LocalityContext): LocalityDecision {
  const { postcode, area } = finding;
  const { index } = ctx;
  const loaded = index?.hasArea(area) ?? false;
  const exact = loaded ? index!.districtOf(postcode) : undefined;
  if (exact) {
    const locality = localityOfDistrict(exact, ctx.areas);
    return { locality, district: exact, basis: `Full postcode ${postcode} in ${nameOf(exact, ctx)}`, basisKind: 'postcode' };
  }
  const online = ctx.online.get(postcode);
  if (online?.district) {
    return {
      locality: localityOfDistrict(online.district, ctx.areas),
      district: online.district,
      basis: `Online lookup (postcodes.io): ${postcode} in ${nameOf(online.district, ctx, online.districtName)}`,
      basisKind: 'online',
    };
  }
  if (!loaded) {
    return (
      decideByPlace(`Postcode ${postcode}`, area, ctx) ??
      unknown(`Postcode ${postcode}: ${notLoaded(area, ctx)}${online ? ' and postcodes.io does not know it' : ' and there is no online answer'}`)
    );
  }
  const release = index!.release;
  const why =
    exact === null
      ? `Full postcode ${postcode} is listed in ${release} with no local authority; `
      : `Full postcode ${postcode} is not in ${release}${online ? ' nor known to postcodes.io' : ''}; `;
  return decideFromParts(finding, why, ctx);
}

function decidePartial(finding: Extract<PostcodeFinding, { kind: 'sector' | 'district' }>, ctx: LocalityContext): LocalityDecision {
  const isSector = finding.kind === 'sector';
  const shown = isSector ? `Postcode sector ${finding.sector}` : `Postcode district ${finding.outward}`;
  if (!ctx.index?.hasArea(finding.area)) {
    return decideByPlace(shown, finding.area, ctx) ?? unknown(`${shown}: ${notLoaded(finding.area, ctx)}`);
  }
  const shares = isSector ? ctx.index.sectorShares(finding.sector) : ctx.index.outwardShares(finding.outward);
  if (!shares) return unknown(`${shown} has no postcodes in ${ctx.index.release}`);
  return decideShares(shown.charAt(0).toLowerCase() + shown.slice(1), shares, ctx, '');
}

/**
 * The locality of a row (or supplier) from its postcode and address text. Only postcode and
 * address text may be passed: never a supplier's name or a description.
 */
export function decideLocality(text: PostcodeText, ctx: LocalityContext): LocalityDecision {
  const finding = findPostcode(text);
  switch (finding.kind) {
    case 'full':
      return decideFull(finding, ctx);
    case 'sector':
    case 'district': {
      const decision = decidePartial(finding, ctx);
      return { ...decision, basis: decision.basis.charAt(0).toUpperCase() + decision.basis.slice(1) };
    }
    case 'foreign':
      return { locality: 'outside_uk', basis: `Outside the UK: ${finding.country} (from "${finding.evidence}")`, basisKind: 'outside_uk' };
    case 'invalid':
      return unknown(`Invalid postcode "${finding.text}": ${finding.why}`);
    case 'none':
      return unknown(text.address?.trim() ? 'No postcode in the address' : 'No postcode');
  }
}

/**
 * The full postcodes among these rows that neither the loaded pack nor the cache can answer:
 * what an online lookup would be asked, sorted and without repeats.
 */
export function postcodesToLookUpOnline(
  rows: Iterable<PostcodeText>,
  ctx: Pick<LocalityContext, 'index' | 'online'>,
): string[] {
  const wanted = new Set<string>();
  for (const row of rows) {
    const finding = findPostcode(row);
    if (finding.kind !== 'full' || ctx.online.has(finding.postcode)) continue;
    if (ctx.index?.hasArea(finding.area) && ctx.index.districtOf(finding.postcode)) continue;
    wanted.add(finding.postcode);
  }
  return [...wanted].sort();
}

/** The postcode areas ("PR", "M") these rows' full and partial postcodes need loaded, sorted. */
export function postcodeAreasNeeded(rows: Iterable<PostcodeText>): string[] {
  const areas = new Set<string>();
  for (const row of rows) {
    const finding = findPostcode(row);
    if (finding.kind === 'full' || finding.kind === 'sector' || finding.kind === 'district') areas.add(finding.area);
  }
  return [...areas].sort();
}
