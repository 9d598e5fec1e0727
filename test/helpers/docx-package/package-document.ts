// The DOCX of a document model as the docx package builds it: the reference the DOCX writer
// (src/render/docx/) is held to, part by part (test/render/docx/package-oracle.test.ts). This is
// the writer as it was while it built its documents through the package, every paragraph
// through the package; the fixes it made to the package's output are in package-parts.ts.

import { AlignmentType, Document, DocumentDefaults, ExternalHyperlink, Footer, FootnoteReferenceRun, ImageRun, LineRuleType, PageNumber, Paragraph, SectionType, Tab, TextRun, type FileChild, type ICharacterStyleOptions, type IParagraphStyleOptions, type IStylesOptions, type ParagraphChild } from 'docx';
import type { FontBook } from '../../../src/fonts/font-book.js';
import { type Block, type DocumentModel, type Inline, type Letterhead, type Paragraph as ModelParagraph, type TextRun as TextRun_ } from '../../../src/model/document.js';
import type { StyleSheet } from '../../../src/model/stylesheet.js';
import { bodySections } from '../../../src/render/docx/docx-body.js';
import { joinedRuns } from '../../../src/render/docx/paragraph-xml.js';

/** Points → twips and half-points, as src/render/docx/docx-styles.ts has them. */
const twips = (pt: number): number => Math.round(pt * 20);
const halfPoints = (pt: number): number => Math.round(pt * 2);
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER, justify: AlignmentType.BOTH } as const;

interface DocxSection {
  children: FileChild[];
  columns: { count: number; gap: number };
}

interface DocxBody {
  sections: DocxSection[];
  footnotes: Record<number, { children: Paragraph[] }>;
}

/** The package's Document for the model. */
export function packageDocument(model: DocumentModel, fonts: FontBook): Document {
  const { meta, styles } = model;
  const { page } = styles;
  const body = docxBody(model.blocks, styles);
  const doc = new Document({
    title: meta.title,
    ...(meta.subject ? { subject: meta.subject } : {}),
    creator: meta.authors.join(', ') || 'letter',
    lastModifiedBy: 'letter',
    keywords: meta.keywords.join(', '),
    revision: 1,
    styles: docxStyles(styles, meta.lang, fonts),
    footnotes: body.footnotes,
    sections: body.sections.map((section, i) => ({
      properties: {
        // Later sections continue on the same page; only their columns differ.
        ...(i > 0 ? { type: SectionType.CONTINUOUS } : {}),
        page: {
          size: { width: twips(page.width), height: twips(page.height) },
          margin: { top: twips(page.margins.top), right: twips(page.margins.right), bottom: twips(page.margins.bottom), left: twips(page.margins.left), footer: twips(page.margins.bottom / 2), header: twips(page.margins.top / 2) },
        },
        ...(section.columns.count > 1 ? { column: { count: section.columns.count, space: twips(section.columns.gap), equalWidth: true } } : {}),
      },
      // Word carries the first section's footer into the sections after it.
      ...(i === 0 ? { footers: { default: pageNumberFooter() } } : {}),
      children: i === 0 && model.letterhead ? [letterheadParagraph(model.letterhead), ...section.children] : section.children,
    })),
  });
  return doc;
}

/** "2 / 3", centred: the PDF's page numbers as Word fields (PAGE / NUMPAGES). */
function pageNumberFooter(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 18 })] })] });
}

/** The letterhead as an inline image in a paragraph of its own at the top of the letter. */
function letterheadParagraph(head: Letterhead): Paragraph {
  const px = (pt: number) => Math.round((pt * 96) / 72);
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }[head.align];
  return new Paragraph({
    alignment,
    spacing: { after: twips(head.spaceAfter) },
    children: [new ImageRun({ type: head.type, data: head.bytes, transformation: { width: px(head.width), height: px(head.height) }, altText: { name: 'letterhead', title: 'letterhead', description: 'letterhead' } })],
  });
}

/** The body's sections as the writer splits them (src/render/docx/docx-body.ts), as the package's paragraphs. */
function docxBody(blocks: readonly Block[], styles: StyleSheet): DocxBody {
  const footnotes: DocxBody['footnotes'] = {};
  const sections = bodySections(blocks, styles).map((s) => ({ children: s.entries.map(({ paragraph, label }) => docxParagraph(paragraph, footnotes, label)), columns: s.columns }));
  return { sections, footnotes };
}

export function docxParagraph(p: Pick<ModelParagraph, 'role' | 'content' | 'heading'>, footnotes: DocxBody['footnotes'], label?: string): Paragraph {
  return new Paragraph({
    style: p.role,
    // Outline level (0 = level 1) puts headings in Word's navigation pane and its PDF bookmarks.
    ...(p.heading ? { outlineLevel: p.heading - 1 } : {}),
    children: [...(label ? [new TextRun({ children: [label, new Tab()] })] : []), ...inlines(p.content, footnotes)],
  });
}

/**
 * Runs of one paragraph. A link's runs are gathered into one hyperlink; a line break goes
 * between runs, inside the link only when the link goes on after it (else it would be
 * underlined and clickable).
 */
function inlines(content: readonly Inline[], footnotes: DocxBody['footnotes']): ParagraphChild[] {
  content = joinedRuns(content);
  const children: ParagraphChild[] = [];
  let link: { href: string; runs: TextRun[] } | undefined;
  let breaks = 0;
  const flushLink = () => {
    if (link) children.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
    link = undefined;
  };
  const flushBreaks = (into: { push(run: TextRun): void }) => {
    if (breaks) into.push(new TextRun({ break: breaks }));
    breaks = 0;
  };
  for (const inline of content) {
    if (inline.kind === 'break') {
      breaks++;
      continue;
    }
    if (inline.kind === 'footnote') {
      flushLink();
      flushBreaks(children);
      footnotes[inline.number] = { children: [docxParagraph({ role: 'footnote', content: inline.content }, footnotes)] };
      children.push(new FootnoteReferenceRun(inline.number));
      continue;
    }
    if (link && link.href === inline.href) {
      flushBreaks(link.runs);
      link.runs.push(run(inline));
      continue;
    }
    flushLink();
    flushBreaks(children);
    if (inline.href) link = { href: inline.href, runs: [run(inline)] };
    else children.push(run(inline));
  }
  flushLink();
  flushBreaks(children);
  return children;
}

function run(inline: TextRun_): TextRun {
  const style = inline.href ? HYPERLINK_STYLE : inline.role;
  return new TextRun({
    text: inline.text,
    ...(inline.marks.strong ? { bold: true } : {}),
    ...(inline.marks.em ? { italics: true } : {}),
    ...(style ? { style } : {}),
  });
}

export function wordLanguage(lang: string): string {
  const regions: Record<string, string> = { en: 'en-US', ko: 'ko-KR', uk: 'uk-UA' };
  return regions[lang] ?? lang;
}

const HYPERLINK_STYLE = 'Hyperlink';
const FOOTNOTE_REFERENCE_STYLE = 'FootnoteReference';

function docxStyles(styles: StyleSheet, lang: string, fonts: FontBook): IStylesOptions {
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
