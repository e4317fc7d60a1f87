import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { registerLookups } from '../../src/core/register-match';
import { browserPackSource } from '../../src/geo/browser-pack-source';
import type { PackSource } from '../../src/geo/pack-files';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { buildRegisterPack } from '../../src/registers/pack-builder';
import { nameShardFile, numberShardFile, REGISTER_INDEX_FILE, registerPackIndexSchema, shardOf } from '../../src/registers/pack-index';
import { openRegisterPack, RegisterPackError } from '../../src/registers/register-pack';
import { registerFixture } from '../support/register-fixtures';
import { buildFixtureRegisterPack, temporaryFolder, writeFixtureFiles } from './fixture-files';

let pack: string;
beforeAll(async () => {
  pack = (await buildFixtureRegisterPack()).pack;
});

const indexOf = (folder: string) => registerPackIndexSchema.parse(JSON.parse(fs.readFileSync(path.join(folder, REGISTER_INDEX_FILE), 'utf8')));

/** A source that records the files read. */
function counting(source: PackSource): PackSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    location: source.location,
    reads,
    read: (name) => {
      reads.push(name);
      return source.read(name);
    },
    gunzip: (bytes) => source.gunzip(bytes),
  };
}

describe('looking suppliers up', () => {
  test('reads the index, then only the shards the keys hash to, each once', async () => {
    const source = counting(nodePackSource(pack));
    const registers = await openRegisterPack(source);
    const { bits } = registers.index.names;
    expect(bits).toBeGreaterThanOrEqual(2);
    const lookups = registerLookups({ names: ['Acme Widgets Ltd', 'Preston Foodbank', 'Acme Widgets Ltd'] });
    const found = await registers.find(lookups);
    expect(found.byName.get('ACMEWIDGETS')?.map((r) => r.number)).toEqual(['01000001']);
    const wanted = [...new Set(lookups.nameKeys.map((key) => nameShardFile(shardOf(key, bits))))].sort();
    expect(source.reads.slice(1).sort()).toEqual(wanted);
    expect(source.reads[0]).toBe(REGISTER_INDEX_FILE);
    expect(source.reads.length).toBeLessThan(2 ** bits);

    // The same keys again: nothing more is read.
    await registers.find(lookups);
    expect(source.reads.length).toBe(1 + wanted.length);
  });

  test('a number reads its number shard, then the name shard it points into', async () => {
    const source = counting(nodePackSource(pack));
    const registers = await openRegisterPack(source);
    const found = await registers.find(registerLookups({ names: [], numbers: ['SC100003'] }));
    expect(found.byNumber.get('CSC100003')?.map((r) => r.postcode)).toEqual(['DG1 1AA']);
    expect(found.byName.size).toBe(0);
    expect(source.reads).toEqual([REGISTER_INDEX_FILE, numberShardFile(shardOf('CSC100003', registers.index.numbers.bits)), nameShardFile(shardOf('ACMEWIDGETSSCOTLAND', registers.index.names.bits))]);
  });

  test('keys that are not in the register are simply not found', async () => {
    const registers = await openRegisterPack(nodePackSource(pack));
    const found = await registers.find({ nameKeys: ['NOSUCHCOMPANYANYWHERE'], numberKeys: ['C09999999', 'R9999999'] });
    expect(found.byName.size).toBe(0);
    expect(found.byNumber.size).toBe(0);
  });

  describe('over HTTP with fetch and DecompressionStream (the browser source)', () => {
    let server: http.Server;
    let base: string;
    let encodeOnTheWire = false;
    const served: string[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        const name = decodeURIComponent(new URL(req.url!, 'http://x').pathname.replace(/^\/registers\//, ''));
        served.push(name);
        const file = path.join(pack, name);
        if (!fs.existsSync(file)) return void res.writeHead(404).end('Not found');
        const bytes = fs.readFileSync(file);
        if (encodeOnTheWire && file.endsWith('.gz')) res.writeHead(200, { 'content-encoding': 'gzip' }).end(bytes);
        else res.writeHead(200).end(bytes);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/registers/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test.each([false, true])('the same answers (gzip undone by the server: %s)', async (onTheWire) => {
      encodeOnTheWire = onTheWire;
      served.length = 0;
      const registers = await openRegisterPack(browserPackSource(base));
      const found = await registers.find(registerLookups({ names: ['Ribble Homes Ltd', 'Lancashire Wildlife Trust'] }));
      expect(found.byName.get('RIBBLEHOMES')?.map((r) => `${r.number} ${r.postcode}`).sort()).toEqual(['01000005 PR1 9AA', '01000006 M3 5AB']);
      expect(found.byName.get('LANCASHIREWILDLIFETRUST')?.map((r) => r.register)).toEqual(['charities']);
      expect(served.length).toBeLessThanOrEqual(3);
    });
  });
});

describe('a bad or mixed pack is refused with a clear message', () => {
  const REBUILD = 'rebuild the pack with `npm run registers:build`.';
  const acme = registerLookups({ names: ['Acme Widgets Ltd'] });

  function copyOfPack(): { copy: string; file: string } {
    const copy = path.join(temporaryFolder('registers-damaged-'), 'pack');
    fs.cpSync(pack, copy, { recursive: true });
    return { copy, file: nameShardFile(shardOf('ACMEWIDGETS', indexOf(copy).names.bits)) };
  }

  async function expectRefused(copy: string, message: string | RegExp): Promise<void> {
    const registers = await openRegisterPack(nodePackSource(copy));
    await expect(registers.find(acme)).rejects.toThrow(RegisterPackError);
    await expect(registers.find(acme)).rejects.toThrow(message);
  }

  test('a shard whose bytes were changed fails its CRC', async () => {
    const { copy, file } = copyOfPack();
    const bytes = gunzipSync(fs.readFileSync(path.join(copy, file)));
    bytes[bytes.length - 10] ^= 0xff;
    fs.writeFileSync(path.join(copy, file), gzipSync(bytes));
    await expectRefused(copy, `The register pack file ${file} in ${copy} cannot be used: its CRC does not match (damaged); ${REBUILD}`);
  });

  test('a shard that does not unzip', async () => {
    const { copy, file } = copyOfPack();
    fs.writeFileSync(path.join(copy, file), fs.readFileSync(path.join(copy, file)).subarray(0, 20));
    await expectRefused(copy, `The register pack file ${file} in ${copy} is damaged or truncated (it does not unzip); ${REBUILD}`);
  });

  test('a missing shard', async () => {
    const { copy, file } = copyOfPack();
    fs.rmSync(path.join(copy, file));
    await expectRefused(copy, `Cannot read the register pack file ${file} in ${copy}: the file is missing; ${REBUILD}`);
  });

  test("a shard in another shard's place", async () => {
    const { copy, file } = copyOfPack();
    const bits = indexOf(copy).names.bits;
    const shard = shardOf('ACMEWIDGETS', bits);
    const other = (shard + 1) % 2 ** bits;
    fs.copyFileSync(path.join(copy, nameShardFile(other)), path.join(copy, file));
    await expectRefused(copy, `holds shard ${other} of ${2 ** bits}, but index.json expects shard ${shard} of ${2 ** bits}`);
  });

  test('a shard of another build of the pack', async () => {
    const { copy, file } = copyOfPack();
    const files = writeFixtureFiles(registerFixture(99, 300));
    const other = path.join(files.folder, 'other');
    await buildRegisterPack({ inputs: [files.companiesZip, files.charitiesZip], out: other });
    expect(indexOf(other).names.bits).toBe(indexOf(copy).names.bits);
    fs.copyFileSync(path.join(other, file), path.join(copy, file));
    await expectRefused(copy, `The register pack file ${file} in ${copy} belongs to a different build of the pack than its index.json; ${REBUILD}`);
  });

  test('an index that is missing, damaged, or of another kind of pack', async () => {
    const { copy } = copyOfPack();
    const indexFile = path.join(copy, REGISTER_INDEX_FILE);
    const text = fs.readFileSync(indexFile, 'utf8');
    fs.writeFileSync(indexFile, text.slice(0, 40));
    await expect(openRegisterPack(nodePackSource(copy))).rejects.toThrow(`The register pack's index.json in ${copy} is not valid JSON (damaged or truncated); ${REBUILD}`);
    fs.writeFileSync(indexFile, JSON.stringify({ format: 'local-spend-baseline geography pack', version: 1 }));
    await expect(openRegisterPack(nodePackSource(copy))).rejects.toThrow(`The register pack's index.json in ${copy} is not a pack index this program reads (format:`);
    fs.rmSync(indexFile);
    await expect(openRegisterPack(nodePackSource(copy))).rejects.toThrow(RegisterPackError);
    await expect(openRegisterPack(nodePackSource(copy))).rejects.toThrow(`Cannot read the register pack's index.json in ${copy}: the file is missing; ${REBUILD}`);
  });

  test('a number shard pointing at name shards the index does not have', async () => {
    const { copy } = copyOfPack();
    const index = indexOf(copy);
    fs.writeFileSync(path.join(copy, REGISTER_INDEX_FILE), JSON.stringify({ ...index, names: { ...index.names, bits: index.names.bits - 1 } }));
    const registers = await openRegisterPack(nodePackSource(copy));
    const lookup = registers.find(registerLookups({ names: [], numbers: ['01000001'] }));
    await expect(lookup).rejects.toThrow(RegisterPackError);
    await expect(lookup).rejects.toThrow(/points at name shard \d+, which the pack does not have/);
  });
});
