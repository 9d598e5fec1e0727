// Collecting garbage between the artifacts of a large letter. V8 collects lazily: a build of
// 10,000 signatories holds about 75 MB of live data between artifacts, yet peaked at 500 MB
// of RSS because each artifact's garbage was still there when the next began. A full
// collection there (about 70 ms, and only once the heap passes 128 MB) keeps the peak near
// 360 MB. Only in a process that owns its heap (the CLI's, short-process.ts); a library
// caller's process is left alone.

import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isShortProcess } from './short-process.js';

const LARGE = 128 * 1024 * 1024;
let collect: (() => void) | undefined;

/** A full collection, if this is the CLI's own process and the heap is large. */
export function collectIfLarge(): void {
  if (!isShortProcess() || process.memoryUsage().heapUsed <= LARGE) return;
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    // The flag applies to contexts made after it: a fresh one hands over the isolate's gc().
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
