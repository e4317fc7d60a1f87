/**
 * The earlier workbook's payments made ready to classify under this run's method: against a copy
 * of this run's supplier directory (the Suppliers sheet and what this year's payments and the
 * creditor file taught), to which the earlier Suppliers sheet adds only the suppliers this run
 * does not know (what was known of them then is all that is known). The copy keeps this run's
 * Suppliers sheet free of last year's suppliers.
 */
import { directoryFromSheet, type SupplierDirectory } from '../directory';
import { sheetNamesFor } from '../settings';
import type { EarlierWorkbook } from './earlier-workbook';
import type { AnalysisInput } from './input';
import { prepareRows, type PreparedRows } from './prepare';

function copyOf(directory: SupplierDirectory): SupplierDirectory {
  const entries = new Map([...directory.entries].map(([key, entry]) => [key, { ...entry, otherNames: [...entry.otherNames] }]));
  return { entries, extraColumns: [...directory.extraColumns], extraValues: new Map(directory.extraValues) };
}

export function prepareEarlierRows(earlier: EarlierWorkbook, directory: SupplierDirectory, creditors: AnalysisInput['creditors']): PreparedRows | undefined {
  if (!earlier.data) return undefined;
  const known = copyOf(directory);
  if (earlier.suppliersSheet && earlier.suppliersSheet.length > 0) {
    const names = sheetNamesFor(earlier.state.owned.sheets, []);
    for (const [key, entry] of directoryFromSheet(earlier.suppliersSheet, names.suppliers).directory.entries) {
      if (!known.entries.has(key)) known.entries.set(key, entry);
    }
  }
  return prepareRows(earlier.data.rows, known, creditors);
}
