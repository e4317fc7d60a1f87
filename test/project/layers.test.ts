import { spawnSync } from 'child_process';
import * as path from 'path';

// SPEC.md's architecture, as lint enforces it: the core is pure, only src/excel touches Excel,
// the workbook package runs without Node, and the hosts use the core and the workbook package
// through their entry modules. ESLint runs in its own process (its
// configuration is an ES module, which Jest's VM cannot load), once for every snippet below.
const root = path.resolve(__dirname, '..', '..');

const EXCEL_CALL = 'export const run = () => Excel.run(async (context) => context.sync());\n';
const DEEP_IMPORT = "import { analyse } from '../core/analysis/analyse';\nexport const run = analyse;\n";
const ENTRY_IMPORT = "import { analyse } from '../core';\nexport const run = analyse;\n";

const SNIPPETS = {
  impureCore: {
    filePath: 'src/core/example.ts',
    code: [
      "import * as fs from 'fs';",
      "import { readFile } from 'node:fs/promises';",
      "import { loadPack } from '../geo/pack';",
      "import { render } from 'react-dom';",
      'export const all = [fs, readFile, loadPack, render, document.title, window, Excel, fetch];',
    ].join('\n'),
  },
  pureCore: { filePath: 'src/core/example.ts', code: "import { parseCsv } from './csv';\nexport const rows = parseCsv('a,b');\n" },
  excelInTaskpane: { filePath: 'src/taskpane/example.ts', code: EXCEL_CALL },
  excelInCli: { filePath: 'src/cli/example.ts', code: EXCEL_CALL },
  excelInExcel: { filePath: 'src/excel/example.ts', code: EXCEL_CALL },
  deepFromCli: { filePath: 'src/cli/example.ts', code: DEEP_IMPORT },
  deepFromExcel: { filePath: 'src/excel/example.ts', code: DEEP_IMPORT },
  entryFromCli: { filePath: 'src/cli/example.ts', code: ENTRY_IMPORT },
  entryFromExcel: { filePath: 'src/excel/example.ts', code: ENTRY_IMPORT },
  workbookInCore: { filePath: 'src/core/example.ts', code: "import { XlsxPackage } from '../workbook';\nexport const open = XlsxPackage.open;\n" },
  nodeInWorkbook: {
    filePath: 'src/workbook/example.ts',
    code: [
      "import * as zlib from 'zlib';",
      "import { analyse } from '../core/analysis/analyse';",
      "import { runCommand } from '../cli/command';",
      'export const all = [zlib, analyse, runCommand, Buffer.from(""), process.cwd()];',
    ].join('\n'),
  },
  pureWorkbook: {
    filePath: 'src/workbook/example.ts',
    code: "import { columnLetter } from '../core';\nexport const text = new TextDecoder().decode(new Uint8Array([65])) + columnLetter(0);\n",
  },
  deepWorkbookFromCli: { filePath: 'src/cli/example.ts', code: "import { readZip } from '../workbook/zip';\nexport const read = readZip;\n" },
  deepWorkbookFromTaskpane: { filePath: 'src/taskpane/example.ts', code: "import { readZip } from '../workbook/zip';\nexport const read = readZip;\n" },
  workbookEntryFromCli: { filePath: 'src/cli/example.ts', code: "import { XlsxPackage } from '../workbook';\nexport const open = XlsxPackage.open;\n" },
};

let messages: Record<keyof typeof SNIPPETS, string[]>;
beforeAll(() => {
  const script = `
    const { ESLint } = require('eslint');
    const snippets = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint();
      const out = {};
      for (const [name, { code, filePath }] of Object.entries(snippets)) {
        const [result] = await eslint.lintText(code, { filePath });
        out[name] = result.messages.map((m) => m.ruleId + ': ' + m.message);
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(SNIPPETS), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  messages = JSON.parse(run.stdout);
}, 60_000);

describe('the layer rule', () => {
  it('keeps Node built-ins, the DOM, Office and the outer layers out of src/core', () => {
    expect(messages.impureCore.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(4);
    expect(messages.impureCore.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(4);
  });

  it('lets only src/excel use the Excel API', () => {
    expect(messages.excelInTaskpane).toContainEqual(expect.stringMatching(/Only src\/excel uses the Excel API/));
    expect(messages.excelInCli).toContainEqual(expect.stringMatching(/Only src\/excel uses the Excel API/));
    expect(messages.excelInExcel).toEqual([]);
  });

  it('lets the hosts use the core only through its entry module', () => {
    for (const deep of [messages.deepFromCli, messages.deepFromExcel]) expect(deep).toContainEqual(expect.stringMatching(/^no-restricted-imports: .*entry module/));
    expect(messages.entryFromCli).toEqual([]);
    expect(messages.entryFromExcel).toEqual([]);
  });

  it('accepts a pure core module', () => {
    expect(messages.pureCore).toEqual([]);
  });

  it('keeps the workbook package free of Node and the hosts, and out of the core', () => {
    expect(messages.workbookInCore).toContainEqual(expect.stringMatching(/^no-restricted-imports: .*outer layers/));
    expect(messages.nodeInWorkbook.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(3);
    expect(messages.nodeInWorkbook.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(2);
    expect(messages.pureWorkbook).toEqual([]);
  });

  it('lets the hosts use the workbook package only through its entry module', () => {
    for (const deep of [messages.deepWorkbookFromCli, messages.deepWorkbookFromTaskpane]) expect(deep).toContainEqual(expect.stringMatching(/^no-restricted-imports: .*workbook package through its entry module/));
    expect(messages.workbookEntryFromCli).toEqual([]);
  });
});
