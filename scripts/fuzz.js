/**
 * `npm run fuzz [-- RUNS]`: the property tests (test/**\/*.property.test.ts) with a fresh random
 * seed and RUNS cases each (default 20,000) instead of `npm test`'s fixed seed and few hundred.
 * A failure prints the seed and path that replay it.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const runs = process.argv[2] ?? '20000';
if (!/^[1-9][0-9]*$/.test(runs)) {
  console.error(`npm run fuzz -- RUNS: RUNS must be a whole number, not "${runs}"`);
  process.exit(2);
}
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, '--testPathPatterns', '\\.property\\.test\\.ts$', '--testTimeout', '3600000'], {
  cwd: path.resolve(__dirname, '..'),
  env: { ...process.env, FUZZ_RUNS: runs },
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
