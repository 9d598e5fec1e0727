import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenChars, forbiddenCharReason } from '../../src/load/text-checks.js';

/** The scan without its shortcut: every code point asked, in order. */
function everyCodePoint(text: string, allowBidi: boolean): { offset: number; cp: number }[] {
  const found: { offset: number; cp: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if (forbiddenCharReason(cp, { allowBidi })) found.push({ offset: i, cp });
    i += cp > 0xffff ? 2 : 1;
  }
  return found;
}

describe('findForbiddenChars', () => {
  it('names each refused character with its offset, after any text', () => {
    expect(findForbiddenChars('안녕하세요\u202e 🙂 a\u0000b\ud800')).toEqual([
      { offset: 5, cp: 0x202e, reason: 'a bidi override or isolate' },
      { offset: 11, cp: 0, reason: 'a control character' },
      { offset: 13, cp: 0xd800, reason: 'a lone surrogate' },
    ]);
    expect(findForbiddenChars('plain text, 한국어, tabs\tand\nlines')).toEqual([]);
    expect(findForbiddenChars('\u2066x\u2069', { allowBidi: true })).toEqual([]);
  });

  it('finds what asking every code point finds', () => {
    // Strings of code units, surrogates alone and paired, controls, bidi marks and plane 15.
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x09, 0x0a, 0x0d, 0x7f, 0x85, 0x202a, 0x2069, 0xfffe, 0xd83d, 0xde42, 0xdb80, 0xdc00));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.boolean(), (units, allowBidi) => {
        const text = String.fromCharCode(...units);
        expect(findForbiddenChars(text, { allowBidi }).map(({ offset, cp }) => ({ offset, cp }))).toEqual(everyCodePoint(text, allowBidi));
      }),
      { numRuns: 2000 },
    );
  });
});
