#!/usr/bin/env node
// The bin is a shim: all behaviour lives in src/cli/main.ts, compiled to dist/ and bundled
// into dist/bundle/ by `npm run build` (which `npm ci` runs as its prepare step). It is
// CommonJS, as the bundle is, so that Node runs it without starting its ES module loader
// (3–5 ms of every start), and requires the bundle rather than importing it.
'use strict';

const { main } = require('../dist/bundle/main.cjs');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
