/**
 * Opt-in online postcode lookup with postcodes.io (bulk `POST /postcodes`, at most 100 a request),
 * for postcodes the pack cannot answer or where no pack is deployed. Only postcodes are sent.
 * It never hangs (a timeout per request, bounded retries) and never presents a failure as "not
 * found": what could not be asked is returned apart, with why.
 *
 * Answers go into a cache, serialisable as JSON (the add-in keeps it in the workbook, the CLI in
 * a file), so that a re-run is offline and identical.
 */
import { z } from 'zod';
import type { OnlineAnswer } from '../core/locality';
import { normalisePostcode } from '../core/postcode';

export const DEFAULT_POSTCODES_IO_URL = 'https://api.postcodes.io';
/** postcodes.io's limit for one bulk request. */
export const MAX_POSTCODES_PER_REQUEST = 100;

const cachedAnswerSchema = z.object({
  district: z.string().nullable(),
  districtName: z.string().optional(),
  country: z.string().optional(),
});

export const onlineCacheSchema = z.object({
  version: z.literal(1),
  service: z.literal('postcodes.io'),
  /** By normalised full postcode ("PR1 2HE"). */
  answers: z.record(z.string(), cachedAnswerSchema),
});

export type OnlineCache = z.infer<typeof onlineCacheSchema>;
export type CachedAnswer = z.infer<typeof cachedAnswerSchema>;

export function emptyOnlineCache(): OnlineCache {
  return { version: 1, service: 'postcodes.io', answers: {} };
}

/** Reads a stored cache; `where` names it (a file, or the workbook's settings sheet) in the message. */
export function readOnlineCache(json: unknown, where: string): { ok: true; cache: OnlineCache } | { ok: false; message: string } {
  const parsed = onlineCacheSchema.safeParse(json);
  if (parsed.success) return { ok: true, cache: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${where}: the online lookup cache is not readable (${issue.path.join('.') || 'top level'}: ${issue.message}).` };
}

/** A new cache with these answers added, keys sorted so that equal caches serialise equally. */
export function addToOnlineCache(cache: OnlineCache, answers: ReadonlyMap<string, CachedAnswer>): OnlineCache {
  const merged: Record<string, CachedAnswer> = { ...cache.answers };
  for (const [postcode, answer] of answers) merged[postcode] = answer;
  const sorted: Record<string, CachedAnswer> = {};
  for (const key of Object.keys(merged).sort()) sorted[key] = merged[key];
  return { ...cache, answers: sorted };
}

/** The cache as the map the locality decision reads. */
export function onlineAnswers(cache: OnlineCache): Map<string, OnlineAnswer> {
  return new Map(Object.entries(cache.answers).map(([postcode, a]) => [postcode, { district: a.district, ...(a.districtName ? { districtName: a.districtName } : {}) }]));
}

export interface OnlineLookupOptions {
  /** Default https://api.postcodes.io; the tests point it at a local stand-in. */
  baseUrl?: string;
  /** Per request, in ms (default 10 s). */
  timeoutMs?: number;
  /** Requests in flight at once (default 3). */
  concurrency?: number;
  /** Tries per request, the first included (default 4). */
  maxAttempts?: number;
  /** First wait before a retry, doubled each time (default 500 ms); Retry-After wins when given. */
  backoffMs?: number;
  /** Longest single wait, whatever Retry-After says (default 30 s). */
  maxWaitMs?: number;
  /** Cancels everything still to do; what was answered is kept. */
  signal?: AbortSignal;
}

export interface OnlineLookupResult {
  /** Every postcode the service answered; district null where it does not know the postcode. */
  answers: Map<string, CachedAnswer>;
  /** Postcodes that could not be asked, with why (service down, timed out, cancelled…). */
  unanswered: { postcode: string; reason: string }[];
  complete: boolean;
  /** One line for the user. */
  summary: string;
}

const responseSchema = z.object({
  status: z.number(),
  result: z.array(
    z.object({
      query: z.string(),
      result: z
        .object({
          postcode: z.string(),
          admin_district: z.string().nullable().optional(),
          country: z.string().nullable().optional(),
          codes: z.object({ admin_district: z.string().nullable().optional() }).optional(),
        })
        .nullable(),
    }),
  ),
});

/** Codes postcodes.io gives where it has no district: the ONS "not known" pseudo-codes. */
const NOT_A_DISTRICT = /^[EWSN]99999999$/;

type Attempt =
  | { kind: 'answered'; answers: Map<string, CachedAnswer>; missing: string[] }
  | { kind: 'retry'; reason: string; waitMs?: number }
  | { kind: 'failed'; reason: string };

class Cancelled extends Error {}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function askOnce(url: string, batch: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCancel = () => controller.abort();
  signal?.addEventListener('abort', onCancel, { once: true });
  let answering = false;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ postcodes: batch }),
      signal: controller.signal,
    });
    if (response.status === 429) return { kind: 'retry', reason: 'the service asked us to slow down (HTTP 429)', waitMs: retryAfterMs(response.headers.get('retry-after')) };
    if (response.status >= 500) return { kind: 'retry', reason: `the service failed (HTTP ${response.status})` };
    if (!response.ok) return { kind: 'failed', reason: `the service refused the request (HTTP ${response.status})` };
    // Reading the body can fail too (cut off, or too slow): that is not a malformed answer.
    answering = true;
    const text = await response.text();
    const parsed = responseSchema.safeParse(parseJson(text));
    if (!parsed.success) return { kind: 'retry', reason: 'the service sent an answer that is not a postcodes.io result' };
    const answers = new Map<string, CachedAnswer>();
    for (const item of parsed.data.result) {
      const postcode = normalisePostcode(item.query);
      if (!postcode || !batch.includes(postcode)) continue;
      const found = item.result;
      const code = found?.codes?.admin_district ?? null;
      const known = code !== null && !NOT_A_DISTRICT.test(code);
      answers.set(postcode, {
        district: known ? code : null,
        ...(known && found?.admin_district ? { districtName: found.admin_district } : {}),
        ...(found?.country ? { country: found.country } : {}),
      });
    }
    return { kind: 'answered', answers, missing: batch.filter((p) => !answers.has(p)) };
  } catch (error) {
    if (signal?.aborted) throw new Cancelled();
    if (timedOut) return { kind: 'retry', reason: `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}` };
    if (answering) return { kind: 'retry', reason: `the connection was cut before the answer was complete (${(error as Error).message})` };
    return { kind: 'retry', reason: `the service could not be reached (${(error as Error).message})` };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Looks up full postcodes (normalised, "PR1 2HE") in batches of at most 100, a few requests at a
 * time, retrying with exponential back-off on 429, 5xx, timeouts and network errors.
 */
export async function lookUpPostcodesOnline(postcodes: readonly string[], options: OnlineLookupOptions = {}): Promise<OnlineLookupResult> {
  const {
    baseUrl = DEFAULT_POSTCODES_IO_URL,
    timeoutMs = 10_000,
    concurrency = 3,
    maxAttempts = 4,
    backoffMs = 500,
    maxWaitMs = 30_000,
    signal,
  } = options;
  const url = `${baseUrl.replace(/\/+$/, '')}/postcodes`;
  const unique = [...new Set(postcodes)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += MAX_POSTCODES_PER_REQUEST) batches.push(unique.slice(i, i + MAX_POSTCODES_PER_REQUEST));

  const answers = new Map<string, CachedAnswer>();
  const unanswered: { postcode: string; reason: string }[] = [];
  let next = 0;

  const runBatch = async (batch: string[]) => {
    let reason = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const result = await askOnce(url, batch, timeoutMs, signal);
      if (result.kind === 'answered') {
        for (const [postcode, answer] of result.answers) answers.set(postcode, answer);
        for (const postcode of result.missing) unanswered.push({ postcode, reason: 'the service left it out of its answer' });
        return;
      }
      reason = result.reason;
      if (result.kind === 'failed') break;
      if (attempt < maxAttempts) {
        const backoff = backoffMs * 2 ** (attempt - 1) * (1 + Math.random() / 4);
        await sleep(Math.min(result.waitMs ?? backoff, maxWaitMs), signal);
      } else {
        reason = `${reason}, after ${maxAttempts} attempts`;
      }
    }
    for (const postcode of batch) unanswered.push({ postcode, reason });
  };

  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      try {
        await runBatch(batch);
      } catch (error) {
        if (!(error instanceof Cancelled)) throw error;
        for (const postcode of batch) unanswered.push({ postcode, reason: 'the lookup was cancelled' });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, batches.length)) }, worker));

  unanswered.sort((a, b) => (a.postcode < b.postcode ? -1 : 1));
  const known = [...answers.values()].filter((a) => a.district !== null).length;
  let summary = `Online lookup of ${unique.length} postcode${unique.length === 1 ? '' : 's'}: ${known} found`;
  if (answers.size > known) summary += `, ${answers.size - known} not known to postcodes.io`;
  if (unanswered.length > 0) {
    const reasons = [...new Set(unanswered.map((u) => u.reason))];
    summary += `, ${unanswered.length} not looked up (${reasons.join('; ')})`;
  }
  return { answers, unanswered, complete: unanswered.length === 0, summary: `${summary}.` };
}
