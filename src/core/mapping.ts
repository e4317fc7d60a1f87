/**
 * Which column holds which field. Headers are matched against the words finance systems really
 * use, then checked against what the column holds (an "Amount" column full of text is not the
 * amount); a file without headers is mapped from content alone. Every choice has a confidence
 * so that the user can be asked to confirm the doubtful ones, and `--map` overrides any of them.
 */
import { isBlank, type Cell, type Grid } from './cell';
import { columnIndex, columnLetter } from './column-letters';
import { FIELDS, isResultColumnHeader, matchHeader, type Field } from './header-vocabulary';
import type { TableLayout } from './table';
import { isPlaceholder, parseAmountText, parseDate } from './values';

// Part of what the mapping offers, in files of their own so that the table finder can use them without the mapping.
export { FIELDS, isResultColumnHeader, matchHeader, normaliseHeader, RESULT_COLUMN_HEADERS, type Field, type HeaderMatch } from './header-vocabulary';
export { columnIndex, columnLetter } from './column-letters';

export const REQUIRED_FIELDS: readonly Field[] = ['supplier', 'amount'];

export interface MappedColumn {
  /** 0-based grid column. */
  column: number;
  header: string;
  /** 0–1: how sure the proposal is; 1 for a column the user chose. */
  confidence: number;
}
export type Mapping = Partial<Record<Field, MappedColumn>>;

export interface MapOverride {
  field: Field;
  /** A header text (case and spaces ignored) or a column letter such as "F". */
  column: string;
}

// ---------------------------------------------------------------------------------------------
// What a column holds

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

interface ColumnProfile {
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

function sampleRows(layout: TableLayout): number[] {
  const first = layout.firstDataRow;
  const span = layout.lastDataRow - first + 1;
  if (span <= 0) return [];
  const step = Math.max(1, Math.floor(span / SAMPLE_SIZE));
  const rows: number[] = [];
  for (let r = first; r <= layout.lastDataRow && rows.length < SAMPLE_SIZE; r += step) rows.push(r);
  return rows;
}

function profileColumn(grid: Grid, rows: readonly number[], column: number): ColumnProfile {
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
type ContentField = 'amount' | 'date' | 'postcode' | 'supplier' | 'address' | 'description';

/** How well a column's content fits a field: 0 (not at all) to 1. */
function contentFit(field: ContentField, p: ColumnProfile): number {
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
function headerContentFactor(field: Field, p: ColumnProfile): number {
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
function holdsNames(p: ColumnProfile): boolean {
  return holdsWords(p) && contentFit('supplier', p) >= SUPPLIER_NAMES_FIT;
}

/** Fields found by content alone when no header names them, with the least fit that counts. */
const CONTENT_FIELDS: readonly { field: ContentField; minFit: number; headerless: boolean }[] = [
  { field: 'amount', minFit: 0.45, headerless: false },
  { field: 'date', minFit: 0.8, headerless: false },
  { field: 'postcode', minFit: 0.6, headerless: false },
  { field: 'supplier', minFit: 0.35, headerless: false },
  { field: 'address', minFit: 0.3, headerless: true },
  { field: 'description', minFit: 0.5, headerless: true },
];
/** How well a column must fit supplier names for an "id" or "payee" header over it to be the supplier. */
const SUPPLIER_NAMES_FIT = 0.5;
/** An identifier's header over a column of names: weaker than a header that says "name". */
const ID_HEADER_OVER_NAMES = 0.8;
/** A classification needs at least this many headings in the sample to describe purchases. */
const MIN_HEADINGS = 8;
/** Content alone is weaker evidence than a header that names the field. */
const CONTENT_ONLY_CONFIDENCE = 0.6;
const MIN_CONFIDENCE = 0.3;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function proposeMapping(grid: Grid, layout: TableLayout): { mapping: Mapping; missing: Field[] } {
  const rows = sampleRows(layout);
  const width = layout.headers.length;
  const profiles = Array.from({ length: width }, (_, c) => profileColumn(grid, rows, c));
  const headerCells = layout.headerRow === null ? [] : grid[layout.headerRow] ?? [];
  const hasHeader = (c: number) => layout.headerRow !== null && !isBlank(headerCells[c] ?? null);

  const candidates: { field: Field; column: number; confidence: number }[] = [];
  for (let c = 0; c < width; c++) {
    if (!hasHeader(c)) continue;
    const matches = matchHeader(layout.headers[c]);
    for (const { field, confidence } of matches) {
      const column = dataColumnUnder(c, field, profiles, hasHeader);
      const score = confidence * headerContentFactor(field, profiles[column]);
      if (score >= MIN_CONFIDENCE) candidates.push({ field, column, confidence: score });
      if (field === 'supplierId' && holdsNames(profiles[column])) {
        candidates.push({ field: 'supplier', column, confidence: ID_HEADER_OVER_NAMES * contentFit('supplier', profiles[column]) });
      }
    }
  }
  // Strongest claims first; on a tie the leftmost column.
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);

  const mapping: Mapping = {};
  const taken = new Set<number>();
  for (let c = 0; c < width; c++) if (hasHeader(c) && isResultColumnHeader(layout.headers[c])) taken.add(c);
  const assign = (field: Field, column: number, confidence: number) => {
    mapping[field] = { column, header: layout.headers[column], confidence: round2(confidence) };
    taken.add(column);
  };
  for (const { field, column, confidence } of candidates) {
    if (mapping[field] === undefined && !taken.has(column)) assign(field, column, confidence);
  }
  chooseCategories(candidates, profiles, mapping, taken, assign);

  for (const { field, minFit, headerless } of CONTENT_FIELDS) {
    if (mapping[field] !== undefined || (headerless && layout.headerRow !== null)) continue;
    let best = -1;
    let bestFit = minFit;
    for (let c = 0; c < width; c++) {
      // A column whose header names a field still open is that field or nothing, whatever it
      // holds; a header naming a field found elsewhere ("Supplier PC") leaves it to content.
      if (taken.has(c) || (hasHeader(c) && claimsOpenField(layout.headers[c], mapping))) continue;
      const fit = contentFit(field, profiles[c]);
      // Amounts sit right of what they pay for, so the rightmost of equal columns wins.
      if (fit > bestFit || (fit === bestFit && fit > minFit && field === 'amount')) {
        best = c;
        bestFit = fit;
      }
    }
    if (best >= 0) assign(field, best, bestFit * CONTENT_ONLY_CONFIDENCE);
  }

  const missing = REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);
  return { mapping, missing };
}

/**
 * What was bought, at two levels where the file has two: of the columns whose headers claim a
 * category, the finest (most distinct values) is the category and a coarser one its group.
 * Without any, a column that names where the money was spent but is finer than the service
 * area (Newcastle's "Cost Centre Name" beside "Service Area") describes the purchase best; and
 * a "description" of few repeated headings ("Purpose of Spend": "Private Contractors") is a
 * category, not a description.
 */
function chooseCategories(
  candidates: readonly { field: Field; column: number; confidence: number }[],
  profiles: readonly ColumnProfile[],
  mapping: Mapping,
  taken: Set<number>,
  assign: (field: Field, column: number, confidence: number) => void,
): void {
  const release = (field: Field) => {
    const mapped = mapping[field];
    if (mapped) taken.delete(mapped.column);
    delete mapping[field];
    return mapped;
  };
  const claims = new Map<number, number>();
  for (const { field, column, confidence } of candidates) {
    if (field !== 'category' && field !== 'categoryGroup') continue;
    if (taken.has(column) && mapping.category?.column !== column && mapping.categoryGroup?.column !== column) continue;
    claims.set(column, Math.max(claims.get(column) ?? 0, field === 'category' ? confidence : confidence * 0.8));
  }
  const distinct = (column: number) => profiles[column].distinct;
  if (claims.size > 0) {
    const byFineness = [...claims].sort((a, b) => distinct(b[0]) - distinct(a[0]) || b[1] - a[1] || a[0] - b[0]);
    const [categoryColumn, categoryConfidence] = byFineness[0];
    const group = byFineness.find(([column]) => distinct(column) < distinct(categoryColumn));
    release('category');
    release('categoryGroup');
    assign('category', categoryColumn, categoryConfidence);
    if (group) assign('categoryGroup', group[0], group[1]);
    return;
  }
  const serviceArea = mapping.serviceArea;
  const description = mapping.description;
  let finest = description && isHeadings(profiles[description.column]) ? description.column : -1;
  for (let c = 0; c < profiles.length; c++) {
    if (taken.has(c) || !isHeadings(profiles[c])) continue;
    const header = candidates.find((candidate) => candidate.column === c && candidate.field === 'serviceArea');
    if (!header || (serviceArea && distinct(c) <= distinct(serviceArea.column))) continue;
    if (finest < 0 || distinct(c) > distinct(finest)) finest = c;
  }
  if (finest < 0) return;
  if (finest === description?.column) release('description');
  assign('category', finest, CONTENT_ONLY_CONFIDENCE);
}

/**
 * Headings of a classification rather than descriptions of payments: words, each repeated, and
 * enough of them to say what was bought ("Revenue Expenditure" or "Income" alone does not).
 */
function isHeadings(p: ColumnProfile): boolean {
  return holdsWords(p) && p.distinct >= MIN_HEADINGS && p.distinct / p.count < 0.5;
}

/** A column that might hold a field that was not found, with values from it to recognise it by. */
export interface ColumnCandidate {
  column: number;
  header: string;
  samples: string[];
}

/**
 * The columns likeliest to hold the supplier name or the amount when none fitted well enough to
 * be taken, best first: text that is not codes for a name, numbers for an amount.
 */
export function likeliestColumns(grid: Grid, layout: TableLayout, field: 'supplier' | 'amount', count = 3): ColumnCandidate[] {
  const rows = sampleRows(layout);
  const scored: { column: number; score: number }[] = [];
  for (let c = 0; c < layout.headers.length; c++) {
    const p = profileColumn(grid, rows, c);
    if (p.count === 0) continue;
    const share = (n: number) => n / p.count;
    const score = field === 'amount' ? share(p.money) : share(p.text) * (1 - share(p.reference)) * Math.min(1, p.distinct / p.count / 0.3);
    if (score >= 0.5) scored.push({ column: c, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.column - b.column)
    .slice(0, count)
    .map(({ column }) => ({ column, header: layout.headers[column], samples: sampleValues(grid, rows, column) }));
}

function sampleValues(grid: Grid, rows: readonly number[], column: number): string[] {
  const values = new Set<string>();
  for (const r of rows) {
    const cell = grid[r]?.[column];
    if (cell === undefined || isBlank(cell)) continue;
    const text = String(cell).trim();
    values.add(text.length > 30 ? `${text.slice(0, 27)}...` : text);
    if (values.size === 2) break;
  }
  return [...values];
}

function claimsOpenField(header: string, mapping: Mapping): boolean {
  return matchHeader(header).some((match) => mapping[match.field] === undefined);
}

/**
 * The column that holds the data of a header: the header's own, unless that is empty and a
 * neighbour without a header is not (exports that merge a header over two cells do this).
 */
function dataColumnUnder(
  column: number,
  field: Field,
  profiles: readonly ColumnProfile[],
  hasHeader: (c: number) => boolean,
): number {
  if (profiles[column].count > 0 || field === 'localityOverride' || field === 'influenceOverride') return column;
  for (const neighbour of [column + 1, column - 1]) {
    if (neighbour >= 0 && neighbour < profiles.length && !hasHeader(neighbour) && profiles[neighbour].count > 0) {
      return neighbour;
    }
  }
  return column;
}

// ---------------------------------------------------------------------------------------------
// The user's corrections


function compactHeader(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

function describeColumns(layout: TableLayout): string {
  return layout.headers.map((header, c) => `${columnLetter(c)} "${header}"`).join(', ');
}

function fieldNamed(name: string): Field | undefined {
  const wanted = name.toLowerCase().replace(/[\s_-]+/g, '');
  return FIELDS.find((field) => field.toLowerCase() === wanted);
}

/** The column an override names: a header (case and spaces ignored) first, then a letter. */
function resolveColumn(column: string, layout: TableLayout): number {
  const wanted = compactHeader(column);
  const byHeader = layout.headers.findIndex((header) => compactHeader(header) === wanted);
  if (byHeader >= 0) return byHeader;
  const byLetter = columnIndex(column.trim());
  if (byLetter >= 0 && byLetter < layout.headers.length) return byLetter;
  return -1;
}

/**
 * The mapping with the user's choices applied. A column given to a field is taken from any
 * field the proposal had put on it, so one column never feeds two fields by accident.
 */
export function applyMapOverrides(mapping: Mapping, overrides: readonly MapOverride[], layout: TableLayout): Mapping {
  const result: Mapping = { ...mapping };
  const chosen = new Set<Field>();
  for (const override of overrides) {
    const field = fieldNamed(override.field);
    if (field === undefined) {
      throw new Error(`Unknown field "${override.field}" in the column mapping; fields are: ${FIELDS.join(', ')}`);
    }
    const column = resolveColumn(override.column, layout);
    if (column < 0) {
      throw new Error(
        `No column "${override.column}" for ${field}; the columns are: ${describeColumns(layout) || '(none)'}`,
      );
    }
    for (const other of FIELDS) {
      if (other !== field && !chosen.has(other) && result[other]?.column === column) delete result[other];
    }
    result[field] = { column, header: layout.headers[column], confidence: 1 };
    chosen.add(field);
  }
  return result;
}

/** One `--map` option: `field="Header text"`, `field=Header text` or `field=F`. */
export function parseMapOption(text: string): MapOverride {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    throw new Error(`--map ${JSON.stringify(text)}: expected field="Column header" or field=F (a column letter)`);
  }
  const name = text.slice(0, equals).trim();
  const field = fieldNamed(name);
  if (field === undefined) {
    throw new Error(`--map ${JSON.stringify(text)}: unknown field "${name}"; fields are: ${FIELDS.join(', ')}`);
  }
  let column = text.slice(equals + 1).trim();
  if (column.length >= 2 && /^(["']).*\1$/.test(column)) column = column.slice(1, -1);
  if (column.trim() === '') throw new Error(`--map ${JSON.stringify(text)}: no column given for ${field}`);
  return { field, column };
}
