/**
 * How big a request to Excel may be. Excel on the web refuses requests and responses over 5 MB
 * and every platform refuses to read more than five million cells at once ("Resource limits and
 * performance optimization for Office Add-ins"); the adapter aims under both, with room to spare,
 * and measures what it sends as the JSON it becomes.
 */

/** The most one request (or the response to one read) should carry, in bytes of JSON. */
export const REQUEST_LIMIT_BYTES = 4_000_000;

/** What requests are filled to, by estimate: the estimates run a little under what Excel counts. */
export const REQUEST_BUDGET_BYTES = REQUEST_LIMIT_BYTES * 0.95;

/** Cells one read may ask for: Excel's limit is 5,000,000. */
export const MAX_CELLS_PER_READ = 4_000_000;

/** The JSON size of one cell value (with its separator), as it travels to or from Excel. */
export function valueBytes(value: unknown): number {
  if (typeof value === 'string') {
    let bytes = 3;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code < 0x20) bytes += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
      else if (code === 0x22 || code === 0x5c) bytes += 2;
      else if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else bytes += 3;
    }
    return bytes;
  }
  if (typeof value === 'number') return 24;
  if (typeof value === 'boolean') return 6;
  if (value !== null && typeof value === 'object') return valueBytes((value as { formula?: unknown }).formula);
  return 5;
}

export function rowBytes(row: readonly unknown[]): number {
  let bytes = 2;
  for (let i = 0; i < row.length; i++) bytes += valueBytes(row[i]);
  return bytes;
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** Excel's answer when a request or its response is over the size limit. */
export function isPayloadLimitError(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * Excel's possible answers to a read too large for it: the documented ones, and the
 * GeneralException Excel on the web has given large payloads (office-js #1012, #1314). A read
 * may also come back as null values with no error at all (office-js #6781): see `readRefused`.
 */
export function isOversizedReadError(error: unknown): boolean {
  const code = codeOf(error);
  return isPayloadLimitError(error) || code === 'RangeExceedsLimit' || code === 'GeneralException';
}

/** Whether any of the loaded ranges came back without its values. */
export function readRefused(ranges: readonly Excel.Range[]): boolean {
  return ranges.some((range) => !Array.isArray(range.values));
}
