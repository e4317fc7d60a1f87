#!/usr/bin/env node
// `local-spend-baseline`: the command-line analysis (src/cli), bundled into build/cli.js.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
// In the project folder the bundle is rebuilt when the sources are newer; an installed package
// holds the bundle alone.
if (fs.existsSync(path.join(root, 'src'))) require(path.join(root, 'scripts', 'build-cli.js')).buildCliIfStale();
require(path.join(root, 'build', 'cli.js'));
