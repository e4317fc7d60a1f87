/**
 * Reading the geography pack over HTTP, as the task pane does from `geo/` beside its own page.
 * Uses only fetch and DecompressionStream, which Chromium, Edge WebView2, Safari and Node 20
 * all have.
 */
import type { PackSource } from './geo-pack';

export function browserPackSource(baseUrl: string | URL): PackSource {
  const base = new URL(baseUrl.toString().endsWith('/') ? baseUrl.toString() : `${baseUrl.toString()}/`);
  return {
    location: base.href,
    async read(name) {
      const response = await fetch(new URL(name, base));
      if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async gunzip(bytes) {
      const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    },
  };
}
