/**
 * Classifies each payment: locality (with the district and the basis in words), influenceability
 * (with the rule's reason), supplier type and key. The decision order is SPEC.md's: the row
 * override, the supplier override, the row's own postcode or address, the supplier's postcode on
 * the Suppliers sheet; influence from the row override, the supplier override, then the rules.
 */
import { INFLUENCES, type Influence, type Locality, type SupplierType } from './codes';
import { directoryEntry, POSTCODE_SOURCES, type SupplierDirectory, type SupplierEntry, type SupplierName } from './directory';
import type { DistrictInfo } from './geography';
import { districtLabel } from './labels';
import { decideLocality, localityOfDistrict, type LocalityContext, type LocalityDecision } from './locality';
import {
  districtFinder,
  parseInfluenceOverride,
  parseLocalityOverride,
  type LocalityOverride,
} from './overrides';
import { findPostcode } from './postcode';
import type { SpendRow } from './rows';
import type { Judgement, RuleBook, SupplierRule } from './rule-book';
import { registerSpendKinds, typeWithRegister } from './register-facts';
import { evidenceBasis, registerEvidence } from './register-match';
import { supplierType } from './supplier-type';

/** How a row's locality was decided, for the coverage table of the method sheet. */
export const COVERAGE_BASES = [
  'exact_postcode',
  'partial_postcode',
  'online_lookup',
  'supplier_directory',
  'creditor_file',
  'registered_office',
  'override',
  'foreign_address',
  'unknown',
] as const;
export type CoverageBasis = (typeof COVERAGE_BASES)[number];

export const COVERAGE_LABELS: Record<CoverageBasis, string> = {
  exact_postcode: 'Exact postcode (row)',
  partial_postcode: 'Partial postcode (sector or district)',
  online_lookup: 'Online postcode lookup',
  supplier_directory: 'Supplier directory (Suppliers sheet)',
  creditor_file: 'Creditor master file',
  registered_office: 'Registered office or charity address (public register)',
  override: 'Override',
  foreign_address: 'Foreign address',
  unknown: 'Unknown',
};

export interface RowResult {
  /**
   * Numbers the distinct results of one classification, from 0 in the order they were made:
   * rows classified alike share one result, so figures can be added up per result.
   */
  id: number;
  locality: Locality;
  /** ONS code of the district, when known. */
  district?: string;
  /** "Preston (E07000123)", or "" when unknown. */
  districtLabel: string;
  basis: string;
  coverage: CoverageBasis;
  influence: Influence;
  reason: string;
  coop: boolean;
  supplierType: SupplierType;
  supplierKey: string;
}

/** A value the user typed that could not be understood: reported with its cell, then ignored. */
export interface OverrideProblem {
  row?: SpendRow;
  supplier?: SupplierEntry;
  field: 'localityOverride' | 'influenceOverride';
  message: string;
}

export interface ClassifyContext extends LocalityContext {
  districts: ReadonlyMap<string, DistrictInfo>;
  rules: RuleBook;
}

export interface RowClassifier {
  /**
   * The row's result; rows classified alike share one result object, so it must not be changed.
   * `supplier` is the row's name as `addRowsToDirectory` (or one `directoryAdder`) gave it: one set of names, numbered alike.
   */
  classify(row: SpendRow, supplier: SupplierName): RowResult;
  readonly problems: OverrideProblem[];
}

/**
 * A function of a postcode text and an address text, computed once per pair: rows of one supplier
 * repeat the same texts, and no key string is built per row.
 */
function memoisedByTexts<T>(compute: (postcode: string | undefined, address: string | undefined) => T): (postcode: string | undefined, address: string | undefined) => T {
  const byPostcode = new Map<string, Map<string, T>>();
  return (postcode, address) => {
    let byAddress = byPostcode.get(postcode ?? '');
    if (!byAddress) {
      byAddress = new Map();
      byPostcode.set(postcode ?? '', byAddress);
    }
    let value = byAddress.get(address ?? '');
    if (value === undefined) {
      value = compute(postcode, address);
      byAddress.set(address ?? '', value);
    }
    return value;
  };
}

const NO_POSTCODE: Pick<RowResult, 'locality' | 'basis' | 'coverage'> = { locality: 'unknown', basis: 'No postcode for this payment or its supplier', coverage: 'unknown' };

function coverageOf(decision: LocalityDecision): CoverageBasis {
  switch (decision.basisKind) {
    case 'postcode':
      return 'exact_postcode';
    case 'partial':
      return 'partial_postcode';
    case 'online':
      return 'online_lookup';
    case 'outside_uk':
      return 'foreign_address';
    case 'unknown':
      return 'unknown';
  }
}

export function createRowClassifier(ctx: ClassifyContext, directory: SupplierDirectory): RowClassifier {
  const problems: OverrideProblem[] = [];
  const findDistrict = districtFinder(ctx.districts);
  const supplierOverrides = new Map<string, { locality?: LocalityOverride; influence?: Influence }>();
  const nameOf = (code: string | undefined) => (code ? ctx.districts.get(code)?.name : undefined);
  const labels = new Map<string, string>();
  const labelOf = (code: string) => {
    let label = labels.get(code);
    if (label === undefined) {
      label = districtLabel(code, nameOf(code));
      labels.set(code, label);
    }
    return label;
  };

  const decide = memoisedByTexts((postcode, address) => decideLocality({ postcode, address }, ctx));

  type Place = Pick<RowResult, 'locality' | 'district' | 'basis' | 'coverage'>;
  /** What a payment's own postcode and address say: nothing, or a place (unknown, with why, when the postcode is invalid). */
  interface OwnPlace {
    place: Place | undefined;
    invalid: string | undefined;
  }
  const NOTHING_OWN: OwnPlace = { place: undefined, invalid: undefined };
  // Postcode texts repeat across the rows of one supplier: each is read and decided once, and
  // every row that shares a decision shares one Place object.
  const ownPlaces = new Map<LocalityDecision, Place>();
  const ownPlaceOf = memoisedByTexts((postcode, address): OwnPlace => {
    const own = findPostcode({ postcode, address });
    if (own.kind === 'none') return NOTHING_OWN;
    const decision = decide(postcode, address);
    let place = ownPlaces.get(decision);
    if (!place) {
      place = { locality: decision.locality, district: decision.district, basis: decision.basis, coverage: coverageOf(decision) };
      ownPlaces.set(decision, place);
    }
    return { place, invalid: own.kind === 'invalid' ? own.why : undefined };
  });

  function fromOverride(override: LocalityOverride, label: string): Pick<RowResult, 'locality' | 'district' | 'basis'> {
    switch (override.kind) {
      case 'locality':
        return { locality: override.locality, basis: label };
      case 'district':
        return {
          locality: localityOfDistrict(override.district, ctx.areas),
          district: override.district,
          basis: `${label}: ${labelOf(override.district)}`,
        };
      case 'postcode': {
        const decision = decide(override.postcode, undefined);
        return { locality: decision.locality, district: decision.district, basis: `${label}: ${decision.basis}` };
      }
    }
  }

  function overridesOf(entry: SupplierEntry | undefined) {
    if (!entry) return {};
    let parsed = supplierOverrides.get(entry.key);
    if (!parsed) {
      parsed = {};
      if (entry.localityOverride) {
        const result = parseLocalityOverride(entry.localityOverride, findDistrict);
        if (result.ok) parsed.locality = result.value;
        else problems.push({ supplier: entry, field: 'localityOverride', message: result.problem });
      }
      if (entry.influenceOverride) {
        const result = parseInfluenceOverride(entry.influenceOverride);
        if (result.ok) parsed.influence = result.value;
        else problems.push({ supplier: entry, field: 'influenceOverride', message: result.problem });
      }
      supplierOverrides.set(entry.key, parsed);
    }
    return parsed;
  }

  /** What every payment to one supplier shares, found once per name as written. */
  interface SupplierFacts {
    entry?: SupplierEntry;
    overrides: ReturnType<typeof overridesOf>;
    type: SupplierType;
    rule: SupplierRule;
    /** The postcode and address texts of the supplier's last payment, and what they said. */
    lastPostcode?: string;
    lastAddress?: string;
    lastOwn?: OwnPlace;
    /** The supplier's results by place and verdict; most payments to a supplier share its first place. */
    firstPlace?: Place;
    atFirstPlace: RowResult[];
    elsewhere?: Map<Place, RowResult[]>;
  }
  const factsOfName: SupplierFacts[] = [];
  function supplierFacts(supplier: SupplierName): SupplierFacts {
    let facts = factsOfName[supplier.index];
    if (!facts) {
      const entry = directoryEntry(directory, supplier.key);
      const register = entry?.register?.status === 'matched' ? entry.register.entity : undefined;
      const type = entry?.type ?? typeWithRegister(supplierType(supplier.name), register, supplier.name);
      const activities = registerSpendKinds(register?.company).map((kind) => kind.code);
      facts = { entry, overrides: overridesOf(entry), type, rule: ctx.rules.supplierRule(supplier.name, type, activities), atFirstPlace: [] };
      factsOfName[supplier.index] = facts;
    }
    return facts;
  }

  /** What the payment's own postcode and address say; payments to one supplier mostly repeat them. */
  function ownPlaceOfRow(row: SpendRow, supplier: SupplierFacts): OwnPlace {
    if (!row.postcode && !row.address) return NOTHING_OWN;
    if (supplier.lastOwn === undefined || row.postcode !== supplier.lastPostcode || row.address !== supplier.lastAddress) {
      supplier.lastOwn = ownPlaceOf(row.postcode, row.address);
      supplier.lastPostcode = row.postcode;
      supplier.lastAddress = row.address;
    }
    return supplier.lastOwn;
  }

  const directoryPlaces = new Map<SupplierEntry, Place>();

  /**
   * How a supplier's postcode on the directory placed it, by where the postcode came from: a
   * register's registered office is weaker evidence than the supplier's own address, and is
   * counted apart.
   */
  function evidenceOf(entry: SupplierEntry, decision: LocalityDecision): Pick<Place, 'basis' | 'coverage'> {
    const unknown = decision.locality === 'unknown';
    const register = registerEvidence(entry.postcodeSource);
    if (register) {
      const stated = evidenceBasis(register, entry.postcode!);
      return { basis: decision.basisKind === 'postcode' ? stated : `${stated}: ${decision.basis}`, coverage: unknown ? 'unknown' : 'registered_office' };
    }
    const fromCreditors = entry.postcodeSource === POSTCODE_SOURCES.creditors;
    return { basis: `${fromCreditors ? 'Creditor file' : 'Suppliers sheet'}: ${decision.basis}`, coverage: unknown ? 'unknown' : fromCreditors ? 'creditor_file' : 'supplier_directory' };
  }

  function locate(row: SpendRow, supplier: SupplierFacts): Place {
    const { entry, overrides } = supplier;
    if (row.localityOverride) {
      const result = parseLocalityOverride(row.localityOverride, findDistrict);
      if (result.ok) return { ...fromOverride(result.value, 'Row override'), coverage: 'override' };
      problems.push({ row, field: 'localityOverride', message: result.problem });
    }
    if (overrides.locality) return { ...fromOverride(overrides.locality, 'Supplier override (Suppliers sheet)'), coverage: 'override' };

    const own = ownPlaceOfRow(row, supplier);
    if (!entry?.postcode) return own.place ?? NO_POSTCODE;
    if (own.place && own.invalid === undefined) return own.place;
    const ownInvalid = own.invalid !== undefined;
    const known = ownInvalid ? undefined : directoryPlaces.get(entry);
    if (known) return known;
    const decision = decide(entry.postcode, undefined);
    const ownProblem = ownInvalid ? ` (the payment's own postcode is invalid: ${own.invalid})` : '';
    const { basis, coverage } = evidenceOf(entry, decision);
    const place: Place = { locality: decision.locality, district: decision.district, basis: `${basis}${ownProblem}`, coverage };
    if (!ownInvalid) directoryPlaces.set(entry, place);
    return place;
  }

  type Verdict = Pick<Judgement, 'verdict' | 'reason' | 'coop' | 'position'>;
  // Each verdict has its own position: the rules' own, one after them for "no rule matched"
  // (position -1), then the overrides'.
  const slotOf = (verdict: Verdict) => (verdict.position < 0 ? ctx.rules.rules.length : verdict.position);
  let nextOverrideSlot = ctx.rules.rules.length + 1;
  const overrideVerdicts = (reason: string) =>
    Object.fromEntries(INFLUENCES.map((influence) => [influence, { verdict: influence, reason, coop: false, position: nextOverrideSlot++ }])) as Record<Influence, Verdict>;
  const rowOverride = overrideVerdicts('Row override');
  const supplierOverride = overrideVerdicts('Supplier override (Suppliers sheet)');

  // Payments that share a place, a verdict and a supplier share one result: a million rows hold
  // a few thousand result objects, not a million. A supplier's results are found by position
  // in an array, not by hashing: this runs once for every row.
  let resultCount = 0;
  function resultFor(place: Place, verdict: Verdict, supplier: SupplierFacts, key: string): RowResult {
    let bySlot: RowResult[] | undefined;
    if (supplier.firstPlace === undefined) supplier.firstPlace = place;
    if (place === supplier.firstPlace) {
      bySlot = supplier.atFirstPlace;
    } else {
      supplier.elsewhere ??= new Map();
      bySlot = supplier.elsewhere.get(place);
      if (!bySlot) supplier.elsewhere.set(place, (bySlot = []));
    }
    const slot = slotOf(verdict);
    let result = bySlot[slot];
    if (!result) {
      result = {
        id: resultCount++,
        locality: place.locality,
        district: place.district,
        districtLabel: place.district ? labelOf(place.district) : '',
        basis: place.basis,
        coverage: place.coverage,
        influence: verdict.verdict,
        reason: verdict.reason,
        coop: verdict.coop,
        supplierType: supplier.type,
        supplierKey: key,
      };
      bySlot[slot] = result;
    }
    return result;
  }

  function classify(row: SpendRow, name: SupplierName): RowResult {
    const supplier = supplierFacts(name);
    const place = locate(row, supplier);

    let verdict: Verdict | undefined;
    if (row.influenceOverride) {
      const parsed = parseInfluenceOverride(row.influenceOverride);
      if (parsed.ok) verdict = rowOverride[parsed.value];
      else problems.push({ row, field: 'influenceOverride', message: parsed.problem });
    }
    if (!verdict && supplier.overrides.influence) verdict = supplierOverride[supplier.overrides.influence];
    if (!verdict) verdict = ctx.rules.judgePayment(supplier.rule, row);
    return resultFor(place, verdict, supplier, name.key);
  }

  return { classify, problems };
}
