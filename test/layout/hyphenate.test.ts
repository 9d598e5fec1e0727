import { readFileSync } from 'node:fs';
import createHyphenator from 'hyphen/hyphen.js';
import enUs from 'hyphen/patterns/en-us.js';
import { describe, expect, it } from 'vitest';
import { hyphenationPieces } from '../../src/layout/hyphenate.js';

/** The hyphen package's own hyphenator, which hyphenationPieces must agree with. */
const reference = createHyphenator(enUs, { hyphenChar: '-', minWordLength: 6, html: false });

describe('hyphenationPieces', () => {
  it('splits English words at pattern points, two letters before and three after at least', () => {
    expect(hyphenationPieces('international', 'en')).toEqual(['in', 'ter', 'na', 'tional']);
    expect(hyphenationPieces('repatriation,', 'en')).toEqual(['repa', 'tri', 'a', 'tion,']);
    for (const word of ['humanitarian', 'persecution', 'draconian']) {
      const pieces = hyphenationPieces(word, 'en');
      expect(pieces.join('')).toBe(word);
      expect(pieces[0]!.length).toBeGreaterThanOrEqual(2);
      expect(pieces.at(-1)!.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves proper nouns, numbers, short words and languages without patterns whole', () => {
    expect(hyphenationPieces('Zelenskyy', 'en')).toEqual(['Zelenskyy']);
    expect(hyphenationPieces('34,000', 'en')).toEqual(['34,000']);
    expect(hyphenationPieces('war', 'en')).toEqual(['war']);
    expect(hyphenationPieces('송환되는지', 'ko')).toEqual(['송환되는지']);
  });

  it('finds the points the hyphen package finds, on every word of the seed letter', () => {
    const text = readFileSync(new URL('../../letters/nk-pows-2025/letter.yaml', import.meta.url), 'utf8');
    const words = new Set(text.match(/\p{Ll}[\p{Ll}\p{Lu}’']{4,}/gu));
    // Exceptions from the patterns' own list, apostrophes, letters outside ASCII, and names Object.prototype has.
    for (const word of ['associates', 'present', 'reciprocity', 'table', 'o’clock', 'government’s', 'naïveté', 'straße', 'coöperation', 'constructor', 'toString', 'hasOwnProperty', '__proto__']) words.add(word);
    expect(words.size).toBeGreaterThan(250);
    for (const word of words) {
      // The package allows two letters after a break; hyphenationPieces three, merging the last piece.
      const expected = reference(word).split('-');
      while (expected.length > 1 && expected.at(-1)!.length < 3) expected.splice(-2, 2, expected.at(-2)! + expected.at(-1)!);
      expect(hyphenationPieces(word, 'en'), word).toEqual(expected);
    }
  });
});
