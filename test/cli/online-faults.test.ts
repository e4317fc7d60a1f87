/**
 * `--online` when postcodes.io (the local stand-in) is slow, failing, throttling, sending
 * broken JSON or cutting the connection part way: the command still finishes (status 0), says
 * which postcodes it could not ask and why, keeps every answer it did get (in its cache and in
 * the workbook), never records a failure as "not known", and the next run asks only for the rest
 * and ends as a run against a healthy service does.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../src/core/csv';
import { STATE_SHEET, stateFromCells } from '../../src/core/settings';
import { startPostcodesIoStandin, type Standin, type StandinFailure } from '../support/postcodes-io-standin';
import { runIn, temporaryFolder, workbookCells } from './cli-harness';

jest.setTimeout(120_000);

const AREAS = ['--local', 'Preston', '--wider', 'Lancashire'];
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** 150 Shetland postcodes (an area the fixture pack lacks): two requests of 100 and 50. */
const POSTCODES = Array.from({ length: 150 }, (_, i) => `ZE${1 + (i % 3)} ${i % 10}${LETTERS[Math.floor(i / 10) % 20]}${LETTERS[Math.floor(i / 50)]}`);
/** The stand-in knows every third of them. */
const KNOWN = Object.fromEntries(POSTCODES.filter((_, i) => i % 3 === 0).map((postcode) => [postcode, { district: 'S12000027', districtName: 'Shetland Islands', country: 'Scotland' }]));

function writeSpend(folder: string): void {
  const lines = ['Supplier Name,Supplier Postcode,Expense Type,Net Amount', ...POSTCODES.map((postcode, i) => `Island Supplier ${i} Ltd,${postcode},Building Works,${100 + i}.00`)];
  fs.writeFileSync(path.join(folder, 'spend.csv'), `${lines.join('\r\n')}\r\n`);
}

/** The results file as records: row, supplier, …, basis (7th column). */
function results(folder: string, file: string): string[][] {
  return parseCsv(fs.readFileSync(path.join(folder, file), 'utf8')).slice(1);
}

async function cachedPostcodes(workbook: string): Promise<string[]> {
  const state = stateFromCells([...(await workbookCells(workbook)).get(STATE_SHEET)!.cells.values()].map((c) => String(c.value)));
  return Object.keys(state.onlineCache);
}

let standin: Standin;
/** The results of one run against a healthy service, to compare a repaired run with. */
let healthy: string[][];

beforeAll(async () => {
  standin = await startPostcodesIoStandin(KNOWN);
  const folder = temporaryFolder('online-healthy');
  writeSpend(folder);
  const run = await runIn(folder, ['spend.csv', ...AREAS, '--online', '--results-csv', 'rows.csv'], { onlineBaseUrl: standin.baseUrl });
  expect(run.code).toBe(0);
  healthy = results(folder, 'rows.csv');
  expect(healthy.filter((row) => row[6].startsWith('Online lookup (postcodes.io)'))).toHaveLength(50);
});
afterAll(() => standin.close());
beforeEach(() => {
  standin.failAlways(undefined);
  standin.requests.length = 0;
});

test('a slow service is waited for, and the run is complete', async () => {
  const folder = temporaryFolder('online-slow');
  writeSpend(folder);
  standin.failAlways({ delayMs: 1500 });
  const run = await runIn(folder, ['spend.csv', ...AREAS, '--online', '--results-csv', 'rows.csv'], { onlineBaseUrl: standin.baseUrl });
  expect(run.code).toBe(0);
  expect(run.err).toContain('Online lookup of 150 postcodes: 50 found, 100 not known to postcodes.io.');
  expect(results(folder, 'rows.csv')).toEqual(healthy);
});

test('failures that pass are retried, and the run is complete', async () => {
  const folder = temporaryFolder('online-retried');
  writeSpend(folder);
  standin.failNext({ status: 503 }, 'cut', 'malformed', { status: 429, retryAfterSeconds: 1 });
  const run = await runIn(folder, ['spend.csv', ...AREAS, '--online', '--results-csv', 'rows.csv'], { onlineBaseUrl: standin.baseUrl });
  expect(run.code).toBe(0);
  expect(run.err).toContain('Online lookup of 150 postcodes: 50 found, 100 not known to postcodes.io.');
  expect(standin.requests.length).toBe(6);
  expect(results(folder, 'rows.csv')).toEqual(healthy);
});

describe.each<[string, StandinFailure, string]>([
  ['failing (HTTP 503)', { status: 503 }, 'the service failed (HTTP 503)'],
  ['throttling (HTTP 429, Retry-After)', { status: 429, retryAfterSeconds: 1 }, 'the service asked us to slow down (HTTP 429)'],
  ['sending JSON that does not parse', 'malformed', 'the service sent an answer that is not a postcodes.io result'],
  ['cutting the connection mid-answer', 'cut', 'the connection was cut before the answer was complete (terminated)'],
])('a service %s after its first answer', (_, failure, reason) => {
  test('the run finishes, says what was not asked and why, keeps every answer, and the next run fills in the rest', async () => {
    const folder = temporaryFolder('online-failing');
    writeSpend(folder);
    standin.failNext('ok');
    standin.failAlways(failure);
    const run = await runIn(folder, ['spend.csv', ...AREAS, '--online', '--results-csv', 'rows.csv'], { onlineBaseUrl: standin.baseUrl });
    expect(run.code).toBe(0);
    // One request of the two was answered (which one depends on which reached the stand-in first).
    const answeredBatch = standin.requests[0];
    const unasked = POSTCODES.filter((postcode) => !answeredBatch.includes(postcode));
    const summary = run.err.find((line) => line.startsWith('Online lookup of 150 postcodes'));
    expect(summary).toMatch(new RegExp(`, ${unasked.length} not looked up \\(${reason.replace(/[()]/g, '\\$&')}, after 4 attempts\\)\\.$`));

    // Every answer kept; a postcode not asked is never "not known", and says there is no answer.
    const rows = results(folder, 'rows.csv');
    const basisOf = new Map(rows.map((row) => [POSTCODES[Number(row[0]) - 2], row[6]]));
    for (const postcode of answeredBatch) expect(basisOf.get(postcode)).toBe(healthy.find((row) => row[1] === `Island Supplier ${POSTCODES.indexOf(postcode)} Ltd`)![6]);
    for (const postcode of unasked) expect(basisOf.get(postcode)).toMatch(/and there is no online answer/);
    const cache = JSON.parse(fs.readFileSync(path.join(folder, 'lookup-cache.json'), 'utf8'));
    expect(Object.keys(cache.answers).sort()).toEqual([...answeredBatch].sort());
    expect((await cachedPostcodes(path.join(folder, 'spend-baseline.xlsx'))).sort()).toEqual([...answeredBatch].sort());

    // The service is back: the next run asks only for what was not answered, and is complete.
    standin.failAlways(undefined);
    standin.requests.length = 0;
    const again = await runIn(folder, ['spend.csv', ...AREAS, '--online', '--out', 'again.xlsx', '--results-csv', 'again.csv'], { onlineBaseUrl: standin.baseUrl });
    expect(again.code).toBe(0);
    expect(standin.requests.flat().sort()).toEqual([...unasked].sort());
    expect(results(folder, 'again.csv')).toEqual(healthy);
    expect((await cachedPostcodes(path.join(folder, 'again.xlsx'))).sort()).toEqual([...POSTCODES].sort());
  });
});
