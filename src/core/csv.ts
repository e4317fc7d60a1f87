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
  const n = text.length;
  // The next line feed, carriage return, quote and delimiter at or after the read position:
  // found with indexOf and kept, so every search moves forward only (linear even for CR-only
  // files, where a search for a line feed would otherwise run to the end every time).
  let nextLf = -2;
  let nextCr = -2;
  let nextQuote = -2;
  let nextSep = -2;
  const lineEndFrom = (from: number): number => {
    if (nextLf !== -1 && nextLf < from) nextLf = text.indexOf('\n', from);
    if (nextCr !== -1 && nextCr < from) nextCr = text.indexOf('\r', from);
    const lf = nextLf === -1 ? n : nextLf;
    return nextCr !== -1 && nextCr < lf ? nextCr : lf;
  };
  const quoteFrom = (from: number): number => {
    if (nextQuote !== -1 && nextQuote < from) nextQuote = text.indexOf('"', from);
    return nextQuote === -1 ? n : nextQuote;
  };
  const sepFrom = (from: number): number => {
    if (nextSep !== -1 && nextSep < from) nextSep = text.indexOf(delimiter, from);
    return nextSep === -1 ? n : nextSep;
  };
  /** After the line end at `end`: CRLF, CR or LF. */
  const afterLineEnd = (end: number) => end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);

  /** One record with a quote in it, from `start`; returns where the next record starts. */
  const readQuotedRecord = (start: number): number => {
    const record: string[] = [];
    let i = start;
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next quote that is not doubled, across line ends.
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = quoteFrom(from);
          if (q >= n) {
            value += text.slice(from);
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        // Text after the closing quote, before the delimiter, is kept as Excel keeps it.
        const end = fieldEnd(i);
        field = value + text.slice(i, end);
        i = end;
      } else {
        const end = fieldEnd(i);
        field = text.slice(i, end);
        i = end;
      }
      record.push(field);
      if (i >= n) break;
      if (text.charCodeAt(i) === sep) {
        i++;
        if (i >= n) {
          record.push('');
          break;
        }
        continue;
      }
      i = afterLineEnd(i);
      break;
    }
    records.push(record);
    return i;
  };
  const sep = delimiter.charCodeAt(0);
  /** End of an unquoted field from `from`: the next delimiter or line end. */
  const fieldEnd = (from: number): number => {
    return Math.min(lineEndFrom(from), sepFrom(from));
  };

  let i = 0;
  while (i < n) {
    const end = lineEndFrom(i);
    if (quoteFrom(i) < end) {
      i = readQuotedRecord(i);
      continue;
    }
    // Most lines have no quotes: the engine's split does them far faster than a scan.
    records.push(text.slice(i, end).split(delimiter));
    if (end >= n) break;
    i = afterLineEnd(end);
  }
  return records;
}

/** The text of one field as it must be written so that parseCsv reads it back unchanged. */
export function csvField(value: string): string {
  return /[",\r\n;\t]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
