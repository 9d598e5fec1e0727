// V8 settings for a process that runs one build on few cores and owns its heap: the CLI's
// own process, never a library caller's. The render code's code cache (core/cached-script.ts)
// is made under them, and V8 takes a cache only under the flags it was made with.

import v8 from 'node:v8';
import { allowCollections } from '../core/heap.js';

export function tuneForShortProcess(): void {
  // V8 would re-compile HarfBuzz's wasm with TurboFan on background threads, which takes both
  // cores and stalls module loading meanwhile; baseline code is fast enough for a letter
  // (seed build, 2 cores: 1.9 s → 1.45 s). Its functions are compiled lazily, as V8 does by
  // default, when first called: compiling both modules whole on background threads touched
  // some 2,000 fresh pages and took the second core from GC (the seed build's wall time the
  // same, 65 ms more CPU; 5–10 % longer with 2,000 signatories).
  v8.setFlagsFromString('--liftoff-only');
  // TurboFan optimizes a function once it has run about 66 KB of bytecode. In a build that
  // lasts a second, most of those compiles (over a quarter of the seed build's CPU, on the
  // core that GC and wasm also need) finish too late to pay. Fifteen times the budget leaves
  // them to the truly hot loops: seed −6 to −12 %, 2,000 signatories −12 %, 10,000 the same.
  v8.setFlagsFromString('--interrupt-budget=1000000');
  allowCollections();
}
