#!/usr/bin/env node
// `npx local-spend-baseline` / `npm run baseline`: the command-line analysis (src/cli).
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const { buildCli, outfile } = require(path.join(root, 'scripts', 'build-cli.js'));

/** Newest modification time under dir (the sources the bundle is made from). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

if (!fs.existsSync(outfile) || fs.statSync(outfile).mtimeMs < newest(path.join(root, 'src'))) buildCli();
require(outfile);
