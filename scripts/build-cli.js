/**
 * Bundles the command line (src/cli/main.ts) into build/cli.js with esbuild. Runs on
 * `npm install` (prepare) and `npm run build`; bin/local-spend-baseline.js also runs it when the
 * sources are newer than the bundle, so the command always runs the code in the tree.
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
    // Dependencies stay in node_modules; only the project's own code is bundled.
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}

module.exports = { buildCli, outfile };

if (require.main === module) buildCli();
