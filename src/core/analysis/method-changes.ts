/**
 * How an earlier analysis's method differed from this run's: its areas, its partial-postcode
 * threshold, its influenceability rules and its supplier corrections. Each difference is one line
 * for the user; when there is any, the earlier run's own stored figures are shown beside the
 * re-classified ones, so that the change of method can be seen apart from the change of spending.
 */
import type { Areas } from '../areas';
import { directoryFromSheet, type SupplierDirectory, type SupplierEntry } from '../directory';
import type { Rule } from '../rule-schema';
import { rulesToCsv, validateRulesSheet } from '../rule-table';
import { sheetNamesFor } from '../settings';
import type { EarlierWorkbook } from './earlier-workbook';

const districts = (count: number) => `${count} district${count === 1 ? '' : 's'}`;
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

function sameDistricts(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((code) => set.has(code));
}

/** What the user corrected about a supplier: a postcode they typed (none from the payments or a file), its type and its overrides. */
function correction(entry: SupplierEntry | undefined): string {
  if (!entry) return '';
  return [entry.postcodeSource ? '' : (entry.postcode ?? ''), entry.type ?? '', entry.localityOverride ?? '', entry.influenceOverride ?? ''].join('\u0000').toUpperCase();
}

/** Suppliers whose corrections differ between the two directories (blank lines count as no correction). */
function correctionsDiffering(earlier: SupplierDirectory, now: SupplierDirectory): number {
  const blank = correction({ key: '', name: '', otherNames: [] });
  let differing = 0;
  for (const key of new Set([...earlier.entries.keys(), ...now.entries.keys()])) {
    const a = correction(earlier.entries.get(key));
    const b = correction(now.entries.get(key));
    if ((a || blank) !== (b || blank)) differing++;
  }
  return differing;
}

function rulesDiffering(earlier: readonly Rule[], now: readonly Rule[]): { added: number; removed: number } {
  const lines = (rules: readonly Rule[]) => new Set(rulesToCsv(rules).split('\n').slice(1));
  const before = lines(earlier);
  const after = lines(now);
  return { added: [...after].filter((line) => !before.has(line)).length, removed: [...before].filter((line) => !after.has(line)).length };
}

export interface MethodNow {
  areas: Areas;
  threshold: number;
  rules: readonly Rule[];
  /** This run's Suppliers sheet, as the user left it. */
  suppliers: SupplierDirectory;
}

export function methodChanges(earlier: EarlierWorkbook, now: MethodNow): string[] {
  const changes: string[] = [];
  const { settings } = earlier.state;
  for (const area of ['local', 'wider'] as const) {
    const then = settings.areas?.[area];
    const current = now.areas[area];
    if (then && !sameDistricts(then.districts, current.districts)) {
      changes.push(`${area === 'local' ? 'Local' : 'Wider'} area: ${then.name} (${districts(then.districts.length)}) then, ${current.name} (${districts(current.districts.length)}) now`);
    }
  }
  if (settings.threshold !== now.threshold) changes.push(`Partial postcode threshold: ${percent(settings.threshold)} then, ${percent(now.threshold)} now`);
  const names = sheetNamesFor(earlier.state.owned.sheets, []);
  if (earlier.rulesSheet && earlier.rulesSheet.length > 0) {
    const { added, removed } = rulesDiffering(validateRulesSheet(earlier.rulesSheet, names.rules).rules, now.rules);
    if (added + removed > 0) changes.push(`Influenceability rules: ${added} rule${added === 1 ? '' : 's'} new or changed since, ${removed} no longer used`);
  }
  const earlierSuppliers = earlier.suppliersSheet ? directoryFromSheet(earlier.suppliersSheet, names.suppliers).directory : undefined;
  if (earlierSuppliers) {
    const differing = correctionsDiffering(earlierSuppliers, now.suppliers);
    if (differing > 0) changes.push(`Supplier corrections: ${differing} supplier${differing === 1 ? '' : 's'} with a postcode, type or override different from the earlier Suppliers sheet`);
  }
  return changes;
}
