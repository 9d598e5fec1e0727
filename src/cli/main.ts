// The command line: parses arguments with commander, calls the same core as the library
// API, prints diagnostics as `file:line:col: message` and returns the exit code. Only
// internal errors (bugs) are printed with a stack. It speaks the user's language (messages.ts).

import path from 'node:path';
import { Command } from 'commander';
import { ExitCode } from '../core/diagnostics.js';
import { nodeWorld } from '../core/node-world.js';
import { claimShortProcess } from '../core/short-process.js';
import { VERSION } from '../core/version.js';
import { buildCommand } from './build-command.js';
import { checkCommand } from './check-command.js';
import { wantsColor } from './code-frame.js';
import { initCommand } from './init-command.js';
import { cleanUpOnInterrupt } from './interrupts.js';
import { printDiagnostic, report, type CliIO, type CommandContext, type Speaker } from './io.js';
import { translator, uiLanguage } from './messages.js';
import { outputThrough } from './process-exit.js';
import { schemaCommand } from './schema-command.js';
import { signatoriesCommand } from './signatories-command.js';

export type { CliIO } from './io.js';

const defaultIO = (): CliIO => ({
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  cwd: process.cwd(),
  env: process.env,
  color: wantsColor(process.stderr.isTTY, process.env),
});

/**
 * Writes to a stream until its reader goes away: `letter signatories list | head` closes the
 * pipe early, and the rest of the output is dropped. The command still finishes its work (a
 * build still publishes whole) and exits as it would, instead of dying of EPIPE with a stack.
 */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  let write = writers.get(stream);
  if (!write) {
    outputThrough(stream);
    let closed = false;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      closed = true;
    });
    write = (text) => {
      if (!closed) stream.write(text);
    };
    writers.set(stream, write);
  }
  return write;
}

const writers = new WeakMap<NodeJS.WriteStream, (text: string) => void>();

export async function main(argv: string[], io?: CliIO): Promise<number> {
  // Only a real process owns its signals; a library caller or a test keeps its own.
  const restoreSignals = io ? undefined : cleanUpOnInterrupt(() => translator(uiLanguage(process.env, langUiFlag(argv)))('interrupted'));
  if (!io) claimShortProcess();
  try {
    return await run(argv, io ?? defaultIO());
  } finally {
    restoreSignals?.();
  }
}

/** `--lang-ui` as typed: the language is needed before commander parses (help, interrupts). */
function langUiFlag(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang-ui' || a.startsWith('--lang-ui='));
  return i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let code: number = ExitCode.ok;
  // Known before parsing, so the help itself is in the user's language.
  const lang = uiLanguage(io.env, langUiFlag(argv));
  const speaker: Speaker = { lang, t: translator(lang) };
  const { t } = speaker;
  const program = new Command()
    .name('letter')
    .description(t('help.program'))
    .version(VERSION, '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.help'))
    .configureHelp({ styleTitle: (title) => t(`help.${title.replace(/[:\s]/g, '')}`) })
    .option('-C, --root <dir>', t('help.root'))
    .option('--allow-bidi', t('help.allowBidi'))
    .option('--lang-ui <lang>', t('help.langUi'))
    .addHelpText('after', `\n${t('help.examples')}\n${t('help.topExamples')}\n\n${t('help.exitCodes')}`)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const globals = () => program.opts<{ root?: string; allowBidi?: boolean }>();
  const root = () => path.resolve(io.cwd, globals().root ?? '.');
  const context: CommandContext = {
    io,
    world: () => nodeWorld(root(), io.env, io.now),
    print: (d) => printDiagnostic(d, io, root(), speaker),
    t,
    report: (e) => report(e, io, root(), speaker),
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
    code = report(e, io, root(), speaker);
  }
  return code;
}
