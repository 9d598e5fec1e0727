// A template compiled by `npm run build` (prepared) and one compiled in the build render alike.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiled, precompile, precompiledKey, usePrecompiled } from '../../src/template/compiled-templates.js';
import { REPO } from '../helpers/project.js';

const SOURCE = '{{#each people}}{{> line}}{{#if @last}}.{{else}}, {{/if}}{{/each}} {{t "closing"}}\n  {{#if note}}{{note}}{{/if}}';
const options = {
  helpers: { t: (key: string) => `[${key}]` },
  partials: { line: compiled('{{name}} ({{role}})') },
  allowProtoMethodsByDefault: false,
  allowProtoPropertiesByDefault: false,
};
const view = { people: [{ name: 'Kim <Gyuri>', role: 'sister' }, { name: '김규리', role: '동생' }], note: 'a & b' };

describe('compiled templates', () => {
  it('renders from a prepared compiled form as from the source', () => {
    // Two texts that differ only in a comment, so each is compiled its own way.
    const fromSource = `${SOURCE}{{!-- compiled --}}`;
    const fromSpec = `${SOURCE}{{!-- prepared --}}`;
    usePrecompiled(fromSpec, precompile(fromSpec));
    expect(compiled(fromSpec)(view, options)).toBe(compiled(fromSource)(view, options));
    expect(compiled(fromSpec)(view, options)).toBe('Kim &lt;Gyuri&gt; (sister), 김규리 (동생). [closing]\n  a &amp; b');
    // Strict mode is in the compiled form too.
    const strict = '{{missing}}{{!-- prepared --}}';
    usePrecompiled(strict, precompile(strict));
    expect(() => compiled(strict)({}, options)).toThrow(/"missing" not defined/);
  });

  it("has every built-in template's sources prepared as precompile makes them now", () => {
    // The test setup ran npm run build's bundle script.
    for (const template of readdirSync(path.join(REPO, 'templates'))) {
      const dir = path.join(REPO, 'templates', template);
      const partials = path.join(dir, 'partials');
      const files = [...readdirSync(dir).filter((n) => n.endsWith('.hbs')).map((n) => path.join(dir, n)), ...(existsSync(partials) ? readdirSync(partials).map((n) => path.join(partials, n)) : [])];
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        expect(readFileSync(path.join(REPO, 'dist', 'bundle', 'prepared', precompiledKey(text)), 'utf8'), file).toBe(precompile(text));
      }
    }
  });
});
