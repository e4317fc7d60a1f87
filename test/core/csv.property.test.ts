/**
 * CSV and the bytes it comes in: the parser and decoder never throw; records written with
 * csvField in any delimiter and line end read back exactly, and the delimiter is found again;
 * text encoded as UTF-8, UTF-16 or Windows-1252 decodes back to itself.
 */
import fc from 'fast-check';
import { csvField, detectDelimiter, parseCsv, type Delimiter } from '../../src/core/csv';
import { decodeText } from '../../src/core/text-decode';
import { anyText, assertProperty } from '../support/properties';

const delimiter = fc.constantFrom<Delimiter>(',', ';', '\t');
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const records = fc.array(fc.array(anyText(12), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

/** CSV text as csvField writes it, every record ended by a line end. */
function writeCsv(rows: readonly string[][], separator: Delimiter, end: string): string {
  return rows.map((row) => `${row.map(csvField).join(separator)}${end}`).join('');
}

describe('CSV properties', () => {
  test('parseCsv and detectDelimiter never throw, whatever the text', () => {
    assertProperty(
      fc.property(anyText(200), fc.option(delimiter, { nil: undefined }), (text, separator) => {
        const parsed = parseCsv(text, separator ?? detectDelimiter(text));
        for (const record of parsed) expect(record.length).toBeGreaterThan(0);
      }),
    );
  });

  test('records written with csvField read back exactly, in every delimiter and line end', () => {
    assertProperty(
      fc.property(records, delimiter, lineEnd, (rows, separator, end) => {
        expect(parseCsv(writeCsv(rows, separator, end), separator)).toEqual(rows);
      }),
    );
  });

  // Cells full of another delimiter can make any single reading ambiguous, so they hold only their own.
  test('a table of two or more columns, quotes and line ends in its cells, is read with the delimiter it was written with', () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((width) => fc.array(fc.array(anyText(12), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })),
        delimiter,
        lineEnd,
        (cells, separator, end) => {
          const others = new RegExp(`[${[',', ';', '\t'].filter((d) => d !== separator).join('')}]`, 'g');
          const rows = cells.map((row) => row.map((cell) => cell.replace(others, '')));
          const text = writeCsv(rows, separator, end);
          expect(detectDelimiter(text)).toBe(separator);
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
    );
  });
});

/** Windows-1252's characters for bytes 0x80–0x9F (undefined where the code page has none). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252Bytes(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    const high = WINDOWS_1252_HIGH.indexOf(c);
    return high >= 0 ? 0x80 + high : code;
  }));
}

const windows1252Text = fc.string({
  maxLength: 60,
  unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), fc.constantFrom(...WINDOWS_1252_HIGH)),
});

function utf16Bytes(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

/** Whether a strict UTF-8 decoder accepts the bytes. */
function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('text decoding properties', () => {
  test('decodeText never throws, and calls bytes UTF-8 exactly when a strict UTF-8 decoder accepts them', () => {
    assertProperty(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const decoded = decodeText(bytes);
        if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return;
        expect(decoded.encoding === 'utf-8').toBe(isStrictUtf8(bytes));
        if (decoded.encoding === 'utf-8') expect(decoded.text).toBe(new TextDecoder('utf-8').decode(bytes));
      }),
    );
  });

  test('any text encoded as UTF-8, with or without a byte-order mark, decodes back to itself', () => {
    assertProperty(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), anyText(60)), fc.boolean(), (text, mark) => {
        const encoded = new TextEncoder().encode(text);
        const bytes = mark ? Uint8Array.from([0xef, 0xbb, 0xbf, ...encoded]) : encoded;
        // A U+FEFF that starts the text is a byte-order mark, and dropped.
        expect(decodeText(bytes)).toEqual({ text: mark ? text : text.replace(/^\ufeff/, ''), encoding: 'utf-8' });
      }),
    );
  });

  test('text in Windows-1252 that is not also valid UTF-8 decodes back to itself', () => {
    assertProperty(
      fc.property(windows1252Text, (text) => {
        const bytes = windows1252Bytes(text);
        // Bytes that are also valid UTF-8, or start like a UTF-16 byte-order mark ("ÿþ"), read as those.
        if (isStrictUtf8(bytes) || /^(ÿþ|þÿ)/.test(text)) return;
        expect(decodeText(bytes)).toEqual({ text, encoding: 'windows-1252' });
      }),
    );
  });

  test('text in UTF-16 with its byte-order mark decodes back to itself, either byte order', () => {
    assertProperty(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.boolean(), (text, littleEndian) => {
        expect(decodeText(utf16Bytes(text, littleEndian))).toEqual({ text, encoding: littleEndian ? 'utf-16le' : 'utf-16be' });
      }),
    );
  });
});
