// Lint keeps the layers of SPEC.md's architecture apart: the core is pure, only src/excel talks
// to Excel, the workbook package runs in a browser as in Node, and the hosts use the core and
// the workbook package only through their entry modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs',
  'fs/promises', 'http', 'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process',
  'readline', 'stream', 'string_decoder', 'timers', 'tls', 'tty', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
];

/** Hosts use the workbook package through its entry module, as they use the core. */
const workbookEntryOnly = {
  group: ['**/workbook/*', '!**/workbook/index'],
  message: 'The hosts use the workbook package through its entry module (src/workbook/index.ts).',
};

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'geo-pack/', 'geography/', 'register-pack/', 'coverage/', 'test-results/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Only the adapter in src/excel touches the Excel API.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/excel/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only src/excel uses the Excel API.' },
        { name: 'OfficeExtension', message: 'Only src/excel uses the Excel API.' },
      ],
    },
  },
  {
    // The hosts move cells in and out around one analysis: of the core they use only its entry
    // module, and of the workbook package only its own.
    files: ['src/cli/**/*.ts', 'src/excel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/*', '!**/core/index'],
              message: 'src/cli and src/excel use the core through its entry module (src/core/index.ts): the analysis, its plan and result types, the schemas.',
            },
            workbookEntryOnly,
          ],
        },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [workbookEntryOnly] }] },
  },
  {
    // The workbook package reads and writes OOXML in the browser as on the command line: no
    // Node, no DOM beyond the web platform's own (TextDecoder, Compression Streams); deflate and
    // files are the host's.
    files: ['src/workbook/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'src/workbook runs in the browser too: no Node built-ins (the host passes deflate).' })),
          patterns: [
            { group: ['node:*'], message: 'src/workbook runs in the browser too: no Node built-ins.' },
            { group: ['**/core/*', '!**/core/index'], message: 'src/workbook uses the core through its entry module (src/core/index.ts).' },
            { group: ['**/geo', '**/geo/**', '**/excel', '**/excel/**', '**/taskpane', '**/taskpane/**', '**/cli', '**/cli/**'],
              message: 'src/workbook imports nothing from the hosts or the geography.' },
            { group: ['react', 'react-dom', 'exceljs', 'jszip', '@fluentui/*'], message: 'src/workbook is its own reader and writer.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'fetch', 'localStorage', 'process', 'Buffer', 'require', 'Excel', 'Office', 'OfficeExtension', '__dirname']
          .map((name) => ({ name, message: 'src/workbook runs in the browser and in Node alike: no DOM, Node or Office globals.' })),
      ],
    },
  },
  {
    // The core is plain functions over plain data: no Node, no DOM, no outer layer.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'src/core is pure: no Node built-ins.',
          })),
          patterns: [
            { group: ['**/geo', '**/geo/**', '**/registers', '**/registers/**', '**/excel', '**/excel/**', '**/taskpane', '**/taskpane/**', '**/cli', '**/cli/**', '**/workbook', '**/workbook/**'],
              message: 'src/core imports nothing from the outer layers.' },
            { group: ['node:*'], message: 'src/core is pure: no Node built-ins.' },
            { group: ['react', 'react-dom', 'exceljs', '@fluentui/*'], message: 'src/core is pure.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'fetch', 'localStorage', 'process', 'Buffer', 'require',
          'Excel', 'Office', 'OfficeExtension', '__dirname', 'setTimeout', 'TextEncoder']
          .map((name) => ({ name, message: 'src/core is pure: no DOM, Node or Office globals.' })),
      ],
    },
  },
);
