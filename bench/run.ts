/**
 * `npm run bench [-- NAME…]`: runs every suite in bench/*.bench.ts (or those whose file name
 * contains one of the NAMEs) and prints each figure beside its floor.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatNumber, type Figure, type Suite } from './harness';

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
    .sort();
  let missed = 0;
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const suite: Suite = require(path.join(__dirname, file)).suite;
    console.log(`\n${suite.name}`);
    let figures: Figure[];
    try {
      figures = await suite.run();
    } catch (error) {
      console.log(`  could not run: ${(error as Error).message}`);
      missed++;
      continue;
    }
    for (const figure of figures) {
      let line = `  ${figure.name}: ${formatNumber(figure.value)} ${figure.unit}`;
      if (figure.floor) {
        line += `  | floor (${figure.floor.name}): ${formatNumber(figure.floor.value)} ${figure.floor.unit}`;
      }
      if (figure.ratio !== undefined) line += `  | ratio ${figure.ratio.toFixed(2)}`;
      if (figure.goal) line += `  | goal ${figure.goal}: ${figure.met ? 'met' : 'NOT met'}`;
      console.log(line);
      if (figure.goal && !figure.met) missed++;
    }
  }
  console.log(missed === 0 ? '\nall goals met' : `\n${missed} goal(s) not met`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
