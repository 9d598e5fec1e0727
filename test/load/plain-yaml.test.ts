// The plain reader against the full one: on everything it reads, the same value and every
// position; everything else it declines. It must read the letters the tools write and the
// project's own, or it saves nothing.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { plainLetterYaml } from '../../src/load/plain-yaml.js';
import { asYaml, misshapenLetter, wellFormedLetter } from '../helpers/arbitrary-letter.js';
import { fixture } from '../helpers/project.js';
import { expectAgreement as agrees, readWith } from '../helpers/yaml-agreement.js';

const plain = (text: string) => readWith(plainLetterYaml, text);
const expectAgreement = (text: string) => agrees(plainLetterYaml, text);

describe('the plain YAML reader', () => {
  it('reads the project’s letters as the full reader does', () => {
    const files = [path.join(fixture('minimal'), 'letters/minimal/letter.yaml'), path.join(fixture('footnotes'), 'letters/footnotes/letter.yaml'), path.resolve('letters/nk-pows-2025/letter.yaml')];
    for (const file of files) expect(expectAgreement(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('reads letters as the signatory commands write them, as the full reader does', () => {
    let read = 0;
    fc.assert(
      fc.property(wellFormedLetter, (letter) => {
        // `signatories add` and `import` write with the yaml package, lines unfolded.
        if (expectAgreement(stringify(letter, { lineWidth: 0, flowCollectionPadding: false }))) read++;
      }),
      { numRuns: 300 },
    );
    // Tabs and line breaks inside texts make quoted scalars it leaves to the others.
    expect(read).toBeGreaterThan(150);
  });

  it('agrees with the full reader on cut, spliced and misshapen letters, or declines them', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormedLetter, misshapenLetter).chain(asYaml), (text) => {
        expectAgreement(text);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on what people write by hand, or declines it', () => {
    const read = [
      '# a letter\ntitle: A  # trailing\n\n# between\nbody:   # comment before the value\n  en: x\n',
      'list:\n- kind: individual\n  name: {en: Kim, ko: 김}\n-   kind: organization\n    name: "Quoted \\"name\\" \\u00e9 \\\\ \\/"\n',
      "note: 'it''s'\na: [x, y, \"z\", 'w']\nb: {c: d, e: 'f'}\nc: []\nd: {}\n",
      'title: "  padded  "\nbody: |\n    indented\n      more\n\n    text\n',
      'a: |-\n  stripped\n\n\nb: |+\n  kept\n\n\nc: |\n  clipped\n\n\n',
      'a:\n  - x\n  -   y\n  -\n    z: 1z\nb: https://example.org/a?b=c#d\n',
      'a: |\n\n  after a blank line\n# a comment ends it\nb: x\n',
      '  indented: root\n  b: c\n',
      'a: x # c\nb: "y" # c\nc: [z] # c\n',
      'a: {b: [c, {d: e}], f: []}\n',
      'a: "\\x41 \\u00e9 \\U0001D11E \\_ \\/ \\t \\\\"\nb: -x\nc: [?y, :z]\n',
    ];
    for (const text of read) expect(expectAgreement(text), text).toBe(true);
    const declined = [
      'title:\tTabbed\n',
      'a: b\r\n',
      'body: a plain value\n  folded over\n',
      'a: >\n  folded\n',
      'a: |2\n   text\n',
      'a: {x: y,\n  z: w}\n',
      'a: "two\n  lines"\n',
      '"quoted": key\n',
      'a: &x 1\nb: *x\n',
      'a: !!str x\n',
      '---\na: b\n',
      'a: 1\n',
      'a: true\n',
      'a:\n',
      'a: x\na: y\n',
      '__proto__: x\n',
      'a: "\\e"\n',
      'a: "\\q"\n',
      'a: "\\U00110000"\n',
      'a: "\\ud800"\n',
      'a: [x, ]\n',
      'a: |\n   \n  text\n',
      'a: |\n  text\n   \n',
      '- a\n- - b\n',
      'a: b: c\n',
      'd: - e\n',
      'a: x\n  b: y\n',
      'a\n',
      '',
      '# only a comment\n',
    ];
    for (const text of declined) expect(plain(text), JSON.stringify(text)).toBeUndefined();
  });
});
