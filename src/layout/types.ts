// What layout hands the PDF writer: pages of text pieces placed at exact positions, each
// with the face and size to draw it in. The writer makes no typographic decision of its own.

import type { Diagnostic } from '../core/diagnostics.js';
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
  /** A hyphen added at a line end: not part of the text, so extraction must not see it. */
  hyphen?: true;
  /** The structure element (tagged PDF) this text belongs to; none for page furniture. */
  tag?: StructureNode;
}

/** The logical structure of the document, for a tagged PDF: PDF structure types and children. */
export interface StructureNode {
  type: 'Document' | 'Sect' | 'P' | 'H1' | 'H2' | 'H3' | 'L' | 'LI' | 'LBody' | 'BlockQuote' | 'Note';
  children: StructureNode[];
}

/** A horizontal rule (the line above footnotes), page furniture. */
export interface PlacedRule {
  x: number;
  y: number;
  width: number;
}

/** An image placed on the page (the letterhead), page furniture. */
export interface PlacedImage {
  x: number;
  y: number;
  width: number;
  height: number;
  bytes: Uint8Array;
  /** As the template's file was measured (image-size). */
  type: 'png' | 'jpg';
}

export interface Page {
  width: number;
  height: number;
  items: PlacedText[];
  rules: PlacedRule[];
  images: PlacedImage[];
}

export interface LaidOutDocument {
  pages: Page[];
  structure: StructureNode;
  /** Compromises a reader may notice (a word broken between letters, a line past the margin). */
  warnings: Diagnostic[];
}
