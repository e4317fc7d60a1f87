import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { matchRegister, registerLookups, type RegisterMatch } from '../../src/core/register-match';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { buildRegisterPack } from '../../src/registers/pack-builder';
import { REGISTER_INDEX_FILE, registerPackIndexSchema } from '../../src/registers/pack-index';
import { openRegisterPack, type RegisterPack } from '../../src/registers/register-pack';
import { RegisterSourceError } from '../../src/registers/source-text';
import { COMPANIES_DATE, EXTRACT_DATE, companyLine, COMPANIES_HEADER, registerFixture, type FixtureCase } from '../support/register-fixtures';
import { seededRandom } from '../support/seeded-random';
import { zipArchive } from '../support/zip-writer';
import { buildFixtureRegisterPack, temporaryFolder, writeCharitiesTextZip, writeFixtureFiles } from './fixture-files';

async function match(pack: RegisterPack, names: string[], numbers: string[] = []): Promise<RegisterMatch> {
  const query = { names, numbers };
  return matchRegister(query, await pack.find(registerLookups(query)));
}

/** Checks every planted case of the fixture against the pack. */
async function expectCases(pack: RegisterPack, cases: readonly FixtureCase[]): Promise<void> {
  for (const { supplier, expect: expected } of cases) {
    const found = await match(pack, [supplier]);
    const seen =
      found.status === 'matched'
        ? { status: 'matched', company: found.entity.company?.number, charity: found.entity.charity?.number, postcode: found.entity.company?.postcode || found.entity.charity?.postcode }
        : found.status === 'ambiguous'
          ? { status: 'ambiguous', numbers: found.candidates.map((c) => c.company?.number ?? c.charity?.number).sort() }
          : { status: 'none' };
    expect({ supplier, ...seen }).toEqual({ supplier, company: undefined, charity: undefined, ...expected });
  }
}

describe('building the register pack from the downloads as published', () => {
  let built: Awaited<ReturnType<typeof buildFixtureRegisterPack>>;
  beforeAll(async () => {
    built = await buildFixtureRegisterPack();
  });

  test('every planted name gives exactly what it must: one organisation, its look-alikes apart, candidates when ambiguous', async () => {
    await expectCases(await openRegisterPack(nodePackSource(built.pack)), built.fixture.cases);
  });

  test('index.json says what it was built from, with attribution and the tables its shards use', () => {
    const index = registerPackIndexSchema.parse(JSON.parse(fs.readFileSync(path.join(built.pack, REGISTER_INDEX_FILE), 'utf8')));
    const companies = built.fixture.companies;
    expect(index.sources).toEqual([
      {
        register: 'companies',
        release: `Companies House Basic Company Data ${COMPANIES_DATE}`,
        files: [`BasicCompanyDataAsOneFile-${COMPANIES_DATE}.csv`],
        rows: companies.length,
        // The dissolved company is left out.
        records: companies.length - 1,
      },
      {
        register: 'charities',
        release: `Charity Commission register extract ${EXTRACT_DATE}`,
        files: ['publicextract.charity.json'],
        rows: built.fixture.charities.length,
        // The linked charity and the removed one are left out.
        records: built.fixture.charities.length - 2,
      },
    ]);
    expect(index.attribution).toMatch(/Companies House/);
    expect(index.attribution).toMatch(/Charity Commission for England and Wales.*Open Government Licence v3\.0/);
    expect(index.names.records).toBe(companies.length - 1 + built.fixture.charities.length - 2);
    expect(index.categories).toEqual(expect.arrayContaining(['', 'Private Limited Company', 'Community Interest Company', 'Registered Society', 'Charitable company']));
    expect(index.accounts).toEqual(expect.arrayContaining(['', 'MICRO ENTITY', 'DORMANT']));
    // Small enough that a sheet fetches little: a few dozen records a shard.
    expect(index.names.records / 2 ** index.names.bits).toBeLessThanOrEqual(64);
  });

  test('records keep the category, accounts and SIC codes the register gives', async () => {
    const pack = await openRegisterPack(nodePackSource(built.pack));
    const found = await match(pack, ['Lookalike Free Care Ltd']);
    expect(found).toMatchObject({
      status: 'matched',
      entity: { company: { number: '01000016', postcode: 'PR3 0AA', category: 'Private Limited Company', accounts: 'SMALL', sic: [87100, 88100], companyNumber: '' } },
    });
    const charity = await match(pack, ['Lancashire Wildlife Trust']);
    expect(charity).toMatchObject({ status: 'matched', entity: { charity: { register: 'charities', category: 'Trust', accounts: '', sic: [] } } });
  });

  test('numbers find records, a company number its charity too', async () => {
    const pack = await openRegisterPack(nodePackSource(built.pack));
    expect(await match(pack, ['Ribble Homes Ltd'], ['1000006'])).toMatchObject({ status: 'matched', by: 'number', entity: { company: { number: '01000006', postcode: 'M3 5AB' } } });
    expect(await match(pack, [], ['SC100003'])).toMatchObject({ status: 'matched', entity: { company: { number: 'SC100003' } } });
    expect(await match(pack, [], ['01000012'])).toMatchObject({ status: 'matched', entity: { company: { number: '01000012' }, charity: { number: '1100001' } } });
    expect(await match(pack, [], ['charity 229325'])).toMatchObject({ status: 'matched', entity: { charity: { number: '229325' } } });
    // A linked charity is not in the pack, under its number or its name.
    expect(await match(pack, ['Acme Widgets'])).toMatchObject({ status: 'matched', entity: { company: { number: '01000001' } } });
    expect(await match(pack, [], ['09999999'])).toEqual({ status: 'none' });
  });

  test('the same input builds the same pack, byte for byte', async () => {
    const again = path.join(built.folder, 'again');
    await buildRegisterPack({ inputs: [built.companiesZip, built.charitiesZip], out: again });
    const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    expect(files(again)).toEqual(files(built.pack));
    for (const file of files(again).filter((f) => f.endsWith('.gz') || f.endsWith('.json'))) {
      expect(fs.readFileSync(path.join(again, file)).equals(fs.readFileSync(path.join(built.pack, file)))).toBe(true);
    }
  });
});

describe('the forms the downloads come in', () => {
  const fixture = registerFixture(7, 60);

  test('the charity extract as tab-separated text, a field holding a line break', async () => {
    const files = writeFixtureFiles(fixture);
    const out = path.join(files.folder, 'pack');
    const summary = await buildRegisterPack({ inputs: [writeCharitiesTextZip(fixture, files.folder), files.companiesZip], out });
    expect(summary.sources.map((s) => [s.register, s.records])).toEqual([
      ['companies', fixture.companies.length - 1],
      ['charities', fixture.charities.length - 2],
    ]);
    await expectCases(await openRegisterPack(nodePackSource(out)), fixture.cases);
  });

  test('the parts of the download as several zips in a folder, a ZIP64 one among them, with CRLF line ends', async () => {
    const folder = temporaryFolder('registers-parts-');
    const lines = fixture.companiesCsv.trimEnd().split('\n').slice(1);
    const half = Math.ceil(lines.length / 2);
    const part = (rows: string[]) => `${[COMPANIES_HEADER, ...rows].join('\r\n')}\r\n`;
    const name = (n: number) => `BasicCompanyData-${COMPANIES_DATE}-part${n}_2`;
    fs.writeFileSync(path.join(folder, `${name(1)}.zip`), zipArchive([{ name: `${name(1)}.csv`, data: part(lines.slice(0, half)) }]));
    fs.writeFileSync(path.join(folder, `${name(2)}.zip`), zipArchive([{ name: `${name(2)}.csv`, data: part(lines.slice(half)) }], { zip64: true }));
    const files = writeFixtureFiles(fixture);
    const out = path.join(folder, 'pack');
    const summary = await buildRegisterPack({ inputs: [folder, files.charitiesZip], out });
    expect(summary.sources[0]).toMatchObject({ files: [`${name(1)}.csv`, `${name(2)}.csv`], rows: lines.length, release: `Companies House Basic Company Data ${COMPANIES_DATE}` });
    await expectCases(await openRegisterPack(nodePackSource(out)), fixture.cases);
  });

  test('the CSV as it is, or gzipped', async () => {
    const folder = temporaryFolder('registers-csv-');
    const csv = path.join(folder, `BasicCompanyDataAsOneFile-${COMPANIES_DATE}.csv`);
    fs.writeFileSync(csv, fixture.companiesCsv);
    fs.writeFileSync(`${csv}.gz`, gzipSync(fixture.companiesCsv));
    for (const input of [csv, `${csv}.gz`]) {
      const summary = await buildRegisterPack({ inputs: [input], out: path.join(folder, 'pack') });
      expect(summary.sources).toEqual([expect.objectContaining({ register: 'companies', rows: fixture.companies.length })]);
    }
  });

  test('a quoted name holding a line break, and a file in Windows-1252', async () => {
    const folder = temporaryFolder('registers-odd-');
    const random = seededRandom(3);
    const row = (name: string, number: string, postcode: string) =>
      companyLine({ name, number, postcode, category: 'Private Limited Company', accounts: 'SMALL', sic: [] }, random);
    const text = [COMPANIES_HEADER, row('BROKEN\nLINE LIMITED', '02000001', 'PR1 2HE'), row('CAFÉ NÉRO LIMITED', '02000002', 'M1 1AE')].join('\n');
    const file = path.join(folder, 'BasicCompanyData-2024-08-01-part1_1.csv');
    fs.writeFileSync(file, Buffer.from(text, 'latin1'));
    const out = path.join(folder, 'pack');
    const summary = await buildRegisterPack({ inputs: [file], out });
    expect(summary.sources[0]).toMatchObject({ rows: 2, records: 2 });
    const pack = await openRegisterPack(nodePackSource(out));
    expect(await match(pack, ['Broken Line Ltd'])).toMatchObject({ status: 'matched', entity: { company: { number: '02000001' } } });
    expect(await match(pack, ['Cafe Nero Ltd'])).toMatchObject({ status: 'matched', entity: { company: { number: '02000002' } } });
  });
});

describe('downloads that cannot be read', () => {
  const folder = temporaryFolder('registers-bad-');
  const build = (file: string) => buildRegisterPack({ inputs: [file], out: path.join(folder, 'pack') });
  const write = (name: string, data: string | Buffer) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, data);
    return file;
  };

  test('a file of neither register names itself and what it begins with', async () => {
    const file = write('spend.csv', 'Supplier,Amount\nAcme,100\n');
    await expect(build(file)).rejects.toThrow(RegisterSourceError);
    await expect(build(file)).rejects.toThrow(`${file} is neither Companies House's Basic Company Data`);
    await expect(build(file)).rejects.toThrow('it begins "Supplier,Amount"');
  });

  test("Companies House's header without a column the pack needs", async () => {
    const file = write('companies.csv', 'CompanyName, CompanyNumber,RegAddress.PostCode\n"A LTD","01234567","PR1 2HE"\n');
    await expect(build(file)).rejects.toThrow(`${file}, line 1: no CompanyCategory, CompanyStatus, Accounts.AccountCategory, SICCode.SicText_1`);
  });

  test('a quote never closed', async () => {
    const random = seededRandom(4);
    const line = companyLine({ name: 'A LTD', number: '01234567', postcode: 'PR1 2HE', category: 'Private Limited Company', accounts: '', sic: [] }, random);
    const file = write('open-quote.csv', `${COMPANIES_HEADER}\n${line}\n"UNCLOSED LTD,01234568\n`);
    await expect(build(file)).rejects.toThrow(`${file}, line 3: a quote is not closed before the end of the file.`);
  });

  test('a charity extract cut short', async () => {
    const file = write('publicextract.charity.json', '[{"registered_charity_number":200000,"linked_charity_number":0,"charity_name":"A","charity_registration_status":"Registered"},{"registered_charity_number":2');
    await expect(build(file)).rejects.toThrow(`${file}, object 2: the file ends inside an object (cut short?)`);
  });

  test('a zip that is not one, a zip with no data file, a missing file', async () => {
    const notZip = write('BasicCompanyDataAsOneFile-2024-08-01.zip', 'not a zip at all');
    await expect(build(notZip)).rejects.toThrow(`${notZip}: it is not a zip archive.`);
    const empty = write('empty.zip', zipArchive([{ name: 'readme.md', data: 'hello' }]));
    await expect(build(empty)).rejects.toThrow(`${empty}: the zip holds no .csv, .json or .txt file.`);
    await expect(build(path.join(folder, 'nowhere.zip'))).rejects.toThrow('nowhere.zip: no such file or folder.');
  });
});
