/**
 * The command makes no network call unless it is given --online: run as a child process in which
 * every way Node reaches the network throws and is logged (test/support/no-network.js), it
 * analyses the sample and a file of postcodes its pack does not know without one attempt. With
 * --online the same guard sees the command's requests, so a call it made would not go unseen.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../src/core/csv';
import { spawnCommand, temporaryFolder } from './cli-harness';

jest.setTimeout(120_000);

const PRELOAD = ['--require', path.join(__dirname, '..', 'support', 'no-network.js')];

/** The command with the network blocked; what it tried, one line per attempt. */
async function runOffline(folder: string, argv: string[]) {
  const log = path.join(folder, 'network-attempts.log');
  const run = await spawnCommand(folder, argv, { nodeArgs: PRELOAD, env: { NO_NETWORK_LOG: log } });
  const attempts = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((line) => line !== '') : [];
  return { ...run, attempts };
}

/** Postcodes in the right format that no geography pack holds (Royal Mail has not issued them). */
const SPEND = [
  'Supplier Name,Supplier Postcode,Expense Type,Payment Date,Net Amount',
  'Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,03/04/2024,100.00',
  'New Build Ltd,PR1 0ZZ,Building Works,04/04/2024,900.00',
  'Far Away Ltd,LS2 9ZZ,Surveys,05/04/2024,50.00',
];

describe('no network without --online', () => {
  test('the sample, analysed with the network blocked, tries nothing and succeeds', async () => {
    const folder = temporaryFolder('no-network-sample');
    const run = await runOffline(folder, []);
    expect(run.attempts).toEqual([]);
    expect(run.code).toBe(0);
  });

  test('postcodes the pack does not know are decided without asking anyone', async () => {
    const folder = temporaryFolder('no-network-csv');
    fs.writeFileSync(path.join(folder, 'spend.csv'), `${SPEND.join('\r\n')}\r\n`);
    const run = await runOffline(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire', '--results-csv', 'rows.csv']);
    expect(run.attempts).toEqual([]);
    expect(run.code).toBe(0);
    const bases = parseCsv(fs.readFileSync(path.join(folder, 'rows.csv'), 'utf8')).slice(1).map((row) => row[6]);
    expect(bases.slice(1)).toEqual([expect.stringMatching(/^Full postcode PR1 0ZZ is not in .*; /), expect.stringMatching(/^Full postcode LS2 9ZZ is not in .*; /)]);
  });

  test('with --online the guard sees the request to postcodes.io, and the command says it could not ask', async () => {
    const folder = temporaryFolder('no-network-online');
    fs.writeFileSync(path.join(folder, 'spend.csv'), `${SPEND.join('\r\n')}\r\n`);
    const run = await runOffline(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire', '--online']);
    expect(run.attempts.length).toBeGreaterThan(0);
    expect(new Set(run.attempts)).toEqual(new Set(['fetch https://api.postcodes.io/postcodes']));
    expect(run.err).toContain('Online lookup of 2 postcodes: 0 found, 2 not looked up (the service could not be reached (network use refused in this test: fetch), after 4 attempts).');
    expect(run.code).toBe(0);
  });
});
