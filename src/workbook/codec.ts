/**
 * Deflate as the host gives it: the package itself uses no platform API beyond TextEncoder and
 * TextDecoder. The command line passes zlib's (src/cli/zlib-codec.ts); the task pane inflates
 * with the browser's DecompressionStream (below).
 */

/** Undoes raw deflate (zip's method 8). */
export type Inflate = (compressed: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** A raw deflate stream: chunks in; when it ends, the compressed chunks. */
export interface DeflateStream {
  write(bytes: Uint8Array): Promise<void>;
  end(): Promise<Uint8Array[]>;
}

/** What writing an archive needs. */
export interface DeflateCodec {
  deflateStream(): DeflateStream;
  /** CRC-32 of `bytes`, continuing from `previous` (0 to start). */
  crc32(bytes: Uint8Array, previous: number): number;
}

/**
 * Inflate with the Compression Streams API's DecompressionStream("deflate-raw"), which the
 * browsers the add-in runs in have (Chromium, so Edge WebView2; Safari from 16.4), as has Node.
 */
export async function streamInflate(compressed: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
