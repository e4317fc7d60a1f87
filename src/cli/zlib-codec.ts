/**
 * Deflate for the workbook package from Node's zlib: inflating in one call, and deflating in
 * zlib's thread pool while the main thread renders the next chunk of XML; and the workbook's
 * bytes to and from files.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import type { ByteSink, DeflateCodec, DeflateStream, Inflate } from '../workbook';

/** Fast deflate: the parts are repetitive XML, and level 1 keeps most of the gain for a fraction of the time. */
const DEFLATE_LEVEL = 1;
/**
 * zlib hands its output back to the main thread a chunk at a time, and waits while the main
 * thread is busy rendering: large chunks keep it compressing.
 */
const OUTPUT_CHUNK = 1 << 20;

/** Pieces of inflated bytes handed back at a time: a small part in one. */
const INFLATE_CHUNK = 1 << 20;

/** Inflates in zlib's thread pool, a piece at a time. */
export const zlibInflate: Inflate = (compressed, size) => {
  const inflate = zlib.createInflateRaw({ chunkSize: Math.min(INFLATE_CHUNK, Math.max(64, size)) });
  inflate.end(compressed);
  return inflate;
};

function deflateStream(): DeflateStream {
  const deflate = zlib.createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: OUTPUT_CHUNK });
  const output: Uint8Array[] = [];
  deflate.on('data', (chunk: Buffer) => output.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  return {
    write: (bytes) => new Promise<void>((resolve, reject) => deflate.write(bytes, (error) => (error ? reject(error) : resolve()))),
    async end() {
      deflate.end();
      await finished;
      return output;
    },
  };
}

export const zlibCodec: DeflateCodec = { deflateStream, crc32: (bytes, previous) => zlib.crc32(bytes, previous) };

/** A file written whole, in order. */
export function fileSink(fd: number): ByteSink {
  return {
    write(bytes) {
      let done = 0;
      while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    },
  };
}
