import { decodedText } from '../../src/registers/source-text';

async function textOf(...chunks: number[][]): Promise<string> {
  async function* bytes() {
    for (const chunk of chunks) yield Uint8Array.from(chunk);
  }
  let text = '';
  for await (const part of decodedText(bytes())) text += part;
  return text;
}

describe('the text of a register download', () => {
  test('UTF-8, a byte order mark dropped, a character split across two chunks', async () => {
    const bytes = [...Buffer.from('\uFEFFCaf\u00e9 \u20ac Ltd', 'utf8')];
    expect(await textOf(bytes.slice(0, 6), bytes.slice(6))).toBe('Caf\u00e9 \u20ac Ltd');
  });

  test("Windows-1252 from the first chunk that is not UTF-8: the euro, dashes and curly quotes are characters, not controls", async () => {
    // "O’Brien – £5 €" in Windows-1252: 0x92 right quote, 0x96 en dash, 0xA3 pound, 0x80 euro.
    const text = await textOf([...Buffer.from('Plain, ', 'latin1')], [0x4f, 0x92, 0x42, 0x72, 0x69, 0x65, 0x6e, 0x20, 0x96, 0x20, 0xa3, 0x35, 0x20, 0x80]);
    expect(text).toBe('Plain, O\u2019Brien \u2013 \u00a35 \u20ac');
  });
});
