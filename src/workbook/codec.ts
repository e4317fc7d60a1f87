/**
 * Deflate as the host gives it: the package itself uses no platform API beyond TextEncoder and
 * TextDecoder. The command line passes zlib's (src/cli/zlib-codec.ts); the task pane inflates
 * with the browser's DecompressionStream (below).
 */

/** Undoes raw deflate (zip's method 8), a piece at a time; `size` is what the zip says the bytes inflate to. */
export type Inflate = (compressed: Uint8Array, size: number) => AsyncIterable<Uint8Array>;

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
export async function* streamInflate(compressed: Uint8Array): AsyncGenerator<Uint8Array> {
  // Read by hand: Chromium and Safari's ReadableStream were long not async-iterable.
  const reader = new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
