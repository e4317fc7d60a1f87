/**
 * Which column holds which field, as proposed. Headers are matched against the words finance
 * systems really use, then checked against what the column holds (an "Amount" column full of text
 * is not the amount); a file without headers is mapped from content alone. Every choice has a
 * confidence so that the user can be asked to confirm the doubtful ones.
 */
import { isBlank, type Grid } from './cell';
import { contentFit, headerContentFactor, holdsNames, isHeadings, profileColumn, sampleRows, type ColumnProfile, type ContentField } from './column-profile';
import { isResultColumnHeader, matchHeader, type Field } from './header-vocabulary';
import { REQUIRED_FIELDS, type Mapping } from './mapping';
import type { TableLayout } from './table';

/** Fields found by content alone when no header names them, with the least fit that counts. */
const CONTENT_FIELDS: readonly { field: ContentField; minFit: number; headerless: boolean }[] = [
  { field: 'amount', minFit: 0.45, headerless: false },
  { field: 'date', minFit: 0.8, headerless: false },
  { field: 'postcode', minFit: 0.6, headerless: false },
  { field: 'supplier', minFit: 0.35, headerless: false },
  { field: 'address', minFit: 0.3, headerless: true },
  { field: 'description', minFit: 0.5, headerless: true },
];
/** An identifier's header over a column of names: weaker than a header that says "name". */
const ID_HEADER_OVER_NAMES = 0.8;
/** Content alone is weaker evidence than a header that names the field. */
const CONTENT_ONLY_CONFIDENCE = 0.6;
const MIN_CONFIDENCE = 0.3;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function proposeMapping(grid: Grid, layout: TableLayout): { mapping: Mapping; missing: Field[] } {
  const rows = sampleRows(layout);
  const width = layout.headers.length;
  const profiles = Array.from({ length: width }, (_, c) => profileColumn(grid, rows, c));
  const headerCells = layout.headerRow === null ? [] : grid[layout.headerRow] ?? [];
  const hasHeader = (c: number) => layout.headerRow !== null && !isBlank(headerCells[c] ?? null);

  const candidates: { field: Field; column: number; confidence: number }[] = [];
  for (let c = 0; c < width; c++) {
    if (!hasHeader(c)) continue;
    const matches = matchHeader(layout.headers[c]);
    for (const { field, confidence } of matches) {
      const column = dataColumnUnder(c, field, profiles, hasHeader);
      const score = confidence * headerContentFactor(field, profiles[column]);
      if (score >= MIN_CONFIDENCE) candidates.push({ field, column, confidence: score });
      if (field === 'supplierId' && holdsNames(profiles[column])) {
        candidates.push({ field: 'supplier', column, confidence: ID_HEADER_OVER_NAMES * contentFit('supplier', profiles[column]) });
      }
    }
  }
  // Strongest claims first; on a tie the leftmost column.
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);

  const mapping: Mapping = {};
  const taken = new Set<number>();
  for (let c = 0; c < width; c++) if (hasHeader(c) && isResultColumnHeader(layout.headers[c])) taken.add(c);
  const assign = (field: Field, column: number, confidence: number) => {
    mapping[field] = { column, header: layout.headers[column], confidence: round2(confidence) };
    taken.add(column);
  };
  for (const { field, column, confidence } of candidates) {
    if (mapping[field] === undefined && !taken.has(column)) assign(field, column, confidence);
  }
  chooseCategories(candidates, profiles, mapping, taken, assign);

  for (const { field, minFit, headerless } of CONTENT_FIELDS) {
    if (mapping[field] !== undefined || (headerless && layout.headerRow !== null)) continue;
    let best = -1;
    let bestFit = minFit;
    for (let c = 0; c < width; c++) {
      // A column whose header names a field still open is that field or nothing, whatever it
      // holds; a header naming a field found elsewhere ("Supplier PC") leaves it to content.
      if (taken.has(c) || (hasHeader(c) && claimsOpenField(layout.headers[c], mapping))) continue;
      const fit = contentFit(field, profiles[c]);
      // Amounts sit right of what they pay for, so the rightmost of equal columns wins.
      if (fit > bestFit || (fit === bestFit && fit > minFit && field === 'amount')) {
        best = c;
        bestFit = fit;
      }
    }
    if (best >= 0) assign(field, best, bestFit * CONTENT_ONLY_CONFIDENCE);
  }

  const missing = REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);
  return { mapping, missing };
}

/**
 * What was bought, at two levels where the file has two: of the columns whose headers claim a
 * category, the finest (most distinct values) is the category and a coarser one its group.
 * Without any, a column that names where the money was spent but is finer than the service
 * area (Newcastle's "Cost Centre Name" beside "Service Area") describes the purchase best; and
 * a "description" of few repeated headings ("Purpose of Spend": "Private Contractors") is a
 * category, not a description.
 */
function chooseCategories(
  candidates: readonly { field: Field; column: number; confidence: number }[],
  profiles: readonly ColumnProfile[],
  mapping: Mapping,
  taken: Set<number>,
  assign: (field: Field, column: number, confidence: number) => void,
): void {
  const release = (field: Field) => {
    const mapped = mapping[field];
    if (mapped) taken.delete(mapped.column);
    delete mapping[field];
    return mapped;
  };
  const claims = new Map<number, number>();
  for (const { field, column, confidence } of candidates) {
    if (field !== 'category' && field !== 'categoryGroup') continue;
    if (taken.has(column) && mapping.category?.column !== column && mapping.categoryGroup?.column !== column) continue;
    claims.set(column, Math.max(claims.get(column) ?? 0, field === 'category' ? confidence : confidence * 0.8));
  }
  const distinct = (column: number) => profiles[column].distinct;
  if (claims.size > 0) {
    const byFineness = [...claims].sort((a, b) => distinct(b[0]) - distinct(a[0]) || b[1] - a[1] || a[0] - b[0]);
    const [categoryColumn, categoryConfidence] = byFineness[0];
    const group = byFineness.find(([column]) => distinct(column) < distinct(categoryColumn));
    release('category');
    release('categoryGroup');
    assign('category', categoryColumn, categoryConfidence);
    if (group) assign('categoryGroup', group[0], group[1]);
    return;
  }
  const serviceArea = mapping.serviceArea;
  const description = mapping.description;
  let finest = description && isHeadings(profiles[description.column]) ? description.column : -1;
  for (let c = 0; c < profiles.length; c++) {
    if (taken.has(c) || !isHeadings(profiles[c])) continue;
    const header = candidates.find((candidate) => candidate.column === c && candidate.field === 'serviceArea');
    if (!header || (serviceArea && distinct(c) <= distinct(serviceArea.column))) continue;
    if (finest < 0 || distinct(c) > distinct(finest)) finest = c;
  }
  if (finest < 0) return;
  if (finest === description?.column) release('description');
  assign('category', finest, CONTENT_ONLY_CONFIDENCE);
}

function claimsOpenField(header: string, mapping: Mapping): boolean {
  return matchHeader(header).some((match) => mapping[match.field] === undefined);
}

/**
 * The column that holds the data of a header: the header's own, unless that is empty and a
 * neighbour without a header is not (exports that merge a header over two cells do this).
 */
function dataColumnUnder(
  column: number,
  field: Field,
  profiles: readonly ColumnProfile[],
  hasHeader: (c: number) => boolean,
): number {
  if (profiles[column].count > 0 || field === 'localityOverride' || field === 'influenceOverride') return column;
  for (const neighbour of [column + 1, column - 1]) {
    if (neighbour >= 0 && neighbour < profiles.length && !hasHeader(neighbour) && profiles[neighbour].count > 0) {
      return neighbour;
    }
  }
  return column;
}
