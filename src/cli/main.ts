// The command line: parses arguments with commander, calls the same core as the library
// API, prints diagnostics as `file:line:col: message` and returns the exit code. Only
// internal errors (bugs) are printed with a stack.

import { Command, CommanderError } from 'commander';
import { ExitCode, formatDiagnostic, LetterError, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { listLetters } from '../build/build-letters.js';
import { checkLetter } from '../check/check-letter.js';
import { nodeWorld } from '../core/node-world.js';
import { VERSION } from '../core/version.js';
import { build } from '../build/build.js';
import { staleArtifacts } from '../build/check-current.js';
import { cleanUpOnInterrupt } from './interrupts.js';
import { signatoriesCommand } from './signatories-command.js';
import { WATCHED, watchAndRebuild } from './watch.js';

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

const defaultIO = (): CliIO => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
});

export async function main(argv: string[], io?: CliIO): Promise<number> {
  // Only a real process owns its signals; a library caller or a test keeps its own.
  const restoreSignals = io ? undefined : cleanUpOnInterrupt();
  try {
    return await run(argv, io ?? defaultIO());
  } finally {
    restoreSignals?.();
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let code: number = ExitCode.ok;
  const program = new Command()
    .name('letter')
    .description('Publish joint letters in several languages as PDF and DOCX from one YAML file.')
    .version(VERSION)
    .option('-C, --root <dir>', 'project folder holding letters/ (default: the current folder)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const worldOf = () => nodeWorld(program.opts<{ root?: string }>().root ?? io.cwd, io.env, io.now);

  program
    .command('build')
    .description('build the PDF and DOCX of each letter into out/<id>/')
    .argument('[id...]', 'letters to build (folders under letters/); default: all')
    .option('--format <list>', 'comma-separated formats to build (pdf,docx)')
    .option('--lang <list>', 'comma-separated languages to build (en,ko)')
    .option('--force', 'rebuild even when nothing has changed')
    .option('--watch', 'rebuild whenever a letter, template or font changes (Ctrl-C to stop)')
    .option('--check', 'render in memory and compare with out/: exit 1 naming what is stale, write nothing')
    .option('--json', 'print a machine-readable report instead of progress lines')
    .addHelpText('after', '\nExamples:\n  letter build\n  letter build nk-pows-2025 --format pdf --lang ko\n')
    .action(async (ids: string[], opts: { format?: string; lang?: string; force?: boolean; watch?: boolean; check?: boolean; json?: boolean }) => {
      if (opts.check) {
        const stale = await staleArtifacts(worldOf(), { ids, formats: list(opts.format), languages: list(opts.lang) });
        if (stale.length) throw new LetterError(stale);
        io.stdout('every artifact is current\n');
        return;
      }
      const once = async (force: boolean) => {
        const report = await build(worldOf(), { ids, formats: list(opts.format), languages: list(opts.lang), force });
        if (opts.json) {
          const letters = report.letters.map((l) => ({ id: l.id, upToDate: l.upToDate, files: l.files, warnings: l.warnings.map((d) => ({ ...d.pos, message: d.message })) }));
          io.stdout(`${JSON.stringify({ ok: true, letters }, null, 2)}\n`);
          return;
        }
        for (const letter of report.letters) {
          if (letter.upToDate) io.stdout(`out/${letter.id} is up to date\n`);
          for (const w of letter.warnings) io.stderr(`${formatDiagnostic(w)}\n`);
          for (const file of letter.files) io.stdout(`wrote ${file.path} (${kilobytes(file.bytes)})\n`);
        }
      };
      if (!opts.watch) return once(Boolean(opts.force));
      // Watching: every build's problems are printed, and watching goes on.
      const attempt = (force: boolean) => once(force).catch((e: unknown) => void report(e, io));
      await attempt(Boolean(opts.force));
      io.stderr(`watching ${WATCHED.join('/, ')}/ for changes (Ctrl-C to stop)\n`);
      await watchAndRebuild({ root: worldOf().root, debounceMs: 200, rebuild: () => attempt(false), ...(io.signal ? { signal: io.signal } : {}) });
    });

  program
    .command('check')
    .description('validate letters without building: schema, translations that match, fonts that cover every character')
    .argument('[id...]', 'letters to check; default: all')
    .option('--strict', 'treat warnings as errors')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', '\nExamples:\n  letter check\n  letter check nk-pows-2025 --strict\n')
    .action(async (ids: string[], opts: { strict?: boolean; json?: boolean }) => {
      const world = worldOf();
      const findings: Diagnostic[] = [];
      for (const id of ids.length ? ids : await listLetters(world)) findings.push(...(await checkLetter(world, id)));
      const sorted = sortDiagnostics(findings);
      const failed = sorted.some((d) => d.severity === 'error' || opts.strict);
      if (opts.json) io.stdout(`${JSON.stringify({ ok: !failed, findings: sorted.map((d) => ({ severity: d.severity, ...d.pos, message: d.message, ...(d.hint ? { hint: d.hint } : {}) })) }, null, 2)}\n`);
      else for (const d of sorted) io.stderr(`${formatDiagnostic(d)}\n`);
      if (failed) code = ExitCode.input;
      else if (!opts.json) io.stdout(`checked: ${sorted.length ? `${sorted.length} warning${sorted.length === 1 ? '' : 's'}` : 'no problems'}\n`);
    });

  signatoriesCommand(program, io, worldOf);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    code = report(e, io);
  }
  return code;
}

function report(e: unknown, io: CliIO): number {
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

function list(value: string | undefined): string[] | undefined {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

function kilobytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(0)} KB`;
}
