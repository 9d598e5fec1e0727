// Splits text into runs of one face each: every character takes the first family of the
// language's chain that has its glyph. Spaces, punctuation and digits (Unicode's Common
// script) stay in the face of the text around them, so a Korean sentence keeps Korean
// spaces and quotes while a Latin name inside it gets the Latin face. Default-ignorable
// characters have no glyph to draw and are left out of the page (the DOCX keeps them).

import { error, type Diagnostic, type SourcePos } from '../core/diagnostics.js';
import { codePointLabel } from '../load/text-checks.js';
import type { Face, FaceStyle, FontBook } from '../fonts/font-book.js';

export interface FontRun {
  text: string;
  face: Face;
}

const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;
/** Joiners, bidi controls (with --allow-bidi) and the like: invisible, drawn by no font. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const enum Kind {
  Unknown,
  Ignorable,
  Common,
  Other,
}
/** Each BMP code point's kind once its regular expressions have been asked. */
const kinds = new Uint8Array(0x10000);

function kindOf(cp: number): Kind {
  let kind: Kind = cp < 0x10000 ? kinds[cp]! : Kind.Unknown;
  if (kind === Kind.Unknown) {
    const ch = String.fromCodePoint(cp);
    kind = IGNORABLE.test(ch) ? Kind.Ignorable : COMMON.test(ch) ? Kind.Common : Kind.Other;
    if (cp < 0x10000) kinds[cp] = kind;
  }
  return kind;
}

/**
 * Walks code points by index and cuts runs as slices of the text: a loop over one-character
 * strings made a new string of each Korean syllable, for every paragraph of every language.
 */
export function fontRuns(text: string, lang: string, style: FaceStyle, fonts: FontBook, pos: SourcePos, problems: Diagnostic[]): FontRun[] {
  const chain = fonts.chainFaces(lang, style);
  const runs: FontRun[] = [];
  let current: Face | undefined;
  // The current run is `buffer` and then text[from, i): left-out characters split it.
  let buffer = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const next = i + (cp > 0xffff ? 2 : 1);
    const kind = kindOf(cp);
    let face = kind === Kind.Common && current?.shaper.has(cp) ? current : undefined;
    if (!face && kind !== Kind.Ignorable) {
      for (const f of chain) {
        if (f.shaper.has(cp)) {
          face = f;
          break;
        }
      }
      if (!face) noFace(cp, lang, fonts, pos, problems);
    }
    if (!face) {
      buffer += text.slice(from, i);
      from = next;
    } else if (face !== current) {
      buffer += text.slice(from, i);
      if (buffer) runs.push({ text: buffer, face: current! });
      buffer = '';
      from = i;
      current = face;
    }
    i = next;
  }
  buffer += text.slice(from);
  if (buffer && current) runs.push({ text: buffer, face: current });
  return runs;
}

function noFace(cp: number, lang: string, fonts: FontBook, pos: SourcePos, problems: Diagnostic[]): void {
  if (problems.some((p) => p.message.includes(codePointLabel(cp)))) return;
  problems.push(error(pos, `no font has "${String.fromCodePoint(cp)}" (${codePointLabel(cp)})`, `the fonts tried for \`${lang}\` are ${fonts.chain(lang).join(', ')}; add a face that has it in fonts/fonts.json, or remove the character`));
}
