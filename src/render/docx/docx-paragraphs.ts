// Blocks and inline runs of the model as Word paragraphs: each paragraph names its role's
// style; runs carry only their marks (bold, italic), a character style for their role, and
// links become hyperlinks, footnotes become Word footnotes. Sections add no Word structure;
// lists and quotes keep their roles.

import { ExternalHyperlink, FootnoteReferenceRun, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Block, Inline, Paragraph as ModelParagraph, TextRun as TextRun_ } from '../../model/document.js';
import { HYPERLINK_STYLE } from './docx-styles.js';

export interface DocxBody {
  paragraphs: Paragraph[];
  /** Word footnotes by number, as the Document constructor takes them. */
  footnotes: Record<number, { children: Paragraph[] }>;
}

export function docxBody(blocks: readonly Block[]): DocxBody {
  const out: Paragraph[] = [];
  const footnotes: DocxBody['footnotes'] = {};
  const paragraph = (p: ModelParagraph, label?: string) => docxParagraph(p.role, p.content, footnotes, label);
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'paragraph') out.push(paragraph(block));
      else if (block.kind === 'list') {
        block.items.forEach((item, i) => {
          const label = block.ordered ? `${i + 1}.\t` : '•\t';
          item.forEach((b, k) => {
            if (b.kind === 'paragraph') out.push(paragraph(b, k === 0 ? label : undefined));
            else walk([b]);
          });
        });
      } else walk(block.children);
    }
  };
  walk(blocks);
  return { paragraphs: out, footnotes };
}

function docxParagraph(role: string, content: readonly Inline[], footnotes: DocxBody['footnotes'], label?: string): Paragraph {
  const children: ParagraphChild[] = label ? [new TextRun({ text: label })] : [];
  let link: { href: string; runs: TextRun[] } | undefined;
  const flush = () => {
    if (link) children.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
    link = undefined;
  };
  let breaks = 0;
  for (const inline of content) {
    if (inline.kind === 'break') {
      breaks++;
      continue;
    }
    if (inline.kind === 'footnote') {
      flush();
      footnotes[inline.number] = { children: [docxParagraph('footnote', inline.content, footnotes)] };
      children.push(new FootnoteReferenceRun(inline.number));
      continue;
    }
    if (link && link.href !== inline.href) flush();
    const r = run(inline, breaks);
    breaks = 0;
    if (inline.href) {
      link ??= { href: inline.href, runs: [] };
      link.runs.push(r);
    } else children.push(r);
  }
  if (breaks) children.push(new TextRun({ break: breaks }));
  flush();
  return new Paragraph({ style: role, children });
}

/** A text run; Word writes a line break as part of the run that follows it. */
function run(inline: TextRun_, breaksBefore: number): TextRun {
  const style = inline.href ? HYPERLINK_STYLE : inline.role;
  return new TextRun({
    text: inline.text,
    ...(inline.marks.strong ? { bold: true } : {}),
    ...(inline.marks.em ? { italics: true } : {}),
    ...(style ? { style } : {}),
    ...(breaksBefore ? { break: breaksBefore } : {}),
  });
}
