// Advance widths of shaped text (kerning and Latin ligatures on), at 1 pt. The shaper caches
// its runs, so the PDF writer later draws exactly the glyphs measured here.

import type { Face } from '../fonts/font-book.js';

/** Width of `text` in `face` at 1 pt; multiply by the size. */
export function unitWidth(face: Face, text: string): number {
  return face.shaper.shape(text).advance / face.shaper.upem;
}
