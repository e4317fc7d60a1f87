/**
 * Bundles the command line (src/cli/main.ts) into build/cli.js with esbuild, with ExcelJS, zod
 * and every other library it uses inlined: the one file, the geography pack, the default rules
 * and the sample are all `npm pack` puts in the package, which so needs nothing from the
 * registry to install. Runs on `npm pack` (prepack) and `npm run build`;
 * bin/local-spend-baseline.js also runs it in the project folder when the sources are newer
 * than the bundle, so the command always runs the code in the tree.
 */
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'build', 'cli.js');

function buildCli() {
  esbuild.buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}

module.exports = { buildCli, outfile };

if (require.main === module) buildCli();
