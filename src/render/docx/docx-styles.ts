// The model's style sheet as Word styles (word/styles.xml): one paragraph style per paragraph
// role, one character style per span role, document defaults carrying the fonts, language and
// Korean line rules. Paragraphs then name their style and carry no direct formatting of their own.
//
// styles.xml holds only the styles the letter uses. The docx package would add its own Title,
// Heading 1–6, Strong, Caption, TOC… styles, and Word matches style ids without regard to case
// (as Open XML PowerTools does for that reason): its `Title` beside the template's `title` is one
// style twice, and either could set the letter's title. Word's built-in styles stay available.

import type { FontBook } from '../../fonts/font-book.js';
import type { ParagraphStyle, StyleSheet } from '../../model/stylesheet.js';
import { XML_DECLARATION_STANDALONE } from './package-parts.js';
import { escapeXml } from './paragraph-xml.js';

/** Points → twentieths of a point (twips), Word's unit for spacing and page geometry. */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Points → half-points, Word's unit for font sizes. */
const halfPoints = (pt: number): number => Math.round(pt * 2);

const JUSTIFICATION = { left: 'left', right: 'right', center: 'center', justify: 'both' } as const;

/** BCP 47 tag as Word writes it: `ko` → `ko-KR`, `en` → `en-US`, `uk` → `uk-UA`; any other tag as given. */
export function wordLanguage(lang: string): string {
  const regions: Record<string, string> = { en: 'en-US', ko: 'ko-KR', uk: 'uk-UA' };
  return regions[lang] ?? lang;
}

/** Ids Word knows by these names, so its UI and other tools treat them as the built-in styles. */
export const HYPERLINK_STYLE = 'Hyperlink';
export const FOOTNOTE_REFERENCE_STYLE = 'FootnoteReference';

/**
 * East Asian paragraph defaults: KLREQ line-start/-end rules (kinsoku), word-unit wrapping for
 * Korean (`w:wordWrap w:val="1"`; the docx package's `wordWrap: true` wrote "0", which lets
 * Word break inside Korean words) and no automatic gap between Hangul and Latin letters or digits.
 */
const EAST_ASIAN_DEFAULTS = '<w:widowControl/><w:kinsoku/><w:wordWrap w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

const ROOT =
  '<w:styles mc:Ignorable="w14 w15" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">';

export function stylesXml(styles: StyleSheet, lang: string, fonts: FontBook): string {
  const latin = escapeXml(fonts.latinFamily(lang));
  const eastAsian = escapeXml(fonts.eastAsianFamily(lang));
  const body = halfPoints(styles.paragraphs.body?.size ?? 11);
  let xml =
    XML_DECLARATION_STANDALONE +
    ROOT +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${latin}" w:cs="${latin}" w:eastAsia="${eastAsian}" w:hAnsi="${latin}"/><w:sz w:val="${body}"/><w:szCs w:val="${body}"/>` +
    // Korean rules for Korean text even inside an English document (names, quotations).
    `<w:lang w:val="${escapeXml(wordLanguage(lang))}" w:eastAsia="ko-KR"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${EAST_ASIAN_DEFAULTS}</w:pPr></w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>';
  for (const [role, s] of Object.entries(styles.paragraphs)) xml += paragraphStyle(role, s);
  for (const [role, s] of Object.entries(styles.characters)) {
    const run = (s.bold ? toggle('b', true) : '') + (s.italic ? toggle('i', true) : '') + (s.size ? size(halfPoints(s.size)) : '');
    xml += characterStyle(role, s.name, run);
  }
  xml += characterStyle(HYPERLINK_STYLE, 'Hyperlink', '<w:color w:val="1F4E79"/><w:u w:val="single"/>');
  // Footnote marks in the text and in the notes.
  xml += characterStyle(FOOTNOTE_REFERENCE_STYLE, 'footnote reference', '<w:vertAlign w:val="superscript"/>');
  return `${xml}</w:styles>`;
}

function paragraphStyle(role: string, s: ParagraphStyle): string {
  // Enter after a heading or the title starts body text; signatories follow one another.
  const next = role === 'body' || role === 'signatory' ? role : 'body';
  return (
    `<w:style w:type="paragraph" w:styleId="${escapeXml(role)}"><w:name w:val="${escapeXml(s.name)}"/><w:basedOn w:val="Normal"/><w:next w:val="${escapeXml(next)}"/><w:qFormat/>` +
    `<w:pPr>${s.keepWithNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>'}<w:widowControl/>` +
    // Leading is a multiple of the size; Word's "auto" rule counts in 240ths of a line.
    `<w:spacing w:after="${twips(s.spaceAfter)}" w:before="${twips(s.spaceBefore)}" w:line="${Math.round(s.leading * 240)}" w:lineRule="auto"/>` +
    `<w:ind w:left="${twips(s.indent)}" w:firstLine="${twips(s.firstLineIndent)}"/><w:jc w:val="${JUSTIFICATION[s.align]}"/></w:pPr>` +
    `<w:rPr>${toggle('b', s.bold)}${toggle('i', s.italic)}${size(halfPoints(s.size))}</w:rPr></w:style>`
  );
}

function characterStyle(id: string, name: string, run: string): string {
  return `<w:style w:type="character" w:styleId="${escapeXml(id)}"><w:name w:val="${escapeXml(name)}"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>${run ? `<w:rPr>${run}</w:rPr>` : ''}</w:style>`;
}

/** Bold or italic, for Latin and complex scripts alike, on or explicitly off. */
function toggle(element: 'b' | 'i', on: boolean): string {
  return on ? `<w:${element}/><w:${element}Cs/>` : `<w:${element} w:val="false"/><w:${element}Cs w:val="false"/>`;
}

function size(half: number): string {
  return `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`;
}
