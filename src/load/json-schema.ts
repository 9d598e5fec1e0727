// The letter file's JSON Schema, for editors: yaml-language-server reads the
// `# yaml-language-server: $schema=…` line at the top of a letter and completes and checks
// fields as they are typed. It is generated from the zod schema the loader uses, so the two
// never disagree; `letter schema` prints it and schema/letter.schema.json holds a copy.

import * as z from 'zod/mini';
import { LetterSchema } from './schema.js';

/** Where a letter two folders down (letters/<id>/letter.yaml) finds the schema. */
export const SCHEMA_MODELINE = '# yaml-language-server: $schema=../../schema/letter.schema.json';

export function letterJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(LetterSchema, { io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = generated;
  return { $schema, title: 'letter.yaml', description: 'A joint letter for `letter build`: one file, every language.', ...rest };
}
