// Files that exist only while a build runs (temp files of writes in flight, the folder lock)
// and must go when the process is interrupted: src/cli/interrupts.ts removes them on
// SIGINT/SIGTERM, so Ctrl-C never leaves a torn file or a lock behind. The set belongs to the
// process, under a global symbol: the CLI's bundle holds more than one copy of this module
// (scripts/bundle-cli.mjs).

const PENDING = Symbol.for('letter.removeOnInterrupt');
const globals = globalThis as Record<symbol, Set<string> | undefined>;
const pending = (globals[PENDING] ??= new Set<string>());

export function removeOnInterrupt(file: string): void {
  pending.add(file);
}

export function keepOnInterrupt(file: string): void {
  pending.delete(file);
}

export function filesToRemoveOnInterrupt(): string[] {
  return [...pending];
}
