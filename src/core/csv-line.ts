/** One line of a large CSV source, split into its fields without parsing the whole file. */

/**
 * Splits one line of comma-separated values into at most `limit` fields (a large source's
 * reader needs only its first columns); undefined when a quote is not closed, as when a quoted
 * field holds a line break and the line goes on.
 */
export function splitCsvLine(line: string, limit = 0xffffffff): string[] | undefined {
  if (!line.includes('"')) return line.split(',', limit);
  const fields: string[] = [];
  let i = 0;
  while (fields.length < limit) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      let start = i + 1;
      for (;;) {
        const q = line.indexOf('"', start);
        if (q < 0) return undefined;
        if (line.charCodeAt(q + 1) === 34) {
          value += line.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += line.slice(start, q);
        i = q + 1;
        break;
      }
      const comma = line.indexOf(',', i);
      fields.push(value + line.slice(i, comma < 0 ? line.length : comma));
      if (comma < 0) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma));
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
  return fields;
}
