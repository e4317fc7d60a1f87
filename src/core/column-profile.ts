/**
 * What a column holds, judged from a sample of its values taken evenly through the data: money,
 * dates, postcodes, names of organisations, codes, headings. The proposal and the advice on a
 * missing column both read columns this way.
 */
import { isBlank, type Cell, type Grid } from './cell';
import type { Field } from './header-vocabulary';
import type { TableLayout } from './table';
import { isPlaceholder, parseAmountText, parseDate } from './values';

/** Enough values to judge a column; taken evenly through the data, not just from its top. */
const SAMPLE_SIZE = 400;

const FULL_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const POSTCODE_INSIDE = /\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b/i;
const ORGANISATION_WORD =
  /\b(ltd|limited|plc|llp|llc|inc|co|company|corporation|council|services|service|group|trust|partnership|association|society|cic|uk|solutions|associates|sons|bros|brothers|consultancy|consulting|enterprises|foundation|university|college|nhs|hotel|club|centre|systems|supplies|contractors|agency|authority)\b/i;
/** Codes, not words: "CRINV0008145", "B000021055/28199", "601315458". */
const REFERENCE = /^(?=.*\d)[A-Z0-9][A-Z0-9/_.-]*$/i;
/** 2000-01-01 to 2099-12-31 as Excel serial numbers: a date column in a workbook. */
const PLAUSIBLE_SERIAL_MIN = 36526;
const PLAUSIBLE_SERIAL_MAX = 73050;

function isPlausibleSerial(value: number): boolean {
  return Number.isInteger(value) && value >= PLAUSIBLE_SERIAL_MIN && value <= PLAUSIBLE_SERIAL_MAX;
}

export interface ColumnProfile {
  /** Data rows looked at, blank or not. */
  rows: number;
  /** Non-blank values sampled. */
  count: number;
  money: number;
  /** Money written with pence, a £ sign or thousands separators: not a count or an id. */
  moneyWithPence: number;
  /** Whole numbers below 1,000 (line numbers) or of six digits and more (document numbers). */
  counterOrId: number;
  date: number;
  postcode: number;
  containsPostcode: number;
  text: number;
  organisationWords: number;
  /** Text with a digit in it: descriptions carry dates and references, names seldom do. */
  withDigits: number;
  reference: number;
  distinct: number;
  totalLength: number;
}

export function sampleRows(layout: TableLayout): number[] {
  const first = layout.firstDataRow;
  const span = layout.lastDataRow - first + 1;
  if (span <= 0) return [];
  const step = Math.max(1, Math.floor(span / SAMPLE_SIZE));
  const rows: number[] = [];
  for (let r = first; r <= layout.lastDataRow && rows.length < SAMPLE_SIZE; r += step) rows.push(r);
  return rows;
}

export function profileColumn(grid: Grid, rows: readonly number[], column: number): ColumnProfile {
  const profile: ColumnProfile = {
    rows: rows.length, count: 0, money: 0, moneyWithPence: 0, counterOrId: 0, date: 0, postcode: 0, containsPostcode: 0,
    text: 0, organisationWords: 0, withDigits: 0, reference: 0, distinct: 0, totalLength: 0,
  };
  const seen = new Set<string>();
  for (const r of rows) {
    const cell: Cell | undefined = grid[r]?.[column];
    // "-" and "n/a" stand for nothing: they say nothing about what the column holds.
    if (cell === undefined || isBlank(cell) || (typeof cell === 'string' && isPlaceholder(cell))) continue;
    profile.count++;
    if (typeof cell === 'number') {
      profile.money++;
      if (!Number.isInteger(cell)) profile.moneyWithPence++;
      else if (Math.abs(cell) < 1000 || Math.abs(cell) >= 100000) profile.counterOrId++;
      if (isPlausibleSerial(cell)) profile.date++;
      seen.add(String(cell));
      continue;
    }
    const text = String(cell).trim();
    seen.add(text);
    profile.totalLength += text.length;
    const amount = parseAmountText(text);
    // Serial numbers written as text (a CSV saved from a workbook) count only in the range of
    // recent dates; any other bare number is a number.
    const isDate = /^\d+(\.\d+)?$/.test(text) ? isPlausibleSerial(amount) : parseDate(text).ok;
    if (isDate) profile.date++;
    if (!Number.isNaN(amount) && !isDate) {
      profile.money++;
      if (/[.£,]/.test(text)) profile.moneyWithPence++;
      else if (Math.abs(amount) < 1000 || Math.abs(amount) >= 100000) profile.counterOrId++;
      continue;
    }
    if (isDate) continue;
    profile.text++;
    if (FULL_POSTCODE.test(text)) profile.postcode++;
    if (POSTCODE_INSIDE.test(text)) profile.containsPostcode++;
    if (ORGANISATION_WORD.test(text)) profile.organisationWords++;
    if (REFERENCE.test(text)) profile.reference++;
    if (/\d/.test(text)) profile.withDigits++;
  }
  profile.distinct = seen.size;
  return profile;
}

/** The fields that can be recognised from what a column holds, without a header naming them. */
export type ContentField = 'amount' | 'date' | 'postcode' | 'supplier' | 'address' | 'description';

/** How well a column's content fits a field: 0 (not at all) to 1. */
export function contentFit(field: ContentField, p: ColumnProfile): number {
  // A column filled in on a few rows only is not where a field of every payment lives.
  if (p.count === 0 || p.count < p.rows / 2) return 0;
  const share = (n: number) => n / p.count;
  switch (field) {
    case 'amount': {
      if (share(p.money) < 0.8 || share(p.date) >= 0.8) return 0;
      // Line numbers and document numbers are numbers too, but not money.
      const countsOrIds = share(p.counterOrId) > 0.9 ? 0.3 : 1;
      return share(p.money) * (0.6 + 0.4 * share(p.moneyWithPence)) * countsOrIds;
    }
    case 'date':
      return share(p.date) >= 0.8 ? share(p.date) : 0;
    case 'postcode':
      return share(p.postcode) >= 0.6 ? share(p.postcode) : 0;
    case 'address':
      return share(p.containsPostcode) >= 0.3 && p.totalLength / p.count > 15 ? share(p.containsPostcode) : 0;
    case 'supplier': {
      if (share(p.text) < 0.8 || share(p.reference) > 0.5 || share(p.postcode) > 0.3) return 0;
      // Names repeat (one supplier, many payments) but far less than a department column does.
      const variety = Math.min(1, p.distinct / p.count / 0.3);
      const brevity = p.totalLength / p.text <= 45 ? 1 : 0.5;
      const organisations = Math.min(1, share(p.organisationWords) / 0.5);
      return (0.4 + 0.6 * organisations) * variety * brevity * (1 - 0.5 * share(p.withDigits));
    }
    case 'description': {
      if (share(p.text) < 0.8 || share(p.reference) > 0.5) return 0;
      // Each payment described in its own words: long and seldom repeated.
      return (p.distinct / p.count) * Math.min(1, p.totalLength / p.text / 25);
    }
  }
}

/** How far a column's content supports the field its header names (1: fully; 0: it cannot be). */
export function headerContentFactor(field: Field, p: ColumnProfile): number {
  if (field === 'localityOverride' || field === 'influenceOverride') return 1;
  // With no data rows at all the header is all there is to go on.
  if (p.rows === 0) return 1;
  // An empty column holds nothing for any field, whatever its header promises.
  if (p.count === 0) return 0;
  const share = (n: number) => n / p.count;
  switch (field) {
    case 'amount':
      return share(p.money) >= 0.8 ? 1 : share(p.money) >= 0.5 ? 0.6 : 0;
    case 'date':
      return share(p.date) >= 0.8 ? 1 : 0.5;
    case 'postcode':
      return share(p.postcode) + share(p.containsPostcode) >= 0.5 ? 1 : 0.6;
    case 'supplier':
      return share(p.money) >= 0.8 ? 0.2 : 1;
    case 'supplierId':
      // An "id" column that holds names ("Supplier ID(T)": "Acme Ltd") is the supplier's name.
      return holdsNames(p) ? 0.2 : 1;
    case 'category':
    case 'categoryGroup':
      // Headings in words; a column of codes ("57720420PTSI", "4001") says nothing to the rules.
      return holdsWords(p) ? 1 : 0;
    default:
      return 1;
  }
}

/** Text, mostly, and not codes. */
function holdsWords(p: ColumnProfile): boolean {
  return p.count > 0 && p.text / p.count >= 0.8 && p.reference / p.count <= 0.5;
}

/** Names of organisations: words, not codes, repeating as suppliers do. */
export function holdsNames(p: ColumnProfile): boolean {
  return holdsWords(p) && contentFit('supplier', p) >= SUPPLIER_NAMES_FIT;
}

/** How well a column must fit supplier names for an "id" or "payee" header over it to be the supplier. */
const SUPPLIER_NAMES_FIT = 0.5;
/** A classification needs at least this many headings in the sample to describe purchases. */
const MIN_HEADINGS = 8;

/**
 * Headings of a classification rather than descriptions of payments: words, each repeated, and
 * enough of them to say what was bought ("Revenue Expenditure" or "Income" alone does not).
 */
export function isHeadings(p: ColumnProfile): boolean {
  return holdsWords(p) && p.distinct >= MIN_HEADINGS && p.distinct / p.count < 0.5;
}
