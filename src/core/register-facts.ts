/**
 * What a public register says about a supplier beyond where it is: the kind of organisation
 * (from Companies House's company category, or being a registered charity), whether it is an
 * SME (from the category of the accounts it files), and the kinds of spend its SIC 2007 codes
 * describe, as data a rule can use where a payment's own category says nothing.
 */
import type { SupplierType } from './codes';
import type { RegisterEntity } from './register-match';
import type { RegisterRecord } from './register-record';

/** A registered society is a co-operative only when its name says so: housing associations are registered societies too. */
const COOPERATIVE_NAME = /\bco[\s-]?op(?:erative)?\b|\bcoop(?:erative)?\b/i;

/**
 * The supplier type the register states, or undefined when it states none: a registered charity
 * (or a charitable incorporated organisation) is a charity; a community interest company a
 * social enterprise; a registered society a co-operative when its name says co-operative; a
 * further education corporation a public body; the limited, unlimited and partnership forms a
 * company. `name` is the supplier's name, for the co-operative test.
 */
export function registerSupplierType(company: RegisterRecord | undefined, charity: RegisterRecord | undefined, name: string): SupplierType | undefined {
  if (charity) return 'charity';
  if (!company) return undefined;
  const category = company.category.toLowerCase();
  if (category.includes('charitable incorporated organisation')) return 'charity';
  if (category.includes('community interest company')) return 'social_enterprise';
  if (/registered society|industrial and provident|co-?operative society/.test(category)) {
    return COOPERATIVE_NAME.test(name) ? 'cooperative' : undefined;
  }
  if (/further education|sixth form college/.test(category)) return 'public_body';
  if (/private|public limited|^plc$|partnership|unlimited|investment company|protected cell|european public/.test(category)) return 'company';
  return undefined;
}

/**
 * A supplier's type with what a register states: a charity, social enterprise, co-operative or
 * public body the register names is one whatever its name says; "company" only tells what a
 * name left unknown (a name may say more: a public body's trading company, a co-operative).
 */
export function typeWithRegister(nameType: SupplierType, entity: RegisterEntity | undefined, name: string): SupplierType {
  const stated = entity ? registerSupplierType(entity.company, entity.charity, name) : undefined;
  if (!stated) return nameType;
  if (stated === 'company') return nameType === 'unknown' ? 'company' : nameType;
  return stated;
}

/**
 * Accounts categories only a small or medium-sized company may file: micro-entity, small and
 * medium accounts, total exemption (small companies' exemption from audit) and abridged accounts
 * (open to small companies only). Full, group, dormant, subsidiary-exemption and missing
 * accounts say nothing about size.
 */
const SME_ACCOUNTS = new Set([
  'MICRO ENTITY',
  'SMALL',
  'MEDIUM',
  'TOTAL EXEMPTION FULL',
  'TOTAL EXEMPTION SMALL',
  'UNAUDITED ABRIDGED',
  'AUDITED ABRIDGED',
]);

/** True when the accounts category shows an SME; undefined (unknown) otherwise. */
export function registerSme(record: RegisterRecord | undefined): true | undefined {
  return record && SME_ACCOUNTS.has(record.accounts.trim().toUpperCase()) ? true : undefined;
}

/** A kind of spend a supplier's SIC codes describe, in the words of the default rules' reasons. */
export interface SpendKind {
  code: string;
  label: string;
}

const KINDS = {
  agriculture: 'Agriculture, forestry and fishing',
  mining: 'Mining and quarrying',
  manufacturing: 'Manufactured goods',
  printing: 'Printing and signs',
  vehicles: 'Vehicles and parts',
  supplies: 'Equipment, furniture and supplies',
  repairs: 'Repairs and maintenance',
  utilities: 'Utility supply',
  waste: 'Waste collection and disposal',
  construction: 'Building works and construction',
  transport: 'Transport',
  national_infrastructure: 'National infrastructure (telecoms or post)',
  accommodation: 'Accommodation',
  catering: 'Catering',
  media: 'Publishing and broadcasting',
  software: 'Software',
  it: 'IT services and equipment',
  finance: 'Financial services and insurance',
  property: 'Property and rents',
  professional: 'Professional services',
  marketing: 'Marketing and advertising',
  hire: 'Hire of vehicles, plant or equipment',
  agency_staff: 'Agency staff',
  travel: 'Travel arrangements',
  security: 'Security',
  facilities: 'Cleaning, facilities and grounds',
  business_support: 'Business support services',
  public_administration: 'Public administration',
  education: 'Education and training',
  health: 'Health care',
  care: 'Care and support services',
  leisure: 'Arts, sport and recreation',
  membership: 'Membership organisations',
  personal_services: 'Personal services',
  households: 'Private households',
  extraterritorial: 'Extraterritorial organisations',
} as const;
export type SpendKindCode = keyof typeof KINDS;
/** Every kind of spend a SIC code can describe, as a supplier_activity rule names them. */
export const SPEND_KIND_CODES = Object.keys(KINDS) as readonly SpendKindCode[];

/** SIC 2007 divisions (the first two digits) and the kind of spend each describes. */
const DIVISIONS: readonly [first: number, last: number, kind: SpendKindCode][] = [
  [1, 3, 'agriculture'],
  [5, 9, 'mining'],
  [10, 17, 'manufacturing'],
  [18, 18, 'printing'],
  [19, 28, 'manufacturing'],
  [29, 30, 'vehicles'],
  [31, 31, 'supplies'],
  [32, 32, 'manufacturing'],
  [33, 33, 'repairs'],
  [35, 37, 'utilities'],
  [38, 39, 'waste'],
  [41, 43, 'construction'],
  [45, 45, 'vehicles'],
  [46, 47, 'supplies'],
  [49, 52, 'transport'],
  [53, 53, 'national_infrastructure'],
  [55, 55, 'accommodation'],
  [56, 56, 'catering'],
  [58, 60, 'media'],
  [61, 61, 'national_infrastructure'],
  [62, 63, 'it'],
  [64, 66, 'finance'],
  [68, 68, 'property'],
  [69, 72, 'professional'],
  [73, 73, 'marketing'],
  [74, 75, 'professional'],
  [77, 77, 'hire'],
  [78, 78, 'agency_staff'],
  [79, 79, 'travel'],
  [80, 80, 'security'],
  [81, 81, 'facilities'],
  [82, 82, 'business_support'],
  [84, 84, 'public_administration'],
  [85, 85, 'education'],
  [86, 86, 'health'],
  [87, 88, 'care'],
  [90, 93, 'leisure'],
  [94, 94, 'membership'],
  [95, 95, 'repairs'],
  [96, 96, 'personal_services'],
  [97, 98, 'households'],
  [99, 99, 'extraterritorial'],
];

/** Groups (the first three digits) whose kind differs from their division's: software publishing. */
const GROUPS: ReadonlyMap<number, SpendKindCode> = new Map([[582, 'software']]);

/** Codes Companies House uses to say a company does nothing: 99999 "Dormant Company", 74990 "Non-trading company". */
const NO_ACTIVITY = new Set([99999, 74990]);

const DIVISION_KIND: readonly (SpendKindCode | undefined)[] = (() => {
  const table: (SpendKindCode | undefined)[] = new Array(100).fill(undefined);
  for (const [first, last, kind] of DIVISIONS) for (let d = first; d <= last; d++) table[d] = kind;
  return table;
})();

/** The kind of spend one SIC 2007 code describes, if it describes an activity. */
export function sicSpendKind(code: number): SpendKind | undefined {
  if (NO_ACTIVITY.has(code)) return undefined;
  const kind = GROUPS.get(Math.floor(code / 100)) ?? DIVISION_KIND[Math.floor(code / 1000)];
  return kind ? { code: kind, label: KINDS[kind] } : undefined;
}

/** The distinct kinds of spend a record's SIC codes describe, in the order of its codes. */
export function registerSpendKinds(record: RegisterRecord | undefined): SpendKind[] {
  const kinds: SpendKind[] = [];
  for (const code of record?.sic ?? []) {
    const kind = sicSpendKind(code);
    if (kind && !kinds.some((k) => k.code === kind.code)) kinds.push(kind);
  }
  return kinds;
}

/**
 * What the registers say of an organisation, in a line for the Suppliers sheet: "Private Limited
 * Company; SME (MICRO ENTITY accounts); Building works and construction"; a charity "Registered
 * charity (Trust)".
 */
export function registerDetails(entity: RegisterEntity): string {
  const { company, charity } = entity;
  const parts: string[] = [];
  if (company?.category) parts.push(company.category);
  if (charity) parts.push(charity.category ? `Registered charity (${charity.category})` : 'Registered charity');
  if (registerSme(company)) parts.push(`SME (${company!.accounts.trim().toLowerCase()} accounts)`);
  const kinds = registerSpendKinds(company).map((kind) => kind.label);
  if (kinds.length > 0) parts.push(`activity: ${kinds.join(', ')}`);
  return parts.join('; ');
}
