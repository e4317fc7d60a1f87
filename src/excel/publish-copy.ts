/**
 * The pane's copy to publish: the core's publication written by the workbook package into a new
 * .xlsx in memory, deflated by the browser (Compression Streams), and opened by Excel as a new
 * workbook with Excel.createWorkbook(base64) (ExcelApi 1.8, which the add-in requires anyway:
 * https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)). The
 * user's workbook is not changed; the new one is theirs to save where they choose.
 */
import type { Publication } from '../core';
import { crc32 } from '../geo/crc32';
import type { DeflateCodec, DeflateStream } from '../workbook';

/** Raw deflate (zip's method 8) by the browser's CompressionStream("deflate-raw"). */
function deflateStream(): DeflateStream {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const compressed = new Response(stream.readable).arrayBuffer();
  return {
    write: (bytes) => writer.write(bytes as Uint8Array<ArrayBuffer>),
    async end() {
      await writer.close();
      return [new Uint8Array(await compressed)];
    },
  };
}

const browserCodec: DeflateCodec = { deflateStream, crc32: (bytes, previous) => crc32(bytes, 0, bytes.length, previous) };

/** The publication as the bytes of an .xlsx file (the workbook package is fetched only when a copy is asked for). */
export async function publicationBytes(publication: Publication, now: Date): Promise<Uint8Array> {
  const { writePublication, XlsxPackage, ZipWriter } = await import(/* webpackChunkName: "xlsx-reader" */ '../workbook');
  const pkg = await XlsxPackage.blank();
  await writePublication(pkg, publication);
  const chunks: Uint8Array[] = [];
  await pkg.write(new ZipWriter({ write: (bytes) => chunks.push(bytes.slice()) }, browserCodec, now));
  const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices, so that no call gets more arguments than a JavaScript engine takes.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function openPublishedCopy(publication: Publication, now: Date): Promise<void> {
  await Excel.createWorkbook(base64(await publicationBytes(publication, now)));
}
