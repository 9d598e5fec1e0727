import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_MODELINE } from '../../src/load/json-schema.js';
import { runCli } from '../helpers/cli.js';
import { flatText, pdfText } from '../helpers/pdf-text.js';
import { tempProject } from '../helpers/project.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function project() {
  const p = tempProject();
  dispose = p.dispose;
  return p;
}

describe('letter init', () => {
  it('writes a letter, dated today, that builds and checks clean as it is, and the schema its first line names', async () => {
    const p = project();
    const r = await runCli(p.root, 'init', 'demo-letter');
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(p.root, 'letters/demo-letter/letter.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(SCHEMA_MODELINE);
    expect(text).toContain('date: 2025-04-01');
    expect(existsSync(path.join(p.root, 'schema/letter.schema.json'))).toBe(true);
    expect((await runCli(p.root, 'check', '--strict')).code).toBe(0);
    expect((await runCli(p.root, 'build', 'demo-letter')).code).toBe(0);
    for (const name of ['demo-letter.en.pdf', 'demo-letter.ko.pdf', 'demo-letter.en.docx', 'demo-letter.ko.docx']) expect(existsSync(path.join(p.root, 'out/demo-letter', name)), name).toBe(true);
    // The template adds the punctuation each language wants: "Sincerely," but "진심을 담아".
    const en = flatText(await pdfText(readFileSync(path.join(p.root, 'out/demo-letter/demo-letter.en.pdf'))));
    expect(en).toContain('Sincerely,');
    expect(en).not.toContain('Sincerely,,');
  });

  it('never overwrites a letter, and refuses a name that cannot be a folder', async () => {
    const p = project();
    await runCli(p.root, 'init', 'demo');
    p.write('letters/demo/letter.yaml', 'mine\n');
    const again = await runCli(p.root, 'init', 'demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('letters/demo/letter.yaml: this letter already exists; nothing was changed');
    expect(readFileSync(path.join(p.root, 'letters/demo/letter.yaml'), 'utf8')).toBe('mine\n');
    const bad = await runCli(p.root, 'init', '../escape');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('`../escape` cannot be a letter’s folder name');
  });
});
