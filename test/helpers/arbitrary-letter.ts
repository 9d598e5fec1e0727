// fast-check generators of letters: well-formed ones with random Unicode in every field, and
// misshapen ones (a field of the wrong type, a key nobody knows, a value from anywhere), as
// YAML text the way a pull request would bring them.

import fc from 'fast-check';
import { stringify } from 'yaml';

/** Characters that have broken text tools before and that a letter may hold: markup, quotes, joiners. */
const TRICKY = [
  '\u00a0', '\u00ad', '\u200b', '\u200d', '\u2060', '\ufeff', '\u3000', 'e\u0301', '\u1100\u1161\u11a8', '\t', '\r\n', '\n\n',
  '{{title}}', '{{#each x}}', '<script>', '&amp;', '<b>', '[^1]', '[^1]: note', '**', '_', '`', '#', '> ', '- ', '1. ', '\\', '](', '[x](javascript:alert(1))',
  '「', '」', '“', '”', '(', ')', '。', '、', '·', '%YAML', '*a', '&a', '!tag', '<<', '__proto__', 'constructor', 'https://example.org/a_very/long/path?q=1',
];

/** Characters a letter may not hold, or no font has: each must end in a located diagnostic. */
const FORBIDDEN = ['\u0000', '\u0007', '\u001b', '\u0085', '\u202e', '\u2066', '\ufffe', '\uffff', '\ud800', '\udfff', '\u{f0001}', '\u{1f600}', '\u{13000}'];

/** Text in the letter's usual scripts and some tricky characters; `nasty` adds forbidden ones and anything at all. */
const text = (maxLength: number, nasty = false) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom(...'abcdefghij KLMNOP.,;:!?-’'.split('')), minLength: 1, maxLength: 12 }) },
        { weight: 4, arbitrary: fc.string({ unit: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c)), minLength: 1, maxLength: 6 }) },
        { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
        { weight: nasty ? 2 : 0, arbitrary: fc.constantFrom(...FORBIDDEN) },
        { weight: nasty ? 1 : 0, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      ),
      { minLength: 1, maxLength },
    )
    .map((parts) => parts.join(' '));

/** A letter of the schema's shape whose texts come from `text`. */
function letterOf(nasty: boolean) {
  const t = (n: number) => text(n, nasty);
  const perLanguage = (n: number) => fc.oneof(t(n), fc.record({ en: t(n), ko: t(n) }));
  const lines = fc.array(t(4), { minLength: 1, maxLength: 3 });

  const signatory = fc.record(
    {
      kind: fc.constantFrom('individual', 'organization'),
      name: perLanguage(4),
      note: perLanguage(6),
      short: fc.constantFrom('AI', 'HRW', 'NKDB', '*S*'),
      joined: date,
    },
    { requiredKeys: ['kind', 'name'] },
  );
  return fc.record(
    {
      languages: fc.constant(['en', 'ko']),
      date,
      page: fc.constantFrom('A4', 'Letter'),
      title: perLanguage(8),
      recipient: fc.record({ name: perLanguage(4), address: fc.oneof(lines, fc.record({ en: lines, ko: lines })) }, { requiredKeys: ['name'] }),
      subject: perLanguage(8),
      salutation: perLanguage(4),
      body: perLanguage(60),
      closing: perLanguage(8),
      signoff: perLanguage(3),
      signatories: fc.record({ order: fc.constantFrom('standard', 'listed', 'alphabetical', 'joined'), list: fc.array(signatory, { maxLength: 24 }) }, { requiredKeys: ['list'] }),
    },
    { requiredKeys: ['languages', 'date', 'title', 'recipient', 'salutation', 'body', 'signatories'] },
  );
}

const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A letter the schema accepts, filled with random text it may hold. */
export const wellFormedLetter = letterOf(false);

/** The same, with forbidden characters and arbitrary code points among the text. */
export const nastyLetter = letterOf(true);

/** A letter with some fields replaced by values of any shape and keys nobody asked for. */
export const misshapenLetter = fc
  .tuple(nastyLetter, fc.dictionary(fc.constantFrom('languages', 'date', 'title', 'recipient', 'body', 'signatories', 'dtae', '__proto__', 'x', ''), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 3 }))
  .map(([letter, overrides]) => ({ ...letter, ...overrides }));

/** YAML as a person would write it, or the same YAML cut short or spliced with junk. */
export function asYaml(letter: unknown): fc.Arbitrary<string> {
  const yaml = stringify(letter, { lineWidth: 0 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(yaml) },
    { weight: 1, arbitrary: fc.nat({ max: yaml.length }).map((n) => yaml.slice(0, n)) },
    { weight: 1, arbitrary: fc.tuple(fc.nat({ max: yaml.length }), fc.constantFrom(...TRICKY, ...FORBIDDEN, ': ', '- ', '{', ']', '"', "'", '|', '&x ', '*x')).map(([n, s]) => yaml.slice(0, n) + s + yaml.slice(n)) },
  );
}
