/**
 * A record of a public register: a company on Companies House's register, or a main charity on
 * the Charity Commission for England and Wales's register. (Not the Local register of
 * register.ts, which the partnership keeps itself.) Records are what the register pack holds and
 * what matching a supplier's name or number finds.
 */

export const REGISTERS = ['companies', 'charities'] as const;
export type RegisterName = (typeof REGISTERS)[number];

export interface RegisterRecord {
  register: RegisterName;
  /** The number the register gives it: "01234567", "SC123456" (company) or "1234567" (charity). */
  number: string;
  /** The registered office's (charity: contact address's) postcode, normalised; "" when none. */
  postcode: string;
  /** CompanyCategory as Companies House writes it ("Private Limited Company"); charity: charity_type, or "". */
  category: string;
  /** Accounts.AccountCategory as Companies House writes it ("MICRO ENTITY"); "" for a charity or none. */
  accounts: string;
  /** SIC 2007 codes of the company's activities (at most four). */
  sic: readonly number[];
  /** A charity's company number, when it is a charitable company; "" otherwise. */
  companyNumber: string;
}

/**
 * A company number as Companies House writes it: eight characters, the digits padded with zeros
 * ("1234567" → "01234567", "sc 123456" → "SC123456"); undefined when the text is not one.
 */
export function companyNumber(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (/^\d{1,8}$/.test(compact) && /[1-9]/.test(compact)) return compact.padStart(8, '0');
  const prefixed = /^([A-Z]{2}|R0)(\d{1,6})$/.exec(compact);
  return prefixed ? prefixed[1] + prefixed[2].padStart(6, '0') : undefined;
}

/** A registered charity number (England and Wales: six or seven digits, no leading zero). */
export function charityNumber(text: string): string | undefined {
  const compact = text.trim();
  return /^[1-9]\d{5,6}$/.test(compact) ? compact : undefined;
}

/** The key a record is found by its number under: "C01234567" for a company, "R1234567" for a charity. */
export function recordNumberKey(record: Pick<RegisterRecord, 'register' | 'number'>): string {
  return (record.register === 'companies' ? 'C' : 'R') + record.number;
}

/** "Companies House 01234567", "company no. 01234567": a number said to be a company's. */
const COMPANY_WORDS = /^(?:companies house|company|co|crn)\b\W*(?:(?:registration|reg)\W*)?(?:number|no)?\W*/i;
/** "charity 1234567", "registered charity no 1234567": a number said to be a charity's. */
const CHARITY_WORDS = /^(?:registered\s+)?charity\b\W*(?:(?:registration|reg)\W*)?(?:number|no)?\W*/i;

/**
 * The number keys a cell of a company or charity number column may stand for. A bare "1234567"
 * could be either register's, so it gives both (only the records that exist are found); words
 * before it ("Companies House 01234567", "charity 1234567", as candidates are written) say which.
 */
export function numberKeysOf(cell: string): string[] {
  const text = cell.trim();
  if (COMPANY_WORDS.test(text)) {
    const company = companyNumber(text.replace(COMPANY_WORDS, ''));
    return company ? [`C${company}`] : [];
  }
  if (CHARITY_WORDS.test(text)) {
    const charity = charityNumber(text.replace(CHARITY_WORDS, ''));
    return charity ? [`R${charity}`] : [];
  }
  const keys: string[] = [];
  const company = companyNumber(text);
  if (company) keys.push(`C${company}`);
  const charity = charityNumber(text);
  if (charity) keys.push(`R${charity}`);
  return keys;
}

/**
 * The SIC 2007 code of a "code - description" cell ("43390 - Other building completion"), if it
 * has one. Four-digit codes are SIC 2003, whose divisions differ, and are left out.
 */
export function sicCode(text: string): number | undefined {
  const code = /^\s*(\d{5})(?!\d)/.exec(text)?.[1];
  return code === undefined ? undefined : Number(code);
}
