// Blocks and inline runs of the model as Word paragraphs: each paragraph names its role's
// style; runs carry only their marks (bold, italic), a character style for their role, and
// links become hyperlinks, footnotes become Word footnotes. Lists and quotes keep their roles;
// a section set in columns (a long signatory list) becomes a Word section with columns.
// Plain paragraphs, most of a letter and all of a signatory list, are written as XML directly
// (paragraph-xml.ts); the docx package builds the others.

import { ExternalHyperlink, FootnoteReferenceRun, Paragraph, Tab, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { sectionColumns, type Block, type Inline, type Paragraph as ModelParagraph, type TextRun as TextRun_ } from '../../model/document.js';
import type { StyleSheet } from '../../model/stylesheet.js';
import { HYPERLINK_STYLE } from './docx-styles.js';
import { isPlain, paragraphXml, WrittenParagraphs } from './paragraph-xml.js';

/** A run of paragraphs in one column layout: Word starts a (continuous) section at each change. */
export interface DocxSection {
  children: FileChild[];
  columns: { count: number; gap: number };
}

export interface DocxBody {
  sections: DocxSection[];
  /** Word footnotes by number, as the Document constructor takes them. */
  footnotes: Record<number, { children: Paragraph[] }>;
  /** The plain paragraphs, for the document's XML once the package has written it. */
  written: WrittenParagraphs;
}

/** A paragraph of the body, with its list label. */
interface Entry {
  paragraph: ModelParagraph;
  label?: string;
}

export function docxBody(blocks: readonly Block[], styles: StyleSheet): DocxBody {
  const single = { count: 1, gap: 0 };
  const sections: { entries: Entry[]; columns: DocxSection['columns'] }[] = [{ entries: [], columns: single }];
  let out = sections[0]!.entries;
  const startSection = (columns: DocxSection['columns']) => {
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
  const footnotes: DocxBody['footnotes'] = {};
  const written = new WrittenParagraphs();
  return {
    sections: sections.filter((s, i) => i === 0 || s.entries.length > 0).map((s) => ({ children: sectionChildren(s.entries, footnotes, written), columns: s.columns })),
    footnotes,
    written,
  };
}

/**
 * A section's paragraphs: each run of plain ones written as XML, the rest built by the
 * package. The last stays the package's even when plain: Word keeps a section's properties
 * in its last paragraph, which the package must hold to write them there.
 */
function sectionChildren(entries: readonly Entry[], footnotes: DocxBody['footnotes'], written: WrittenParagraphs): FileChild[] {
  const children: FileChild[] = [];
  let xml = '';
  entries.forEach(({ paragraph, label }, i) => {
    if (i < entries.length - 1 && isPlain(paragraph.content)) {
      xml += paragraphXml(paragraph, joinedRuns(paragraph.content), label);
      return;
    }
    if (xml) children.push(written.placeholder(xml));
    xml = '';
    children.push(docxParagraph(paragraph, footnotes, label));
  });
  return children;
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

/**
 * Adjacent text runs set alike as one run. The model keeps a run per source (`(` of the
 * template, a note of the letter, `)` again) so that problems point into the right file;
 * Word needs only one, and a long signatory list has thousands.
 */
export function joinedRuns(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < content.length; i++) {
    const inline = content[i]!;
    if (inline.kind !== 'text') {
      out.push(inline);
      continue;
    }
    // The text of this run and of those after it set alike, copied once.
    let text = inline.text;
    while (i + 1 < content.length && content[i + 1]!.kind === 'text' && alike(inline, content[i + 1] as TextRun_)) text += (content[++i] as TextRun_).text;
    out.push(text === inline.text ? inline : { ...inline, text });
  }
  return out;
}

function alike(a: TextRun_, b: TextRun_): boolean {
  return a.href === b.href && a.role === b.role && a.marks.strong === b.marks.strong && a.marks.em === b.marks.em;
}
