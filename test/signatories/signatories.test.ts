import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { nameKey, sameSignatory } from '../../src/signatories/identity.js';
import { flatText, pdfText } from '../helpers/pdf-text.js';
import { FIXTURES, projectWithLetter } from '../helpers/project.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function project() {
  const p = projectWithLetter();
  dispose = p.dispose;
  return p;
}

const run = runCli;

const letterOf = (root: string) => readFileSync(path.join(root, 'letters/nk-pows-2025/letter.yaml'), 'utf8');

describe('signatory identity', () => {
  it('matches names across case, spacing, NFKC and decomposed Hangul', () => {
    expect(nameKey('  amnesty INTERNATIONAL ')).toBe(nameKey('Amnesty International'));
    expect(nameKey('국제\u3000앰네스티')).toBe(nameKey('국제 앰네스티'));
    expect(nameKey('한'.normalize('NFD'))).toBe(nameKey('한'));
    expect(sameSignatory({ kind: 'organization', name: { en: 'X', ko: '물망초' } }, { kind: 'organization', name: { ko: '물망초' } })).toBe(true);
    expect(sameSignatory({ kind: 'individual', name: '물망초' }, { kind: 'organization', name: '물망초' })).toBe(false);
  });
});

describe('letter signatories', () => {
  it('imports a CSV: skips duplicates of every kind, names them, keeps comments and formatting', async () => {
    const p = project();
    const before = letterOf(p.root);
    const r = await run(p.root, 'signatories', 'import', 'nk-pows-2025', path.join(FIXTURES, 'signatories/new-signatories.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('added 4, skipped 2\n');
    expect(r.stderr).toMatch(/new-signatories\.csv:1: warning: column `email` is not a signatory field; it is ignored/);
    expect(r.stderr).toMatch(/new-signatories\.csv:3: warning: already listed as .*new-signatories\.csv:2/);
    expect(r.stderr).toMatch(/new-signatories\.csv:4: warning: already listed as letters\/nk-pows-2025\/letter\.yaml:\d+ \(Citizens’ Alliance/);
    const after = letterOf(p.root);
    // The file as it was, with the new entries appended to the list.
    expect(after.startsWith(before.slice(0, before.indexOf('links:')))).toBe(true);
    expect(after).toContain('      name: {en: Human Rights Watch, ko: 휴먼라이츠워치}\n');
    expect(after).toContain('note: {en: line one line two}');
    expect(after).not.toContain('someone@example.org');
  });

  it('rejects a CSV with bad rows whole, naming each row', async () => {
    const p = project();
    const before = letterOf(p.root);
    const r = await run(p.root, 'signatories', 'import', 'nk-pows-2025', path.join(FIXTURES, 'signatories/bad-rows.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-rows\.csv:2: unknown kind `company`/);
    expect(r.stderr).toMatch(/bad-rows\.csv:3: no name in any language/);
    expect(r.stderr).toMatch(/bad-rows\.csv:4: `20 March` is not a date written YYYY-MM-DD/);
    expect(letterOf(p.root)).toBe(before);
  });

  it('adds one signatory, dated today by the injected clock, and lists it back', async () => {
    const p = project();
    const add = await run(p.root, 'signatories', 'add', 'nk-pows-2025', '--kind', 'organization', '--name', 'Amnesty International', '--name', 'ko=국제앰네스티', '--short', 'AI');
    expect(add.code).toBe(0);
    expect(add.stdout).toBe('added 1, skipped 0\n');
    const again = await run(p.root, 'signatories', 'add', 'nk-pows-2025', '--kind', 'organization', '--name', 'AMNESTY  international');
    expect(again.stdout).toBe('added 0, skipped 1\n');
    const list = await run(p.root, 'signatories', 'list', 'nk-pows-2025', '--since', '2025-04-01', '--json');
    expect(JSON.parse(list.stdout)).toEqual([{ kind: 'organization', name: { en: 'Amnesty International', ko: '국제앰네스티' }, short: { en: 'AI', ko: 'AI' }, joined: '2025-04-01' }]);
    const all = JSON.parse((await run(p.root, 'signatories', 'list', 'nk-pows-2025', '--json')).stdout) as { name: { en: string } }[];
    expect(all).toHaveLength(12);
    expect(all.map((s) => s.name.en).slice(2, 4)).toEqual(['Amnesty International', 'Citizens’ Alliance for North Korean Human Rights']);
  });

  it('builds with a signatory named in one language only, in that name', async () => {
    const p = project();
    await run(p.root, 'signatories', 'import', 'nk-pows-2025', path.join(FIXTURES, 'signatories/new-signatories.csv'));
    const r = await run(p.root, 'build', '--format', 'pdf');
    expect(r.code).toBe(0);
    const en = flatText(await pdfText(readFileSync(path.join(p.root, 'out/nk-pows-2025/nk-pows-2025.en.pdf'))));
    expect(en).toContain('김철수');
    expect(en).toContain('Human Rights Watch');
  });

  it('warns when a fixed as_of date no longer covers the newest signatory', async () => {
    const p = project();
    const file = path.join(p.root, 'letters/nk-pows-2025/letter.yaml');
    writeFileSync(file, letterOf(p.root).replace('signatories:\n', 'signatories:\n  as_of: 2025-03-11\n'));
    const r = await run(p.root, 'signatories', 'add', 'nk-pows-2025', '--kind', 'individual', '--name', 'Lee Min-ho', '--joined', '2025-03-30');
    expect(r.stdout).toBe('added 1, skipped 0\n');
    expect(r.stderr).toMatch(/letter\.yaml:\d+:\d+: warning: the list is still headed "as of 2025-03-11", though a signatory joined on 2025-03-30/);
  });
});
