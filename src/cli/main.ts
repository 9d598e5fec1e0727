// The command line: parses arguments with commander, calls the same core as the library
// API, prints diagnostics as `file:line:col: message` and returns the exit code. Only
// internal errors (bugs) are printed with a stack.

import path from 'node:path';
import { Command } from 'commander';
import { ExitCode } from '../core/diagnostics.js';
import { nodeWorld } from '../core/node-world.js';
import { VERSION } from '../core/version.js';
import { buildCommand } from './build-command.js';
import { checkCommand } from './check-command.js';
import { wantsColor } from './code-frame.js';
import { initCommand } from './init-command.js';
import { cleanUpOnInterrupt } from './interrupts.js';
import { printDiagnostic, report, type CliIO, type CommandContext, type Speaker } from './io.js';
import { translator, uiLanguage } from './messages.js';
import { schemaCommand } from './schema-command.js';
import { signatoriesCommand } from './signatories-command.js';

export type { CliIO } from './io.js';

const defaultIO = (): CliIO => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  color: wantsColor(process.stderr.isTTY, process.env),
});

export async function main(argv: string[], io?: CliIO): Promise<number> {
  // Only a real process owns its signals; a library caller or a test keeps its own.
  const restoreSignals = io ? undefined : cleanUpOnInterrupt(() => translator(uiLanguage(process.env, langUiFlag(argv)))('interrupted'));
  try {
    return await run(argv, io ?? defaultIO());
  } finally {
    restoreSignals?.();
  }
}

/** `--lang-ui` as typed, for the interrupt handler, which may run before commander has parsed. */
function langUiFlag(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang-ui' || a.startsWith('--lang-ui='));
  return i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let code: number = ExitCode.ok;
  const program = new Command()
    .name('letter')
    .description('Publish joint letters in several languages as PDF and DOCX from one YAML file.')
    .version(VERSION)
    .option('-C, --root <dir>', 'project folder holding letters/ (default: the current folder)')
    .option('--allow-bidi', 'let letters contain bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069)')
    .option('--lang-ui <lang>', 'the language of messages: en or ko (default: from LC_ALL, LC_MESSAGES or LANG)')
    .addHelpText(
      'after',
      `
Examples:
  letter init demo-letter            start a new letter in letters/demo-letter/
  letter build                       build every letter into out/<id>/
  letter check --strict              what CI runs on a pull request
  letter signatories add nk-pows-2025 --kind organization --name "Amnesty International" --name ko=국제앰네스티

Exit codes: 0 done, 1 a problem in a letter or template, 2 a usage error, 3 a disk problem, 130/143 interrupted.`,
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const globals = () => program.opts<{ root?: string; allowBidi?: boolean; langUi?: string }>();
  // Read when first needed: commander has parsed --lang-ui by then.
  const speaker = (): Speaker => {
    const lang = uiLanguage(io.env, globals().langUi);
    return { lang, t: translator(lang) };
  };
  const root = () => path.resolve(io.cwd, globals().root ?? '.');
  const context: CommandContext = {
    io,
    world: () => nodeWorld(root(), io.env, io.now),
    print: (d) => printDiagnostic(d, io, root(), speaker()),
    t: (key, params) => speaker().t(key, params),
    report: (e) => report(e, io, root(), speaker()),
    policy: () => ({ allowBidi: Boolean(globals().allowBidi) }),
  };

  initCommand(program, context);
  buildCommand(program, context);
  checkCommand(program, context, (exit) => (code = exit));
  signatoriesCommand(program, context);
  schemaCommand(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    code = report(e, io, root(), speaker());
  }
  return code;
}
