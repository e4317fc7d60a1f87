/**
 * The project's CSV reader on a seeded 1,000,000-row spend file: bytes to analysed rows (decode,
 * parse, find the table, map the columns, read the rows), against the floor of splitting the
 * same text on line ends and commas with String.prototype.split (keeping the result, as a reader
 * must), which does none of that work: no decoding, no quotes, no values. And the text decoding
 * alone, UTF-8 and Windows-1252, against the platform's TextDecoder it is made of.
 */
import { parseCsv } from '../src/core/csv';
import { proposeMapping } from '../src/core/mapping-proposal';
import { readSpendRows } from '../src/core/rows';
import { findTable } from '../src/core/table';
import { decodeText } from '../src/core/text-decode';
import { generateSpendCsv } from '../test/support/spend-generator';
import { bestTime, type Suite } from './harness';

const ROWS = 1_000_000;
const SEED = 20240401;

function readRows(bytes: Uint8Array): number {
  const grid = parseCsv(decodeText(bytes).text);
  const layout = findTable(grid);
  const { mapping, missing } = proposeMapping(grid, layout);
  if (missing.length > 0) throw new Error(`generated file lost its ${missing.join(', ')} column`);
  const { rows, skipped } = readSpendRows(grid, layout, mapping);
  if (rows.length + skipped.length !== ROWS) throw new Error(`read ${rows.length} rows and skipped ${skipped.length}`);
  return rows.length;
}

function splitFloor(text: string): string[][] {
  return text.split('\n').map((line) => line.split(','));
}

export const suite: Suite = {
  name: `Reading a spend CSV: ${ROWS.toLocaleString('en-GB')} generated rows`,
  async run() {
    const text = generateSpendCsv(ROWS, SEED);
    const bytes = new TextEncoder().encode(text);
    const readMs = await bestTime(() => readRows(bytes), 0, 3);
    const floorMs = await bestTime(() => splitFloor(text), 0, 3);
    const decodeMs = await bestTime(() => decodeText(bytes), 0, 3);
    const nativeDecodeMs = await bestTime(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 0, 3);
    // The same text as an older finance system saves it: Windows-1252, its £ the byte 0xA3.
    const legacy = Uint8Array.from(text, (ch) => (ch === '£' ? 0xa3 : ch.charCodeAt(0)));
    const legacyMs = await bestTime(() => decodeText(legacy), 0, 3);
    const nativeLegacyMs = await bestTime(() => new TextDecoder('windows-1252').decode(legacy), 0, 3);
    const megabytes = bytes.length / 1e6;
    const readRate = (ROWS / readMs) * 1000;
    const floorRate = (ROWS / floorMs) * 1000;
    return [
      {
        name: 'rows read per second (decode + parse + find table + map + rows)',
        value: readRate,
        unit: 'rows/s',
        floor: { name: 'String.split on lines and commas', value: floorRate, unit: 'rows/s' },
        ratio: readRate / floorRate,
      },
      {
        name: `decodeText, ${megabytes.toFixed(0)} MB of UTF-8 (strict)`,
        value: megabytes / (decodeMs / 1000),
        unit: 'MB/s',
        floor: { name: "the platform's TextDecoder alone", value: megabytes / (nativeDecodeMs / 1000), unit: 'MB/s' },
        ratio: nativeDecodeMs / decodeMs,
      },
      {
        name: `decodeText, the same as Windows-1252 (the failed UTF-8 attempt, then 0x80–0x9F mapped)`,
        value: legacy.length / 1e6 / (legacyMs / 1000),
        unit: 'MB/s',
        floor: { name: "the platform's Windows-1252 TextDecoder alone", value: legacy.length / 1e6 / (nativeLegacyMs / 1000), unit: 'MB/s' },
        ratio: nativeLegacyMs / legacyMs,
      },
    ];
  },
};
