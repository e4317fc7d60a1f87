/** Changes to the Suppliers sheet that are not an analysis: postcodes from a creditor file, and finding a supplier's line. */
import { isBlank, type Cell, type Grid } from '../cell';
import { addCreditors, directoryEntry, directoryFromSheet, suppliersSheetGrid, type CreditorRecord, type SupplierFindings } from '../directory';
import { keyIdentity, supplierKey } from '../supplier-key';
import type { UserSheetPlan } from './plan-types';
import { supplierColumns } from './user-sheets';

/**
 * What the Suppliers sheet already shows for each supplier (its result columns), so that a
 * change that is not an analysis leaves them as they are.
 */
function findingsOnSheet(grid: Grid): (key: string) => SupplierFindings | undefined {
  const header = (grid[0] ?? []).map((h) => String(h ?? '').trim().toLowerCase());
  const at = (name: string) => header.indexOf(name.toLowerCase());
  const key = at('Supplier key');
  const byKey = new Map<string, Cell[]>();
  if (key >= 0) for (const row of grid.slice(1)) if (!isBlank(row[key])) byKey.set(String(row[key]).trim(), row);
  const cell = (row: Cell[], name: string): Cell => (at(name) >= 0 ? (row[at(name)] ?? '') : '');
  return (supplier) => {
    const row = byKey.get(supplier);
    if (!row || isBlank(cell(row, 'Locality'))) return undefined;
    return {
      locality: String(cell(row, 'Locality')),
      districtLabel: String(cell(row, 'Local authority')),
      influence: String(cell(row, 'Influenceable')),
      reason: String(cell(row, 'Influence reason')),
      spend: cell(row, 'Spend') as number,
      rows: cell(row, 'Payments') as number,
      registerCandidates: String(cell(row, 'Register candidates')),
      registerDetails: String(cell(row, 'Register details')),
    };
  };
}

/**
 * The Suppliers sheet with blank postcodes filled from a creditor file (joined by supplier id,
 * else by name): how many records matched a supplier, and how many postcodes were filled.
 */
export function suppliersWithCreditors(grid: Grid, sheetName: string, records: readonly CreditorRecord[]): { sheet: UserSheetPlan; matched: number; filled: number } {
  const { directory } = directoryFromSheet(grid, sheetName);
  const ids = new Set([...directory.entries.values()].map((e) => e.supplierId?.trim().toLowerCase()).filter(Boolean));
  const matched = records.filter((r) => (r.supplierId && ids.has(r.supplierId.trim().toLowerCase())) || directoryEntry(directory, supplierKey(r.supplier)) !== undefined).length;
  const filled = addCreditors(directory, records);
  const after = suppliersSheetGrid(grid, directory, findingsOnSheet(grid));
  return { sheet: { sheet: sheetName, before: grid, after, columns: supplierColumns(after[0]), isNew: false }, matched, filled };
}

/** The 0-based row of a supplier's line on the Suppliers sheet, however its key's words are spaced; -1 when it has none. */
export function supplierRow(grid: Grid, key: string): number {
  const keyColumn = (grid[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === 'supplier key');
  if (keyColumn < 0) return -1;
  return grid.findIndex((cells, r) => r > 0 && keyIdentity(String(cells[keyColumn]).trim()) === keyIdentity(key));
}
