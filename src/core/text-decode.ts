/**
 * Bytes of a text file → string, without TextDecoder (the core runs where there is none).
 * Spend files come as UTF-8 (with or without a byte-order mark) or as Windows-1252 from older
 * finance systems (Hyndburn's £ is the single byte 0xA3). Strictly valid UTF-8 is read as UTF-8,
 * anything else as Windows-1252, which maps every byte to a character and so never fails.
 * A UTF-16 byte-order mark (Excel's "Unicode" export) is honoured too.
 */

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Windows-1252 characters for bytes 0x80–0x9F; the five unassigned bytes keep their C1 code point. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes, 2, true), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes, 2, false), encoding: 'utf-16be' };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Checking first is cheap (a scan) and spares decoding a whole file twice when a Windows-1252
  // £ turns up on its last line.
  if (isStrictUtf8(bytes, start)) return { text: decodeUtf8(bytes, start), encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** Whether the bytes from `start` are strictly valid UTF-8: no overlong forms, surrogates or stray bytes. */
export function isStrictUtf8(bytes: Uint8Array, start = 0): boolean {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      length = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      if (b0 === 0xe0) min = 0xa0; // overlong
      if (b0 === 0xed) max = 0x9f; // UTF-16 surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      if (b0 === 0xf0) min = 0x90; // overlong
      if (b0 === 0xf4) max = 0x8f; // beyond U+10FFFF
    } else {
      return false;
    }
    if (i + length > n) return false;
    const b1 = bytes[i + 1];
    if (b1 < min || b1 > max) return false;
    for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    i += length;
  }
  return true;
}

/**
 * Text is built CHUNK code units at a time: String.fromCharCode over a small plain array is
 * several times faster than over a typed array, and stays within every engine's argument limit.
 */
const CHUNK = 8192;

class StringBuilder {
  private text = '';
  private readonly units: number[] = new Array<number>(CHUNK).fill(0);
  private length = 0;

  push(unit: number): void {
    this.units[this.length++] = unit;
    if (this.length === CHUNK) {
      this.text += String.fromCharCode.apply(null, this.units);
      this.length = 0;
    }
  }

  toString(): string {
    return this.text + String.fromCharCode.apply(null, this.units.slice(0, this.length));
  }
}

/** UTF-8 already known to be valid (see isStrictUtf8). */
function decodeUtf8(bytes: Uint8Array, start: number): string {
  const n = bytes.length;
  const out = new StringBuilder();
  let i = start;
  while (i < n) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      out.push(b0);
      i++;
    } else if (b0 < 0xe0) {
      out.push(((b0 & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
      i += 2;
    } else if (b0 < 0xf0) {
      out.push(((b0 & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      i += 3;
    } else {
      const codePoint =
        (((b0 & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f)) -
        0x10000;
      out.push(0xd800 + (codePoint >> 10));
      out.push(0xdc00 + (codePoint & 0x3ff));
      i += 4;
    }
  }
  return out.toString();
}

function decodeWindows1252(bytes: Uint8Array): string {
  const out = new StringBuilder();
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out.push(b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b);
  }
  return out.toString();
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const out = new StringBuilder();
  for (let i = start; i + 1 < bytes.length; i += 2) {
    out.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  }
  return out.toString();
}
