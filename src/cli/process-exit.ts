// How the command line's own process ends. Once a command's promise has settled, all it does
// is done: files written, synced and renamed, the folder unlocked. Node would still tear the
// whole heap down before exiting (a build of 2,000 signatories: some 30 ms; the seed letter 9;
// a no-op build 4). The process exits at once instead, unless some of its output still waits
// in a stream's buffer (a pipe that Node writes asynchronously on this platform), which
// Node's own, slower exit lets drain. Both bundles that write output (main.cjs's quick answer
// and the front script's command line) note their streams here, under a global symbol, as
// each holds its own copy of this module.

const STREAMS = Symbol.for('letter.outputStreams');
const globals = globalThis as Record<symbol, Set<NodeJS.WritableStream> | undefined>;

/** Notes a stream the command writes to, whose buffer must be empty before the process exits. */
export function outputThrough(stream: NodeJS.WritableStream): void {
  (globals[STREAMS] ??= new Set()).add(stream);
}

/** Ends the process with `code`: at once if nothing written is still waiting, else when Node has written it. */
export function exitWhenWritten(code: number): void {
  process.exitCode = code;
  for (const stream of globals[STREAMS] ?? []) if ((stream as NodeJS.WriteStream).writableLength > 0) return;
  process.exit(code);
}
