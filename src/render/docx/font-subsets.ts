// The faces a DOCX embeds, each cut down to what the document needs: every character it uses
// in that style, basic Latin, and for the Korean regular face the 2,350 common Hangul
// syllables of KS X 1001 and Korean punctuation, so a partner can still type a few words in
// Word. hb-subset keeps the cmap Word needs. That Korean subset is the same for every letter
// that uses no other character of the face, so `npm run build` prepares it (obfuscated and
// deflated, core/prepared-parts.ts): cutting and deflating it took a build about 80 ms.

import { createHash } from 'node:crypto';
import { glyphClosure, trimmedFont } from '../../fonts/sfnt.js';
import { subsetFace } from '../../fonts/subset.js';
import { styleOf, type Face, type FaceStyle, type FontBook } from '../../fonts/font-book.js';
import type { Block, DocumentModel, Inline } from '../../model/document.js';
import type { PreparedParts } from '../../core/prepared-parts.js';
import { decodePreparedFont, encodePreparedFont, prepareFont, type PreparedFont } from './embed-fonts.js';

/** A TrueType subset with a cmap, or its part prepared when the tool was built. */
export type EmbeddedFace = { family: string; style: FaceStyle } & ({ bytes: Uint8Array } | { prepared: PreparedFont });

const BASIC_LATIN = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const KS_X_1001_HANGUL = ksX1001Hangul();
/** Punctuation of Korean text beyond basic Latin (KLREQ's quotes, brackets and middle dots). */
const KOREAN_PUNCTUATION = '\u00A0\u00B7\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u203B\u3001\u3002\u3008\u3009\u300A\u300B\u300C\u300D\u300E\u300F';
/** What the Korean regular face always carries. */
const EAST_ASIAN_BASE = BASIC_LATIN + KOREAN_PUNCTUATION + KS_X_1001_HANGUL;
const HANGUL = /[\p{Script=Hangul}\p{Script=Han}]/u;

/** Korean glyphs need no layout tables in Word, and they are most of the size. */
const EAST_ASIAN_DROP = ['GSUB', 'GPOS', 'BASE', 'STAT', 'vhea', 'vmtx'];

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
      const chars = characterSet((eastAsian && face.style === 'regular' ? EAST_ASIAN_BASE : BASIC_LATIN) + text);
      const ready = eastAsian ? await prepared.get(preparedKey(face, chars)) : undefined;
      const made = ready && decodePreparedFont(ready);
      out.push(made ? { family, style: face.style, prepared: made } : { family, style: face.style, bytes: await subset(face, chars, eastAsian) });
    }
  }
  return out;
}

/**
 * The parts `npm run build` prepares: the Korean regular face of each language's chain with
 * what it always carries, as a letter using no other of its characters embeds it.
 */
export async function preparedFontParts(fonts: FontBook, languages: string[]): Promise<{ key: string; bytes: Uint8Array }[]> {
  const parts = new Map<string, Uint8Array>();
  for (const lang of languages) {
    const family = fonts.eastAsianFamily(lang);
    if (!isEastAsian(fonts, family, lang)) continue;
    const face = fonts.face(family, 'regular');
    // The page-number footer's characters are always there (charactersByStyle), and basic Latin.
    const chars = characterSet(EAST_ASIAN_BASE);
    parts.set(preparedKey(face, chars), encodePreparedFont(prepareFont(await subset(face, chars, true))));
  }
  return [...parts].map(([key, bytes]) => ({ key, bytes }));
}

function isEastAsian(fonts: FontBook, family: string, lang: string): boolean {
  return family === fonts.eastAsianFamily(lang) && family !== fonts.latinFamily(lang);
}

/** Each character once, in order: what a subset is made of, whatever order the text had. */
function characterSet(text: string): string {
  return [...new Set(text)].sort().join('');
}

/** Everything a prepared Korean subset is made from: the face, the characters, what is dropped. */
function preparedKey(face: Face, chars: string): string {
  return `docx-font-${createHash('sha256').update(`${face.sha256}\0${EAST_ASIAN_DROP.join(',')}\0${chars}`).digest('hex')}`;
}

const cache = new Map<string, Promise<Uint8Array>>();

/** `chars`: a characterSet. */
function subset(face: Face, chars: string, eastAsian: boolean): Promise<Uint8Array> {
  const key = `${face.sha256}\0${chars}`;
  let bytes = cache.get(key);
  if (bytes === undefined) {
    // Only the glyphs the characters map to: no alternates, small caps or ligatures Word would not use.
    // A CJK face goes to hb-subset trimmed to those glyphs (it is most of the work otherwise), as
    // does a face whose outlines were not all read (font-file.ts).
    const drop = eastAsian ? EAST_ASIAN_DROP : [];
    bytes =
      eastAsian || face.sfnt.outlines
        ? subsetFace({ bytes: trimmedFont(face.sfnt, glyphClosure(face.sfnt, [...chars].map((c) => face.shaper.glyph(c.codePointAt(0)!))), drop) }, { text: chars, dropTables: drop })
        : subsetFace({ bytes: face.sfnt.bytes, sha256: face.sha256 }, { text: chars });
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
