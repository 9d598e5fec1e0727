import { describe, expect, it } from 'vitest';
import { LetterError, formatDiagnostic } from '../../src/core/diagnostics.js';
import { readLetterText } from '../../src/load/letter-text.js';
import { parseLetterYaml } from '../../src/load/parse-yaml.js';

const FILE = 'letters/t/letter.yaml';

function problems(text: string | Uint8Array): string[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  try {
    parseLetterYaml(readLetterText(FILE, bytes));
  } catch (e) {
    if (e instanceof LetterError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

describe('parseLetterYaml', () => {
  it('accepts a plain letter file', () => {
    expect(problems('title: Hello\nlanguages: [en]\n')).toEqual([]);
  });

  it('counts against the alias budget only what aliases add, not a long list', () => {
    const list = Array.from({ length: 40_000 }, (_, i) => `  - {kind: individual, name: N${i}}`).join('\n');
    expect(problems(`list:\n${list}\n`)).toEqual([]);
    const shared = `note: &n {en: a, ko: b}\nlist:\n${Array.from({ length: 90 }, () => '  - *n').join('\n')}\n`;
    expect(problems(shared)).toEqual([]);
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    expect(problems(bomb)).toEqual([`${FILE}:5:33: the aliases expand to more than 100000 values\n  hint: write the values out; a letter never needs this many`]);
  });

  it('refuses a second document', () => {
    expect(problems('a: 1\n---\nb: 2\n')[0]).toMatch(/^letters\/t\/letter\.yaml:\d+:\d+: a letter file holds exactly one YAML document/);
  });

  it('refuses custom tags with their position', () => {
    expect(problems('a: 1\nb: !js/function x\n')[0]).toMatch(/^letters\/t\/letter\.yaml:2:4: custom tags are not allowed/);
  });

  it('refuses duplicate keys', () => {
    expect(problems('title: a\ntitle: b\n').join('\n')).toMatch(/:2:1: this key appears twice/);
  });

  it('refuses merge keys, reserved keys and the %YAML directive', () => {
    expect(problems('base: &b {x: 1}\nc:\n  <<: *b\n').join('\n')).toMatch(/:3:3: merge keys/);
    expect(problems('a:\n  __proto__: 1\n').join('\n')).toMatch(/:2:3: the key `__proto__` is reserved/);
    expect(problems('%YAML 1.1\n---\na: 1\n').join('\n')).toMatch(/:1:1: a %YAML directive is not allowed/);
  });

  it('reports control characters, bidi overrides and escaped lone surrogates where they are', () => {
    expect(problems('a: ok\nb: x\u0007y\n')).toEqual([expect.stringMatching(/^letters\/t\/letter\.yaml:2:5: a control character \(U\+0007\) is not allowed/)]);
    expect(problems('a: "abc\u202Edef"\n')[0]).toMatch(/:1:8: a bidi override or isolate \(U\+202E\)/);
    expect(problems('a: "\\ud800"\n')[0]).toMatch(/:1:4: a lone surrogate \(U\+D800\)/);
  });

  it('reports invalid UTF-8 with its line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a: 1\nb: '), 0xff, 0x0a]);
    expect(problems(bytes)[0]).toMatch(/^letters\/t\/letter\.yaml:2:4: invalid UTF-8 at byte 8/);
  });

  it('refuses deep nesting before parsing it', () => {
    const deep = `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    expect(problems(deep)[0]).toMatch(/:1:\d+: nesting deeper than 64 levels/);
  });

  it('counts as nesting only brackets outside quotes and comments, and deep indentation', () => {
    const deep = (inside: string) => `a: ${inside}${'['.repeat(65)}x${']'.repeat(65)}\n`;
    // Brackets after a closed string, a doubled backslash or a `#` inside a word still count.
    for (const before of ['"a" ', '"a\\\\" ', "'a' ", 'a#b ', '"a\\"b" ']) expect(problems(deep(before))[0], before).toMatch(/:1:\d+: nesting deeper than 64 levels/);
    // Brackets in a string or a comment do not; nor in a string whose closing quote is escaped to the end.
    const quiet = (inside: string) => `a: ${inside}\n`;
    for (const text of [`"${'['.repeat(65)}"`, `'${'['.repeat(65)}'`, `x # ${'['.repeat(65)}`, `"\\"${'['.repeat(65)}"`, `"a\\" ${'['.repeat(65)}`]) expect(problems(quiet(text)).join('\n'), text).not.toMatch(/nesting/);
    // A quote inside a word opens nothing: what follows it is counted.
    expect(problems(deep("it's "))[0]).toMatch(/nesting deeper/);
    expect(problems(`a:\n${Array.from({ length: 140 }, (_, i) => `${' '.repeat(2 * i)}b${i}:\n`).join('')}`)[0]).toMatch(/nesting deeper than 64 levels/);
  });

  it('refuses files over the size limit', () => {
    expect(problems(`a: "${'x'.repeat(2 * 1024 * 1024)}"\n`)[0]).toMatch(/^letters\/t\/letter\.yaml: file is \d+ bytes/);
  });
});
