// Advance widths through fontkit's shaper (kerning and Latin ligatures on), cached per face
// and string: a letter repeats its words, and the signatory list repeats its names.
// Korean words rarely repeat, and shaping a CJK face is slow; where a face is shown (once, on
// a sample) to neither kern nor substitute Hangul syllables, a word of them is the sum of its
// syllables' advances.

import type { Face } from '../fonts/font-book.js';

const cache = new WeakMap<Face, Map<string, number>>();
const hangulUnshaped = new WeakMap<Face, boolean>();
const HANGUL_WORD = /^[\uac00-\ud7a3]+$/;

/** Width of `text` in `face` at 1 pt; multiply by the size. */
export function unitWidth(face: Face, text: string): number {
  let widths = cache.get(face);
  if (!widths) {
    widths = new Map();
    cache.set(face, widths);
  }
  let w = widths.get(text);
  if (w === undefined) {
    w = (HANGUL_WORD.test(text) && isHangulUnshaped(face) ? advances(face, text) : face.font.layout(text).advanceWidth) / face.font.unitsPerEm;
    widths.set(text, w);
  }
  return w;
}

function advances(face: Face, text: string): number {
  let sum = 0;
  for (const ch of text) sum += face.font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
  return sum;
}

/** Whether shaping leaves Hangul syllables alone in this face, judged on pairs across the block. */
function isHangulUnshaped(face: Face): boolean {
  let known = hangulUnshaped.get(face);
  if (known === undefined) {
    known = true;
    for (let i = 0; i < 64 && known; i++) {
      const pair = String.fromCodePoint(0xac00 + ((i * 2741) % 11172), 0xac00 + ((i * 977 + 5) % 11172));
      known = face.font.hasGlyphForCodePoint(pair.codePointAt(0)!) && advances(face, pair) === face.font.layout(pair).advanceWidth;
    }
    hangulUnshaped.set(face, known);
  }
  return known;
}
