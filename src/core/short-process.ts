// A process that runs one command on few cores and owns its heap: the CLI's own process,
// never a library caller's. The CLI claims it at start; V8 is tuned for it only once the
// render code is about to load (the bundle's loader calls tuneShortProcess), so that a no-op
// build or `letter --version` never loads node:v8 and the modules behind it. The render
// code's code cache (cached-script.ts) is made under these flags, and V8 takes a cache only
// under the flags it was made with. The claim is a global symbol, as the CLI's bundle holds
// two copies of this module (scripts/bundle-cli.mjs).

const CLAIMED = Symbol.for('letter.shortProcess');
const TUNED = Symbol.for('letter.shortProcess.tuned');
const globals = globalThis as Record<symbol, unknown>;

/** Marks this process as the CLI's own. */
export function claimShortProcess(): void {
  globals[CLAIMED] = true;
}

export function isShortProcess(): boolean {
  return globals[CLAIMED] === true;
}

/** Sets V8's flags for a short process, once, if this process was claimed. */
export function tuneShortProcess(): void {
  if (!isShortProcess() || globals[TUNED] === true) return;
  globals[TUNED] = true;
  const v8 = process.getBuiltinModule('node:v8');
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
}
