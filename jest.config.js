/**
 * Two projects, both run by `npm test` and CI: `fast` (everything a change is checked against in
 * seconds) and `slow` (the browser journeys, the million-row suites, LibreOffice, the real
 * council files of ../shared, the command as a child process or against a failing service, and
 * the corpus of awkward sheets through the command line).
 * `npx jest --selectProjects fast` runs the first alone.
 */
const SLOW = [
  '/test/e2e/.*\\.test\\.ts$',
  '/million-rows\\.test\\.ts$',
  '/test/cli/[^/]*libreoffice\\.test\\.ts$',
  '/test/cli/real-data\\.test\\.ts$',
  '/test/cli/hyndburn-months\\.test\\.ts$',
  '/test/cli/council-agreement\\.test\\.ts$',
  '/test/cli/no-network\\.test\\.ts$',
  '/test/cli/online-faults\\.test\\.ts$',
  '/test/corpus/corpus-cli\\.test\\.ts$',
  '/test/excel/same-as-command-line\\.test\\.ts$',
  '/test/excel/responsiveness\\.test\\.ts$',
  '/test/sim/responsiveness\\.test\\.ts$',
  '/test/geo/full-pack\\.test\\.ts$',
  '/test/geo/shipped-pack\\.test\\.ts$',
  '/test/project/installed-command\\.test\\.ts$',
  '/test/project/dev-server\\.test\\.ts$',
];

/** @type {import('jest').Config} */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        // Type-checking is done once by `tsc` in `npm test`; with isolatedModules ts-jest only transpiles.
        tsconfig: { module: 'commonjs', moduleResolution: 'node10', jsx: 'react-jsx', esModuleInterop: true, isolatedModules: true },
      },
    ],
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'fast', testPathIgnorePatterns: ['/node_modules/', ...SLOW] },
    { ...shared, displayName: 'slow', testMatch: undefined, testRegex: SLOW },
  ],
};
