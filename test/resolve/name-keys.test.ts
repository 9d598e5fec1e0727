// Name keys against ICU: for generated names over every character the keys cover (letters of
// either case, numbers with and without leading zeros, punctuation, spaces, any Hangul
// syllable), the keys order each pair as Intl.Collator does, ties included.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/resolve/name-keys.js';

const seed = Number(process.env.FC_SEED ?? 20250311);
const PUNCTUATION = [...' _-–,;:!?.·’\'"“”()@/&#%+'];
const char = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') },
  { weight: 2, arbitrary: fc.constantFrom(...'0123456789') },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 3, arbitrary: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)) },
  // Few syllables, so that names share prefixes and the finals meet the next leading consonant.
  { weight: 3, arbitrary: fc.constantFrom('가', '각', '간', '나', '낙', '다', '하', '학', '힣') },
);
const name = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
const sign = (n: number) => Math.sign(n);

describe.each(['en', 'ko'])('name keys for %s', (lang) => {
  const icu = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });

  it('order every pair of covered names as ICU does', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ka = nameKey(a, lang)!;
        const kb = nameKey(b, lang)!;
        expect(ka).toBeDefined();
        expect(kb).toBeDefined();
        expect(sign(ka < kb ? -1 : ka > kb ? 1 : 0), `${a} | ${b}`).toBe(sign(icu.compare(a, b)));
      }),
      { numRuns: 20000, seed },
    );
  });

  it('order the seed letter’s kinds of names as ICU does', () => {
    const names = ['Citizens’ Alliance for North Korean Human Rights', 'THINK', 'No Chain', '6·25 국군포로가족회', '물망초', '전환기 정의 워킹그룹', 'Transitional Justice Working Group', '북한인권시민연합', 'a10', 'a9', 'A09', '가나', '간', '가 나'];
    const byKey = [...names].sort((x, y) => (nameKey(x, lang)! < nameKey(y, lang)! ? -1 : nameKey(x, lang)! > nameKey(y, lang)! ? 1 : 0));
    const byIcu = [...names].sort((x, y) => icu.compare(x, y));
    expect(byKey).toEqual(byIcu);
  });

  it('have no key for a name with another character, which is left to ICU', () => {
    for (const other of ['José', 'Łukasz', '北韓', 'Ярослав', 'a\u0301', 'x*y']) expect(nameKey(other, lang)).toBeUndefined();
  });
});
