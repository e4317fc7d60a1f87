/**
 * Bytes of a text file → string, with the platform's TextDecoder (the WHATWG Encoding Standard,
 * in every browser and in Node). Spend files come as UTF-8 (with or without a byte-order mark)
 * or as Windows-1252 from older finance systems (Hyndburn's £ is the single byte 0xA3). Strictly
 * valid UTF-8 is read as UTF-8, anything else as Windows-1252, which maps every byte to a
 * character and so never fails. A UTF-16 byte-order mark (Excel's "Unicode" export) is honoured too.
 */

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** The part of TextDecoder the core uses; the core is compiled without the DOM's types. */
interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderClass = new (label: TextEncoding, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
const PlatformDecoder = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;

/** Fatal: strict UTF-8 (no overlong forms, surrogates, stray or missing bytes) or an error. Byte-order marks are stripped here, not by the decoder. */
const strictUtf8 = new PlatformDecoder('utf-8', { fatal: true, ignoreBOM: true });
const windows1252 = new PlatformDecoder('windows-1252');

/** Windows-1252 characters for bytes 0x80–0x9F; the five unassigned bytes keep their C1 code point. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

/**
 * Windows-1252 as the Encoding Standard defines it. Node from 20.18.3 decodes it as Latin-1,
 * leaving bytes 0x80–0x9F as C1 controls (nodejs/node#60888): those are mapped here. A decoder
 * that is right gives C1 controls only for the five unassigned bytes, which map to themselves.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return withWindows1252High(windows1252.decode(bytes));
}

/** Text from the platform's windows-1252 decoder with bytes 0x80–0x9F as the Encoding Standard maps them (see above). */
export function withWindows1252High(decoded: string): string {
  return decoded.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]));
}
const utf16le = new PlatformDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new PlatformDecoder('utf-16be', { ignoreBOM: true });

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: strictUtf8.decode(bytes.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
