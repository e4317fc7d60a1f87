/**
 * The registers the command line is given (`--companies PATH`, `--charities PATH`): built packs
 * (folders holding a register pack's index.json), whose shards are read only as a lookup needs
 * them, and the downloads themselves (CSV, .csv.gz, JSON, text or zip, or folders of parts),
 * streamed once per lookup keeping only the records asked for. Either answers the analysis's
 * register lookup.
 */
import { existsSync, statSync } from 'fs';
import * as path from 'path';
import type { RegisterAnswers, Registers } from '../core/analysis/input';
import type { RegisterLookups } from '../core/register-match';
import { recordNumberKeys } from '../core/register-match';
import { registerNameKey } from '../core/register-name-key';
import type { RegisterName, RegisterRecord } from '../core/register-record';
import { nodePackSource } from '../geo/node-pack-source';
import { REGISTER_INDEX_FILE } from './pack-index';
import { openRegisterPack } from './register-pack';
import { readRegisterSource, registerOf } from './register-source';
import { RegisterSourceError, sourceTexts } from './source-text';

export interface RegisterInput {
  /** A pack folder, a download, or a folder of downloads. */
  path: string;
  register: RegisterName;
  /** The option that named it ("--companies"), for messages. */
  option: string;
}

const OPTION_OF: Record<RegisterName, string> = { companies: '--companies', charities: '--charities' };
const WHAT: Record<RegisterName, string> = {
  companies: "Companies House's Basic Company Data",
  charities: "the Charity Commission's register extract",
};

function isPack(folder: string): boolean {
  return existsSync(path.join(folder, REGISTER_INDEX_FILE)) && statSync(folder).isDirectory();
}

/** The records of several lookups in one answer; a record found twice is matched once all the same. */
function merged(answers: readonly RegisterAnswers[]): RegisterAnswers {
  const join = (maps: ReadonlyMap<string, readonly RegisterRecord[]>[]) => {
    const all = new Map<string, RegisterRecord[]>();
    for (const map of maps) for (const [key, records] of map) all.set(key, [...(all.get(key) ?? []), ...records]);
    return all;
  };
  return {
    byName: join(answers.map((a) => a.byName)),
    byNumber: join(answers.map((a) => a.byNumber)),
    releases: [...new Set(answers.flatMap((a) => a.releases))],
  };
}

/** Downloads read at each lookup, keeping the records under the keys asked for. */
function downloads(inputs: readonly RegisterInput[]): Registers {
  return {
    async find(lookups: RegisterLookups): Promise<RegisterAnswers> {
      const names = new Set(lookups.nameKeys);
      const numbers = new Set(lookups.numberKeys);
      const byName = new Map<string, RegisterRecord[]>();
      const byNumber = new Map<string, RegisterRecord[]>();
      const add = (map: Map<string, RegisterRecord[]>, key: string, record: RegisterRecord) => {
        const list = map.get(key);
        if (list) list.push(record);
        else map.set(key, [record]);
      };
      const releases: string[] = [];
      for (const input of inputs) {
        for await (const source of sourceTexts(input.path)) {
          const summary = await readRegisterSource(source, (name, record) => {
            const key = registerNameKey(name);
            if (names.has(key)) add(byName, key, record);
            for (const numberKey of recordNumberKeys(record)) if (numbers.has(numberKey)) add(byNumber, numberKey, record);
            return key !== '';
          });
          if (!releases.includes(summary.release)) releases.push(summary.release);
        }
      }
      return { byName, byNumber, releases };
    },
  };
}

/** One register lookup over every pack and download given. */
export async function openRegisterInputs(inputs: readonly RegisterInput[]): Promise<Registers> {
  const packs = new Map<string, RegisterName[]>();
  const files: RegisterInput[] = [];
  for (const input of inputs) {
    if (!existsSync(input.path)) throw new RegisterSourceError(`${input.option} ${input.path}: no such file or folder.`);
    if (isPack(input.path)) packs.set(input.path, [...(packs.get(input.path) ?? []), input.register]);
    else files.push(input);
  }
  const lookups: Registers[] = [];
  for (const [folder, registers] of packs) {
    const pack = await openRegisterPack(nodePackSource(folder));
    for (const register of registers) {
      if (!pack.index.sources.some((source) => source.register === register)) {
        const built = pack.index.sources.map((source) => source.release).join('; ');
        throw new RegisterSourceError(`${OPTION_OF[register]} ${folder}: the register pack holds no ${WHAT[register]} (it was built from ${built}).`);
      }
    }
    lookups.push(pack);
  }
  // Each download is checked to be the register its option says before anything is analysed.
  for (const input of files) {
    for await (const source of sourceTexts(input.path)) {
      const register = await registerOf(source);
      if (register !== input.register) throw new RegisterSourceError(`${input.option} ${source.name} is ${WHAT[register]}: give it with ${OPTION_OF[register]}.`);
    }
  }
  if (files.length > 0) lookups.push(downloads(files));
  return { find: async (wanted) => merged(await Promise.all(lookups.map((lookup) => lookup.find(wanted)))) };
}
