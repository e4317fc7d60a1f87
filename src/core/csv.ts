/**
 * CSV as spend files are really published: comma, semicolon or tab delimited; LF, CRLF or
 * CR-only line ends (old Mac exports); quoted fields with doubled quotes and embedded line ends.
 * Blank lines are kept as records so that record n is the line Excel shows as row n.
 */

export type Delimiter = ',' | ';' | '\t';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The delimiter that splits the first lines most consistently into more than one field.
 * Comma wins ties, since it is what UK finance systems export.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = parseCsv(sample, delimiter)
      .slice(0, 50)
      .map((record) => record.length)
      .filter((n) => n > 1);
    if (counts.length === 0) continue;
    const modal = mode(counts);
    const score = counts.filter((n) => n === modal).length * Math.log2(modal);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function mode(values: number[]): number {
  const tally = new Map<number, number>();
  let best = values[0];
  for (const v of values) {
    const n = (tally.get(v) ?? 0) + 1;
    tally.set(v, n);
    if (n > (tally.get(best) ?? 0)) best = v;
  }
  return best;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Parses CSV text into records of fields. A trailing line end does not make an extra record.
 * Fields are returned exactly as written (no trimming): deciding what spaces mean is the
 * caller's business.
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let record: string[] = [];
  let i = 0;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted field: runs to the next quote that is not doubled.
      let value = '';
      let start = i + 1;
      i = start;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Text after the closing quote, before the delimiter, is kept as Excel keeps it.
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === sep || c === CR || c === LF) break;
        end++;
      }
      field = value + text.slice(i, end);
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === sep || c === CR || c === LF) break;
        end++;
      }
      field = text.slice(i, end);
      i = end;
    }
    record.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) record.push('');
      continue;
    }
    // A line end: CRLF, CR or LF.
    records.push(record);
    record = [];
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
  }
  if (record.length > 0) records.push(record);
  return records;
}

/** The text of one field as it must be written so that parseCsv reads it back unchanged. */
export function csvField(value: string): string {
  return /[",\r\n;\t]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
