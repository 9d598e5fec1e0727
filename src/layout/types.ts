// What layout hands the PDF writer: pages of text pieces placed at exact positions, each
// with the face and size to draw it in. The writer makes no typographic decision of its own.

import type { Face } from '../fonts/font-book.js';

export interface PlacedText {
  /** Left edge, in points from the page's left. */
  x: number;
  /** Baseline, in points from the page's top. */
  y: number;
  text: string;
  face: Face;
  size: number;
  /** Advance of the text as laid out (kerning and letter spacing included), in points. */
  width: number;
  /** Extra space after each character, in points (justification). */
  letterSpacing?: number;
  href?: string;
}

export interface Page {
  width: number;
  height: number;
  items: PlacedText[];
}

export interface LaidOutDocument {
  pages: Page[];
}
