// `letter check`: validate letters without building; exit 1 on errors (or warnings, --strict).

import type { Command } from 'commander';
import { diagnosticJson, ExitCode, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { CommandContext } from './io.js';

export function checkCommand(program: Command, { io, world: worldOf, policy, print, t }: CommandContext, setExit: (code: number) => void): void {
  program
    .command('check')
    .description(t('help.checkCmd'))
    .argument('[id...]', t('help.checkIds'))
    .option('--strict', t('help.strict'))
    .option('--json', t('help.checkJson'))
    .addHelpText('after', `\n${t('help.examples')}\n  letter check\n  letter check nk-pows-2025 --strict\n`)
    .action(async (ids: string[], opts: { strict?: boolean; json?: boolean }) => {
      const [{ listLetters }, { checkLetter }] = await Promise.all([import('../build/build-letters.js'), import('../check/check-letter.js')]);
      const world = worldOf();
      const findings: Diagnostic[] = [];
      for (const id of ids.length ? ids : await listLetters(world)) findings.push(...(await checkLetter(world, id, policy())));
      const sorted = sortDiagnostics(findings);
      const failed = sorted.some((d) => d.severity === 'error' || opts.strict);
      if (opts.json) io.stdout(`${JSON.stringify({ ok: !failed, findings: sorted.map(diagnosticJson) }, null, 2)}\n`);
      else for (const d of sorted) print(d);
      if (failed) setExit(ExitCode.input);
      else if (!opts.json) io.stdout(`${sorted.length ? t('checked', { count: sorted.length }) : t('checkedClean')}\n`);
    });

}
