import * as http from 'http';
import type { AddressInfo } from 'net';
import {
  addToOnlineCache,
  emptyOnlineCache,
  lookUpPostcodesOnline,
  onlineAnswers,
  readOnlineCache,
  type OnlineLookupOptions,
} from '../../src/geo/postcodes-io';
import { startPostcodesIoStandin, type Standin } from '../support/postcodes-io-standin';

const TABLE = {
  'PR1 2HE': { district: 'E07000123', districtName: 'Preston', country: 'England' },
  'M1 1AE': { district: 'E08000003', districtName: 'Manchester', country: 'England' },
  'BT1 5GS': { district: 'N09000003', districtName: 'Belfast', country: 'Northern Ireland' },
};

/** 250 made-up postcodes the stand-in does not know, beside the three it does. */
const MANY = [...Object.keys(TABLE), ...Array.from({ length: 247 }, (_, i) => `ZE${1 + (i % 3)} ${i % 10}${'ABDEFGHJLN'[Math.floor(i / 10) % 10]}${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(i / 100)]}`)];

let standin: Standin;
beforeEach(async () => {
  standin = await startPostcodesIoStandin(TABLE);
});
afterEach(() => standin.close());

const fast = (): OnlineLookupOptions => ({ baseUrl: standin.baseUrl, timeoutMs: 1000, backoffMs: 5, maxAttempts: 3 });

describe('lookUpPostcodesOnline against the stand-in', () => {
  it('asks in batches of at most 100, a few at a time, and keeps district codes and names', async () => {
    expect(new Set(MANY).size).toBe(250);
    const result = await lookUpPostcodesOnline(MANY, { ...fast(), concurrency: 2 });
    expect(standin.requests.map((r) => r.length)).toEqual([100, 100, 50]);
    expect(standin.maxInFlight).toBeLessThanOrEqual(2);
    expect(result.complete).toBe(true);
    expect(result.unanswered).toEqual([]);
    expect(result.answers.get('PR1 2HE')).toEqual({ district: 'E07000123', districtName: 'Preston', country: 'England' });
    expect(result.answers.get('BT1 5GS')).toEqual({ district: 'N09000003', districtName: 'Belfast', country: 'Northern Ireland' });
    expect(result.answers.get(MANY[10])).toEqual({ district: null });
    expect(result.answers.size).toBe(250);
    expect(result.summary).toBe('Online lookup of 250 postcodes: 3 found, 247 not known to postcodes.io.');
  });

  it('retries after 429, waiting as Retry-After says', async () => {
    standin.failNext({ status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await lookUpPostcodesOnline(['PR1 2HE'], fast());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.complete).toBe(true);
    expect(standin.requests).toHaveLength(2);
  });

  it('retries 5xx, timeouts, dropped connections and garbage, with back-off', async () => {
    standin.failNext({ status: 503 }, 'hang', 'close');
    const result = await lookUpPostcodesOnline(['PR1 2HE', 'M1 1AE'], { ...fast(), maxAttempts: 4 });
    expect(result.complete).toBe(true);
    expect(result.answers.get('M1 1AE')?.district).toBe('E08000003');
    expect(standin.requests).toHaveLength(4);
  });

  it('waits for a slow service within the timeout, and gives up on one slower than that', async () => {
    standin.failNext({ delayMs: 150 });
    const slow = await lookUpPostcodesOnline(['PR1 2HE'], fast());
    expect(slow.complete).toBe(true);
    expect(slow.answers.get('PR1 2HE')?.district).toBe('E07000123');
    expect(standin.requests).toHaveLength(1);
    standin.failAlways({ delayMs: 2500 });
    const tooSlow = await lookUpPostcodesOnline(['M1 1AE'], fast());
    expect(tooSlow.unanswered).toEqual([{ postcode: 'M1 1AE', reason: 'no answer within 1 s, after 3 attempts' }]);
    expect(tooSlow.answers.size).toBe(0);
  });

  it('retries an answer cut off half way and one that is not JSON', async () => {
    standin.failNext('cut', 'malformed');
    const result = await lookUpPostcodesOnline(['PR1 2HE', 'M1 1AE'], fast());
    expect(result.complete).toBe(true);
    expect(result.answers.get('M1 1AE')?.district).toBe('E08000003');
    expect(standin.requests).toHaveLength(3);
  });

  it.each([
    [{ status: 500 } as const, 'the service failed (HTTP 500), after 3 attempts'],
    [{ status: 429, retryAfterSeconds: 0 } as const, 'the service asked us to slow down (HTTP 429), after 3 attempts'],
    ['hang' as const, 'no answer within 1 s, after 3 attempts'],
    ['close' as const, /^the service could not be reached \(.+\), after 3 attempts$/],
    ['cut' as const, /^the connection was cut before the answer was complete \(.+\), after 3 attempts$/],
    ['garbage' as const, 'the service sent an answer that is not a postcodes.io result, after 3 attempts'],
    ['malformed' as const, 'the service sent an answer that is not a postcodes.io result, after 3 attempts'],
  ])('a service that keeps failing (%j) gives a partial result with why, never "not found"', async (failure, reason) => {
    standin.failAlways(failure);
    const result = await lookUpPostcodesOnline(['PR1 2HE', 'M1 1AE'], fast());
    expect(result.complete).toBe(false);
    expect(result.answers.size).toBe(0);
    expect(result.unanswered.map((u) => u.postcode)).toEqual(['M1 1AE', 'PR1 2HE']);
    for (const { reason: why } of result.unanswered) expect(why).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
    expect(standin.requests).toHaveLength(3);
    expect(result.summary).toMatch(/^Online lookup of 2 postcodes: 0 found, 2 not looked up \(/);
  });

  it('keeps what was answered when the service goes down part way', async () => {
    standin.failNext('ok');
    standin.failAlways({ status: 502 });
    const result = await lookUpPostcodesOnline(MANY.slice(0, 150), { ...fast(), concurrency: 1 });
    expect(result.answers.size).toBe(100);
    expect(result.answers.get('PR1 2HE')?.district).toBe('E07000123');
    expect(result.unanswered).toHaveLength(50);
    expect(result.summary).toBe('Online lookup of 150 postcodes: 3 found, 97 not known to postcodes.io, 50 not looked up (the service failed (HTTP 502), after 3 attempts).');
  });

  it('does not retry a request the service refuses', async () => {
    standin.failAlways({ status: 400 });
    const result = await lookUpPostcodesOnline(['PR1 2HE'], fast());
    expect(result.unanswered).toEqual([{ postcode: 'PR1 2HE', reason: 'the service refused the request (HTTP 400)' }]);
    expect(standin.requests).toHaveLength(1);
  });

  it('a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await lookUpPostcodesOnline(['PR1 2HE'], { ...fast(), baseUrl: `http://127.0.0.1:${port}` });
    expect(result.complete).toBe(false);
    expect(result.unanswered[0].reason).toMatch(/^the service could not be reached/);
  });

  it('can be cancelled, and says so', async () => {
    standin.failAlways('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await lookUpPostcodesOnline(MANY, { ...fast(), timeoutMs: 10_000, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.unanswered).toHaveLength(250);
    expect(new Set(result.unanswered.map((u) => u.reason))).toEqual(new Set(['the lookup was cancelled']));
  });
});

describe('the online cache', () => {
  it('round-trips through JSON, sorted, so a re-run is identical', async () => {
    const first = await lookUpPostcodesOnline(['PR1 2HE', 'M1 1AE', 'ZE1 0AA'], fast());
    const cache = addToOnlineCache(emptyOnlineCache(), first.answers);
    const text = JSON.stringify(cache);
    const read = readOnlineCache(JSON.parse(text), 'cache.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.cache.answers)).toEqual(['M1 1AE', 'PR1 2HE', 'ZE1 0AA']);
    expect(JSON.stringify(addToOnlineCache(read.cache, new Map()))).toBe(text);
    expect(onlineAnswers(read.cache)).toEqual(
      new Map([
        ['M1 1AE', { district: 'E08000003', districtName: 'Manchester' }],
        ['PR1 2HE', { district: 'E07000123', districtName: 'Preston' }],
        ['ZE1 0AA', { district: null }],
      ]),
    );
  });

  it('a damaged cache is reported with where it came from', () => {
    expect(readOnlineCache({ version: 1, service: 'postcodes.io', answers: { 'PR1 2HE': { district: 5 } } }, 'Settings sheet')).toEqual({
      ok: false,
      message: 'Settings sheet: the online lookup cache is not readable (answers.PR1 2HE.district: Invalid input: expected string, received number).',
    });
  });
});
