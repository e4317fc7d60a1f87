/**
 * A mapping: which column holds which field, with how sure it is. Proposed by
 * mapping-proposal.ts (from column-profile.ts), corrected by map-overrides.ts.
 */
import type { Field } from './header-vocabulary';

// Part of what the mapping offers, in files of their own so that the table finder can use them without the mapping.
export { FIELDS, isResultColumnHeader, matchHeader, normaliseHeader, RESULT_COLUMN_HEADERS, type Field, type HeaderMatch } from './header-vocabulary';
export { columnIndex, columnLetter } from './column-letters';

export const REQUIRED_FIELDS: readonly Field[] = ['supplier', 'amount'];

export interface MappedColumn {
  /** 0-based grid column. */
  column: number;
  header: string;
  /** 0–1: how sure the proposal is; 1 for a column the user chose. */
  confidence: number;
}
export type Mapping = Partial<Record<Field, MappedColumn>>;

export interface MapOverride {
  field: Field;
  /** A header text (case and spaces ignored) or a column letter such as "F". */
  column: string;
}
