// What every command writes through and runs with, and how a command's failure becomes
// output and an exit code: diagnostics as `file:line:col: message` with their source line, in
// the user's language, and a stack only for an internal error.

import { CommanderError } from 'commander';
import { ExitCode, LetterError, type Diagnostic } from '../core/diagnostics.js';
import { VERSION } from '../core/version.js';
import type { World } from '../core/world.js';
import type { CharPolicy } from '../load/text-checks.js';
import { formatWithFrame } from './code-frame.js';
import { localized, type Translate, type UiLanguage } from './messages.js';

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
  /** The CLI's words in the user's language (messages.ts). */
  t: Translate;
  /** Prints what stopped a command, as `report` does, and gives the exit code. */
  report(e: unknown): number;
}

/** The language the CLI speaks, and its words in it. */
export interface Speaker {
  lang: UiLanguage;
  t: Translate;
}

/** Prints a diagnostic with its source line; `root` is the project folder its file is relative to. */
export function printDiagnostic(d: Diagnostic, io: CliIO, root: string, { lang, t }: Speaker): void {
  const words = { error: t('error'), warning: t('warning'), hint: t('hint') };
  io.stderr(`${formatWithFrame(localized(d, lang), { color: Boolean(io.color), roots: [root, io.cwd], words })}\n`);
}

/** Prints what stopped a command and gives its exit code; a stack only for a bug. */
export function report(e: unknown, io: CliIO, root: string, speaker: Speaker): number {
  if (e instanceof CommanderError) {
    // Help and version exit through here too, with code 0.
    return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (e instanceof LetterError) {
    for (const d of e.diagnostics) printDiagnostic(d, io, root, speaker);
    io.stderr(`${speaker.t('errors', { count: e.diagnostics.filter((d) => d.severity === 'error').length })}\n`);
    return e.exitCode;
  }
  io.stderr(`${speaker.t('internal', { version: VERSION })}\n${(e as Error)?.stack ?? String(e)}\n`);
  return ExitCode.input;
}

export function kilobytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(0)} KB`;
}
