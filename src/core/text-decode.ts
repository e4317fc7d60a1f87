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
  const utf8 = decodeStrictUtf8(bytes, start);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** UTF-8 from `start`, or null at the first byte sequence that is not strictly valid UTF-8. */
function decodeStrictUtf8(bytes: Uint8Array, start: number): string | null {
  const n = bytes.length;
  // UTF-8 never needs more UTF-16 code units than it has bytes.
  const units = new Uint16Array(n - start);
  let out = 0;
  let i = start;
  while (i < n) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      units[out++] = b0;
      i++;
      continue;
    }
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      const b1 = bytes[i + 1];
      if (i + 1 >= n || (b1 & 0xc0) !== 0x80) return null;
      units[out++] = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
      continue;
    }
    if (b0 >= 0xe0 && b0 <= 0xef) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if (i + 2 >= n || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return null;
      // Reject overlong forms (E0 80–9F) and UTF-16 surrogates (ED A0–BF).
      if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 >= 0xa0)) return null;
      units[out++] = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      i += 3;
      continue;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      if (i + 3 >= n || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return null;
      // Reject overlong forms (F0 80–8F) and code points beyond U+10FFFF (F4 90–BF).
      if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 >= 0x90)) return null;
      const codePoint = (((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)) - 0x10000;
      units[out++] = 0xd800 + (codePoint >> 10);
      units[out++] = 0xdc00 + (codePoint & 0x3ff);
      i += 4;
      continue;
    }
    return null;
  }
  return unitsToString(units, out);
}

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b;
  }
  return unitsToString(units, units.length);
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const count = (bytes.length - start) >> 1;
  const units = new Uint16Array(count);
  for (let k = 0, i = start; k < count; k++, i += 2) {
    units[k] = littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
  }
  return unitsToString(units, count);
}

/** String.fromCharCode over slices, small enough for any engine's argument limit. */
const CHUNK = 8192;

function unitsToString(units: Uint16Array, length: number): string {
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(i + CHUNK, length)) as unknown as number[]));
  }
  return parts.join('');
}
