// What every command writes through, and how a command's failure becomes output and an
// exit code: diagnostics as `file:line:col: message`, a stack only for an internal error.

import { CommanderError } from 'commander';
import { ExitCode, formatDiagnostic, LetterError } from '../core/diagnostics.js';
import { VERSION } from '../core/version.js';
import type { World } from '../core/world.js';
import type { CharPolicy } from '../load/text-checks.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The clock (today's date for a new signatory); the system's when absent. */
  now?: () => Date;
  /** Ends `build --watch` (tests); a real process ends it with Ctrl-C. */
  signal?: AbortSignal;
}

/** What a command runs with: its output, the project, and the global options. */
export interface CommandContext {
  io: CliIO;
  world(): World;
  /** `--allow-bidi` and the like: what the loader may let through. */
  policy(): CharPolicy;
}

/** Prints what stopped a command and gives its exit code; a stack only for a bug. */
export function report(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) {
    // Help and version exit through here too, with code 0.
    return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (e instanceof LetterError) {
    for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    const errors = e.diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr(`${errors} ${errors === 1 ? 'error' : 'errors'}; nothing was written\n`);
    return e.exitCode;
  }
  io.stderr(`internal error (a bug in letter ${VERSION}; please report it):\n${(e as Error)?.stack ?? String(e)}\n`);
  return ExitCode.input;
}

export function list(value: string | undefined): string[] | undefined {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

export function kilobytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(0)} KB`;
}
