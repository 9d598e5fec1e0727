// The model's style sheet as Word styles: one paragraph style per paragraph role, one
// character style per span role, document defaults carrying the fonts and language. Paragraphs
// then name their style and carry no direct formatting of their own.

import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import type { FontBook } from '../../fonts/font-book.js';
import type { StyleSheet } from '../../model/stylesheet.js';

/** Points → twentieths of a point (twips), Word's unit for spacing and page geometry. */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Points → half-points, Word's unit for font sizes. */
const halfPoints = (pt: number): number => Math.round(pt * 2);

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER, justify: AlignmentType.BOTH } as const;

/** BCP 47 tag as Word writes it: `ko` → `ko-KR`, `en` → `en-US`. */
export function wordLanguage(lang: string): string {
  const regions: Record<string, string> = { en: 'en-US', ko: 'ko-KR', uk: 'uk-UA' };
  return regions[lang] ?? lang;
}

export const HYPERLINK_STYLE = 'Hyperlink';

export function docxStyles(styles: StyleSheet, lang: string, fonts: FontBook): IStylesOptions {
  const latin = fonts.latinFamily(lang);
  const body = styles.paragraphs.body;
  return {
    default: {
      document: {
        run: {
          font: { ascii: latin, hAnsi: latin, eastAsia: fonts.eastAsianFamily(lang), cs: latin },
          size: halfPoints(body?.size ?? 11),
          // Korean rules for Korean text even inside an English document.
          language: { value: wordLanguage(lang), eastAsia: 'ko-KR' },
        },
      },
    },
    paragraphStyles: Object.entries(styles.paragraphs).map(([role, s]) => ({
      id: role,
      name: s.name,
      basedOn: 'Normal',
      next: role === 'body' || role === 'signatory' ? role : 'body',
      quickFormat: true,
      run: { size: halfPoints(s.size), bold: s.bold, italics: s.italic },
      paragraph: {
        alignment: ALIGN[s.align],
        spacing: { before: twips(s.spaceBefore), after: twips(s.spaceAfter), line: Math.round(s.leading * 240), lineRule: LineRuleType.AUTO },
        indent: { left: twips(s.indent), firstLine: twips(s.firstLineIndent) },
        keepNext: s.keepWithNext,
        widowControl: true,
      },
    })),
    characterStyles: [
      ...Object.entries(styles.characters).map(([role, s]) => ({
        id: role,
        name: s.name,
        run: { ...(s.size ? { size: halfPoints(s.size) } : {}), ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italics: true } : {}) },
      })),
      { id: HYPERLINK_STYLE, name: 'Hyperlink', run: { color: '1F4E79', underline: {} } },
    ],
  };
}
