/**
 * The rows made ready to classify: supplier keys, the directory, and the postcodes and postcode
 * areas the analysis will need, so that a host loads only those and asks online only for those.
 */
import { addCreditors, directoryAdder, type CreditorRecord, type SupplierDirectory, type SupplierName } from '../directory';
import type { PostcodeIndex } from '../geography';
import { postcodeAreasNeeded, postcodesToLookUpOnline, type OnlineAnswer } from '../locality';
import { findPostcode, type PostcodeText } from '../postcode';
import type { SpendRow } from '../rows';

export interface PreparedRows {
  rows: SpendRow[];
  /** Supplier name and key of each row, in row order. */
  suppliers: SupplierName[];
  directory: SupplierDirectory;
  /** Postcode areas ("PR", "M") the rows, the directory and the overrides mention. */
  postcodeAreas: string[];
  /** Suppliers that gained a postcode from the creditor file. */
  creditorPostcodes: number;
}

type PostcodeTexts = Iterable<{ postcode?: string; address?: string }>;

/**
 * Each distinct piece of text a locality may be decided from (a row's postcode and address, an
 * override, a supplier's postcode, and any others given), once, without building a key per row.
 * Payments to one supplier mostly repeat its texts, so a row whose texts are those of its
 * supplier's previous row is passed over without a lookup.
 */
function* distinctPostcodeTexts(rows: readonly SpendRow[], suppliers: readonly SupplierName[], directory: SupplierDirectory, others: PostcodeTexts = []): Generator<PostcodeText> {
  const seen = new Map<string, Set<string>>();
  const isNew = (postcode: string | undefined, address: string | undefined) => {
    let addresses = seen.get(postcode ?? '');
    if (!addresses) {
      addresses = new Set();
      seen.set(postcode ?? '', addresses);
    }
    if (addresses.has(address ?? '')) return false;
    addresses.add(address ?? '');
    return true;
  };
  const previous: (SpendRow | undefined)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row.postcode && !row.address && !row.localityOverride) continue;
    const index = suppliers[i].index;
    const before = previous[index];
    previous[index] = row;
    if (before && before.postcode === row.postcode && before.address === row.address && !row.localityOverride) continue;
    if ((row.postcode || row.address) && isNew(row.postcode, row.address)) yield { postcode: row.postcode, address: row.address };
    if (row.localityOverride && isNew(row.localityOverride, undefined)) yield { postcode: row.localityOverride };
  }
  for (const entry of directory.entries.values()) {
    if (entry.postcode && isNew(entry.postcode, undefined)) yield { postcode: entry.postcode };
    if (entry.localityOverride && isNew(entry.localityOverride, undefined)) yield { postcode: entry.localityOverride };
  }
  for (const text of others) if (isNew(text.postcode, text.address)) yield text;
}

/**
 * Adds the rows' suppliers to the directory, then the creditor file's postcodes where the
 * directory has none, and finds the postcode areas the analysis will need.
 */
export function prepareRows(rows: SpendRow[], directory: SupplierDirectory, creditors: readonly CreditorRecord[] = []): PreparedRows {
  return startPreparation(rows, directory, creditors).finish();
}

export interface Preparation {
  /** Does about `count` rows' worth more of the work; true once it is all done. */
  step(count: number): boolean;
  /** Does what is left. */
  finish(): PreparedRows;
}

/** prepareRows in steps, so that a task pane can give the thread back between them. */
export function startPreparation(rows: SpendRow[], directory: SupplierDirectory, creditors: readonly CreditorRecord[] = []): Preparation {
  const suppliers: SupplierName[] = new Array(rows.length);
  const add = directoryAdder(directory);
  const areas = new Set<string>();
  let added = 0;
  let creditorPostcodes = 0;
  let texts: Iterator<PostcodeText> | undefined;
  let done = false;
  const step = (count: number): boolean => {
    if (added < rows.length) {
      const end = Math.min(rows.length, added + count);
      for (let i = added; i < end; i++) suppliers[i] = add(rows[i]);
      added = end;
      return false;
    }
    if (!texts) {
      creditorPostcodes = addCreditors(directory, creditors);
      texts = distinctPostcodeTexts(rows, suppliers, directory);
    }
    const batch: PostcodeText[] = [];
    while (batch.length < count) {
      const next = texts.next();
      if (next.done) {
        done = true;
        break;
      }
      batch.push(next.value);
    }
    for (const area of postcodeAreasNeeded(batch)) areas.add(area);
    return done;
  };
  return {
    step,
    finish() {
      while (!done) step(Number.MAX_SAFE_INTEGER);
      return { rows, suppliers, directory, postcodeAreas: [...areas].sort(), creditorPostcodes };
    },
  };
}

/**
 * Full postcodes the loaded pack cannot answer and the cache does not hold: what an online
 * lookup would be asked, when the user allows it.
 */
export function postcodesForOnlineLookup(prepared: PreparedRows, index: PostcodeIndex | undefined, online: ReadonlyMap<string, OnlineAnswer>): string[] {
  return postcodesToLookUpOnline(distinctPostcodeTexts(prepared.rows, prepared.suppliers, prepared.directory), { index, online });
}

/**
 * The full postcodes the rows, the directory, the overrides and any other texts given (the local
 * register) mention: the online answers a workbook keeps are for these and no others.
 */
export function fullPostcodesMentioned(prepared: PreparedRows, others: PostcodeTexts = []): Set<string> {
  const postcodes = new Set<string>();
  for (const text of distinctPostcodeTexts(prepared.rows, prepared.suppliers, prepared.directory, others)) {
    const found = findPostcode(text);
    if (found.kind === 'full') postcodes.add(found.postcode);
  }
  return postcodes;
}
