/**
 * The public registers' step of an analysis, after the rows, the Suppliers sheet and the creditor
 * file have given the postcodes they can: every supplier of the data is looked up once, by the
 * register keys of its names, the numbers of a company or charity number column, and the number
 * the user chose on the Suppliers sheet. A supplier matched to exactly one organisation gains its
 * registered office's (or charity contact address's) postcode when it has none, with the evidence
 * stated in "Postcode source"; an ambiguous one gets its candidates; what the register says of
 * the organisation (its type, SME, activities) is kept on its directory entry for the run.
 */
import { directoryEntry, type SupplierDirectory, type SupplierEntry } from '../directory';
import { postcodeAreasNeeded } from '../locality';
import { matchRegister, registerEvidence, registerLookups, registerPostcodeSource, type RegisterLookups, type RegisterQuery } from '../register-match';
import { numberKeysOf } from '../register-record';
import type { AnalysisProgress, Registers } from './input';
import type { DataSheet } from './spend-data';
import type { PreparedRows } from './prepare';

export interface RegisterStep {
  /** What the records came from, for the Method sheet. */
  releases: readonly string[];
  /** Suppliers matched to one organisation, left among candidates, and given a postcode. */
  matched: number;
  ambiguous: number;
  placed: number;
}

/** A supplier id column that holds register numbers says so in its header; a finance system's own ids do not. */
const REGISTER_NUMBER_HEADER = /\b(compan(y|ies)|charity|charities|crn|registration|registered)\b/i;

/** The register-number cells of each supplier's payments, from the sheets whose supplier id column holds them. */
function numbersBySupplier(prepared: PreparedRows, sheets: readonly DataSheet[]): Map<string, Set<string>> {
  const numbered = new Set(sheets.filter((sheet) => REGISTER_NUMBER_HEADER.test(sheet.mapping.supplierId?.header ?? '')).map((sheet) => sheet.source));
  const numbers = new Map<string, Set<string>>();
  if (numbered.size === 0) return numbers;
  prepared.rows.forEach((row, i) => {
    if (!row.supplierId || !numbered.has(row.source ?? '')) return;
    const key = prepared.suppliers[i].key;
    let set = numbers.get(key);
    if (!set) numbers.set(key, (set = new Set()));
    set.add(row.supplierId);
  });
  return numbers;
}

/**
 * The number the user chose in "Register number", if it is one: a number the add-in wrote
 * itself, beside the postcode its "Postcode source" names, is the earlier match, not a choice.
 */
function chosenNumber(entry: SupplierEntry): string | undefined {
  if (!entry.registerNumber) return undefined;
  const evidence = registerEvidence(entry.postcodeSource);
  const written = evidence && numberKeysOf(entry.registerNumber).some((key) => evidence.numberKeys.includes(key));
  return written ? undefined : entry.registerNumber;
}

export async function matchRegisters(
  prepared: PreparedRows,
  sheets: readonly DataSheet[],
  registers: Registers,
  pause: (progress: AnalysisProgress) => void | Promise<void>,
): Promise<RegisterStep> {
  const numbers = numbersBySupplier(prepared, sheets);
  const queries = new Map<SupplierEntry, RegisterQuery>();
  // Rows share their supplier's name object: each name is met once, not once a payment.
  for (const supplier of new Set(prepared.suppliers)) {
    const entry = directoryEntry(prepared.directory, supplier.key);
    if (!entry || queries.has(entry)) continue;
    const chosen = chosenNumber(entry);
    queries.set(entry, {
      names: [entry.name, ...entry.otherNames],
      numbers: [...(numbers.get(supplier.key) ?? [])],
      ...(chosen ? { chosen } : {}),
    });
  }
  const wanted: RegisterLookups = { nameKeys: [], numberKeys: [] };
  for (const query of queries.values()) {
    const lookups = registerLookups(query);
    wanted.nameKeys.push(...lookups.nameKeys);
    wanted.numberKeys.push(...lookups.numberKeys);
  }
  await pause({ phase: 'registers', done: 0, total: 1 });
  const answers = await registers.find({ nameKeys: [...new Set(wanted.nameKeys)], numberKeys: [...new Set(wanted.numberKeys)] });
  await pause({ phase: 'registers', done: 1, total: 1 });

  const step: RegisterStep = { releases: answers.releases, matched: 0, ambiguous: 0, placed: 0 };
  for (const [entry, query] of queries) {
    const match = matchRegister(query, answers);
    if (match.status === 'none') continue;
    if (match.status === 'ambiguous') {
      entry.register = match;
      step.ambiguous++;
      continue;
    }
    entry.register = match;
    step.matched++;
    const { company, charity } = match.entity;
    // A choice replaces the postcode an earlier match gave; a postcode of the supplier's own stays.
    const fromRegister = registerEvidence(entry.postcodeSource) !== undefined;
    const postcode = company?.postcode || charity?.postcode;
    if (postcode && (!entry.postcode || (fromRegister && match.by === 'choice'))) {
      entry.postcode = postcode;
      entry.postcodeSource = registerPostcodeSource(match.entity, match.by);
      step.placed++;
    }
    if (!entry.registerNumber) entry.registerNumber = company ? company.number : `charity ${charity!.number}`;
  }
  return step;
}

/** The postcode areas of the postcodes the registers gave, for the geography pack to load. */
export function registerPostcodeAreas(directory: SupplierDirectory): string[] {
  const postcodes = [...directory.entries.values()].filter((entry) => entry.postcode && registerEvidence(entry.postcodeSource));
  return postcodeAreasNeeded(postcodes.map((entry) => ({ postcode: entry.postcode })));
}

/** The Method sheet's line on the registers: what they came from, what they gave, and what that evidence is worth. */
export function describeRegisters(step: RegisterStep | undefined): string {
  if (!step) return 'Not used: suppliers are placed by their own postcodes only.';
  const suppliers = (n: number) => `${n.toLocaleString('en-GB')} supplier${n === 1 ? '' : 's'}`;
  return (
    `${step.releases.join('; ') || 'No register records'}: ${suppliers(step.matched)} matched by name or number to one organisation ` +
    `(${step.placed.toLocaleString('en-GB')} placed by it), ${suppliers(step.ambiguous)} left unmatched with candidates on the Suppliers sheet. ` +
    'A registered office or a charity\'s contact address is weaker evidence than the supplier\'s own address: a branch may be local ' +
    'while its registered office is not, and small firms often register at their accountant\'s. Spend placed so is counted on its own line below.'
  );
}
