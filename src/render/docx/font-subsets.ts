// The faces a DOCX embeds, each cut down to what the document needs, and a little more so a
// partner can still type in Word: every character the document sets in that face, plus for
// Latin faces basic Latin and Latin-1 (names like José, Müller, Søren) with common punctuation,
// and for the Korean regular face basic Latin, Korean punctuation and the 2,350 common Hangul
// syllables of KS X 1001. (Latin Extended-A too would take the Korean DOCX's fonts past the
// 1.5 MB they must stay within.) Latin faces keep their kerning and ligatures
// (hb-subset); Korean ones need none in Word and are cut without layout tables, in JavaScript
// (fonts/glyf-subset.ts). A face's subset is the same for every letter that sets nothing
// beyond those characters in it, so `npm run build` prepares those of the tool's own faces
// (obfuscated and deflated, core/prepared-parts.ts): a build then loads no subsetter at all.

import { createHash } from 'node:crypto';
import { subsetGlyf } from '../../fonts/glyf-subset.js';
import { glyphCount, loadOutlines } from '../../fonts/sfnt.js';
import { subsetFace } from '../../fonts/subset.js';
import { styleOf, type Face, type FaceStyle, type FontBook } from '../../fonts/font-book.js';
import type { Block, DocumentModel, Inline } from '../../model/document.js';
import type { PreparedParts } from '../../core/prepared-parts.js';
import { decodePreparedFont, encodePreparedFont, prepareFont, type PreparedFont } from './embed-fonts.js';

/** A TrueType subset with a cmap, or its part prepared when the tool was built. */
export type EmbeddedFace = { family: string; style: FaceStyle } & ({ bytes: Uint8Array } | { prepared: PreparedFont });

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)).join('');
const BASIC_LATIN = range(0x20, 0x7e);
/** What a Latin face always carries: basic Latin, Latin-1, and punctuation. */
const LATIN_BASE = BASIC_LATIN + range(0xa0, 0xff) + '\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u2039\u203A\u20AC\u2122\u2212';
/** Punctuation of Korean text beyond basic Latin (KLREQ's quotes, brackets and middle dots). */
const KOREAN_PUNCTUATION = '\u00A0\u00B7\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u203B\u3001\u3002\u3008\u3009\u300A\u300B\u300C\u300D\u300E\u300F';
/** What the Korean regular face always carries. */
const EAST_ASIAN_BASE = BASIC_LATIN + KOREAN_PUNCTUATION + ksX1001Hangul();
const HANGUL = /[\p{Script=Hangul}\p{Script=Han}]/u;

/** Tables a Korean face keeps beside the ones a subset is made of: Word shows its names. */
const EAST_ASIAN_COPY = ['name', 'gasp'];

export async function embeddedFaces(model: DocumentModel, fonts: FontBook, prepared: PreparedParts): Promise<EmbeddedFace[]> {
  const lang = model.meta.lang;
  const textByStyle = charactersByStyle(model);
  const all = [...textByStyle.values()].join('');
  const families = [fonts.latinFamily(lang)];
  if (HANGUL.test(all)) families.push(fonts.eastAsianFamily(lang));
  const out: EmbeddedFace[] = [];
  for (const family of new Set(families)) {
    const eastAsian = isEastAsian(fonts, family, lang);
    // A style the family lacks is drawn with another of its faces: that face gets its text too.
    const byFace = new Map<Face, string>();
    for (const [style, text] of textByStyle) {
      const face = fonts.face(family, style);
      byFace.set(face, (byFace.get(face) ?? '') + text);
    }
    for (const [face, text] of byFace) {
      const chars = characterSet(face, baseOf(face, eastAsian) + text);
      const ready = await prepared.get(preparedKey(face, eastAsian, chars));
      const made = ready && decodePreparedFont(ready);
      out.push(made ? { family, style: face.style, prepared: made } : { family, style: face.style, bytes: await subset(face, chars, eastAsian) });
    }
  }
  return out;
}

/**
 * The parts `npm run build` prepares: each face of each language's chain with what it always
 * carries, as a letter setting no other of its characters embeds it.
 */
export async function preparedFontParts(fonts: FontBook, languages: string[]): Promise<{ key: string; bytes: Uint8Array }[]> {
  const parts = new Map<string, Uint8Array>();
  for (const lang of languages) {
    for (const family of new Set([fonts.latinFamily(lang), fonts.eastAsianFamily(lang)])) {
      const eastAsian = isEastAsian(fonts, family, lang);
      // A Korean face's other styles carry only basic Latin beyond the letter's text: nothing to prepare.
      const styles: FaceStyle[] = eastAsian ? ['regular'] : ['regular', 'bold', 'italic', 'boldItalic'];
      for (const face of new Set(styles.map((style) => fonts.face(family, style)))) {
        const chars = characterSet(face, baseOf(face, eastAsian));
        const key = preparedKey(face, eastAsian, chars);
        if (!parts.has(key)) parts.set(key, encodePreparedFont(prepareFont(await subset(face, chars, eastAsian))));
      }
    }
  }
  return [...parts].map(([key, bytes]) => ({ key, bytes }));
}

function isEastAsian(fonts: FontBook, family: string, lang: string): boolean {
  return family === fonts.eastAsianFamily(lang) && family !== fonts.latinFamily(lang);
}

function baseOf(face: Face, eastAsian: boolean): string {
  return !eastAsian ? LATIN_BASE : face.style === 'regular' ? EAST_ASIAN_BASE : BASIC_LATIN;
}

/** The characters of `text` the face draws, each once, in order: what a subset is made of. */
function characterSet(face: Face, text: string): string {
  // Code points, not strings of one character each: a long list's text is 200,000 of them.
  const seen = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    seen.add(cp);
  }
  return [...seen]
    .filter((cp) => face.shaper.glyph(cp) !== 0)
    .map((cp) => String.fromCodePoint(cp))
    .sort()
    .join('');
}

/** Everything a prepared subset is made from: the face, the characters, how it is cut. */
function preparedKey(face: Face, eastAsian: boolean, chars: string): string {
  const how = eastAsian ? `glyf:${EAST_ASIAN_COPY.join(',')}` : 'hb-subset';
  return `docx-font-${createHash('sha256').update(`${face.sha256}\0${how}\0${chars}`).digest('hex')}`;
}

const cache = new Map<string, Promise<Uint8Array>>();

/** `chars`: a characterSet. */
function subset(face: Face, chars: string, eastAsian: boolean): Promise<Uint8Array> {
  const key = `${face.sha256}\0${eastAsian}\0${chars}`;
  let bytes = cache.get(key);
  if (bytes === undefined) {
    if (eastAsian) {
      const cmap = new Map([...chars].map((c) => [c.codePointAt(0)!, face.shaper.glyph(c.codePointAt(0)!)]));
      bytes = Promise.resolve(subsetGlyf(face.sfnt, { glyphs: [], cmap, copy: EAST_ASIAN_COPY }).bytes);
    } else {
      // hb-subset is given the whole file: a large face read without its outlines reads them now.
      if (face.sfnt.outlines) loadOutlines(face.sfnt, Array.from({ length: glyphCount(face.sfnt) }, (_, g) => g));
      bytes = subsetFace({ bytes: face.sfnt.bytes, sha256: face.sha256 }, chars);
    }
    cache.set(key, bytes);
  }
  return bytes;
}

/** The characters of the document in each face style (paragraph style, marks and span roles). */
function charactersByStyle(model: DocumentModel): Map<FaceStyle, string> {
  const styles = new Map<FaceStyle, string>([['regular', '0123456789 /']]); // the page-number footer
  const add = (style: FaceStyle, text: string) => styles.set(style, (styles.get(style) ?? '') + text);
  const inlines = (content: readonly Inline[], bold: boolean, italic: boolean) => {
    for (const i of content) {
      if (i.kind === 'text') {
        const char = i.role ? model.styles.characters[i.role] : undefined;
        add(styleOf(bold || Boolean(i.marks.strong || char?.bold), italic || Boolean(i.marks.em || char?.italic)), i.text);
      } else if (i.kind === 'footnote') {
        add('regular', String(i.number));
        const note = model.styles.paragraphs.footnote;
        inlines(i.content, note?.bold ?? false, note?.italic ?? false);
      }
    }
  };
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') {
        const p = model.styles.paragraphs[b.role];
        inlines(b.content, p?.bold ?? false, p?.italic ?? false);
      } else if (b.kind === 'list') b.items.forEach(walk);
      else walk(b.children);
    }
  };
  walk(model.blocks);
  return styles;
}

function ksX1001Hangul(): string {
  // The 2,350 syllables are KS X 1001 rows 16–40, which EUC-KR encodes as 0xB0A1–0xC8FE.
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xc8; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
  return new TextDecoder('euc-kr').decode(Uint8Array.from(bytes));
}
