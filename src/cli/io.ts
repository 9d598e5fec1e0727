// What every command writes through, and how a command's failure becomes output and an
// exit code: diagnostics as `file:line:col: message`, a stack only for an internal error.

import { CommanderError } from 'commander';
import { ExitCode, LetterError, type Diagnostic } from '../core/diagnostics.js';
import { VERSION } from '../core/version.js';
import type { World } from '../core/world.js';
import type { CharPolicy } from '../load/text-checks.js';
import { formatWithFrame } from './code-frame.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The clock (today's date for a new signatory); the system's when absent. */
  now?: () => Date;
  /** Ends `build --watch` (tests); a real process ends it with Ctrl-C. */
  signal?: AbortSignal;
  /** Colour diagnostics (a terminal without NO_COLOR); plain when absent. */
  color?: boolean;
}

/** What a command runs with: its output, the project, and the global options. */
export interface CommandContext {
  io: CliIO;
  world(): World;
  /** Prints a warning or error with its source line (code-frame.ts). */
  print(d: Diagnostic): void;
  /** `--allow-bidi` and the like: what the loader may let through. */
  policy(): CharPolicy;
}

/** Prints a diagnostic with its source line; `root` is the project folder its file is relative to. */
export function printDiagnostic(d: Diagnostic, io: CliIO, root: string): void {
  io.stderr(`${formatWithFrame(d, { color: Boolean(io.color), roots: [root, io.cwd] })}\n`);
}

/** Prints what stopped a command and gives its exit code; a stack only for a bug. */
export function report(e: unknown, io: CliIO, root: string): number {
  if (e instanceof CommanderError) {
    // Help and version exit through here too, with code 0.
    return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (e instanceof LetterError) {
    for (const d of e.diagnostics) printDiagnostic(d, io, root);
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
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(0)} KB`;
}

/** CI systems set CI (GitHub Actions, GitLab, most others): builds there print only problems and the summary. */
export function isCI(env: Record<string, string | undefined>): boolean {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}
