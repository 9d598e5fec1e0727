// `letter schema`: prints the letter file's JSON Schema, the file editors read through the
// `# yaml-language-server: $schema=…` line (schema/letter.schema.json is its output).

import type { Command } from 'commander';
import type { CommandContext } from './io.js';

export function schemaCommand(program: Command, { io }: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of letter.yaml, for editors that complete and check fields')
    .addHelpText('after', '\nExample:\n  letter schema > schema/letter.schema.json\n')
    .action(async () => {
      const { letterJsonSchema } = await import('../load/json-schema.js');
      io.stdout(`${JSON.stringify(letterJsonSchema(), null, 2)}\n`);
    });
}
