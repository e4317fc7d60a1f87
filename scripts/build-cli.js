/**
 * Bundles the command line (src/cli/main.ts) into build/cli.js with esbuild, with zod
 * and every other library it uses inlined: the one file, the geography pack, the default rules
 * and the sample are all `npm pack` puts in the package, which so needs nothing from the
 * registry to install. Runs on `npm pack` (prepack) and `npm run build`;
 * bin/local-spend-baseline.js also runs it in the project folder when the sources are newer
 * than the bundle, so the command always runs the code in the tree.
 */
const fs = require('fs');
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

/** Newest modification time under dir (the sources the bundle is made from). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** Rebuilds the bundle only when it is missing or older than the sources. */
function buildCliIfStale() {
  if (!fs.existsSync(outfile) || fs.statSync(outfile).mtimeMs < newest(path.join(root, 'src'))) buildCli();
  return outfile;
}

module.exports = { buildCli, buildCliIfStale, outfile };

if (require.main === module) buildCli();
