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

/** Every piece of text a locality may be decided from, for one row or supplier. */
function postcodeTexts(rows: readonly SpendRow[], directory: SupplierDirectory): Iterable<{ postcode?: string; address?: string }> {
  const texts: { postcode?: string; address?: string }[] = [];
  for (const row of rows) {
    if (row.postcode || row.address) texts.push({ postcode: row.postcode, address: row.address });
    if (row.localityOverride) texts.push({ postcode: row.localityOverride });
  }
  for (const entry of directory.entries.values()) {
    if (entry.postcode) texts.push({ postcode: entry.postcode });
    if (entry.localityOverride) texts.push({ postcode: entry.localityOverride });
  }
  return texts;
}

/**
 * Adds the rows' suppliers to the directory, then the creditor file's postcodes where the
 * directory has none, and finds the postcode areas the analysis will need.
 */
export function prepareRows(rows: SpendRow[], directory: SupplierDirectory, creditors: readonly CreditorRecord[] = []): PreparedRows {
  const keys = addRowsToDirectory(directory, rows);
  const creditorPostcodes = addCreditors(directory, creditors);
  const areas = new Set<string>();
  const seen = new Set<string>();
  for (const text of postcodeTexts(rows, directory)) {
    const memo = `${text.postcode ?? ''}\u0000${text.address ?? ''}`;
    if (seen.has(memo)) continue;
    seen.add(memo);
    const found = findPostcode(text);
    if (found.kind === 'full' || found.kind === 'sector' || found.kind === 'district') areas.add(found.area);
  }
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
  for (const text of postcodeTexts(prepared.rows, prepared.directory)) {
    const found = findPostcode(text);
    if (found.kind !== 'full' || cached.has(found.postcode)) continue;
    if (!index || !index.hasArea(postcodeArea(found.outward)) || index.districtOf(found.postcode) === undefined) {
      wanted.add(found.postcode);
    }
  }
  return [...wanted].sort();
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
