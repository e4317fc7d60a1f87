/**
 * A local stand-in for postcodes.io on 127.0.0.1 (a random port), speaking its bulk lookup
 * (`POST /postcodes` with `{"postcodes": [...]}`) for a given table, with the failure modes the
 * client must survive. Tests never reach the internet.
 */
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';

export interface StandinPostcode {
  district: string;
  districtName: string;
  country: string;
}

/** What the stand-in does with one request instead of answering it at once. */
export type StandinFailure =
  | { status: 429; retryAfterSeconds?: number }
  | { status: 400 | 500 | 502 | 503 }
  /** Answers correctly, but only after this long. */
  | { delayMs: number }
  /** Accepts the request and never answers. */
  | 'hang'
  /** Drops the connection without a response. */
  | 'close'
  /** Sends the headers and half of a correct answer, then cuts the connection. */
  | 'cut'
  /** Answers 200 with a body that is not a postcodes.io result. */
  | 'garbage'
  /** Answers 200, as JSON, with JSON that does not parse. */
  | 'malformed';

export interface Standin {
  baseUrl: string;
  /** The postcodes of every request received, in order. */
  readonly requests: string[][];
  /** Most requests in progress at one time. */
  readonly maxInFlight: number;
  /** The next requests fail like this, one each, in order ('ok': answered normally). */
  failNext(...failures: (StandinFailure | 'ok')[]): void;
  /** Every request fails like this until set to undefined. */
  failAlways(failure: StandinFailure | undefined): void;
  close(): Promise<void>;
}

const compact = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

export async function startPostcodesIoStandin(table: Record<string, StandinPostcode>): Promise<Standin> {
  const known = new Map(Object.entries(table).map(([postcode, entry]) => [compact(postcode), { postcode, ...entry }]));
  const requests: string[][] = [];
  const queued: (StandinFailure | 'ok')[] = [];
  let always: StandinFailure | undefined;
  let inFlight = 0;
  let maxInFlight = 0;
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/postcodes') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 404, error: 'Resource not found' }));
        return;
      }
      let postcodes: unknown;
      try {
        postcodes = (JSON.parse(body) as { postcodes?: unknown }).postcodes;
      } catch {
        postcodes = undefined;
      }
      if (!Array.isArray(postcodes) || !postcodes.every((p) => typeof p === 'string')) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 400, error: 'Invalid JSON submitted' }));
        return;
      }
      requests.push(postcodes);
      const next = queued.shift() ?? always;
      const failure = next === 'ok' ? undefined : next;
      if (failure === 'hang') return;
      if (failure === 'close') {
        req.socket.destroy();
        return;
      }
      if (failure === 'garbage') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Service unavailable</html>');
        return;
      }
      if (failure === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":200,"result":[{"query":');
        return;
      }
      if (failure && typeof failure === 'object' && 'status' in failure) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (failure.status === 429 && failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
        res.writeHead(failure.status, headers).end(JSON.stringify({ status: failure.status, error: 'failure' }));
        return;
      }
      if (postcodes.length > 100) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 400, error: 'No more than 100 postcodes per request' }));
        return;
      }
      const result = postcodes.map((query) => {
        const entry = known.get(compact(query));
        return {
          query,
          result: entry
            ? { postcode: entry.postcode, admin_district: entry.districtName, country: entry.country, codes: { admin_district: entry.district } }
            : null,
        };
      });
      const answer = Buffer.from(JSON.stringify({ status: 200, result }));
      const headers = { 'content-type': 'application/json', 'content-length': String(answer.length) };
      if (failure === 'cut') {
        res.writeHead(200, headers);
        res.write(answer.subarray(0, answer.length >> 1), () => req.socket.destroy());
        return;
      }
      const send = () => res.writeHead(200, headers).end(answer);
      if (failure && typeof failure === 'object' && 'delayMs' in failure) setTimeout(send, failure.delayMs);
      else send();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    failNext: (...failures) => queued.push(...failures),
    failAlways: (failure) => (always = failure),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
