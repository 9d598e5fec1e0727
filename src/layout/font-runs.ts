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

export function fontRuns(text: string, lang: string, style: FaceStyle, fonts: FontBook, pos: SourcePos, problems: Diagnostic[]): FontRun[] {
  const chain = fonts.chain(lang).map((family) => fonts.face(family, style));
  const runs: FontRun[] = [];
  let current: Face | undefined;
  let buffer = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (IGNORABLE.test(ch)) continue;
    let face: Face | undefined;
    if (current && COMMON.test(ch) && current.shaper.has(cp)) face = current;
    else face = chain.find((f) => f.shaper.has(cp));
    if (!face) {
      if (!problems.some((p) => p.message.includes(codePointLabel(cp)))) {
        problems.push(error(pos, `no font has "${ch}" (${codePointLabel(cp)})`, `the fonts tried for \`${lang}\` are ${fonts.chain(lang).join(', ')}; add a face that has it in fonts/fonts.json, or remove the character`));
      }
      continue;
    }
    if (face !== current && buffer) {
      runs.push({ text: buffer, face: current! });
      buffer = '';
    }
    current = face;
    buffer += ch;
  }
  if (buffer && current) runs.push({ text: buffer, face: current });
  return runs;
}
