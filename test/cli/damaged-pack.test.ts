/**
 * A damaged geography pack under the command: a truncated area file, one whose checksum is
 * wrong, an area file from another build of the pack (two packs mixed), a truncated index. Each
 * ends with status 1, its code and one line naming the file and what to do; nothing is written,
 * and the same command with the pack rebuilt succeeds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { buildGeoPack } from '../../scripts/geo-build';
import { areaFileName } from '../../src/geo/pack-index';
import { FIXTURE_SOURCE } from '../geo/fixture-pack';
import { filesIn, fixturePackFolder, runIn, temporaryFolder } from './cli-harness';

const ARGS = ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire', '--results-csv', 'rows.csv', '--summary-json', 'summary.json'];
const PR = areaFileName('PR');

/** A copy of the fixture pack with one file damaged. */
async function damagedPack(file: string, damage: (bytes: Buffer) => Buffer | Promise<Buffer>): Promise<string> {
  const copy = path.join(temporaryFolder('pack'), 'pack');
  fs.cpSync(await fixturePackFolder(), copy, { recursive: true });
  fs.writeFileSync(path.join(copy, file), await damage(fs.readFileSync(path.join(copy, file))));
  return copy;
}

const flipOneBitInside = (bytes: Buffer) => {
  const raw = gunzipSync(bytes);
  raw[raw.length >> 1] ^= 0x01;
  return gzipSync(raw);
};

async function fromAnotherBuild(): Promise<Buffer> {
  const other = path.join(temporaryFolder('other-pack'), 'pack');
  await buildGeoPack({ source: FIXTURE_SOURCE, out: other, release: 'another release' });
  return fs.readFileSync(path.join(other, PR));
}

test.each<[string, string, (bytes: Buffer) => Buffer | Promise<Buffer>, RegExp]>([
  ['a truncated area file', PR, (bytes) => bytes.subarray(0, bytes.length >> 1), /^The geography pack file postcodes-PR\.bin\.gz in .+ is damaged or truncated \(it does not unzip\); rebuild the pack with `npm run geo:build`\.$/],
  ['an area file with a wrong checksum', PR, flipOneBitInside, /^The geography pack file postcodes-PR\.bin\.gz in .+ cannot be used: .*checksum.*; rebuild the pack with `npm run geo:build`\.$/],
  ['an area file from another build of the pack', PR, fromAnotherBuild, /^The geography pack file postcodes-PR\.bin\.gz in .+ belongs to a different build of the pack than its index\.json; rebuild the pack with `npm run geo:build`\.$/],
  ['a truncated index', 'index.json', (bytes) => bytes.subarray(0, 100), /^The geography pack's index\.json in .+ is not valid JSON \(damaged or truncated\); rebuild the pack with `npm run geo:build`\.$/],
])('%s: status 1, one line naming the file, nothing written', async (_, file, damage, message) => {
  const folder = temporaryFolder('damaged-pack');
  fs.writeFileSync(path.join(folder, 'spend.csv'), 'Supplier Name,Supplier Postcode,Net Amount\r\nFishergate Cleaning Ltd,PR1 2AA,100.00\r\nBlackpool Coaches Ltd,FY1 1AA,20.00\r\n');
  const run = await runIn(folder, ARGS, { geoPack: await damagedPack(file, damage) });
  expect(run.code).toBe(1);
  expect(run.error?.code).toBe('geography-damaged');
  expect(run.out).toEqual([]);
  const failure = run.err.filter((line) => !line.startsWith('note:'));
  expect(failure).toHaveLength(1);
  expect(failure[0].replace(/^local-spend-baseline failed: /, '')).toMatch(message);
  expect(filesIn(folder)).toEqual(['spend.csv']);

  // With the pack rebuilt, the same command succeeds.
  expect((await runIn(folder, ARGS)).code).toBe(0);
  expect(filesIn(folder)).toEqual(['rows.csv', 'spend-baseline.xlsx', 'spend.csv', 'summary.json']);
});
