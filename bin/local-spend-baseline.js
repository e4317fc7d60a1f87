#!/usr/bin/env node
// `local-spend-baseline`: the command-line analysis (src/cli), bundled into build/cli.js.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'build', 'cli.js');
const sources = path.join(root, 'src');

/** Newest modification time under dir (the sources the bundle is made from). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

// In the project folder, rebuild the bundle when the sources are newer; an installed package
// holds the bundle alone.
if (fs.existsSync(sources) && (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newest(sources))) {
  require(path.join(root, 'scripts', 'build-cli.js')).buildCli();
}
require(bundle);
