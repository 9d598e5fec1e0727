// layout: document model → pages. Each paragraph becomes words in faces (font-runs, atoms),
// lines (break-lines) and then lines placed on pages (paginate). This is the one place that
// knows fonts, widths, breaks and pages; the PDF writer only draws what it placed.

import { LetterError, warning, type Diagnostic, type SourcePos } from '../core/diagnostics.js';
import type { FontBook } from '../fonts/font-book.js';
import { sectionColumns, type Block, type DocumentModel, type Inline } from '../model/document.js';
import type { ParagraphStyle } from '../model/stylesheet.js';
import { paragraphWords } from './atoms.js';
import { breakLines, type Line } from './break-lines.js';
import { lazyFlow } from './flow.js';
import { paginate, type FlowParagraph } from './paginate.js';
import { unitWidth } from './measure.js';
import type { LaidOutDocument, Page, StructureNode } from './types.js';

export function layoutDocument(model: DocumentModel, fonts: FontBook): LaidOutDocument {
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const { page } = model.styles;
  const measure = page.width - page.margins.left - page.margins.right;
  // What sets each paragraph, in order; pagination calls each when it reaches it (flow.ts).
  // Structure nodes are made here, as the blocks are walked, so they keep the text's order.
  const flow: (() => FlowParagraph)[] = [];

  const setParagraph = (tag: StructureNode, role: string, content: Inline[], pos: SourcePos, extraIndent: number, label?: string, width = measure): FlowParagraph => {
    const style: ParagraphStyle = model.styles.paragraphs[role]!;
    const labelled: Inline[] = label ? [{ kind: 'text', text: `${label} `, marks: {}, pos }, ...content] : content;
    const words = paragraphWords(labelled, style, model.styles.characters, model.meta.lang, fonts, problems);
    const indent = style.indent + extraIndent;
    const lines: Line[] = breakLines(
      words,
      (i) => {
        const first = i === 0 ? style.firstLineIndent : 0;
        return { indent: indent + first, measure: width - indent - first };
      },
      style.align === 'justify',
      (message) => warnings.push(warning(pos, message, 'add a space or a shorter form where a break belongs; links can take a shorter text')),
    );
    const notes = new Map<Line, FlowParagraph[]>();
    for (const line of lines) {
      for (const word of line.words) {
        for (const box of word.boxes) {
          if (!box.footnote) continue;
          const { number, content: noteContent, pos: notePos } = box.footnote;
          const note = setParagraph(child(tag, 'Note'), 'footnote', noteContent, notePos, 0, String(number));
          notes.set(line, [...(notes.get(line) ?? []), note]);
        }
      }
    }
    return { style, lines, tag, ...(notes.size ? { notes } : {}) };
  };
  const addParagraph = (parent: StructureNode, type: StructureNode['type'], role: string, content: Inline[], pos: SourcePos, extraIndent: number, label?: string) => {
    const tag = child(parent, type);
    flow.push(() => setParagraph(tag, role, content, pos, extraIndent, label));
  };
  /** A section's paragraphs side by side in rows, its headings full width above them. */
  const addColumns = (section: Block & { kind: 'section' }, tag: StructureNode, count: number, gap: number) => {
    const width = (measure - gap * (count - 1)) / count;
    let row: (() => FlowParagraph)[] = [];
    const flushRow = () => {
      if (!row.length) return;
      const cells = row;
      flow.push(() => {
        const set = cells.map((cell) => cell());
        const tallest = set.reduce((a, b) => (b.lines.length > a.lines.length ? b : a));
        return { ...tallest, cells: set.map((cell, i) => ({ ...cell, offset: i * (width + gap) })) };
      });
      row = [];
    };
    for (const b of section.children) {
      if (b.kind === 'paragraph' && !b.heading) {
        const cell = child(tag, 'P');
        row.push(() => setParagraph(cell, b.role, b.content, b.pos, 0, undefined, width));
        if (row.length === count) flushRow();
      } else {
        flushRow();
        walk([b], tag, 0);
      }
    }
    flushRow();
  };
  const child = (parent: StructureNode, type: StructureNode['type']): StructureNode => {
    const node: StructureNode = { type, children: [] };
    parent.children.push(node);
    return node;
  };

  const walk = (blocks: Block[], parent: StructureNode, extraIndent: number) => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') addParagraph(parent, block.heading ? (`H${block.heading}` as const) : 'P', block.role, block.content, block.pos, extraIndent);
      else if (block.kind === 'section') {
        const columns = sectionColumns(block, model.styles);
        if (columns.count > 1) addColumns(block, child(parent, 'Sect'), columns.count, columns.gap);
        else walk(block.children, child(parent, 'Sect'), extraIndent);
      }
      else if (block.kind === 'quote') walk(block.children, child(parent, 'BlockQuote'), extraIndent);
      else {
        const list = child(parent, 'L');
        block.items.forEach((item, i) => {
          const label = block.ordered ? `${i + 1}.` : '•';
          const body = child(child(list, 'LI'), 'LBody');
          item.forEach((b, k) => {
            if (b.kind === 'paragraph') addParagraph(body, 'P', b.role, b.content, b.pos, extraIndent, k === 0 ? label : undefined);
            else walk([b], body, extraIndent + 18);
          });
        });
      }
    }
  };
  const structure: StructureNode = { type: 'Document', children: [] };
  walk(model.blocks, structure, 0);
  const head = model.letterhead;
  const pages = paginate(lazyFlow(flow), model.styles.page, head ? head.height + head.spaceAfter : 0);
  if (problems.length) throw new LetterError(problems);
  if (head) {
    const { margins } = model.styles.page;
    const free = page.width - margins.left - margins.right - head.width;
    const x = margins.left + (head.align === 'left' ? 0 : head.align === 'right' ? free : free / 2);
    pages[0]!.images.push({ x, y: margins.top, width: head.width, height: head.height, bytes: head.bytes, type: head.type });
  }
  if (pages.length > 1) addPageNumbers(pages, model, fonts);
  return { pages, structure, warnings };
}

/** "2 / 3" centred under the text block of every page of a letter longer than one page. */
function addPageNumbers(pages: Page[], model: DocumentModel, fonts: FontBook): void {
  const face = fonts.face(fonts.latinFamily(model.meta.lang), 'regular');
  const size = 9;
  const { margins } = model.styles.page;
  pages.forEach((page, i) => {
    const text = `${i + 1} / ${pages.length}`;
    const width = unitWidth(face, text) * size;
    page.items.push({ x: (margins.left + page.width - margins.right - width) / 2, y: page.height - margins.bottom / 2, text, face, size, width });
  });
}
