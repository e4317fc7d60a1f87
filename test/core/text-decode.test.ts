import { decodeText } from '../../src/core/text-decode';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  test('UTF-8 without and with a byte-order mark (the mark is dropped)', () => {
    expect(decodeText(utf8('Net Amount (£)'))).toEqual({ text: 'Net Amount (£)', encoding: 'utf-8' });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('Name,£')))).toEqual({ text: 'Name,£', encoding: 'utf-8' });
  });

  test('Windows-1252: the £ of Hyndburn files (0xA3) and the 0x80–0x9F block', () => {
    expect(decodeText(bytes(0x4e, 0x65, 0x74, 0x28, 0xa3, 0x29))).toEqual({ text: 'Net(£)', encoding: 'windows-1252' });
    expect(decodeText(bytes(0x80, 0x20, 0x92, 0x96, 0x9c, 0x81)).text).toBe('€ ’–œ\u0081');
  });

  test('characters of every UTF-8 length, including beyond the Basic Multilingual Plane', () => {
    const text = 'a£€𝄞 Café – Zürich 🙂';
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  test('invalid UTF-8 of any kind falls back to Windows-1252', () => {
    const invalid = [
      bytes(0x41, 0xc3), // truncated two-byte sequence at the end
      bytes(0xc0, 0xaf), // overlong form
      bytes(0xe0, 0x80, 0xaf), // overlong three-byte form
      bytes(0xed, 0xa0, 0x80), // UTF-16 surrogate
      bytes(0xf4, 0x90, 0x80, 0x80), // beyond U+10FFFF
      bytes(0xa3, 0x35), // a lone Windows-1252 £
    ];
    for (const sample of invalid) expect(decodeText(sample).encoding).toBe('windows-1252');
    expect(decodeText(bytes(0xc0, 0xaf)).text).toBe('À¯');
  });

  test('Windows-1252 maps every byte: Latin-1 but for 0x80–0x9F, whose five unassigned bytes keep their C1 code point', () => {
    const high = [
      0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
    ];
    // 0x80 first: not UTF-8, and no byte-order mark.
    const every = Uint8Array.from({ length: 256 }, (_, i) => (i + 0x80) % 256);
    const expected = Array.from(every, (b) => String.fromCharCode(b >= 0x80 && b <= 0x9f ? high[b - 0x80] : b)).join('');
    expect(decodeText(every)).toEqual({ text: expected, encoding: 'windows-1252' });
  });

  test('UTF-16 with a byte-order mark, either byte order', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x41, 0x00, 0xa3, 0x00)).text).toBe('A£');
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x41, 0x20, 0xac)).text).toBe('A€');
  });

  test('long text is decoded exactly', () => {
    let text = '';
    for (let i = 0; i < 30000; i++) text += i % 7 === 0 ? '£' : i % 11 === 0 ? '🙂' : String.fromCharCode(97 + (i % 26));
    expect(decodeText(utf8(text)).text).toBe(text);
    const latin = Uint8Array.from({ length: 20000 }, (_, i) => (i % 5 === 0 ? 0xa3 : 65 + (i % 26)));
    expect(decodeText(latin).text).toBe(Array.from(latin, (b) => (b === 0xa3 ? '£' : String.fromCharCode(b))).join(''));
  });

  test('empty input', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});
