/**
 * The geography an analysis decides localities with: the postcode areas it needs loaded from the
 * host's pack, the answers of online lookups (earlier ones kept in the workbook or by the host,
 * and new ones when the user allows), and the district names both know.
 */
import { joinNames } from '../areas';
import type { DistrictInfo, PostcodeIndex } from '../geography';
import type { OnlineAnswer } from '../locality';
import type { OnlineCacheRecord } from '../settings';
import type { AnalysisProgress, Geography, Lookups } from './input';
import { postcodesForOnlineLookup, type PreparedRows } from './prepare';

type CachedAnswer = OnlineCacheRecord[string];

export interface KnownGeography {
  index?: PostcodeIndex;
  /** Every online answer known, by normalised full postcode. */
  answers: Map<string, CachedAnswer>;
  /** District names: the pack's, and for districts it lacks, what online answers name. */
  districts: ReadonlyMap<string, DistrictInfo>;
  /** What the user should know (an online lookup that could not finish). */
  notes: string[];
}

/** The answers as the locality decision reads them. */
export function onlineAnswers(answers: ReadonlyMap<string, CachedAnswer>): Map<string, OnlineAnswer> {
  const result = new Map<string, OnlineAnswer>();
  for (const [postcode, a] of answers) result.set(postcode, { district: a.district, ...(a.districtName ? { districtName: a.districtName } : {}) });
  return result;
}

function districtsWith(pack: ReadonlyMap<string, DistrictInfo> | undefined, answers: ReadonlyMap<string, CachedAnswer>): ReadonlyMap<string, DistrictInfo> {
  const districts = new Map<string, DistrictInfo>(pack);
  for (const answer of answers.values()) {
    if (answer.district && answer.districtName && !districts.has(answer.district)) {
      districts.set(answer.district, { code: answer.district, name: answer.districtName, nation: answer.country ?? '' });
    }
  }
  return districts;
}

/**
 * Loads the postcode areas needed, then (when allowed) asks online about the full postcodes
 * neither the pack nor a known answer places.
 */
export async function gatherGeography(
  prepared: PreparedRows,
  areas: readonly string[],
  known: readonly (OnlineCacheRecord | undefined)[],
  lookups: Lookups,
  online: boolean,
  pause: (progress: AnalysisProgress) => void | Promise<void>,
): Promise<KnownGeography> {
  const notes: string[] = [];
  const answers = new Map<string, CachedAnswer>();
  for (const record of known) for (const [postcode, answer] of Object.entries(record ?? {})) answers.set(postcode, answer);
  await pause({ phase: 'geography', done: 0, total: 1 });
  const index = lookups.geography ? await lookups.geography.loadAreas(areas) : undefined;
  await pause({ phase: 'geography', done: 1, total: 1 });
  if (online && lookups.lookUpOnline) {
    const wanted = postcodesForOnlineLookup(prepared, index, onlineAnswers(answers));
    if (wanted.length > 0) {
      await pause({ phase: 'online', done: 0, total: wanted.length });
      const lookup = await lookups.lookUpOnline(wanted);
      for (const [postcode, answer] of lookup.answers) answers.set(postcode, answer);
      if (!lookup.complete) notes.push(lookup.summary);
      await pause({ phase: 'online', done: wanted.length, total: wanted.length });
    }
  }
  return { index, answers, districts: districtsWith(lookups.geography?.districts, answers), notes };
}

/** The answers for these postcodes only, sorted, as the workbook keeps them: a host's cache may hold other organisations' suppliers. */
export function answersFor(answers: ReadonlyMap<string, CachedAnswer>, postcodes: ReadonlySet<string>): OnlineCacheRecord {
  const kept: OnlineCacheRecord = {};
  for (const postcode of [...answers.keys()].filter((p) => postcodes.has(p)).sort()) kept[postcode] = answers.get(postcode)!;
  return kept;
}

/** The Method sheet's geography line: the pack's release, and what its source lacked. */
export function describeGeography(geography: Geography | undefined): string {
  if (!geography) return 'No offline geography pack: postcodes answered from the lookup cache only';
  const release = `${geography.release} (offline pack)`;
  const lacks = geography.sourceLacks ?? [];
  if (lacks.length === 0) return release;
  return `${release}. Its source lacks ${joinNames(lacks)}: the district of a postcode there is unknown until the pack is rebuilt from the full ONS file or online lookup is on.`;
}
