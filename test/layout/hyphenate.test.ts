import { describe, expect, it } from 'vitest';
import { hyphenationPieces } from '../../src/layout/hyphenate.js';

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
});
