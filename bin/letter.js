#!/usr/bin/env node
// The bin is a shim: all behaviour lives in src/cli/main.ts, compiled to dist/ and bundled
// into dist/bundle/ by `npm run build` (which `npm ci` runs as its prepare step). The bundle
// is CommonJS, required rather than imported: an import would first scan it for its exports.
import { createRequire } from 'node:module';

const { main } = createRequire(import.meta.url)('../dist/bundle/main.cjs');
process.exitCode = await main(process.argv.slice(2));
