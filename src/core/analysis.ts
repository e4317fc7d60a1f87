/**
 * The one pipeline both hosts drive: prepare the rows (supplier keys, the directory, which
 * postcode areas are needed), let the host load those areas and, when allowed, look postcodes up
 * online, then classify in steps (so a task pane can show progress and cancel) and summarise.
 */
import { createRowClassifier, type ClassifyContext, type OverrideProblem, type RowResult } from './classify';
import { addCreditors, addRowsToDirectory, type CreditorRecord, type SupplierDirectory } from './directory';
import type { PostcodeIndex } from './geography';
import { findPostcode, postcodeArea } from './postcode';
import type { SpendRow } from './rows';
import { Summariser, type Summary } from './summary';

export interface PreparedRows {
  rows: SpendRow[];
  /** Supplier key of each row, in row order. */
  keys: string[];
  directory: SupplierDirectory;
  /** Postcode areas ("PR", "M") the rows, the directory and the overrides mention. */
  postcodeAreas: string[];
  /** Suppliers that gained a postcode from the creditor file. */
  creditorPostcodes: number;
}

/**
 * Calls `visit` once for each distinct piece of text a locality may be decided from (a row's
 * postcode and address, an override, a supplier's postcode), without building a key per row.
 */
function forEachPostcodeText(
  rows: readonly SpendRow[],
  directory: SupplierDirectory,
  others: Iterable<{ postcode?: string; address?: string }>,
  visit: (text: { postcode?: string; address?: string }) => void,
): void {
  const seen = new Map<string, Set<string>>();
  const once = (postcode: string | undefined, address: string | undefined) => {
    let addresses = seen.get(postcode ?? '');
    if (!addresses) {
      addresses = new Set();
      seen.set(postcode ?? '', addresses);
    }
    if (addresses.has(address ?? '')) return;
    addresses.add(address ?? '');
    visit({ postcode, address });
  };
  for (const row of rows) {
    if (row.postcode || row.address) once(row.postcode, row.address);
    if (row.localityOverride) once(row.localityOverride, undefined);
  }
  for (const entry of directory.entries.values()) {
    if (entry.postcode) once(entry.postcode, undefined);
    if (entry.localityOverride) once(entry.localityOverride, undefined);
  }
  for (const text of others) once(text.postcode, text.address);
}

/**
 * Adds the rows' suppliers to the directory, then the creditor file's postcodes where the
 * directory has none, and finds the postcode areas the analysis will need.
 */
export function prepareRows(rows: SpendRow[], directory: SupplierDirectory, creditors: readonly CreditorRecord[] = []): PreparedRows {
  const keys = addRowsToDirectory(directory, rows);
  const creditorPostcodes = addCreditors(directory, creditors);
  const areas = new Set<string>();
  forEachPostcodeText(rows, directory, [], (text) => {
    const found = findPostcode(text);
    if (found.kind === 'full' || found.kind === 'sector' || found.kind === 'district') areas.add(found.area);
  });
  return { rows, keys, directory, postcodeAreas: [...areas].sort(), creditorPostcodes };
}

/**
 * Full postcodes the loaded pack cannot answer and the cache does not hold: what an online
 * lookup would be asked, when the user allows it.
 */
export function postcodesForOnlineLookup(
  prepared: PreparedRows,
  index: PostcodeIndex | undefined,
  cached: ReadonlyMap<string, unknown>,
): string[] {
  const wanted = new Set<string>();
  forEachPostcodeText(prepared.rows, prepared.directory, [], (text) => {
    const found = findPostcode(text);
    if (found.kind !== 'full' || cached.has(found.postcode)) return;
    if (!index || !index.hasArea(postcodeArea(found.outward)) || index.districtOf(found.postcode) === undefined) {
      wanted.add(found.postcode);
    }
  });
  return [...wanted].sort();
}

/**
 * The full postcodes the rows, the directory, the overrides and any other texts given (the local
 * register) mention: the online answers a workbook keeps are for these and no others.
 */
export function fullPostcodesMentioned(prepared: PreparedRows, others: Iterable<{ postcode?: string; address?: string }> = []): Set<string> {
  const postcodes = new Set<string>();
  forEachPostcodeText(prepared.rows, prepared.directory, others, (text) => {
    const found = findPostcode(text);
    if (found.kind === 'full') postcodes.add(found.postcode);
  });
  return postcodes;
}

export interface AnalysisResult {
  results: RowResult[];
  summary: Summary;
  problems: OverrideProblem[];
}

export interface Analysis {
  /** Rows classified so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** Classifies up to `count` more rows; returns how many are done. */
  step(count: number): number;
  /** Classifies what is left and summarises. */
  finish(topSuppliers: number): AnalysisResult;
}

export function startAnalysis(prepared: PreparedRows, ctx: ClassifyContext): Analysis {
  const classifier = createRowClassifier(ctx, prepared.directory);
  const summariser = new Summariser();
  const { rows, keys } = prepared;
  const results: RowResult[] = new Array(rows.length);
  let done = 0;
  const step = (count: number) => {
    const end = Math.min(rows.length, done + count);
    for (let i = done; i < end; i++) {
      const result = classifier.classify(rows[i], keys[i]);
      results[i] = result;
      summariser.add(rows[i], result);
    }
    done = end;
    return done;
  };
  return {
    get done() {
      return done;
    },
    total: rows.length,
    step,
    finish(topSuppliers) {
      step(rows.length);
      return { results, summary: summariser.result(topSuppliers), problems: classifier.problems };
    },
  };
}
