#!/usr/bin/env node
// CommonJS (see bin/package.json): Node starts a CommonJS entry ~5 ms sooner than an ES module one.
const { loadCli } = require('./load-cli.js');

loadCli().main(process.argv);
