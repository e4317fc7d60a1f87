/** Formulas over the analysis table: every summary figure traces back to its rows. */
import { columnLetter } from '../column-letters';
import { ANALYSIS_COLUMN } from './columns';

/** Absolute references to the analysis table's columns, for SUMIFS (or SUMPRODUCT). */
export class AnalysisRefs {
  constructor(
    private readonly sheet: string,
    private readonly dataRows: number,
  ) {}

  range(index: number): string {
    const letter = columnLetter(index);
    const last = Math.max(2, this.dataRows + 1);
    return `${quoteSheet(this.sheet)}!$${letter}$2:$${letter}$${last}`;
  }

  /**
   * SUM of a money column where each criterion column equals its text: SUMIFS, or SUMPRODUCT
   * over comparisons when SUMIFS would not match one of the texts literally.
   */
  sum(criteria: [number, string][], money = ANALYSIS_COLUMN.amount): string {
    if (criteria.length === 0) return `SUM(${this.range(money)})`;
    if (!criteria.every(([, text]) => sumifsMatchesLiterally(text))) return `SUMPRODUCT(${this.comparisons(criteria)}*${this.range(money)})`;
    return `SUMIFS(${this.range(money)},${criteria.map(([c, text]) => `${this.range(c)},${criterionText(text)}`).join(',')})`;
  }

  count(criteria: [number, string][]): string {
    if (criteria.length === 0) return `ROWS(${this.range(ANALYSIS_COLUMN.amount)})`;
    if (!criteria.every(([, text]) => sumifsMatchesLiterally(text))) return `SUMPRODUCT(${this.comparisons(criteria)}*1)`;
    return `COUNTIFS(${criteria.map(([c, text]) => `${this.range(c)},${criterionText(text)}`).join(',')})`;
  }

  /** (column="text")*(column="text")…: 1 where a row equals every text (ignoring case, as SUMIFS does), else 0. */
  private comparisons(criteria: [number, string][]): string {
    return criteria.map(([c, text]) => `(${this.range(c)}=${textValue(text)})`).join('*');
  }

  /** The share of total spend (or of another total: an anchor's) a formula's amount is, or "n/a" when that total is not positive. */
  share(part: string, total = this.sum([])): string {
    return `IF(${total}>0,${part}/${total},"n/a")`;
  }
}

/** Always quoted: a sheet named like a cell ("LSB1", "R1C1") must be, and quoting is always valid. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel takes no longer text value in a formula, and no longer criterion (SUMIF and COUNTIF, support.microsoft.com). */
const MAX_FORMULA_TEXT = 255;

/**
 * The criterion for a text, before it is quoted: "=" first so it matches exactly (a supplier
 * called "<100 Ltd" or a wildcard "*" is not a comparison or a pattern), with ~ escaping * ? and ~.
 */
const criterion = (text: string): string => `=${text.replace(/[~*?]/g, '~$&')}`;

/**
 * Whether a SUMIFS criterion matches the text literally. A criterion that reads as a number, a
 * date or time, TRUE or FALSE, or an error value matches by value, in the user's culture ("2024"
 * matches "02024" too, "1/4/2024" matches "01/04/2024"), and one over 255 characters does not
 * match at all. Text without a digit reads as no number, date or time in any culture.
 */
export function sumifsMatchesLiterally(text: string): boolean {
  return criterion(text).length <= MAX_FORMULA_TEXT && !/\d/.test(text) && !/^(true|false)$/i.test(text.trim()) && !text.trimStart().startsWith('#');
}

function criterionText(text: string): string {
  return `"${criterion(text).replace(/"/g, '""')}"`;
}

/** A text as a formula's text value: pieces of at most 255 characters joined with &, as Excel requires. */
export function textValue(text: string): string {
  const pieces: string[] = [];
  for (let at = 0; at < text.length || pieces.length === 0; ) {
    let end = Math.min(text.length, at + MAX_FORMULA_TEXT);
    // A piece never ends between the two halves of a surrogate pair.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    pieces.push(`"${text.slice(at, end).replace(/"/g, '""')}"`);
    at = end;
  }
  return pieces.join('&');
}
