// Collecting garbage between the artifacts of a large letter. V8 collects lazily: a build of
// 10,000 signatories holds about 75 MB of live data between artifacts, yet peaked at 500 MB
// of RSS because each artifact's garbage was still there when the next began. A full
// collection there (about 70 ms, and only once the heap passes 128 MB) keeps the peak near
// 360 MB. Only a process that owns its heap turns this on (the CLI); a library caller's
// process is left alone. The switch belongs to the process, not to this module: the CLI's
// bundle holds two copies of it (scripts/bundle-cli.mjs).

import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

const LARGE = 128 * 1024 * 1024;
const ALLOWED = Symbol.for('letter.allowCollections');
let collect: (() => void) | undefined;

/** Lets `collectIfLarge` run full collections in this process. */
export function allowCollections(): void {
  (globalThis as Record<symbol, unknown>)[ALLOWED] = true;
}

/** A full collection, if allowed and the heap is large. */
export function collectIfLarge(): void {
  if ((globalThis as Record<symbol, unknown>)[ALLOWED] !== true || process.memoryUsage().heapUsed <= LARGE) return;
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    // The flag applies to contexts made after it: a fresh one hands over the isolate's gc().
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
