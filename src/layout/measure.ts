// Advance widths through fontkit's shaper (kerning and Latin ligatures on), cached per face
// and string: a letter repeats its words, and the signatory list repeats its names.

import type { Face } from '../fonts/font-book.js';

const cache = new WeakMap<Face, Map<string, number>>();

/** Width of `text` in `face` at 1 pt; multiply by the size. */
export function unitWidth(face: Face, text: string): number {
  let widths = cache.get(face);
  if (!widths) {
    widths = new Map();
    cache.set(face, widths);
  }
  let w = widths.get(text);
  if (w === undefined) {
    w = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    widths.set(text, w);
  }
  return w;
}
