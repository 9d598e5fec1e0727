// `letter schema`: prints the letter file's JSON Schema, the file editors read through the
// `# yaml-language-server: $schema=…` line (schema/letter.schema.json is its output).

import type { Command } from 'commander';
import type { CommandContext } from './io.js';

export function schemaCommand(program: Command, { io, t }: CommandContext): void {
  program
    .command('schema')
    .description(t('help.schema'))
    .addHelpText('after', `\n${t('help.example')}\n  letter schema > schema/letter.schema.json\n`)
    .action(async () => {
      const { letterJsonSchema } = await import('../load/json-schema.js');
      io.stdout(`${JSON.stringify(letterJsonSchema(), null, 2)}\n`);
    });
}
