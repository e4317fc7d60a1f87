/** Reading the geography pack from a folder, for the command line and the tests. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import * as zlib from 'zlib';
import type { PackSource } from './geo-pack';

const gunzip = promisify(zlib.gunzip);

export function nodePackSource(folder: string): PackSource {
  return {
    location: folder,
    async read(name) {
      try {
        return new Uint8Array(await fs.readFile(path.join(folder, name)));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new Error(code === 'ENOENT' ? 'the file is missing' : (error as Error).message, { cause: error });
      }
    },
    async gunzip(bytes) {
      return new Uint8Array(await gunzip(bytes));
    },
  };
}
