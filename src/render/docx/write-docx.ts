// The DOCX writer: the document model as an editable Word document whose styles match the
// PDF's roles, with the fonts and language of the letter, page geometry, page numbers, and
// document properties. Reads only the model and the font book.

import { AlignmentType, Document, Footer, ImageRun, PageNumber, Paragraph, SectionType, TextRun } from 'docx';
import type { DocumentModel, Letterhead } from '../../model/document.js';
import type { RenderContext, Rendered } from '../formats.js';
import { docxBody } from './docx-paragraphs.js';
import { docxStyles, twips, wordLanguage } from './docx-styles.js';
import { withEastAsianDefaults } from './east-asian.js';
import { fontEmbedding } from './embed-fonts.js';
import { embeddedFaces } from './font-subsets.js';
import { withPlainNoteSeparators } from './note-separators.js';
import { docxParts, repackDocx } from './repack.js';

export async function writeDocx(model: DocumentModel, ctx: RenderContext): Promise<Rendered> {
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
    styles: docxStyles(styles, meta.lang, ctx.fonts),
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
  const fonts = fontEmbedding(await embeddedFaces(model, ctx.fonts, ctx.prepared));
  const bytes = repackDocx(
    docxParts(doc),
    meta.created,
    (name, xml) => {
      if (name === 'word/document.xml') return fonts.edit(name, body.written.fill(xml));
      if (name === 'word/styles.xml') return withEastAsianDefaults(xml);
      if (name === 'docProps/core.xml') return withLanguage(xml, wordLanguage(meta.lang));
      if (name === 'word/footnotes.xml' || name === 'word/endnotes.xml') return withPlainNoteSeparators(xml);
      return fonts.edit(name, xml);
    },
    fonts.parts,
  );
  return { bytes, warnings: [] };
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

/** dc:language in the core properties: the docx package has no option for it. */
function withLanguage(coreXml: string, lang: string): string {
  return coreXml.includes('<dc:language>') ? coreXml : coreXml.replace('</cp:coreProperties>', `<dc:language>${lang}</dc:language></cp:coreProperties>`);
}
