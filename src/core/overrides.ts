/**
 * What a user may type in an override cell (SPEC.md, "Accepted override values"): the codes or
 * the shown labels in any case, a district code or name (the locality follows from the areas), or
 * a postcode (looked up); for influence also yes / no / review. Anything else is reported with its
 * cell by the caller and ignored.
 */
import { INFLUENCES, LOCALITIES, type Influence, type Locality } from './codes';
import type { DistrictInfo } from './geography';
import { INFLUENCE_LABELS } from './labels';
import { findPostcode } from './postcode';

export type LocalityOverride =
  | { kind: 'locality'; locality: Locality }
  | { kind: 'district'; district: string }
  | { kind: 'postcode'; postcode: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const simplify = (text: string) => text.trim().toLowerCase().replace(/[_\s]+/g, ' ');

const LOCALITY_WORDS: Record<string, Locality> = {
  local: 'local',
  'local area': 'local',
  wider: 'wider',
  'wider area': 'wider',
  'rest of uk': 'rest_of_uk',
  'rest of the uk': 'rest_of_uk',
  'outside uk': 'outside_uk',
  'outside the uk': 'outside_uk',
  overseas: 'outside_uk',
  unknown: 'unknown',
};
for (const code of LOCALITIES) LOCALITY_WORDS[simplify(code)] = code;

/** Districts by simplified code and name, built once per run. */
export function districtFinder(districts: ReadonlyMap<string, DistrictInfo>): (text: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const district of districts.values()) {
    byKey.set(simplify(district.code), district.code);
    byKey.set(simplify(district.name), district.code);
    byKey.set(simplify(`${district.name} (${district.code})`), district.code);
  }
  return (text) => byKey.get(simplify(text));
}

export function parseLocalityOverride(text: string, findDistrict: (text: string) => string | undefined): Parsed<LocalityOverride> {
  const simple = simplify(text);
  const word = LOCALITY_WORDS[simple] ?? LOCALITY_WORDS[simple.replace(/\s*\(.*\)$/, '')];
  if (word) return { ok: true, value: { kind: 'locality', locality: word } };
  const district = findDistrict(text);
  if (district) return { ok: true, value: { kind: 'district', district } };
  const found = findPostcode({ postcode: text });
  if (found.kind === 'full') return { ok: true, value: { kind: 'postcode', postcode: found.postcode } };
  return {
    ok: false,
    problem: `"${text.trim()}" is not a locality (local, wider, rest of UK, outside UK, unknown), a district or a full postcode`,
  };
}

const INFLUENCE_WORDS: Record<string, Influence> = {
  yes: 'influenceable',
  y: 'influenceable',
  no: 'not_influenceable',
  n: 'not_influenceable',
  'not influencable': 'not_influenceable',
  influencable: 'influenceable',
};
for (const code of INFLUENCES) {
  INFLUENCE_WORDS[simplify(code)] = code;
  INFLUENCE_WORDS[simplify(INFLUENCE_LABELS[code])] = code;
}

export function parseInfluenceOverride(text: string): Parsed<Influence> {
  const value = INFLUENCE_WORDS[simplify(text)];
  if (value) return { ok: true, value };
  return { ok: false, problem: `"${text.trim()}" is not influenceable, not influenceable, review, yes or no` };
}
