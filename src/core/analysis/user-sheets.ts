/**
 * The sheets the user edits (Suppliers, Rules, Local register): made on the first run, then only
 * changed cell by cell. The core never gives a user's non-blank cell new content (it fills
 * blanks, appends suppliers and refreshes the add-in's own columns), so nothing the user typed
 * is overwritten.
 */
import type { Cell, Grid } from '../cell';
import { directoryEntry, SUPPLIER_RESULT_COLUMNS, suppliersSheetGrid, type SupplierDirectory } from '../directory';
import { registerDetails } from '../register-facts';
import { candidatesText } from '../register-match';
import { INFLUENCE_LABELS, localityLabel, type AreaNames } from '../labels';
import { REGISTER_COLUMNS } from '../register';
import type { ReportColumn } from '../report/columns';
import { RULE_COLUMNS, type Rule } from '../rule-schema';
import { ruleCells } from '../rule-table';
import type { Summary } from '../summary';
import type { UserSheetPlan } from './plan-types';

/** The sheet's cells, or undefined when it is missing or has nothing on it: then it holds nothing the user typed, and is made afresh. */
export function filledSheet(grid: Grid | undefined): Grid | undefined {
  return grid && grid.length > 0 ? grid : undefined;
}

const RESULT_COLUMNS = new Set<string>(SUPPLIER_RESULT_COLUMNS);

/** The Suppliers sheet's columns by header: its money and counts formatted, the add-in's columns narrower. */
export function supplierColumns(header: readonly Cell[]): ReportColumn[] {
  return header.map((cell) => {
    const name = String(cell ?? '');
    const format = name === 'Spend' ? 'gbp' : name === 'Payments' ? 'integer' : 'general';
    return { header: name, format, width: RESULT_COLUMNS.has(name) ? 16 : 22 };
  });
}

/** The Suppliers sheet after this run: the directory with what the analysis found for each supplier. */
export function suppliersSheetPlan(sheet: string, before: Grid | undefined, directory: SupplierDirectory, summary: Summary, areas: AreaNames): UserSheetPlan {
  const after = suppliersSheetGrid(before, directory, (key) => {
    const line = summary.suppliers.get(key);
    const register = directoryEntry(directory, key)?.register;
    return (
      line && {
        locality: localityLabel(line.locality, areas),
        districtLabel: line.districtLabel,
        influence: INFLUENCE_LABELS[line.influence],
        reason: line.reason,
        spend: line.spend,
        rows: line.rows,
        registerCandidates: register?.status === 'ambiguous' ? candidatesText(register.candidates) : '',
        registerDetails: register?.status === 'matched' ? registerDetails(register.entity) : '',
      }
    );
  });
  return { sheet, ...(before ? { before } : {}), after, columns: supplierColumns(after[0]), isNew: before === undefined };
}

const RULE_WIDTHS = [9, 14, 10, 60, 30, 18, 50, 7];
const REGISTER_WIDTHS = [32, 12, 40, 8, 8, 12, 30];
const SURVEY_WIDTHS = [36, 28, 12, 30, 3, 48, 14];

/** A sheet the user keeps as they left it once it exists; made from `made` when it has nothing on it. */
function keptOrMade(sheet: string, existing: Grid | undefined, made: () => Grid, column: (header: string, i: number) => ReportColumn): UserSheetPlan {
  const kept = filledSheet(existing);
  const after = kept ?? made();
  const width = after.reduce((max, row) => Math.max(max, row.length), 0);
  const columns = Array.from({ length: width }, (_, i) => column(String(after[0]?.[i] ?? ''), i));
  return kept ? { sheet, before: kept, after, columns, isNew: false } : { sheet, after, columns, isNew: true };
}

/** The Rules sheet: as the user left it, else holding these rules (priority as a number, the rest as text). */
export function rulesSheetPlan(sheet: string, existing: Grid | undefined, rules: readonly Rule[]): UserSheetPlan {
  return keptOrMade(
    sheet,
    existing,
    () => [[...RULE_COLUMNS], ...rules.map(ruleCells)],
    (header, i) => ({ header, format: header === 'priority' ? 'integer' : 'general', width: RULE_WIDTHS[i] ?? 12 }),
  );
}

/** The Local register sheet: as the user left it, else the register file given, else its header to fill in. */
export function registerSheetPlan(sheet: string, existing: Grid | undefined, file: Grid | undefined): UserSheetPlan {
  return keptOrMade(sheet, existing, () => filledSheet(file) ?? [[...REGISTER_COLUMNS]], (header, i) => ({ header, format: 'general', width: REGISTER_WIDTHS[i] ?? 12 }));
}

/** The Re-spend survey sheet: as the user left it, else made (the answers of a file, then the largest local suppliers to ask). */
export function respendSheetPlan(sheet: string, existing: Grid | undefined, made: () => Grid): UserSheetPlan {
  return keptOrMade(sheet, existing, made, (header, i) => ({ header, format: header === 'Local share' ? 'percent' : 'general', width: SURVEY_WIDTHS[i] ?? 12 }));
}
