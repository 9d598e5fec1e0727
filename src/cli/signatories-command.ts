// `letter signatories list|add|import`: the signatory list lives in letter.yaml, and these
// commands read and extend it without hand-editing.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ioError } from '../core/node-world.js';
import { error, LetterError, warning } from '../core/diagnostics.js';
import type { AddReport } from '../signatories/add-signatories.js';
import type { CliIO, CommandContext } from './io.js';

export function signatoriesCommand(program: Command, { io, world: worldOf, policy, print, t }: CommandContext): void {
  const group = program
    .command('signatories')
    .description(t('help.signatories'))
    .addHelpText('after', `\n${t('help.examples')}\n  letter signatories list nk-pows-2025\n  letter signatories import nk-pows-2025 form-export.csv\n`);

  group
    .command('list')
    .description(t('help.list'))
    .argument('<id>', t('help.letterId'))
    .option('--since <date>', t('help.since'))
    .option('--json', t('help.listJson'))
    .addHelpText('after', `\n${t('help.examples')}\n  letter signatories list nk-pows-2025\n  letter signatories list nk-pows-2025 --since 2025-03-01 --json\n`)
    .action(async (id: string, opts: { since?: string; json?: boolean }) => {
      if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) throw new LetterError([error({ file: '--since' }, `\`${opts.since}\` is not a date written YYYY-MM-DD`)], 2);
      const { loadLetter, listSignatories } = await signatoryCore();
      const letter = await loadLetter(worldOf(), id, policy());
      const list = listSignatories(letter, opts.since);
      if (opts.json) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else for (const s of list) io.stdout(`${s.kind === 'individual' ? 'individual  ' : 'organization'}  ${letter.data.languages.map((l) => s.name[l] ?? '—').join(' | ')}${s.joined ? `  (${s.joined})` : ''}\n`);
    });

  group
    .command('add')
    .description(t('help.add'))
    .argument('<id>', t('help.letterId'))
    .requiredOption('--kind <kind>', t('help.kind'))
    .requiredOption('--name <[lang=]text>', t('help.name'), collect)
    .option('--note <[lang=]text>', t('help.note'), collect)
    .option('--short <abbr>', t('help.short'))
    .option('--joined <date>', t('help.joined'))
    .addHelpText('after', `\n${t('help.example')}\n  letter signatories add nk-pows-2025 --kind organization --name "Amnesty International" --name ko=국제앰네스티 --joined 2025-03-20\n`)
    .action(async (id: string, opts: { kind: string; name: string[]; note?: string[]; short?: string; joined?: string }) => {
      const { loadLetter, candidateEntry, isoDay, addSignatories } = await signatoryCore();
      const world = worldOf();
      const letter = await loadLetter(world, id, policy());
      const first = letter.data.languages[0]!;
      const { entry, problems } = candidateEntry({ kind: opts.kind, names: byLanguage(opts.name, first), notes: byLanguage(opts.note ?? [], first), short: opts.short, joined: opts.joined }, letter.data.languages, isoDay(world.now()), policy());
      if (!entry) throw new LetterError(problems.map((m) => error({ file: 'letter signatories add' }, m)));
      printReport(await addSignatories(world, id, [{ entry, source: 'the command line' }], policy()), io, print, t);
    });

  group
    .command('import')
    .description(t('help.import'))
    .argument('<id>', t('help.letterId'))
    .argument('<file.csv>', t('help.csv'))
    .addHelpText('after', `\n${t('help.example')}\n  letter signatories import nk-pows-2025 form-export.csv\n`)
    .action(async (id: string, csv: string) => {
      const { loadLetter, readSignatoryCsv, isoDay, addSignatories } = await signatoryCore();
      const world = worldOf();
      const letter = await loadLetter(world, id, policy());
      // The CSV is the user's own file, named on the command line: it may live anywhere.
      const bytes = await fs.readFile(path.resolve(io.cwd, csv)).catch((e: unknown) => Promise.reject(ioError(csv, e)));
      const { candidates, problems } = readSignatoryCsv(csv, bytes, letter.data.languages, isoDay(world.now()), policy());
      if (problems.some((p) => p.severity === 'error')) throw new LetterError(problems);
      for (const w of problems) print(w);
      printReport(await addSignatories(world, id, candidates, policy()), io, print, t);
    });
}

/** The modules behind these commands, loaded when one runs: `letter --help` needs none of them. */
async function signatoryCore() {
  const [load, add, candidate, csv, listing] = await Promise.all([
    import('../load/load-letter.js'),
    import('../signatories/add-signatories.js'),
    import('../signatories/candidate.js'),
    import('../signatories/import-csv.js'),
    import('../signatories/list-signatories.js'),
  ]);
  return { ...load, ...add, ...candidate, ...csv, ...listing };
}

function printReport(report: AddReport, io: CliIO, print: CommandContext['print'], t: CommandContext['t']): void {
  for (const s of report.skipped) print(warning({ file: s.candidate.source }, `already listed as ${s.duplicateOf}; skipped`));
  if (report.staleAsOf) {
    const { asOf, newest, pos } = report.staleAsOf;
    print(warning(pos, `the list is still headed "as of ${asOf}", though a signatory joined on ${newest}`, 'update `as_of`, or delete it to date the list by its latest signatory'));
  }
  io.stdout(`${t('added', { added: report.added.length, skipped: report.skipped.length })}\n`);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `ko=김정삼` → {ko: 김정삼}; a value without `lang=` is in the letter's first language. */
function byLanguage(values: string[], first: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const m = /^([a-z]{2,3}(?:-[A-Za-z0-9]+)*)=(.*)$/s.exec(v);
    if (m) out[m[1]!] = m[2]!;
    else out[first] = v;
  }
  return out;
}
