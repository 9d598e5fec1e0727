import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LetterError, formatDiagnostic } from '../../src/core/diagnostics.js';
import { fixture, REPO, tempProject } from '../helpers/project.js';
import { modelOf } from '../helpers/model.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

/** A project with the minimal letter and a copy of the built-in template, edited by `edit`. */
function projectWithTemplate(edit: (hbs: string) => string) {
  const p = tempProject();
  dispose = p.dispose;
  cpSync(path.join(fixture('minimal'), 'letters'), path.join(p.root, 'letters'), { recursive: true });
  cpSync(path.join(REPO, 'templates/joint-letter'), path.join(p.root, 'templates/joint-letter'), { recursive: true });
  const main = path.join(p.root, 'templates/joint-letter/letter.hbs');
  writeFileSync(main, edit(readFileSync(main, 'utf8')));
  return p.root;
}

async function problems(root: string): Promise<string[]> {
  try {
    await modelOf(root, 'minimal', 'en');
  } catch (e) {
    if (e instanceof LetterError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

describe('parseMarkup', () => {
  it('uses a campaign’s own copy of the template', async () => {
    const root = projectWithTemplate((t) => t.replace('<p class="date">{{date}}</p>', '<p class="date">Kyiv, {{date}}</p>'));
    const model = await modelOf(root, 'minimal', 'en');
    expect(JSON.stringify(model.blocks)).toContain('Kyiv, ');
  });

  it('names the template line of an unknown tag', async () => {
    const root = projectWithTemplate((t) => t.replace('<p class="date">', '<table><p class="date">'));
    expect(await problems(root)).toContainEqual(expect.stringMatching(/^templates\/joint-letter\/letter\.hbs:3:1: unknown tag <table>/));
  });

  it('names the template line of an unknown class, with the roles it could be', async () => {
    const root = projectWithTemplate((t) => t.replace('<p class="date">', '<p class="fancy-date">'));
    const out = await problems(root);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^templates\/joint-letter\/letter\.hbs:3:4: unknown paragraph class `fancy-date` on <p>\n {2}hint: styles\.json defines: title, date,/);
  });

  it('names the template line of a field the letter does not have (strict mode)', async () => {
    const root = projectWithTemplate((t) => t.replace('{{date}}', '{{dateline}}'));
    expect(await problems(root)).toEqual([expect.stringMatching(/^templates\/joint-letter\/letter\.hbs:3:\d+: the template uses `dateline`, which the letter does not provide/)]);
  });

  it('refuses helpers other than `t` and the built-in block helpers', async () => {
    const readFile = projectWithTemplate((t) => t.replace('{{date}}', '{{readFile "/etc/passwd"}}'));
    expect((await problems(readFile))[0]).toMatch(/^templates\/joint-letter\/letter\.hbs:\d+:\d+: unknown helper `readFile`/);
    dispose?.();
    const log = projectWithTemplate((t) => t.replace('{{date}}', '{{log "x"}}'));
    expect((await problems(log))[0]).toMatch(/^templates\/joint-letter\/letter\.hbs:\d+:\d+: unknown helper `log`/);
  });
});
