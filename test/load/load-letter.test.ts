import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LetterError, formatDiagnostic } from '../../src/core/diagnostics.js';
import { parseLetter } from '../../src/load/load-letter.js';
import { fixture } from '../helpers/project.js';

const FILE = 'letters/t/letter.yaml';

function load(text: string) {
  return parseLetter('t', FILE, new TextEncoder().encode(text));
}

async function problems(text: string): Promise<string[]> {
  try {
    await load(text);
  } catch (e) {
    if (e instanceof LetterError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

const minimal = readFileSync(path.join(fixture('minimal'), 'letters/minimal/letter.yaml'), 'utf8');

describe('loadLetter', () => {
  it('loads a minimal letter and fills defaults', async () => {
    const letter = await load(minimal);
    expect(letter.data.template).toBe('joint-letter');
    expect(letter.data.languages).toEqual(['en', 'ko']);
    expect(letter.where.valueAt(['title', 'ko'])).toEqual({ file: FILE, line: 6, col: 7 });
  });

  it('reports every schema problem of a file at once, in file order, with positions', async () => {
    const bad = minimal.replace('date: 2025-03-11', 'dtae: 2025-03-11\ndate: 2025-02-30').replace('kind: organization', 'kind: company');
    const out = await problems(bad);
    expect(out).toEqual([
      expect.stringMatching(/^letters\/t\/letter\.yaml:3:1: unknown key `dtae`\n {2}hint: did you mean `date`\?$/),
      expect.stringMatching(/^letters\/t\/letter\.yaml:4:7: expected a date written YYYY-MM-DD/),
      expect.stringMatching(/^letters\/t\/letter\.yaml:\d+:13: expected `individual` or `organization`$/),
    ]);
  });

  it('names a missing required field at its parent', async () => {
    expect(await problems(minimal.replace(/^salutation:.*\n(  .*\n)*/m, ''))).toEqual([expect.stringMatching(/^letters\/t\/letter\.yaml:2:1: missing required field `salutation`/)]);
  });

  it('points into a language map at the entry that is wrong', async () => {
    expect(await problems(minimal.replace('ko: 시험 서한', 'ko: 42'))).toEqual([expect.stringMatching(/^letters\/t\/letter\.yaml:6:7: expected text/)]);
  });

  it('requires every language of the letter and refuses others', async () => {
    const out = await problems(minimal.replace('  ko: 시험 서한\n', '  kr: 시험 서한\n'));
    expect(out).toContainEqual(expect.stringMatching(/:6:3: `kr` is not one of the letter's languages \(en, ko\)/));
    expect(out).toContainEqual(expect.stringMatching(/:5:3: no `ko` text/));
  });

  it('rejects a signatory without a name and an invalid link', async () => {
    const out = await problems(minimal.replace('      name: {en: Stars, ko: 별}\n', '').concat('links:\n  pdf: "not a url with spaces"\n'));
    expect(out.some((l) => /missing required field `name`/.test(l))).toBe(true);
    expect(out.some((l) => /links|relative path without spaces/.test(l))).toBe(true);
  });
});
