/**
 * Per-column hashes, to compare a million-row sheet before and after without holding two copies:
 * each column hashes the type and value of its cells in row order, with empty ("" / null /
 * undefined, which Excel reads back as "") distinct from every string.
 */

/**
 * Two 32-bit hashes per column: FNV-1a (its prime multiplication written as shifts) and a
 * djb2-style h*33 ^ c. Plain shifts and adds, because Math.imul is slow under Jest's VM context.
 */
class ColumnDigest {
  private fnv = 0x811c9dc5;
  private djb = 5381;
  private count = 0;

  add(cell: unknown): void {
    const text = cell === '' || cell === null || cell === undefined
      ? 'e'
      : typeof cell === 'string'
        ? `s${cell}`
        : typeof cell === 'number'
          ? `n${Object.is(cell, -0) ? 0 : cell}`
          : typeof cell === 'boolean'
            ? `b${cell ? 1 : 0}`
            : `?${String(cell)}`;
    let fnv = this.fnv;
    let djb = this.djb;
    // The text, then a separator, so ["ab", ""] and ["a", "b"] differ.
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 0x1f;
      fnv ^= code;
      fnv = (fnv + (fnv << 1) + (fnv << 4) + (fnv << 7) + (fnv << 8) + (fnv << 24)) >>> 0;
      djb = (((djb << 5) + djb) ^ code) >>> 0;
    }
    this.fnv = fnv;
    this.djb = djb;
    this.count++;
  }

  digest(): string {
    const hex = (n: number): string => n.toString(16).padStart(8, '0');
    return `${this.count}:${hex(this.fnv)}${hex(this.djb)}`;
  }
}

export interface ColumnHasher {
  /** Adds one row (a shorter row counts its missing cells as empty). */
  addRow(row: readonly unknown[]): void;
  /** One hash per column: "<rows>:<16 hex digits>". */
  digest(): string[];
}

export function createColumnHasher(columnCount: number): ColumnHasher {
  const columns = Array.from({ length: columnCount }, () => new ColumnDigest());
  return {
    addRow(row) {
      for (let c = 0; c < columnCount; c++) columns[c].add(row[c]);
    },
    digest() {
      return columns.map((column) => column.digest());
    },
  };
}

/** The per-column hashes of a 2-D array (as read from a sheet or generated for a test). */
export function hashColumns(rows: readonly (readonly unknown[])[]): string[] {
  const hasher = createColumnHasher(rows.reduce((max, row) => Math.max(max, row.length), 0));
  for (const row of rows) hasher.addRow(row);
  return hasher.digest();
}
