import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, isScalar, visit } from 'yaml';
import { fastLetterYaml } from '../../src/load/fast-yaml.js';
import { asYaml, misshapenLetter, wellFormedLetter } from '../helpers/arbitrary-letter.js';
import { fixture } from '../helpers/project.js';
import { expectAgreement as agrees, readWith } from '../helpers/yaml-agreement.js';

const fast = (text: string) => readWith(fastLetterYaml, text);
const expectAgreement = (text: string) => agrees(fastLetterYaml, text);

const SCALAR_TYPES = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;

/** `value` as YAML whose values, keys, collections, comments and indentation vary as `choices` say. */
function styled(value: unknown, choices: number[]): string {
  let n = 0;
  const next = (k: number) => choices[n++ % choices.length]! % k;
  const style = (node: unknown) => {
    if (!isScalar(node)) return;
    if (typeof node.value === 'string') node.type = SCALAR_TYPES[next(SCALAR_TYPES.length)];
    if (next(7) === 0) node.comment = ' why';
  };
  const doc = new Document(value);
  visit(doc, {
    Pair(_, pair) {
      // Keys are names, plain or quoted, as people write them.
      if (isScalar(pair.key) && next(5) === 0) pair.key.type = next(2) ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
      style(pair.value);
    },
    Map(_, node) {
      node.flow = next(4) === 0;
      if (next(6) === 0) node.commentBefore = ' a note';
    },
    Seq(_, node) {
      node.flow = next(3) === 0;
      node.items.forEach(style);
    },
  });
  return doc.toString({ lineWidth: [0, 40, 80][next(3)]!, indent: [2, 3, 4][next(3)]!, indentSeq: next(2) === 0 });
}

describe('the fast YAML reader', () => {
  it('agrees with the full reader on the project’s letters', () => {
    const files = [path.join(fixture('minimal'), 'letters/minimal/letter.yaml'), path.join(fixture('footnotes'), 'letters/footnotes/letter.yaml'), path.resolve('letters/nk-pows-2025/letter.yaml')];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(expectAgreement(text), file).toBe(true);
      expect(expectAgreement(text.replace(/\n/g, '\r\n')), `${file} with CRLF`).toBe(true);
    }
  });

  it('agrees with the full reader on letters written in every style', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: wellFormedLetter }, misshapenLetter), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (letter, choices) => {
        const text = styled(letter, choices);
        if (expectAgreement(text)) read++;
        // As Windows editors save it, and with a document start marker.
        expectAgreement(text.replace(/\n/g, '\r\n'));
        expectAgreement(`---\n${text}`);
      }),
      { numRuns: 300 },
    );
    // Most of them go the fast way; the test means nothing otherwise.
    expect(read).toBeGreaterThan(200);
  });

  it('declines a text without a final line break, where js-yaml and yaml read a kept block differently', () => {
    const text = readFileSync(path.join(fixture('minimal'), 'letters', 'minimal', 'letter.yaml'), 'utf8');
    expect(fast(text)).toBeDefined();
    expect(fast(text.trimEnd())).toBeUndefined();
    // Found by the property below: js-yaml read the kept block as "\n", yaml as "".
    expect(fast('languages: [en]\nnote:\n  - |+\n ')).toBeUndefined();
  });

  it('agrees with the full reader on cut and spliced letters, or declines them', () => {
    fc.assert(
      fc.property(wellFormedLetter.chain(asYaml), (text) => {
        expectAgreement(text);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every rarer feature and every problem to the full reader', () => {
    const declined = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      '? [a, b]\n: c\n',
      '__proto__: 1\n',
      '<<: {a: 1}\n',
      'a: 1\na: 2\n',
      'a: "\\ud800"\n',
      'a: "\\u0000"\n',
      '',
      '# only a comment\n',
      'a: [1, 2\n',
      'a:\n  - b\n c: d\n',
    ];
    for (const text of declined) expect(fast(text), JSON.stringify(text)).toBeUndefined();
  });

  it('agrees on what people write by hand', () => {
    const texts = [
      'title:\tTabbed\nbody:   spaced   \n',
      '# heading comment\n\ntitle: A  # trailing\n\n# between\nbody:   # comment before the value\n  on the next line\n',
      'body: a plain value\n  folded over\n\n  two lines\n',
      'list:\n- kind: individual\n  name: {en: Kim,\n    ko: 김}\n-   kind: organization\n    name: "Quoted \\"name\\"\\u00e9"\n',
      "note: 'it''s\n  folded'\n",
      'a: [x,\n  y, "z"]\nb: {c: d, e: [f]}\n',
      'title: "  padded  "\nbody: |\n    indented\n      more\n   \n    text\n',
    ];
    for (const text of texts) expect(expectAgreement(text), text).toBe(true);
  });

  it('finds the header of a block scalar, whatever its indicators and comment', () => {
    for (const text of ['body: |\n  text\n', 'body: |-  # a | b\n\n  text\n', 'list:\n  - >2\n     text\n', 'x: "a>b"\nbody: >+\n  text\n\n']) {
      expect(expectAgreement(text), text).toBe(true);
    }
  });
});
