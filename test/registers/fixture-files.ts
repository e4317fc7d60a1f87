/** The seeded register fixture written out as the downloads are published, and built into a pack. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildRegisterPack } from '../../src/registers/pack-builder';
import { charitiesJson, charitiesText, COMPANIES_DATE, registerFixture, type RegisterFixture } from '../support/register-fixtures';
import { zipArchive } from '../support/zip-writer';

export function temporaryFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface FixtureFiles {
  fixture: RegisterFixture;
  folder: string;
  /** BasicCompanyDataAsOneFile-….zip and publicextract.charity.zip (JSON). */
  companiesZip: string;
  charitiesZip: string;
}

/** The fixture as Companies House's one-file zip and the Commission's JSON zip. */
export function writeFixtureFiles(fixture = registerFixture()): FixtureFiles {
  const folder = temporaryFolder('registers-');
  const companiesZip = path.join(folder, `BasicCompanyDataAsOneFile-${COMPANIES_DATE}.zip`);
  fs.writeFileSync(companiesZip, zipArchive([{ name: `BasicCompanyDataAsOneFile-${COMPANIES_DATE}.csv`, data: fixture.companiesCsv }]));
  const charitiesZip = path.join(folder, 'publicextract.charity.zip');
  fs.writeFileSync(charitiesZip, zipArchive([{ name: 'publicextract.charity.json', data: charitiesJson(fixture.charities) }]));
  return { fixture, folder, companiesZip, charitiesZip };
}

/** The fixture's charities as the tab-separated text download. */
export function writeCharitiesTextZip(fixture: RegisterFixture, folder: string): string {
  const file = path.join(folder, 'publicextract.charity.txt.zip');
  fs.writeFileSync(file, zipArchive([{ name: 'publicextract.charity.txt', data: charitiesText(fixture.charities) }]));
  return file;
}

/** Builds the fixture pack and returns its folder with the files it was built from. */
export async function buildFixtureRegisterPack(): Promise<FixtureFiles & { pack: string }> {
  const files = writeFixtureFiles();
  const pack = path.join(files.folder, 'pack');
  await buildRegisterPack({ inputs: [files.companiesZip, files.charitiesZip], out: pack });
  return { ...files, pack };
}
