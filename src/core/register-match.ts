/**
 * Matching a supplier to the public registers without ever guessing: a supplier is matched to
 * an organisation only when exactly one organisation answers, by the register key of one of its
 * names (register-name-key.ts) or by a company or charity number from a column that holds one.
 * A charitable company is one organisation although both registers list it: the charity's record
 * names its company number. When several answer, the supplier stays unmatched and they are its
 * candidates, for the user to choose from; when the number and the name point at different
 * organisations, both are candidates.
 *
 * Looking records up is the caller's business (the register pack is fetched by shard): it asks
 * `registerLookups` what to fetch and hands the records found to `matchRegister`.
 */
import { registerNameKey } from './register-name-key';
import { numberKeysOf, recordNumberKey, type RegisterRecord } from './register-record';

/** One organisation: its company record, its charity record, or both for a charitable company. */
export interface RegisterEntity {
  company?: RegisterRecord;
  charity?: RegisterRecord;
}

export interface RegisterQuery {
  /** The supplier's names as the payments spell them. */
  names: readonly string[];
  /** Cells of a company or charity number column. */
  numbers?: readonly string[];
  /** A number the user chose on the Suppliers sheet: it decides, whatever the names say. */
  chosen?: string;
}

export interface RegisterLookups {
  nameKeys: string[];
  numberKeys: string[];
}

/** What the register answered: records by name key and by number key ("C01234567", "R1234567"). */
export interface RegisterFinds {
  byName: ReadonlyMap<string, readonly RegisterRecord[]>;
  byNumber: ReadonlyMap<string, readonly RegisterRecord[]>;
}

export type MatchedBy = 'name' | 'number' | 'choice';

export type RegisterMatch =
  | { status: 'matched'; entity: RegisterEntity; by: MatchedBy }
  | { status: 'ambiguous'; candidates: RegisterEntity[] }
  | { status: 'none' };

const unique = (values: Iterable<string>) => [...new Set(values)];

/** The name keys and number keys to look up for a supplier. */
export function registerLookups(query: RegisterQuery): RegisterLookups {
  const numbers = [...(query.numbers ?? []), ...(query.chosen ? [query.chosen] : [])];
  return {
    nameKeys: unique(query.names.map(registerNameKey).filter((key) => key !== '')),
    numberKeys: unique(numbers.flatMap(numberKeysOf)),
  };
}

/** The number keys a record is found under: its own, and a charitable company's charity also under its company number. */
export function recordNumberKeys(record: Pick<RegisterRecord, 'register' | 'number' | 'companyNumber'>): string[] {
  const own = recordNumberKey(record);
  return record.register === 'charities' && record.companyNumber ? [own, `C${record.companyNumber}`] : [own];
}

/**
 * The organisations among some records: each company, with the charity that names its company
 * number joined to it; each other charity on its own. A record found twice counts once.
 */
export function registerEntities(records: Iterable<RegisterRecord>): RegisterEntity[] {
  const seen = new Set<string>();
  const companies = new Map<string, RegisterEntity>();
  const charities: RegisterRecord[] = [];
  const entities: RegisterEntity[] = [];
  for (const record of records) {
    const key = recordNumberKey(record);
    if (seen.has(key)) continue;
    seen.add(key);
    if (record.register === 'companies') {
      const entity = { company: record };
      companies.set(record.number, entity);
      entities.push(entity);
    } else {
      charities.push(record);
    }
  }
  for (const charity of charities) {
    const company = charity.companyNumber ? companies.get(charity.companyNumber) : undefined;
    if (company && !company.charity) company.charity = charity;
    else entities.push({ charity });
  }
  return entities;
}

function sameEntity(a: RegisterEntity, b: RegisterEntity): boolean {
  return (!!a.company && a.company.number === b.company?.number) || (!!a.charity && a.charity.number === b.charity?.number);
}

function recordsOf(keys: readonly string[], found: ReadonlyMap<string, readonly RegisterRecord[]>): RegisterRecord[] {
  return keys.flatMap((key) => found.get(key) ?? []);
}

export function matchRegister(query: RegisterQuery, finds: RegisterFinds): RegisterMatch {
  if (query.chosen) {
    const chosen = registerEntities(recordsOf(registerLookups({ names: [], numbers: [query.chosen] }).numberKeys, finds.byNumber));
    if (chosen.length === 1) return { status: 'matched', entity: chosen[0], by: 'choice' };
  }
  const lookups = registerLookups({ names: query.names, numbers: query.numbers });
  const byName = registerEntities(recordsOf(lookups.nameKeys, finds.byName));
  const byNumber = registerEntities(recordsOf(lookups.numberKeys, finds.byNumber));

  if (byNumber.length === 1) {
    const [entity] = byNumber;
    if (byName.length === 1 && !sameEntity(byName[0], entity)) return { status: 'ambiguous', candidates: [entity, byName[0]] };
    return { status: 'matched', entity, by: 'number' };
  }
  if (byNumber.length > 1) {
    // "123456" may be a company's and a charity's number: the name says which, or nothing does.
    const confirmed = byNumber.filter((entity) => byName.some((named) => sameEntity(named, entity)));
    if (confirmed.length === 1) return { status: 'matched', entity: confirmed[0], by: 'number' };
    return { status: 'ambiguous', candidates: byNumber };
  }
  if (byName.length === 1) return { status: 'matched', entity: byName[0], by: 'name' };
  if (byName.length > 1) return { status: 'ambiguous', candidates: byName };
  return { status: 'none' };
}

/** The postcode an organisation is placed by: the registered office, else the charity's contact address. */
export function entityPostcode(entity: RegisterEntity): string {
  return entity.company?.postcode || entity.charity?.postcode || '';
}

const HOW: Record<MatchedBy, string> = {
  name: 'name match',
  number: 'number match',
  choice: 'chosen on the Suppliers sheet',
};

function entityNumbers(entity: RegisterEntity): string {
  return [entity.company && `Companies House ${entity.company.number}`, entity.charity && `charity ${entity.charity.number}`]
    .filter(Boolean)
    .join(', ');
}

/**
 * What the Suppliers sheet's "Postcode source" says of a postcode taken from a register, so that
 * the evidence is stated and a later run reads it back as such: "Registered office (Companies
 * House 01234567, name match)", "Charity contact address (charity 1234567, name match)".
 */
export function registerPostcodeSource(entity: RegisterEntity, by: MatchedBy): string {
  const where = entity.company?.postcode || !entity.charity ? 'Registered office' : 'Charity contact address';
  return `${where} (${entityNumbers(entity)}, ${HOW[by]})`;
}

const SOURCE = /^(Registered office|Charity contact address) \((.+)\)$/;

export interface RegisterEvidence {
  /** "Registered office", "Charity contact address". */
  where: string;
  /** "Companies House 01234567, name match". */
  evidence: string;
  /** The number keys it names ("C01234567", "R1234567"). */
  numberKeys: string[];
}

/** The register evidence a "Postcode source" states, when it is one `registerPostcodeSource` wrote. */
export function registerEvidence(source: string | undefined): RegisterEvidence | undefined {
  const found = source ? SOURCE.exec(source.trim()) : null;
  if (!found) return undefined;
  const numberKeys = [
    ...[...found[2].matchAll(/Companies House (\S+?)(?=,|$)/g)].map((m) => `C${m[1]}`),
    ...[...found[2].matchAll(/charity (\d+)/g)].map((m) => `R${m[1]}`),
  ];
  return { where: found[1], evidence: found[2], numberKeys };
}

/**
 * The locality basis of a supplier placed by a register, saying what the evidence is:
 * "Registered office PR1 2HE (Companies House 01234567, name match)".
 */
export function registerBasis(entity: RegisterEntity, by: MatchedBy): string {
  const postcode = entityPostcode(entity);
  const evidence = `${entityNumbers(entity)}, ${HOW[by]}`;
  if (!postcode) return `No postcode in the register (${evidence})`;
  return evidenceBasis(registerEvidence(registerPostcodeSource(entity, by))!, postcode);
}

/** "Registered office PR1 2HE (Companies House 01234567, name match)", from the evidence read back. */
export function evidenceBasis(evidence: RegisterEvidence, postcode: string): string {
  return `${evidence.where} ${postcode} (${evidence.evidence})`;
}

const CANDIDATES_SHOWN = 10;

/**
 * The candidates of an ambiguous name, for the Suppliers sheet: "Companies House 01234567
 * PR1 2HE; charity 1234567 M1 1AE". The user copies the right number into "Register number".
 */
export function candidatesText(candidates: readonly RegisterEntity[]): string {
  const shown = candidates.slice(0, CANDIDATES_SHOWN).map((entity) => {
    const postcode = entityPostcode(entity);
    return `${entityNumbers(entity)} ${postcode || '(no postcode)'}`;
  });
  const more = candidates.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
