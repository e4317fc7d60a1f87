import { spawnSync } from 'child_process';
import * as path from 'path';

// SPEC.md's architecture, as lint enforces it: the core is pure, only src/excel touches Excel.
// ESLint runs in its own process: its configuration is an ES module, which Jest's VM cannot load.
const root = path.resolve(__dirname, '..', '..');

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', filePath],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layer rule', () => {
  it('keeps Node built-ins, the DOM, Office and the outer layers out of src/core', async () => {
    const messages = await ruleIds(
      [
        "import * as fs from 'fs';",
        "import { readFile } from 'node:fs/promises';",
        "import { loadPack } from '../geo/pack';",
        "import { render } from 'react-dom';",
        'export const all = [fs, readFile, loadPack, render, document.title, window, Excel, fetch];',
      ].join('\n'),
      'src/core/example.ts',
    );
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(4);
    expect(messages.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(4);
  });

  it('lets only src/excel use the Excel API', async () => {
    const code = 'export const run = () => Excel.run(async (context) => context.sync());\n';
    expect(await ruleIds(code, 'src/taskpane/example.ts')).toContainEqual(expect.stringMatching(/Only src\/excel uses the Excel API/));
    expect(await ruleIds(code, 'src/cli/example.ts')).toContainEqual(expect.stringMatching(/Only src\/excel uses the Excel API/));
    expect(await ruleIds(code, 'src/excel/example.ts')).toEqual([]);
  });

  it('lets the hosts use the core only through its entry module', async () => {
    const deep = "import { analyse } from '../core/analysis/analyse';\nexport const run = analyse;\n";
    const entry = "import { analyse } from '../core';\nexport const run = analyse;\n";
    for (const host of ['src/cli/example.ts', 'src/excel/example.ts']) {
      expect(await ruleIds(deep, host)).toContainEqual(expect.stringMatching(/^no-restricted-imports: .*entry module/));
      expect(await ruleIds(entry, host)).toEqual([]);
    }
  });

  it('accepts a pure core module', async () => {
    expect(await ruleIds("import { parseCsv } from './csv';\nexport const rows = parseCsv('a,b');\n", 'src/core/example.ts')).toEqual([]);
  });
});
