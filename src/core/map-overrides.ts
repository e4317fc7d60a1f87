/**
 * The user's corrections to the mapping: `--map field="Header"` (or a column letter) parsed, and
 * applied over the proposal.
 */
import { columnIndex, columnLetter } from './column-letters';
import { FIELDS, type Field } from './header-vocabulary';
import type { Mapping, MapOverride } from './mapping';
import type { TableLayout } from './table';

function compactHeader(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

function describeColumns(layout: TableLayout): string {
  return layout.headers.map((header, c) => `${columnLetter(c)} "${header}"`).join(', ');
}

function fieldNamed(name: string): Field | undefined {
  const wanted = name.toLowerCase().replace(/[\s_-]+/g, '');
  return FIELDS.find((field) => field.toLowerCase() === wanted);
}

/** The column an override names: a header (case and spaces ignored) first, then a letter. */
function resolveColumn(column: string, layout: TableLayout): number {
  const wanted = compactHeader(column);
  const byHeader = layout.headers.findIndex((header) => compactHeader(header) === wanted);
  if (byHeader >= 0) return byHeader;
  const byLetter = columnIndex(column.trim());
  if (byLetter >= 0 && byLetter < layout.headers.length) return byLetter;
  return -1;
}

/**
 * The mapping with the user's choices applied. A column given to a field is taken from any
 * field the proposal had put on it, so one column never feeds two fields by accident.
 */
export function applyMapOverrides(mapping: Mapping, overrides: readonly MapOverride[], layout: TableLayout): Mapping {
  const result: Mapping = { ...mapping };
  const chosen = new Set<Field>();
  for (const override of overrides) {
    const field = fieldNamed(override.field);
    if (field === undefined) {
      throw new Error(`Unknown field "${override.field}" in the column mapping; fields are: ${FIELDS.join(', ')}`);
    }
    const column = resolveColumn(override.column, layout);
    if (column < 0) {
      throw new Error(
        `No column "${override.column}" for ${field}; the columns are: ${describeColumns(layout) || '(none)'}`,
      );
    }
    for (const other of FIELDS) {
      if (other !== field && !chosen.has(other) && result[other]?.column === column) delete result[other];
    }
    result[field] = { column, header: layout.headers[column], confidence: 1 };
    chosen.add(field);
  }
  return result;
}

/** One `--map` option: `field="Header text"`, `field=Header text` or `field=F`. */
export function parseMapOption(text: string): MapOverride {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    throw new Error(`--map ${JSON.stringify(text)}: expected field="Column header" or field=F (a column letter)`);
  }
  const name = text.slice(0, equals).trim();
  const field = fieldNamed(name);
  if (field === undefined) {
    throw new Error(`--map ${JSON.stringify(text)}: unknown field "${name}"; fields are: ${FIELDS.join(', ')}`);
  }
  let column = text.slice(equals + 1).trim();
  if (column.length >= 2 && /^(["']).*\1$/.test(column)) column = column.slice(1, -1);
  if (column.trim() === '') throw new Error(`--map ${JSON.stringify(text)}: no column given for ${field}`);
  return { field, column };
}
