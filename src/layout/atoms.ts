// A paragraph's inline runs as the line breaker sees them: words (unbreakable sequences of
// boxes, each box one face and size) separated by glue (a space). Korean words are whole
// between spaces, as KLREQ asks: the only break opportunities are spaces, forced breaks and a
// hyphen between two letters.

import type { Diagnostic } from '../core/diagnostics.js';
import { styleOf, type Face, type FontBook } from '../fonts/font-book.js';
import type { Footnote, Inline } from '../model/document.js';
import type { CharacterStyle, ParagraphStyle } from '../model/stylesheet.js';
import { fontRuns } from './font-runs.js';
import { hyphenationPieces } from './hyphenate.js';
import { unitWidth } from './measure.js';

export interface Box {
  text: string;
  face: Face;
  size: number;
  width: number;
  href?: string;
  /** Raised above the baseline by this much (a footnote mark), in points. */
  rise?: number;
  /** The footnote this box is the mark of. */
  footnote?: Footnote;
}

export interface Word {
  boxes: Box[];
  width: number;
  /** Gaps between the word's characters, where justification may add letter spacing. */
  letterGaps: number;
  /** How far each of those gaps may stretch and shrink, in points. */
  letterStretch: number;
  letterShrink: number;
  /** Natural width of the space after this word (0 when a forced break or the end follows). */
  spaceAfter: number;
  /** A forced line break follows this word. */
  breakAfter: boolean;
  /** The space after this word may not break (KLREQ line-start and line-end prohibitions). */
  glued?: boolean;
  /** This is a hyphenation piece: a break after it costs a hyphen of this width (points). */
  hyphen?: number;
}

interface Piece {
  text: string;
  face: Face;
  size: number;
  href?: string;
  rise?: number;
  footnote?: Footnote;
}

/** A footnote mark's size and rise, as fractions of the text's size. */
export const SUPERSCRIPT = { size: 0.62, rise: 0.36 };

export function paragraphWords(content: Inline[], style: ParagraphStyle, characters: Record<string, CharacterStyle>, lang: string, fonts: FontBook, problems: Diagnostic[]): Word[] {
  // Hyphenation helps only where lines are justified; ragged lines need no more breaks.
  const hyphenLang = style.align === 'justify' ? lang : undefined;
  const pieces: (Piece | 'break')[] = [];
  for (const inline of content) {
    if (inline.kind === 'break') {
      pieces.push('break');
      continue;
    }
    if (inline.kind === 'footnote') {
      const face = fonts.face(fonts.latinFamily(lang), styleOf(style.bold, false));
      pieces.push({ text: String(inline.number), face, size: style.size * SUPERSCRIPT.size, rise: style.size * SUPERSCRIPT.rise, footnote: inline });
      continue;
    }
    const charStyle = inline.role ? characters[inline.role] : undefined;
    const bold = Boolean(inline.marks.strong || charStyle?.bold || style.bold);
    const italic = Boolean(inline.marks.em || charStyle?.italic || style.italic);
    const size = charStyle?.size ?? style.size;
    for (const run of fontRuns(inline.text, lang, styleOf(bold, italic), fonts, inline.pos, problems)) {
      // Text set alike that came from two sources (a template's `(`, a letter's note) is set
      // as one: shaped together, it kerns across the seam, and makes fewer boxes to measure.
      const last = pieces.at(-1);
      if (last !== undefined && last !== 'break' && last.face === run.face && last.size === size && last.href === inline.href && last.rise === undefined) last.text += run.text;
      else pieces.push({ text: run.text, face: run.face, size, ...(inline.href ? { href: inline.href } : {}) });
    }
  }
  return toWords(pieces, hyphenLang);
}

const HYPHEN_BREAK = /(?<=\p{L}[-‐–—])(?=\p{L})/u;
/** Whether a text has a hyphen or dash at all: most words have none, and need no split. */
const DASH = /[-‐–—]/;

function toWords(pieces: (Piece | 'break')[], hyphenLang: string | undefined): Word[] {
  const words: Word[] = [];
  let boxes: Box[] = [];
  const endWord = (spaceAfter: number, breakAfter: boolean) => {
    if (boxes.length === 0) {
      // Two spaces in a row, or a break after a space: widen the previous gap instead of adding an empty word.
      const last = words.at(-1);
      if (last) {
        if (!last.breakAfter) last.spaceAfter += spaceAfter;
        last.breakAfter ||= breakAfter;
      }
      return;
    }
    words.push(makeWord(boxes, spaceAfter, breakAfter));
    boxes = [];
  };
  for (const piece of pieces) {
    if (piece === 'break') {
      endWord(0, true);
      continue;
    }
    const parts = piece.text.split(/( +)/);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (!part) continue;
      if (i % 2 === 1) {
        endWord(unitWidth(piece.face, ' ') * piece.size * part.length, false);
        continue;
      }
      const chunks = DASH.test(part) ? part.split(HYPHEN_BREAK) : [part];
      for (let k = 0; k < chunks.length; k++) {
        const chunk = chunks[k]!;
        const syllables = hyphenLang && boxes.length === 0 && !piece.footnote ? hyphenationPieces(chunk, hyphenLang) : [chunk];
        for (let n = 0; n < syllables.length; n++) {
          boxes.push(boxOf(piece, syllables[n]!));
          if (n < syllables.length - 1) {
            endWord(0, false);
            words.at(-1)!.hyphen = unitWidth(piece.face, '-') * piece.size;
          }
        }
        if (k < chunks.length - 1) endWord(0, false);
      }
    }
  }
  endWord(0, false);
  const last = words.at(-1);
  if (last) last.spaceAfter = 0;
  words.forEach((word, i) => {
    const next = words[i + 1];
    if (next && !word.breakAfter && (NO_LINE_END.has(lastChar(word)) || NO_LINE_START.has(firstChar(next)))) word.glued = true;
  });
  return words;
}

/** A box of `text` set as `piece` is; built field by field, as object rest and spread are slow in cold code. */
function boxOf(piece: Piece, text: string): Box {
  const box: Box = { face: piece.face, size: piece.size, text, width: unitWidth(piece.face, text) * piece.size };
  if (piece.href !== undefined) box.href = piece.href;
  if (piece.rise !== undefined) box.rise = piece.rise;
  if (piece.footnote !== undefined) box.footnote = piece.footnote;
  return box;
}

/**
 * How far the gap between two letters may stretch and shrink, in ems. A little letter spacing
 * takes part of a justified line's slack, so word spaces vary less from line to line. Hangul
 * syllables, square and set solid, take more (Korean typesetters adjust 자간 the same way);
 * Latin letters only a trace, below what a reader notices as tracking.
 */
const LETTER_SPACING = { hangul: { stretch: 0.04, shrink: 0.015 }, other: { stretch: 0.012, shrink: 0.006 } };
const HANGUL = /[\p{Script=Hangul}\p{Script=Han}]/gu;

function makeWord(boxes: Box[], spaceAfter: number, breakAfter: boolean): Word {
  let width = 0;
  let chars = 0;
  let hangul = 0;
  let size = 0;
  for (const b of boxes) {
    width += b.width;
    chars += codePoints(b.text);
    // Hangul and Han begin at U+1100: a text below it has neither, and no match to make.
    if (hasCharFrom(b.text, 0x1100)) hangul += b.text.match(HANGUL)?.length ?? 0;
    size = Math.max(size, b.size);
  }
  const spacing = hangul * 2 > chars ? LETTER_SPACING.hangul : LETTER_SPACING.other;
  return { boxes, width, letterGaps: Math.max(0, chars - 1), letterStretch: spacing.stretch * size, letterShrink: spacing.shrink * size, spaceAfter, breakAfter };
}

/** KLREQ §4.3: characters that may not start a line, and characters that may not end one. */
const NO_LINE_START = codeSet(',.?!)]}”’:;%·。、」』〉》…‥');
const NO_LINE_END = codeSet('([{“‘「『〈《');

function codeSet(chars: string): Set<number> {
  return new Set([...chars].map((c) => c.codePointAt(0)!));
}

function hasCharFrom(text: string, code: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= code) return true;
  return false;
}

/** Characters in `text`, counted without making an array of them. */
export function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The word's first character, as a code point (-1 for none). */
function firstChar(word: Word): number {
  return word.boxes[0]?.text.codePointAt(0) ?? -1;
}

/** The word's last character, as a code point (-1 for none). */
function lastChar(word: Word): number {
  const text = word.boxes.at(-1)?.text ?? '';
  if (!text) return -1;
  const last = text.charCodeAt(text.length - 1);
  const before = text.length > 1 ? text.charCodeAt(text.length - 2) : 0;
  return last >= 0xdc00 && last <= 0xdfff && before >= 0xd800 && before <= 0xdbff ? text.codePointAt(text.length - 2)! : last;
}

/** Splits a word wider than `max` into pieces that fit, character by character: the last resort. */
export function splitWideWord(word: Word, max: number): Word[] {
  const out: Word[] = [];
  let boxes: Box[] = [];
  let width = 0;
  const flush = () => {
    if (boxes.length) out.push(makeWord(boxes, 0, false));
    boxes = [];
    width = 0;
  };
  for (const box of word.boxes) {
    for (const ch of box.text) {
      const w = unitWidth(box.face, ch) * box.size;
      if (width + w > max && width > 0) flush();
      const prev = boxes.at(-1);
      if (prev && prev.face === box.face && prev.size === box.size && prev.href === box.href) {
        prev.text += ch;
        prev.width += w;
      } else boxes.push({ ...box, text: ch, width: w });
      width += w;
    }
  }
  flush();
  const last = out.at(-1);
  if (last) {
    last.spaceAfter = word.spaceAfter;
    last.breakAfter = word.breakAfter;
  }
  return out;
}
