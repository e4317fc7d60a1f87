/** Prints "N passed, N failed" from Jest's JSON results; a missing file counts as one failure. */
const fs = require('fs');

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log('no test results: the tests did not run (type-check, lint or build failed above)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
// A suite that fails to load has no test results of its own: count it as a failure too.
const brokenSuites = results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
const failed = results.numFailedTests + brokenSuites;
if (results.numPendingTests > 0) console.log(`${results.numPendingTests} skipped`);
console.log(`${results.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 || results.numPassedTests === 0 ? 1 : 0);
