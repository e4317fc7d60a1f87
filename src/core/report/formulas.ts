/** Formulas over the analysis table: every summary figure traces back to its rows. */
import { columnLetter } from '../column-letters';
import { ANALYSIS_COLUMN } from './columns';

/** Absolute references to the analysis table's columns, for SUMIFS. */
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

  /** SUM of a money column where each criterion column equals its text. */
  sum(criteria: [number, string][], money = ANALYSIS_COLUMN.amount): string {
    if (criteria.length === 0) return `SUM(${this.range(money)})`;
    return `SUMIFS(${this.range(money)},${criteria.map(([c, text]) => `${this.range(c)},${formulaText(text)}`).join(',')})`;
  }

  count(criteria: [number, string][]): string {
    if (criteria.length === 0) return `ROWS(${this.range(ANALYSIS_COLUMN.amount)})`;
    return `COUNTIFS(${criteria.map(([c, text]) => `${this.range(c)},${formulaText(text)}`).join(',')})`;
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

/**
 * A text criterion for SUMIFS: "=" first so it matches exactly (a supplier called "<100 Ltd" or
 * a wildcard "*" is not a comparison or a pattern), with ~ escaping * ? and ~.
 */
function formulaText(text: string): string {
  const escaped = text.replace(/[~*?]/g, '~$&');
  return `"=${escaped.replace(/"/g, '""')}"`;
}
