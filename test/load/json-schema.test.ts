// The editor's JSON Schema: generated from the loader's own schema, kept in
// schema/letter.schema.json (UPDATE=1 rewrites it), and as strict as the loader.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { letterJsonSchema, SCHEMA_MODELINE } from '../../src/load/json-schema.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';

const FILE = path.join(REPO, 'schema', 'letter.schema.json');
const seedText = readFileSync(path.join(REPO, 'letters', 'nk-pows-2025', 'letter.yaml'), 'utf8');

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(FILE, 'utf8')) as object);
}

describe('schema/letter.schema.json', () => {
  it('is what the loader’s schema generates (UPDATE=1 rewrites it)', async () => {
    const generated = `${JSON.stringify(letterJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE) writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8'), 'stale: run `npx letter schema > schema/letter.schema.json`').toBe(generated);
    expect((await runCli(REPO, 'schema')).stdout).toBe(generated);
  });

  it('accepts the seed letter, which names it on its first line', () => {
    const validate = validator();
    expect(validate(parse(seedText)), JSON.stringify(validate.errors)).toBe(true);
    expect(seedText.split('\n')[0]).toBe(SCHEMA_MODELINE);
  });

  it('rejects an unknown key and a malformed date, as the loader does', () => {
    const validate = validator();
    const typo = parse(seedText.replace('date: 2025-03-11', 'dtae: 2025-03-11')) as object;
    expect(validate(typo)).toBe(false);
    expect(validate.errors!.map((e) => e.keyword)).toEqual(expect.arrayContaining(['additionalProperties', 'required']));
    expect(validate(parse(seedText.replace('date: 2025-03-11', 'date: 11 March 2025')))).toBe(false);
  });
});
