/**
 * One measured run for bench/registers.bench.ts, in a process of its own so that its peak
 * memory is its own: `node --import tsx bench/registers-child.ts MODE ROWS SEED [OUT]`.
 *
 * - `floor`: generates the same stream of Companies House rows and decodes it into lines, doing
 *   nothing with them; then gzips the same stream (untimed), as the download is zipped.
 * - `build`: builds a register pack into OUT from the generated stream, never written to disk,
 *   and keeps every 2,000th company's name for the lookups.
 *
 * It prints one line of JSON with its figures and its peak resident memory.
 */
import { createGzip } from 'zlib';
import { buildRegisterPack } from '../src/registers/pack-builder';
import { decodedText, lineBatches } from '../src/registers/source-text';
import { companiesCsvChunks, COMPANIES_DATE } from '../test/support/register-fixtures';

const SAMPLE_EVERY = 2_000;

async function* bytesOf(chunks: Iterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const chunk of chunks) yield encoder.encode(chunk);
}

async function floor(rows: number, seed: number): Promise<Record<string, number>> {
  const started = performance.now();
  let lines = 0;
  let bytes = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of bytesOf(companiesCsvChunks(rows, seed))) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  for await (const batch of lineBatches(decodedText(counted()))) lines += batch.length;
  const ms = performance.now() - started;
  if (lines !== rows + 1) throw new Error(`read ${lines} lines of ${rows + 1}`);

  const gzip = createGzip();
  let gzipBytes = 0;
  gzip.on('data', (chunk: Buffer) => (gzipBytes += chunk.length));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  for await (const chunk of bytesOf(companiesCsvChunks(rows, seed))) {
    if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return { ms, csvBytes: bytes, gzipBytes };
}

async function build(rows: number, seed: number, out: string): Promise<Record<string, unknown>> {
  const sample: string[] = [];
  let seen = 0;
  const started = performance.now();
  const summary = await buildRegisterPack({
    out,
    sources: [
      {
        name: 'generated stream',
        fileName: `BasicCompanyDataAsOneFile-${COMPANIES_DATE}.csv`,
        chunks: bytesOf(companiesCsvChunks(rows, seed, (row) => {
          if (seen++ % SAMPLE_EVERY === 0) sample.push(row.name);
        })),
      },
    ],
  });
  return { ms: performance.now() - started, records: summary.records, bytes: summary.bytes, nameShards: summary.nameShards, numberShards: summary.numberShards, sample };
}

async function main(): Promise<void> {
  const [mode, rowsText, seedText, out] = process.argv.slice(2);
  const rows = Number(rowsText);
  const seed = Number(seedText);
  const figures = mode === 'floor' ? await floor(rows, seed) : await build(rows, seed, out);
  process.stdout.write(`${JSON.stringify({ ...figures, peakMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
