// Files that exist only while a build runs (temp files of writes in flight, the folder lock)
// and must go when the process is interrupted: src/cli/interrupts.ts removes them on
// SIGINT/SIGTERM, so Ctrl-C never leaves a torn file or a lock behind.

const pending = new Set<string>();

export function removeOnInterrupt(file: string): void {
  pending.add(file);
}

export function keepOnInterrupt(file: string): void {
  pending.delete(file);
}

export function filesToRemoveOnInterrupt(): string[] {
  return [...pending];
}
