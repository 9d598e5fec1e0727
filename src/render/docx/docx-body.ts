// The document model as the body of a Word document (word/document.xml), its footnotes
// (word/footnotes.xml) and the relationships and media they refer to. Blocks become paragraphs
// that name their role's style; lists and quotes keep their roles; a section set in columns
// (a long signatory list) becomes a continuous Word section with columns; the letterhead is an
// inline picture in a paragraph of its own at the top.

import { sectionColumns, type Block, type DocumentModel, type Inline, type Letterhead, type Paragraph } from '../../model/document.js';
import type { StyleSheet } from '../../model/stylesheet.js';
import { twips } from './docx-styles.js';
import { DOCUMENT_NAMESPACES, MC_IGNORABLE, relationshipsXml, WORD_NAMESPACES, XML_DECLARATION, XML_DECLARATION_STANDALONE } from './package-parts.js';
import { escapeXml, paragraphXml, type ParagraphSinks } from './paragraph-xml.js';

export interface DocxBody {
  /** word/document.xml. */
  document: string;
  /** word/footnotes.xml, with the two separators Word expects before any note. */
  footnotes: string;
  /** word/_rels/document.xml.rels and word/_rels/footnotes.xml.rels. */
  documentRels: string;
  footnoteRels: string;
  /** Parts under word/media/, by name. */
  media: Record<string, Uint8Array>;
}

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The document's relationships every DOCX has, numbered as word/document.xml refers to them. */
const FIXED_RELS = [
  ['styles', 'styles.xml'],
  ['numbering', 'numbering.xml'],
  ['footnotes', 'footnotes.xml'],
  ['endnotes', 'endnotes.xml'],
  ['settings', 'settings.xml'],
  ['footer', 'footer1.xml'],
  ['theme', 'theme/theme1.xml'],
].map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${R}/${type}" Target="${target}"/>`);
const FOOTER_REL_ID = 'rId6';

const NOTE_SEPARATORS = ['separator', 'continuationSeparator']
  .map((type, i) => `<w:footnote w:type="${type}" w:id="${i - 1}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${type}/></w:r></w:p></w:footnote>`)
  .join('');

/** A paragraph of the body, with its list label. */
export interface Entry {
  paragraph: Paragraph;
  label?: string;
}

/** A run of paragraphs in one column layout: Word starts a (continuous) section at each change. */
export interface Section {
  entries: Entry[];
  columns: { count: number; gap: number };
}

export function docxBody(model: DocumentModel): DocxBody {
  const { styles, letterhead } = model;
  // Hyperlinks are numbered across the document and then its notes, in order of appearance.
  let links = 0;
  const linksOf = (rels: string[]) => (href: string) => {
    const id = `rIdL${++links}`;
    rels.push(`<Relationship Id="${id}" Type="${R}/hyperlink" Target="${escapeXml(href)}" TargetMode="External"/>`);
    return id;
  };
  const documentLinks: string[] = [];
  const notes = new Map<number, Inline[]>();
  const inDocument: ParagraphSinks = { link: linksOf(documentLinks), footnote: (note) => void notes.set(note.number, note.content) };

  const sections = bodySections(model.blocks, styles);
  let body = '';
  sections.forEach((section, i) => {
    const last = i === sections.length - 1;
    const sectPr = sectionProperties(styles, section, i);
    section.entries.forEach(({ paragraph, label }, k) => {
      // Word keeps a section's properties in its last paragraph; the last section's close the body.
      const ends = !last && k === section.entries.length - 1;
      body += paragraphXml(paragraph, inDocument, { ...(label ? { label } : {}), ...(ends ? { sectPr } : {}) });
    });
    if (!last && section.entries.length === 0) body += `<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
    if (last) body += sectPr;
  });
  const rels = [...FIXED_RELS, ...documentLinks];
  const media: Record<string, Uint8Array> = {};
  if (letterhead) {
    // The picture's relationship comes after the links, as the docx package numbers it.
    const name = `image1.${letterhead.type}`;
    media[`word/media/${name}`] = letterhead.bytes;
    rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${R}/image" Target="media/${name}"/>`);
    body = letterheadXml(letterhead, `rId${rels.length}`) + body;
  }
  rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${R}/fontTable" Target="fontTable.xml"/>`);

  const footnoteLinks: string[] = [];
  const inNotes: ParagraphSinks = { link: linksOf(footnoteLinks), footnote: inDocument.footnote };
  let footnotes = '';
  const written = new Set<number>();
  for (let n = nextNote(notes, written); n !== undefined; n = nextNote(notes, written)) {
    written.add(n);
    footnotes += `<w:footnote w:id="${n}">${paragraphXml({ role: 'footnote', content: notes.get(n)! }, inNotes, { noteRef: true })}</w:footnote>`;
  }

  return {
    document: `${XML_DECLARATION_STANDALONE}<w:document ${MC_IGNORABLE} ${DOCUMENT_NAMESPACES}><w:body>${body}</w:body></w:document>`,
    footnotes: `${XML_DECLARATION_STANDALONE}<w:footnotes ${WORD_NAMESPACES} ${MC_IGNORABLE}>${NOTE_SEPARATORS}${footnotes}</w:footnotes>`,
    documentRels: `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    footnoteRels: relationshipsXml(footnoteLinks.join('')),
    media,
  };
}

/** The lowest-numbered note not yet written (a note may cite another). */
function nextNote(notes: Map<number, Inline[]>, written: Set<number>): number | undefined {
  let next: number | undefined;
  for (const n of notes.keys()) if (!written.has(n) && (next === undefined || n < next)) next = n;
  return next;
}

/** The body's paragraphs in sections, one per change of column layout; empty ones but the first dropped. */
export function bodySections(blocks: readonly Block[], styles: StyleSheet): Section[] {
  const single = { count: 1, gap: 0 };
  const sections: Section[] = [{ entries: [], columns: single }];
  let out = sections[0]!.entries;
  const startSection = (columns: Section['columns']) => {
    const last = sections.at(-1)!;
    if (last.entries.length === 0) last.columns = columns;
    else sections.push({ entries: [], columns });
    out = sections.at(-1)!.entries;
  };
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'paragraph') out.push({ paragraph: block });
      else if (block.kind === 'list') {
        block.items.forEach((item, i) => {
          // The label is text, as in the PDF, so both number the same items the same way.
          const label = block.ordered ? `${i + 1}.` : '•';
          item.forEach((b, k) => {
            if (b.kind === 'paragraph') out.push(k === 0 ? { paragraph: b, label } : { paragraph: b });
            else walk([b]);
          });
        });
      } else if (block.kind === 'section' && sectionColumns(block, styles).count > 1) {
        // Headings stay full width above the columns, as in the PDF.
        const headings = block.children.filter((b) => b.kind === 'paragraph' && b.heading);
        walk(headings);
        startSection(sectionColumns(block, styles));
        walk(block.children.filter((b) => !headings.includes(b)));
        startSection(single);
      } else walk(block.children);
    }
  };
  walk(blocks);
  return sections.filter((s, i) => i === 0 || s.entries.length > 0);
}

/**
 * A section's page: size, margins, the page-number footer (set in the first section; Word
 * carries it into the sections after it, which continue on the same page), and its columns.
 */
function sectionProperties({ page }: StyleSheet, section: Section, index: number): string {
  const { top, right, bottom, left } = page.margins;
  return (
    '<w:sectPr>' +
    (index === 0 ? `<w:footerReference w:type="default" r:id="${FOOTER_REL_ID}"/>` : '<w:type w:val="continuous"/>') +
    `<w:pgSz w:w="${twips(page.width)}" w:h="${twips(page.height)}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${twips(top)}" w:right="${twips(right)}" w:bottom="${twips(bottom)}" w:left="${twips(left)}" w:header="${twips(top / 2)}" w:footer="${twips(bottom / 2)}" w:gutter="0"/><w:pgNumType/>` +
    (section.columns.count > 1 ? `<w:cols w:space="${twips(section.columns.gap)}" w:num="${section.columns.count}" w:equalWidth="true"/>` : '') +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** The letterhead as an inline picture, its size in whole pixels at 96 dpi as EMU, in a paragraph of its own. */
function letterheadXml(head: Letterhead, relId: string): string {
  const emu = (pt: number) => Math.round((pt * 96) / 72) * 9525;
  const cx = emu(head.width);
  const cy = emu(head.height);
  return (
    `<w:p><w:pPr><w:spacing w:after="${twips(head.spaceAfter)}"/><w:jc w:val="${head.align}"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    '<wp:docPr id="1" name="letterhead" descr="letterhead" title="letterhead"/>' +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    '<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>' +
    `<pic:blipFill><a:blip r:embed="${relId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  );
}
