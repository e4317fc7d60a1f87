/**
 * XML read as bytes, for parts too large to decode whole: finding tags and their ends, a part's
 * namespace prefix, and text decoded a piece at a time. Only the markup is searched, and it is
 * ASCII, so UTF-8 text in between needs no decoding to be passed over.
 */

export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
export const EQUALS = 0x3d;
export const DOUBLE_QUOTE = 0x22;
export const SINGLE_QUOTE = 0x27;
const COLON = 0x3a;
const QUESTION = 0x3f;
const BANG = 0x21;

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

export const isNameEnd = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === GT || byte === SLASH;

export function startsWith(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) return false;
  return true;
}

/** The bytes as a plain Uint8Array: a subclass (Node's Buffer) makes subarray far slower. */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Where `pattern` next occurs in `bytes` at or after `from`, or -1. */
export function find(bytes: Uint8Array, pattern: Uint8Array, from: number, to = bytes.length): number {
  const first = pattern[0];
  const last = to - pattern.length;
  // A loop of its own: the distances are short, and TypedArray.indexOf costs more per call than it saves.
  for (let at = from; at <= last; at++) if (bytes[at] === first && startsWith(bytes, pattern, at)) return at;
  return -1;
}

/** Where `pattern` last occurs in `bytes` at or after `from`, or -1: the end tag of a part's one large element is near its end. */
export function findLast(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let at = bytes.length - pattern.length; at >= from; at--) if (bytes[at] === pattern[0] && startsWith(bytes, pattern, at)) return at;
  return -1;
}

/** Where `byte` next occurs at or after `from`, or -1. */
export function findByte(bytes: Uint8Array, byte: number, from: number): number {
  for (let at = from; at < bytes.length; at++) if (bytes[at] === byte) return at;
  return -1;
}

/** Where a start tag `<name` (followed by a space, ">" or "/") next begins, or -1. */
export function findStart(bytes: Uint8Array, open: Uint8Array, from: number, to: number): number {
  for (let at = find(bytes, open, from, to); at >= 0; at = find(bytes, open, at + 1, to)) {
    if (isNameEnd(bytes[at + open.length])) return at;
  }
  return -1;
}

/** The index just after the ">" that ends the tag opened at `at`, or -1 when the bytes end first; quoted values may hold ">". */
export function tagEndIn(bytes: Uint8Array, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < bytes.length; i++) {
    const byte = bytes[i];
    if (quote) {
      if (byte === quote) quote = 0;
    } else if (byte === DOUBLE_QUOTE || byte === SINGLE_QUOTE) {
      quote = byte;
    } else if (byte === GT) {
      return i + 1;
    }
  }
  return -1;
}

/** The index just after the ">" that ends the tag opened at `at`; quoted values may hold ">". */
export function tagEnd(bytes: Uint8Array, at: number): number {
  const end = tagEndIn(bytes, at);
  if (end < 0) throw new Error('an XML tag is not closed');
  return end;
}

/** The namespace prefix of the part's root element with its colon ("x:"), or ""; undefined while the bytes end before its name does. */
export function rootPrefix(bytes: Uint8Array): string | undefined {
  for (let at = findByte(bytes, LT, 0); at >= 0; at = findByte(bytes, LT, at + 1)) {
    const next = bytes[at + 1];
    if (next === QUESTION || next === BANG) continue;
    let end = at + 1;
    while (end < bytes.length && !isNameEnd(bytes[end])) end++;
    if (end === bytes.length) return undefined;
    const colon = findByte(bytes.subarray(0, end), COLON, at + 1);
    return colon < 0 ? '' : utf8.decode(bytes.subarray(at + 1, colon + 1));
  }
  return undefined;
}

/** The tags of one part, as bytes, for its namespace prefix. */
export class Tags {
  readonly open: (name: string) => Uint8Array;
  readonly close: (name: string) => Uint8Array;
  constructor(prefix: string) {
    this.open = (name) => encoder.encode(`<${prefix}${name}`);
    this.close = (name) => encoder.encode(`</${prefix}${name}>`);
  }
}

