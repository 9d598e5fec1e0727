// `letter init <id>`: a new letter to start from, letters/<id>/letter.yaml, taken from the
// template's new-letter.yaml: short, commented, in both languages, and building as it is.
// An existing letter is never overwritten.

import path from 'node:path';
import type { Command } from 'commander';
import { error, LetterError } from '../core/diagnostics.js';
import type { CommandContext } from './io.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const SCHEMA_FILE = 'schema/letter.schema.json';

export function initCommand(program: Command, { io, world: worldOf, t }: CommandContext): void {
  program
    .command('init')
    .description(t('help.init'))
    .argument('<id>', t('help.initId'))
    .addHelpText('after', `\n${t('help.example')}\n  letter init demo-letter && letter build demo-letter\n`)
    .action(async (id: string) => {
      const [{ letterFile }, { writeFileAtomic }, { decodeText }] = await Promise.all([import('../load/letter-file.js'), import('../publish/atomic-write.js'), import('../core/world.js')]);
      const file = letterFile(id);
      if (!ID.test(id)) throw new LetterError([error({ file: 'letter init' }, `\`${id}\` cannot be a letter’s folder name`, 'use lowercase letters, digits and hyphens, e.g. `nk-pows-2025`')]);
      const world = worldOf();
      if (await world.exists(file)) throw new LetterError([error({ file }, 'this letter already exists; nothing was changed', `pick another name, or edit ${file}`)]);
      const starter = decodeText(await world.readFile('templates/joint-letter/new-letter.yaml', 'tool'));
      const today = world.now().toISOString().slice(0, 10);
      await writeFileAtomic(path.join(world.root, file), new TextEncoder().encode(starter.replaceAll('{{date}}', today)), file);
      io.stdout(`${t('wrote', { path: file })}\n`);
      // The letter's first line points editors at schema/; a project without one gets it.
      if (!(await world.exists(SCHEMA_FILE))) {
        const { letterJsonSchema } = await import('../load/json-schema.js');
        await writeFileAtomic(path.join(world.root, SCHEMA_FILE), new TextEncoder().encode(`${JSON.stringify(letterJsonSchema(), null, 2)}\n`), SCHEMA_FILE);
        io.stdout(`${t('schemaWritten', { path: SCHEMA_FILE })}\n`);
      }
      io.stdout(`${t('next', { id })}\n`);
    });
}
