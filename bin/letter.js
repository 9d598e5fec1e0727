#!/usr/bin/env node
// The bin is a shim: all behaviour lives in src/cli/ (main.ts; quick-build.ts answers an
// up-to-date build before it loads), compiled to dist/ and bundled into dist/bundle/ by
// `npm run build` (which `npm ci` runs as its prepare step). It is CommonJS, as the bundle
// is, so that Node runs it without starting its ES module loader (3–5 ms of every start),
// and requires the bundle rather than importing it. bin/package.json
// makes it CommonJS under its old name: npx keeps a link to the bin in its cache, and a
// renamed bin leaves that link dangling ("letter: not found") for whoever ran npx before.
'use strict';

const { main, exit } = require('../dist/bundle/main.cjs');
// exit() ends the process once its output is written, without Node's teardown of the heap.
main(process.argv.slice(2)).then(exit);
