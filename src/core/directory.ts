/**
 * The supplier directory: one entry per supplier key, with the names seen, postcode, type and the
 * user's supplier-level overrides. It is the Suppliers sheet: read back on every run so that a
 * correction made once applies to every payment, this year and next; new suppliers are appended,
 * and what the user typed is never overwritten.
 *
 * A supplier's postcode comes from the payments' own postcode or address columns, a creditor
 * master file, or the user; never from a supplier name or description.
 */
import type { Cell, Grid } from './cell';
import { SUPPLIER_TYPES, type SupplierType } from './codes';
import { SUPPLIER_TYPE_LABELS } from './labels';
import { columnLetter, type Mapping } from './mapping';
import { findPostcode } from './postcode';
import { registerEvidence, type MatchedBy, type RegisterEntity } from './register-match';
import type { SpendRow } from './rows';
import type { TableLayout } from './table';
import { keyIdentity, supplierKey } from './supplier-key';

export const POSTCODE_SOURCES = { payments: 'payments', creditors: 'creditor file' } as const;

export interface SupplierEntry {
  key: string;
  /** The name shown: the first spelling seen (or the one on the sheet). */
  name: string;
  /** Other spellings seen, e.g. account suffixes. */
  otherNames: string[];
  supplierId?: string;
  postcode?: string;
  /** Where the add-in found the postcode ("payments", "creditor file"); blank when the user typed it. */
  postcodeSource?: string;
  /** The type the user set on the sheet; otherwise it is worked out from the name (and a register). */
  type?: SupplierType;
  /**
   * The "Register number" cell: the number of the company or charity the add-in matched (with
   * "Postcode source" saying so), or one the user typed to choose among candidates.
   */
  registerNumber?: string;
  /** What the public registers said of the supplier in this run (not kept on the sheet). */
  register?: RegisterFinding;
  localityOverride?: string;
  influenceOverride?: string;
  notes?: string;
  /** The cells of the overrides on the Suppliers sheet ("Suppliers!H12"), for messages. */
  cells?: { localityOverride?: string; influenceOverride?: string };
}

/** A supplier matched to one organisation of the registers, or left unmatched among candidates. */
export type RegisterFinding = { status: 'matched'; entity: RegisterEntity; by: MatchedBy } | { status: 'ambiguous'; candidates: RegisterEntity[] };

export interface SupplierDirectory {
  /** Entries by key identity (the key without spaces), in sheet order then first-seen order. */
  entries: Map<string, SupplierEntry>;
  /** Columns of the sheet the add-in does not know, kept as the user left them, per key. */
  extraColumns: string[];
  extraValues: Map<string, Cell[]>;
}

export function emptyDirectory(): SupplierDirectory {
  return { entries: new Map(), extraColumns: [], extraValues: new Map() };
}

/** The entry of a supplier key, however its words are spaced. */
export function directoryEntry(directory: SupplierDirectory, key: string): SupplierEntry | undefined {
  return directory.entries.get(keyIdentity(key));
}

/** The Suppliers sheet's columns the user may edit, in the order the add-in first writes them. */
export const SUPPLIER_INPUT_COLUMNS = [
  'Supplier key',
  'Supplier name',
  'Other names',
  'Supplier ID',
  'Postcode',
  'Postcode source',
  'Register number',
  'Supplier type',
  'Locality override',
  'Influence override',
  'Notes',
] as const;

/** Columns the add-in refreshes on every run from the analysis. */
export const SUPPLIER_RESULT_COLUMNS = ['Locality', 'Local authority', 'Influenceable', 'Influence reason', 'Spend', 'Payments', 'Register candidates', 'Register details'] as const;

const MAX_OTHER_NAMES = 20;
const simplify = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export interface SheetProblem {
  /** "Suppliers!G12" */
  cell: string;
  message: string;
}

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

const TYPE_WORDS = new Map<string, SupplierType>();
for (const type of SUPPLIER_TYPES) {
  TYPE_WORDS.set(simplify(type.replace(/_/g, ' ')), type);
  TYPE_WORDS.set(simplify(SUPPLIER_TYPE_LABELS[type]), type);
}
TYPE_WORDS.set('coop', 'cooperative');
TYPE_WORDS.set('co-op', 'cooperative');
TYPE_WORDS.set('sole trader', 'individual');

/**
 * Reads a Suppliers sheet (header in its first row) back into a directory. Columns are found by
 * header, so the user may move them or add their own; unknown values are reported by cell.
 */
export function directoryFromSheet(grid: Grid, sheetName: string): { directory: SupplierDirectory; problems: SheetProblem[] } {
  const directory = emptyDirectory();
  const problems: SheetProblem[] = [];
  const header = (grid[0] ?? []).map(text);
  const column = new Map<string, number>();
  header.forEach((h, i) => column.set(simplify(h), i));
  const at = (name: string) => column.get(simplify(name));
  const known = new Set<string>([...SUPPLIER_INPUT_COLUMNS, ...SUPPLIER_RESULT_COLUMNS].map(simplify));
  const extraIndexes = header.map((h, i) => (h && !known.has(simplify(h)) ? i : -1)).filter((i) => i >= 0);
  directory.extraColumns = extraIndexes.map((i) => header[i]);
  const nameColumn = at('Supplier name');
  if (nameColumn === undefined && at('Supplier key') === undefined) {
    if (grid.length > 0) problems.push({ cell: `${sheetName}!A1`, message: 'the Suppliers sheet has no "Supplier name" column; it was not read' });
    return { directory, problems };
  }
  const value = (row: Cell[], name: string) => {
    const index = at(name);
    return index === undefined ? '' : text(row[index]);
  };
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    const name = value(row, 'Supplier name');
    const key = value(row, 'Supplier key') || (name ? supplierKey(name) : '');
    if (!key) continue;
    const cell = (name: string) => `${sheetName}!${columnLetter(at(name) ?? 0)}${r + 1}`;
    let type: SupplierType | undefined;
    const typeText = value(row, 'Supplier type');
    if (typeText) {
      type = TYPE_WORDS.get(simplify(typeText));
      if (!type) {
        problems.push({
          cell: cell('Supplier type'),
          message: `supplier type "${typeText}" is not one of ${SUPPLIER_TYPES.map((t) => SUPPLIER_TYPE_LABELS[t]).join(', ')}; it was ignored`,
        });
      }
    }
    if (directory.entries.has(keyIdentity(key))) {
      problems.push({ cell: cell('Supplier key'), message: `supplier key "${key}" appears twice; the first line is used` });
      continue;
    }
    const otherNames = value(row, 'Other names');
    directory.entries.set(keyIdentity(key), {
      key,
      name: name || key,
      otherNames: otherNames ? otherNames.split(/\s*;\s*/).filter(Boolean) : [],
      supplierId: value(row, 'Supplier ID') || undefined,
      postcode: value(row, 'Postcode') || undefined,
      postcodeSource: value(row, 'Postcode source') || undefined,
      registerNumber: value(row, 'Register number') || undefined,
      type,
      localityOverride: value(row, 'Locality override') || undefined,
      influenceOverride: value(row, 'Influence override') || undefined,
      notes: value(row, 'Notes') || undefined,
      cells: { localityOverride: cell('Locality override'), influenceOverride: cell('Influence override') },
    });
    if (extraIndexes.length > 0) directory.extraValues.set(keyIdentity(key), extraIndexes.map((i) => row[i] ?? ''));
  }
  return { directory, problems };
}

/** The postcode text a row carries itself, when it is a full postcode. */
function fullPostcodeOf(row: { postcode?: string; address?: string }): string | undefined {
  if (!row.postcode && !row.address) return undefined;
  const found = findPostcode({ postcode: row.postcode, address: row.address });
  return found.kind === 'full' ? found.postcode : undefined;
}

/** A supplier name as written and the key it is filed under: one object per name, shared by its rows. */
export interface SupplierName {
  readonly name: string;
  readonly key: string;
  /** Numbers the names of one call from 0, in the order met, so facts about them can be kept in arrays. */
  readonly index: number;
}

/**
 * Adds the suppliers of these rows to the directory (new ones appended), with the names seen, the
 * supplier id, and a postcode from their own postcode or address columns where the entry has
 * none. Returns each row's supplier name and key (the directory's spelling of it), in row order.
 */
export function addRowsToDirectory(directory: SupplierDirectory, rows: readonly SpendRow[]): SupplierName[] {
  const add = directoryAdder(directory);
  const names: SupplierName[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) names[i] = add(rows[i]);
  return names;
}

/**
 * addRowsToDirectory a row at a time, for work done in steps: the names one adder gives are one
 * set, numbered alike, as those of one addRowsToDirectory call.
 */
export function directoryAdder(directory: SupplierDirectory): (row: SpendRow) => SupplierName {
  const byName = new Map<string, { entry: SupplierEntry; named: SupplierName }>();
  return (row) => {
    let known = byName.get(row.supplier);
    if (known === undefined) {
      const key = supplierKey(row.supplier);
      let entry = directoryEntry(directory, key);
      if (!entry) {
        entry = { key, name: row.supplier, otherNames: [] };
        directory.entries.set(keyIdentity(key), entry);
      }
      known = { entry, named: { name: row.supplier, key: entry.key, index: byName.size } };
      byName.set(row.supplier, known);
      // Each name is met here once, so the list of other names is checked once per name, not per row.
      if (row.supplier !== entry.name && !entry.otherNames.includes(row.supplier) && entry.otherNames.length < MAX_OTHER_NAMES) {
        entry.otherNames.push(row.supplier);
      }
    }
    const { entry, named } = known;
    if (!entry.supplierId && row.supplierId) entry.supplierId = row.supplierId;
    if (!entry.postcode) {
      const postcode = fullPostcodeOf(row);
      if (postcode) {
        entry.postcode = postcode;
        entry.postcodeSource = POSTCODE_SOURCES.payments;
      }
    }
    return named;
  };
}

export interface CreditorRecord {
  supplier: string;
  supplierId?: string;
  postcode?: string;
  address?: string;
}

/**
 * The records of a creditor master file's table, found and mapped as a spend sheet's are: one
 * per line with a supplier name, blank cells left out.
 */
export function creditorRecords(grid: Grid, layout: TableLayout, mapping: Mapping): CreditorRecord[] {
  const cell = (row: number, column: number | undefined): string | undefined => {
    if (column === undefined) return undefined;
    const text = String(grid[row]?.[column] ?? '').trim();
    return text === '' ? undefined : text;
  };
  const records: CreditorRecord[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const supplier = cell(r, mapping.supplier?.column);
    if (!supplier) continue;
    const record: CreditorRecord = { supplier };
    const supplierId = cell(r, mapping.supplierId?.column);
    const postcode = cell(r, mapping.postcode?.column);
    const address = cell(r, mapping.address?.column);
    if (supplierId) record.supplierId = supplierId;
    if (postcode) record.postcode = postcode;
    if (address) record.address = address;
    records.push(record);
  }
  return records;
}

/**
 * Fills postcodes from a creditor master file (the finance system's supplier list with
 * addresses), joined by supplier id where both sides have one, else by supplier key. Only blank
 * postcodes are filled. Returns how many entries gained a postcode.
 */
export function addCreditors(directory: SupplierDirectory, creditors: readonly CreditorRecord[]): number {
  const byId = new Map<string, SupplierEntry>();
  for (const entry of directory.entries.values()) if (entry.supplierId) byId.set(simplify(entry.supplierId), entry);
  let filled = 0;
  for (const creditor of creditors) {
    const postcode = fullPostcodeOf(creditor);
    if (!postcode) continue;
    const entry = (creditor.supplierId && byId.get(simplify(creditor.supplierId))) || directoryEntry(directory, supplierKey(creditor.supplier));
    if (!entry || entry.postcode) continue;
    entry.postcode = postcode;
    entry.postcodeSource = POSTCODE_SOURCES.creditors;
    filled++;
  }
  return filled;
}

/** What the analysis found for a supplier, shown in the Suppliers sheet's result columns. */
export interface SupplierFindings {
  locality: string;
  districtLabel: string;
  influence: string;
  reason: string;
  spend: number;
  rows: number;
  /** The organisations an ambiguous name could be, for the user to choose from. */
  registerCandidates: string;
  /** What the register says of the organisation matched: its category, SME, kinds of activity. */
  registerDetails: string;
}

/**
 * The Suppliers sheet after this run, from the sheet as it is (or nothing, the first time): the
 * user's columns and values stay where they are; the add-in fills a blank postcode it found,
 * refreshes its result columns, adds any of its columns that are missing at the right, and
 * appends new suppliers at the bottom.
 */
export function suppliersSheetGrid(
  existing: Grid | undefined,
  directory: SupplierDirectory,
  findings: (key: string) => SupplierFindings | undefined,
): Grid {
  const grid: Grid = existing && existing.length > 0 ? existing.map((row) => [...row]) : [[...SUPPLIER_INPUT_COLUMNS, ...SUPPLIER_RESULT_COLUMNS]];
  const header = grid[0];
  const position = new Map<string, number>();
  header.forEach((h, i) => {
    const name = simplify(text(h));
    if (name && !position.has(name)) position.set(name, i);
  });
  for (const name of [...SUPPLIER_INPUT_COLUMNS, ...SUPPLIER_RESULT_COLUMNS]) {
    if (!position.has(simplify(name))) {
      position.set(simplify(name), header.length);
      header.push(name);
    }
  }
  const width = header.length;
  const at = (name: string) => position.get(simplify(name))!;
  const rowOfKey = new Map<string, number>();
  for (let r = 1; r < grid.length; r++) {
    while (grid[r].length < width) grid[r].push('');
    const key = text(grid[r][at('Supplier key')]) || (text(grid[r][at('Supplier name')]) ? supplierKey(text(grid[r][at('Supplier name')])) : '');
    if (key && !rowOfKey.has(keyIdentity(key))) rowOfKey.set(keyIdentity(key), r);
  }
  for (const [identity, entry] of directory.entries) {
    let r = rowOfKey.get(identity);
    if (r === undefined) {
      r = grid.length;
      const row: Cell[] = new Array<Cell>(width).fill('');
      row[at('Supplier key')] = entry.key;
      row[at('Supplier name')] = entry.name;
      row[at('Supplier type')] = entry.type ? SUPPLIER_TYPE_LABELS[entry.type] : '';
      row[at('Locality override')] = entry.localityOverride ?? '';
      row[at('Influence override')] = entry.influenceOverride ?? '';
      row[at('Notes')] = entry.notes ?? '';
      grid.push(row);
      rowOfKey.set(identity, r);
    }
    const row = grid[r];
    if (!text(row[at('Supplier key')])) row[at('Supplier key')] = entry.key;
    row[at('Other names')] = entry.otherNames.join('; ');
    if (!text(row[at('Supplier ID')]) && entry.supplierId) row[at('Supplier ID')] = entry.supplierId;
    // A postcode an earlier register match wrote gives way to the one the user's choice of number gives.
    const superseded = registerEvidence(text(row[at('Postcode source')])) !== undefined && entry.postcodeSource !== text(row[at('Postcode source')]);
    if ((!text(row[at('Postcode')]) || superseded) && entry.postcode) {
      row[at('Postcode')] = entry.postcode;
      row[at('Postcode source')] = entry.postcodeSource ?? '';
    }
    if (!text(row[at('Register number')]) && entry.registerNumber) row[at('Register number')] = entry.registerNumber;
    const found = findings(entry.key);
    row[at('Locality')] = found?.locality ?? '';
    row[at('Local authority')] = found?.districtLabel ?? '';
    row[at('Influenceable')] = found?.influence ?? '';
    row[at('Influence reason')] = found?.reason ?? '';
    row[at('Spend')] = found ? found.spend : '';
    row[at('Payments')] = found ? found.rows : '';
    row[at('Register candidates')] = found?.registerCandidates ?? '';
    row[at('Register details')] = found?.registerDetails ?? '';
  }
  return grid;
}
