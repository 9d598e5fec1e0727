// The model's style sheet as Word styles: one paragraph style per paragraph role, one
// character style per span role, document defaults carrying the fonts and language. Paragraphs
// then name their style and carry no direct formatting of their own.
//
// styles.xml holds only the styles the letter uses. The docx package would add its own Title,
// Heading 1–6, Strong, Caption, TOC… styles, and Word matches style ids without regard to case
// (as Open XML PowerTools does for that reason): its `Title` beside the template's `title` is one
// style twice, and either could set the letter's title. Word's built-in styles stay available.

import { AlignmentType, DocumentDefaults, LineRuleType, type ICharacterStyleOptions, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { FontBook } from '../../fonts/font-book.js';
import type { StyleSheet } from '../../model/stylesheet.js';

/** Points → twentieths of a point (twips), Word's unit for spacing and page geometry. */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Points → half-points, Word's unit for font sizes. */
const halfPoints = (pt: number): number => Math.round(pt * 2);

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER, justify: AlignmentType.BOTH } as const;

/** BCP 47 tag as Word writes it: `ko` → `ko-KR`, `en` → `en-US`, `uk` → `uk-UA`; any other tag as given. */
export function wordLanguage(lang: string): string {
  const regions: Record<string, string> = { en: 'en-US', ko: 'ko-KR', uk: 'uk-UA' };
  return regions[lang] ?? lang;
}

/** Ids Word knows by these names, so its UI and other tools treat them as the built-in styles. */
export const HYPERLINK_STYLE = 'Hyperlink';
const FOOTNOTE_REFERENCE_STYLE = 'FootnoteReference';

export function docxStyles(styles: StyleSheet, lang: string, fonts: FontBook): IStylesOptions {
  const latin = fonts.latinFamily(lang);
  const bodySize = styles.paragraphs.body?.size ?? 11;
  const defaults = new DocumentDefaults({
    run: {
      font: { ascii: latin, hAnsi: latin, eastAsia: fonts.eastAsianFamily(lang), cs: latin },
      size: halfPoints(bodySize),
      // Korean rules for Korean text even inside an English document (names, quotations).
      language: { value: wordLanguage(lang), eastAsia: 'ko-KR' },
    },
  });
  return {
    // Replaces the package's default set (see the header); `default` would be ignored beside it.
    importedStyles: [defaults],
    paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true }, ...paragraphStyles(styles)],
    characterStyles: [
      ...characterStyles(styles),
      { id: HYPERLINK_STYLE, name: 'Hyperlink', uiPriority: 99, unhideWhenUsed: true, run: { color: '1F4E79', underline: {} } },
      // Footnote marks in the text and in the notes (the package names this id itself).
      { id: FOOTNOTE_REFERENCE_STYLE, name: 'footnote reference', uiPriority: 99, unhideWhenUsed: true, run: { superScript: true } },
    ],
  };
}

function paragraphStyles(styles: StyleSheet): IParagraphStyleOptions[] {
  return Object.entries(styles.paragraphs).map(([role, s]) => ({
    id: role,
    name: s.name,
    basedOn: 'Normal',
    // Enter after a heading or the title starts body text; signatories follow one another.
    next: role === 'body' || role === 'signatory' ? role : 'body',
    quickFormat: true,
    run: { size: halfPoints(s.size), bold: s.bold, italics: s.italic },
    paragraph: {
      alignment: ALIGN[s.align],
      // Leading is a multiple of the size; Word's "auto" rule counts in 240ths of a line.
      spacing: { before: twips(s.spaceBefore), after: twips(s.spaceAfter), line: Math.round(s.leading * 240), lineRule: LineRuleType.AUTO },
      indent: { left: twips(s.indent), firstLine: twips(s.firstLineIndent) },
      keepNext: s.keepWithNext,
      widowControl: true,
    },
  }));
}

function characterStyles(styles: StyleSheet): ICharacterStyleOptions[] {
  return Object.entries(styles.characters).map(([role, s]) => ({
    id: role,
    name: s.name,
    run: { ...(s.size ? { size: halfPoints(s.size) } : {}), ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italics: true } : {}) },
  }));
}
