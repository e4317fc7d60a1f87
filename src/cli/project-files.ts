/** Files the command line ships with, found from wherever its code runs (bundle, tests, tsx). */
import * as fs from 'fs';
import * as path from 'path';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'local-spend-baseline') {
      root = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error('cannot find the local-spend-baseline project folder');
  }
}

export const defaultRulesFile = () => path.join(projectRoot(), 'rules', 'default-rules.csv');
export const sampleWorkbook = () => path.join(projectRoot(), 'sample', 'preston-anchors-2024-25.xlsx');
export const geoPackFolder = () => path.join(projectRoot(), 'geography', 'pack');
export const packageVersion = () => JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')).version as string;
