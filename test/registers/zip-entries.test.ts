import * as fs from 'fs';
import * as path from 'path';
import { zipEntries, zipEntryStream, ZipError } from '../../src/registers/zip-entries';
import { zipArchive } from '../support/zip-writer';
import { temporaryFolder } from './fixture-files';

const folder = temporaryFolder('zip-entries-');
const text = 'CompanyName, CompanyNumber\n"A LTD","01234567"\n'.repeat(500);

function write(name: string, bytes: Buffer): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function contents(file: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await zipEntries(file)) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zipEntryStream(file, entry)) chunks.push(chunk as Buffer);
    out.push(`${entry.name}: ${Buffer.concat(chunks).toString('utf8') === text ? 'same' : 'different'} (${entry.size} bytes)`);
  }
  return out;
}

describe('reading zip entries as streams', () => {
  test.each([false, true])('entries of an archive, ZIP64 or not (%s)', async (zip64) => {
    const file = write(`plain-${zip64}.zip`, zipArchive([{ name: 'a.csv', data: text }, { name: 'folder/b.csv', data: text }], { zip64 }));
    expect(await contents(file)).toEqual([`a.csv: same (${text.length} bytes)`, `folder/b.csv: same (${text.length} bytes)`]);
  });

  test('an archive cut short, an encrypted entry, a file that is no zip', async () => {
    const whole = zipArchive([{ name: 'a.csv', data: text }]);
    await expect(zipEntries(write('cut.zip', whole.subarray(whole.length - 200)))).rejects.toThrow(ZipError);
    const encrypted = Buffer.from(whole);
    const directory = encrypted.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(0x801, directory + 8);
    await expect(zipEntries(write('encrypted.zip', encrypted))).rejects.toThrow('a.csv is encrypted; unzip it with its password first');
    await expect(zipEntries(write('text.zip', Buffer.from('hello')))).rejects.toThrow('it is not a zip archive');
  });
});
