// The faces a DOCX embeds, each cut down to what the document needs: every character it uses
// in that style, basic Latin, and for the Korean regular face the 2,350 common Hangul
// syllables of KS X 1001, so a partner can still type a few words in Word. hb-subset keeps
// the cmap Word needs.

import { glyphClosure, trimmedFont } from '../../fonts/sfnt.js';
import { subsetFace } from '../../fonts/subset.js';
import { styleOf, type Face, type FaceStyle, type FontBook } from '../../fonts/font-book.js';
import type { Block, DocumentModel, Inline } from '../../model/document.js';

export interface EmbeddedFace {
  family: string;
  style: FaceStyle;
  /** A TrueType subset with a cmap. */
  bytes: Uint8Array;
}

const BASIC_LATIN = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const KS_X_1001_HANGUL = ksX1001Hangul();
const HANGUL = /[\p{Script=Hangul}\p{Script=Han}]/u;

/** Korean glyphs need no layout tables in Word, and they are most of the size. */
const EAST_ASIAN_DROP = ['GSUB', 'GPOS', 'BASE', 'STAT', 'vhea', 'vmtx'];

export async function embeddedFaces(model: DocumentModel, fonts: FontBook): Promise<EmbeddedFace[]> {
  const lang = model.meta.lang;
  const textByStyle = charactersByStyle(model);
  const all = [...textByStyle.values()].join('');
  const families = [fonts.latinFamily(lang)];
  if (HANGUL.test(all)) families.push(fonts.eastAsianFamily(lang));
  const out: EmbeddedFace[] = [];
  for (const family of new Set(families)) {
    const eastAsian = family === fonts.eastAsianFamily(lang) && family !== fonts.latinFamily(lang);
    // A style the family lacks is drawn with another of its faces: that face gets its text too.
    const byFace = new Map<Face, string>();
    for (const [style, text] of textByStyle) {
      const face = fonts.face(family, style);
      byFace.set(face, (byFace.get(face) ?? '') + text);
    }
    for (const [face, text] of byFace) {
      const wanted = BASIC_LATIN + text + (eastAsian && face.style === 'regular' ? KS_X_1001_HANGUL : '');
      out.push({ family, style: face.style, bytes: await subset(face, wanted, eastAsian) });
    }
  }
  return out;
}

const cache = new Map<string, Promise<Uint8Array>>();

function subset(face: Face, text: string, eastAsian: boolean): Promise<Uint8Array> {
  const chars = [...new Set(text)].sort().join('');
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
