/**
 * Why the supplier or amount column of a sheet was not found, in words that point at the column
 * the user most likely meant: amounts written with a decimal comma ("2773,85") are not read as
 * money, and a --map choice may have taken the very column that held the field. Otherwise the
 * columns there are listed, with how to name the right one.
 */
import { isBlank, type Grid } from '../cell';
import { columnLetter } from '../column-letters';
import type { Field } from '../header-vocabulary';
import { likeliestColumns } from '../likeliest-columns';
import type { MapOverride, Mapping } from '../mapping';
import type { TableLayout } from '../table';

/** Rows looked at for each column. */
const SAMPLE_ROWS = 400;
/** A column is taken for decimal-comma amounts when at least this share of its values are. */
const DECIMAL_COMMA_SHARE = 0.5;
/** "2773,85", "-12,5", "1.234,56", "£ 1 234,56", "(12,50)": a comma then one or two digits at the end. */
const DECIMAL_COMMA = /^[-+(]?\s*(?:£|€)?\s*-?\d{1,3}(?:[. \u00a0]?\d{3})*,\d{1,2}\s*\)?-?$/;

/** "A "Supplier Name", B "Net Amount"" (columns without a header are left out). */
export function describeColumns(layout: TableLayout): string {
  return layout.headers
    .map((header, i) => (header ? `${columnLetter(i)} "${header}"` : ''))
    .filter(Boolean)
    .join(', ');
}

/** The text of a column's sampled values that are not blank. */
function sampledValues(grid: Grid, layout: TableLayout, column: number): string[] {
  const values: string[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow && values.length < SAMPLE_ROWS; r++) {
    const cell = grid[r]?.[column];
    if (cell !== undefined && !isBlank(cell)) values.push(String(cell).trim());
  }
  return values;
}

const column = (layout: TableLayout, index: number) => `column ${columnLetter(index)}${layout.headers[index] ? ` "${layout.headers[index]}"` : ''}`;

/** The column whose values are mostly amounts with a decimal comma, with one of them. */
function decimalCommaColumn(grid: Grid, layout: TableLayout): { column: number; example: string } | undefined {
  let best: { column: number; example: string; share: number } | undefined;
  for (let c = 0; c < layout.headers.length; c++) {
    const values = sampledValues(grid, layout, c);
    const matching = values.filter((value) => DECIMAL_COMMA.test(value));
    const share = values.length > 0 ? matching.length / values.length : 0;
    if (share >= DECIMAL_COMMA_SHARE && (!best || share > best.share)) best = { column: c, example: matching[0], share };
  }
  return best;
}

/** Why `field` is missing when a --map choice took the column the sheet's own mapping found for it. */
function takenByMap(field: Field, proposed: Mapping, mapping: Mapping, overrides: readonly MapOverride[], grid: Grid, layout: TableLayout): string | undefined {
  const had = proposed[field]?.column;
  if (had === undefined) return undefined;
  const taker = overrides.find((override) => override.field !== field && mapping[override.field]?.column === had);
  if (!taker) return undefined;
  const example = sampledValues(grid, layout, had)[0];
  const holds = `the ${field === 'supplier' ? 'supplier names' : 'amounts'}${example === undefined ? '' : ` (e.g. ${JSON.stringify(example)})`}`;
  return `--map ${taker.field}="${taker.column}" took ${column(layout, had)}, which holds ${holds}, so there is no ${field} column left; map ${taker.field} to its own column (the columns are ${describeColumns(layout)})`;
}

/** The columns likeliest to hold the missing fields, with values from them; else every column. */
function describeCandidates(grid: Grid, layout: TableLayout, missing: readonly Field[]): string {
  const described = missing.map((field) => {
    const candidates = field === 'supplier' || field === 'amount' ? likeliestColumns(grid, layout, field) : [];
    const list = candidates.map((c) => `${columnLetter(c.column)} "${c.header}" (e.g. ${c.samples.map((v) => JSON.stringify(v)).join(', ')})`);
    return list.length > 0 ? `the likeliest for the ${field} are ${list.join(', ')}` : undefined;
  });
  if (described.every((text) => text !== undefined)) return described.join('; ');
  return `the columns are ${describeColumns(layout) || 'none (the sheet is empty)'}`;
}

export interface MissingColumns {
  grid: Grid;
  layout: TableLayout;
  /** The required fields without a column. */
  missing: readonly Field[];
  /** The mapping found before the user's --map choices, and after them. */
  proposed: Mapping;
  mapping: Mapping;
  overrides: readonly MapOverride[];
}

/** What to tell the user about the missing columns of one sheet (to follow its name and a colon). */
export function missingColumnsMessage({ grid, layout, missing, proposed, mapping, overrides }: MissingColumns): string {
  const explained: string[] = [];
  const unexplained: Field[] = [];
  for (const field of missing) {
    const taken = takenByMap(field, proposed, mapping, overrides, grid, layout);
    const comma = !taken && field === 'amount' ? decimalCommaColumn(grid, layout) : undefined;
    if (taken) explained.push(taken);
    else if (comma) {
      explained.push(
        `the amounts in ${column(layout, comma.column)} are written with a decimal comma (e.g. ${comma.example}), which is not read as money; save the file with decimal points (${comma.example.replace(/[. \u00a0](?=\d{3})/g, '').replace(',', '.')})`,
      );
    } else unexplained.push(field);
  }
  if (unexplained.length > 0) {
    const how = unexplained.map((field) => `--map ${field}="HEADER" (or a column letter)`).join(' and ');
    explained.push(`no ${unexplained.join(' or ')} column found; ${describeCandidates(grid, layout, unexplained)}. Name ${unexplained.length > 1 ? 'them' : 'it'} with ${how}`);
  }
  return `${explained.join('; ')}.`;
}
