// `letter build`: render and publish, or only compare (--check), or keep rebuilding (--watch).

import path from 'node:path';
import type { Command } from 'commander';
import type { Holder } from '../publish/folder-lock.js';
import { diagnosticJson, LetterError } from '../core/diagnostics.js';
import { isCI, listOption } from './build-options.js';
import { kilobytes, type CommandContext } from './io.js';
import { WATCHED, watchAndRebuild } from './watch.js';
// The build's core is imported with the command, not when it runs: a no-op build is mostly
// module loading, and its own chunks and an await between them cost it 10 ms, more than
// they save `--version` (6 ms). The render code behind it still loads only to render.
import { build } from '../build/build.js';
import { staleArtifacts } from '../build/check-current.js';

export function buildCommand(program: Command, context: CommandContext): void {
  const { io, world: worldOf, policy, print, t } = context;
  program
    .command('build')
    .description(t('help.build'))
    .argument('[id...]', t('help.buildIds'))
    .option('--format <list>', t('help.format'), listOption)
    .option('--lang <list>', t('help.lang'), listOption)
    .option('--force', t('help.force'))
    .option('--out <dir>', t('help.out'))
    .option('--watch', t('help.watch'))
    .option('--check', t('help.check'))
    .option('--json', t('help.json'))
    .option('--quiet', t('help.quiet'))
    .addHelpText('after', `\n${t('help.examples')}\n  letter build\n  letter build nk-pows-2025 --format pdf --lang ko\n`)
    .action(async (ids: string[], opts: { format?: string[]; lang?: string[]; force?: boolean; out?: string; watch?: boolean; check?: boolean; json?: boolean; quiet?: boolean }) => {
      const quiet = opts.quiet || isCI(io.env);
      // --out is the user's own path, typed relative to where they stand.
      const selection = { ids, formats: opts.format, languages: opts.lang, ...policy(), ...(opts.out ? { out: path.resolve(io.cwd, opts.out) } : {}) };
      if (opts.check) {
        const stale = await staleArtifacts(worldOf(), selection);
        if (stale.length) throw new LetterError(stale);
        io.stdout(`${t('current')}\n`);
        return;
      }
      const once = async (force: boolean) => {
        const onWait = (h: Holder) => io.stderr(`${t('waiting', { pid: h.pid })}\n`);
        // Not performance.now(): the global loads perf_hooks, which a no-op build has no other use for.
        const start = process.hrtime.bigint();
        const report = await build(worldOf(), { ...selection, force, lock: { onWait } });
        const seconds = (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1);
        if (opts.json) {
          const letters = report.letters.map((l) => ({ id: l.id, folder: l.folder, upToDate: l.upToDate, files: l.files, warnings: l.warnings.map(diagnosticJson) }));
          io.stdout(`${JSON.stringify({ ok: true, letters }, null, 2)}\n`);
          return;
        }
        for (const letter of report.letters) {
          if (letter.upToDate && !quiet) io.stdout(`${t('upToDate', { folder: letter.folder })}\n`);
          for (const w of letter.warnings) print(w);
          if (!quiet) for (const file of letter.files) io.stdout(`${t('wroteTimed', { path: file.path, size: kilobytes(file.bytes), seconds: (file.ms / 1000).toFixed(2) })}\n`);
        }
        const files = report.letters.flatMap((l) => l.files);
        const built = report.letters.filter((l) => !l.upToDate).length;
        const fresh = report.letters.length - built;
        const summary = [
          ...(built ? [t('built', { count: built, files: t('files', { count: files.length }), size: kilobytes(files.reduce((n, f) => n + f.bytes, 0)), seconds })] : []),
          ...(fresh ? [t('fresh', { count: fresh })] : []),
        ];
        io.stdout(`${summary.join('; ')}\n`);
      };
      if (!opts.watch) return once(Boolean(opts.force));
      // Watching: every build's problems are printed, and watching goes on.
      const attempt = (force: boolean) => once(force).catch((e: unknown) => void context.report(e));
      await attempt(Boolean(opts.force));
      io.stderr(`${t('watching', { folders: `${WATCHED.join('/, ')}/` })}\n`);
      await watchAndRebuild({ root: worldOf().root, debounceMs: 200, rebuild: () => attempt(false), ...(io.signal ? { signal: io.signal } : {}) });
    });

}
