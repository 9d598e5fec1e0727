// One error type for everything a user can get wrong. A diagnostic names the file and,
// where known, the line and column (1-based), says what is wrong and hints at a fix.
// Internal errors stay plain `Error`s; only they are printed with a stack.

export interface SourcePos {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number;
  col?: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  pos: SourcePos;
  message: string;
  hint?: string;
}

/** Exit codes of DESIGN.md: 0 ok, 1 bad input, 2 usage, 3 I/O, 130 interrupted. */
export const ExitCode = { ok: 0, input: 1, usage: 2, io: 3, interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Marks a LetterError made by any copy of this module (the CLI's bundle holds two). */
const LETTER_ERROR = Symbol.for('letter.LetterError');

/** Thrown when a phase has found user-facing problems; carries all of them. */
export class LetterError extends Error {
  /**
   * Any LetterError, whichever copy of this module made it: the CLI's render code is a second,
   * code-cached bundle (scripts/bundle-cli.mjs) that throws and catches the same errors.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && LETTER_ERROR in value;
  }
  readonly [LETTER_ERROR] = true;
  readonly diagnostics: Diagnostic[];
  readonly exitCode: ExitCode;
  constructor(diagnostics: Diagnostic[], exitCode: ExitCode = ExitCode.input) {
    const sorted = sortDiagnostics(diagnostics);
    super(sorted.map(formatDiagnostic).join('\n'));
    this.name = 'LetterError';
    this.diagnostics = sorted;
    this.exitCode = exitCode;
  }
}

export function error(pos: SourcePos, message: string, hint?: string): Diagnostic {
  return hint === undefined ? { severity: 'error', pos, message } : { severity: 'error', pos, message, hint };
}

export function warning(pos: SourcePos, message: string, hint?: string): Diagnostic {
  return hint === undefined ? { severity: 'warning', pos, message } : { severity: 'warning', pos, message, hint };
}

export function formatPos(pos: SourcePos): string {
  if (pos.line === undefined) return pos.file;
  // A CSV row has a line but no column worth naming.
  return pos.col === undefined ? `${pos.file}:${pos.line}` : `${pos.file}:${pos.line}:${pos.col}`;
}

/** `file:line:col: message` and, on the next line, the hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${formatPos(d.pos)}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** A diagnostic as `--json` reports print it: flat, with the position's fields spelled out. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return { severity: d.severity, ...d.pos, message: d.message, ...(d.hint ? { hint: d.hint } : {}) };
}

/** Collects diagnostics of one phase, then throws them all at once. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
  throwIfErrors(): void {
    if (this.hasErrors) throw new LetterError(this.items.filter((d) => d.severity === 'error'));
  }
}

/** In file order, each reported once: parsers tend to repeat themselves after one bad line. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = `${formatPos(d.pos)}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.pos.file < b.d.pos.file ? -1 : a.d.pos.file > b.d.pos.file ? 1 : 0) || (a.d.pos.line ?? 0) - (b.d.pos.line ?? 0) || (a.d.pos.col ?? 0) - (b.d.pos.col ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}
