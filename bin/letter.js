#!/usr/bin/env node
// The bin is a shim: all behaviour lives in src/cli/main.ts (compiled to dist/ by `npm ci`'s prepare step).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
