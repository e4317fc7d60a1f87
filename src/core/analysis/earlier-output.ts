/**
 * What an earlier analysis written to the same output holds that the user typed, carried into
 * the new one so that no correction is lost when the same command is run again: its Suppliers,
 * Rules and Local register sheets (the host hands them to the analysis as the workbook's own),
 * and the row overrides, each carried to the row of the same sheet and row number when that row
 * still has the same supplier and amount. The rest are listed, never dropped unseen.
 */
import { isBlank, type Grid } from '../cell';
import { directoryFromSheet } from '../directory';
import type { SpendRow } from '../rows';
import { countOf, poundsText } from '../wording';
import type { SpendData } from './spend-data';

/** A row override of the earlier analysis that could not be carried. */
export interface OverrideNotCarried {
  /** The sheet (or combined file) and row number it was on. */
  sheet: string;
  row: number;
  supplier: string;
  amount: number;
  localityOverride?: string;
  influenceOverride?: string;
  /** Why: what that row is now. */
  why: string;
}

export interface CarriedOverrides {
  /** The data with the carried overrides on its rows. */
  data: SpendData;
  carried: number;
  notCarried: OverrideNotCarried[];
}

/** The sheet a row came from: its combined file, or the one data sheet. */
function sheetOf(data: SpendData, row: { source?: string }): string {
  return row.source || (data.sheets[0]?.source || data.sheets[0]?.sheet) || '';
}

const placeKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

/**
 * The earlier analysis's row overrides on the rows of this one. A row takes them when it is on
 * the sheet of the same name, at the same row number, with the same supplier and amount, and has
 * no override of its own, on a sheet whose override columns are new (where the input has its
 * own, those are the user's).
 */
export function carryOverrides(data: SpendData, earlier: SpendData): CarriedOverrides {
  const withOverrides = earlier.rows.filter((row) => row.localityOverride !== undefined || row.influenceOverride !== undefined);
  if (withOverrides.length === 0) return { data, carried: 0, notCarried: [] };
  const rowsAt = new Map<string, number>();
  data.rows.forEach((row, i) => rowsAt.set(placeKey(sheetOf(data, row), row.row), i));
  const skippedAt = new Map(data.skipped.map((skip) => [placeKey(sheetOf(data, skip), skip.row), skip]));
  const ownColumns = new Set(data.sheets.filter((sheet) => sheet.block.existed).map((sheet) => sheet.source || sheet.sheet));
  const rows = [...data.rows];
  let carried = 0;
  const notCarried: OverrideNotCarried[] = [];
  for (const old of withOverrides) {
    const sheet = sheetOf(earlier, old);
    const place = placeKey(sheet, old.row);
    const index = rowsAt.get(place);
    const now = index === undefined ? undefined : rows[index];
    const miss = (why: string) => {
      notCarried.push({
        sheet,
        row: old.row,
        supplier: old.supplier,
        amount: old.amount,
        ...(old.localityOverride !== undefined ? { localityOverride: old.localityOverride } : {}),
        ...(old.influenceOverride !== undefined ? { influenceOverride: old.influenceOverride } : {}),
        why,
      });
    };
    if (!now) {
      const skip = skippedAt.get(place);
      miss(skip ? `not analysed now: ${skip.reason}` : 'no such payment now');
    } else if (now.supplier !== old.supplier || now.amount !== old.amount) {
      miss(`now ${now.supplier}, ${poundsText(now.amount)}`);
    } else if (ownColumns.has(sheet)) {
      if (now.localityOverride !== old.localityOverride || now.influenceOverride !== old.influenceOverride) miss("the input's own override columns say otherwise");
    } else if (now.localityOverride === undefined && now.influenceOverride === undefined) {
      const next: SpendRow = { ...now };
      if (old.localityOverride !== undefined) next.localityOverride = old.localityOverride;
      if (old.influenceOverride !== undefined) next.influenceOverride = old.influenceOverride;
      rows[index!] = next;
      carried++;
    }
  }
  return { data: { ...data, rows }, carried, notCarried };
}

/** Lines below a sheet's header that hold anything. */
function entries(grid: Grid | undefined): number {
  return (grid ?? []).slice(1).filter((row) => row.some((cell) => !isBlank(cell))).length;
}

/** Suppliers with something the user typed: a postcode the add-in did not find, a type, an override or a note. */
function correctedSuppliers(grid: Grid): number {
  const { directory } = directoryFromSheet(grid, 'Suppliers');
  let corrected = 0;
  for (const entry of directory.entries.values()) {
    if ((entry.postcode && !entry.postcodeSource) || entry.type || entry.localityOverride || entry.influenceOverride || entry.notes) corrected++;
  }
  return corrected;
}

/** What the console says was carried from the earlier output `name`, and each row override that was not. */
export function carriedLines(name: string, sheets: { suppliers?: Grid; rules?: Grid; register?: Grid; respend?: Grid }, overrides: Omit<CarriedOverrides, 'data'>): string[] {
  const parts: string[] = [];
  if (sheets.suppliers) {
    const corrected = correctedSuppliers(sheets.suppliers);
    parts.push(`Suppliers sheet ${countOf(entries(sheets.suppliers), 'line')}${corrected > 0 ? ` (${corrected.toLocaleString('en-GB')} with your corrections)` : ''}`);
  }
  if (sheets.rules) parts.push(`Rules sheet ${countOf(entries(sheets.rules), 'rule')}`);
  if (sheets.register) parts.push(`Local register ${countOf(entries(sheets.register), 'entry', 'entries')}`);
  // The survey's staff cells and how-to sit to the right: its suppliers are the lines named in column A.
  if (sheets.respend) parts.push(`Re-spend survey ${countOf(sheets.respend.slice(1).filter((row) => !isBlank(row[0] ?? null)).length, 'supplier')}`);
  parts.push(countOf(overrides.carried, 'row override'));
  const lines = [`Carried from the earlier ${name}: ${parts.join(', ')}.`];
  if (overrides.notCarried.length > 0) {
    lines.push(`${countOf(overrides.notCarried.length, 'row override')} not carried, its payment not being as it was:`);
    for (const miss of overrides.notCarried) {
      const typed = [
        miss.localityOverride !== undefined ? `Locality override "${miss.localityOverride}"` : '',
        miss.influenceOverride !== undefined ? `Influence override "${miss.influenceOverride}"` : '',
      ].filter(Boolean);
      lines.push(`  ${miss.sheet ? `${miss.sheet} ` : ''}row ${miss.row} (${miss.supplier}, ${poundsText(miss.amount)}): ${typed.join(', ')}; ${miss.why}`);
    }
  }
  return lines;
}
