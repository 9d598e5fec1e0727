// parse: letter markup (the small HTML subset of DESIGN.md) → document model. A real HTML
// parser reads it; this module only walks the tree, checks every tag and class against the
// template's style sheet, collapses white space as a browser would and turns source marks
// into run positions.

import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { DiagnosticBag, error, type SourcePos } from '../core/diagnostics.js';
import { MARK_PATTERN, splitMarked, type SourceMarks } from '../template/source-marks.js';
import { locateText, type SourceFile } from '../template/template-files.js';
import type { Block, Footnote, Inline, Marks, Paragraph, TextRun } from './document.js';
import type { StyleSheet } from './stylesheet.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The role a tag has when the template gives it no class. */
const DEFAULT_ROLE: Record<string, string> = { p: 'body', h1: 'heading-1', h2: 'heading-2', h3: 'heading-3', li: 'list-item', blockquote: 'quote' };
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3']);
const INLINE_TAGS = new Set(['strong', 'b', 'em', 'i', 'a', 'br', 'span']);
const CONTAINER_TAGS = new Set(['section', 'div']);

export interface MarkupSource {
  markup: string;
  marks: SourceMarks;
  /** The template's files, to point at the line that wrote a bad tag or class. */
  sources: SourceFile[];
  main: SourceFile;
}

export function parseMarkup(src: MarkupSource, styles: StyleSheet): Block[] {
  const bag = new DiagnosticBag();
  const parser = new MarkupWalker(src, styles, bag);
  const blocks = parser.blocks(parseFragment(src.markup).childNodes);
  bag.throwIfErrors();
  return blocks;
}

class MarkupWalker {
  /** Positions of the marked values we are inside, innermost last. */
  private readonly stack: SourcePos[] = [];
  private footnotes = 0;
  private readonly templatePos: SourcePos;

  constructor(
    private readonly src: MarkupSource,
    private readonly styles: StyleSheet,
    private readonly bag: DiagnosticBag,
  ) {
    this.templatePos = { file: src.main.file };
  }

  blocks(nodes: Node[]): Block[] {
    const out: Block[] = [];
    let loose: Node[] = [];
    // Inline content between blocks becomes a paragraph of its own, as in a browser.
    const flushLoose = (role: string) => {
      if (loose.some((n) => !isWhitespace(n))) out.push(this.paragraph(loose, role, this.posOf(loose)));
      else for (const n of loose) this.inlines([n], {}, undefined, undefined); // keep the mark stack in step
      loose = [];
    };
    for (const node of nodes) {
      if (!isElement(node) || INLINE_TAGS.has(node.tagName)) {
        loose.push(node);
        continue;
      }
      flushLoose('body');
      const tag = node.tagName;
      if (PARAGRAPH_TAGS.has(tag)) {
        const role = this.role(node, 'paragraph');
        const paragraph = this.paragraph(node.childNodes, role, this.posOf(node.childNodes));
        if (tag !== 'p') paragraph.heading = Number(tag[1]) as 1 | 2 | 3;
        out.push(paragraph);
      } else if (tag === 'ul' || tag === 'ol') {
        const items: Block[][] = [];
        for (const child of node.childNodes) {
          if (isElement(child) && child.tagName === 'li') items.push(this.listItem(child));
          else if (!isWhitespace(child)) this.unknown(child, 'only <li> may stand inside a list');
        }
        out.push({ kind: 'list', role: this.role(node, 'paragraph', 'list-item'), ordered: tag === 'ol', items, pos: this.posOf(node.childNodes) });
      } else if (tag === 'blockquote') {
        const role = this.role(node, 'paragraph');
        out.push({ kind: 'quote', role, children: this.blocksWithRole(node.childNodes, role), pos: this.posOf(node.childNodes) });
      } else if (CONTAINER_TAGS.has(tag)) {
        out.push({ kind: 'section', role: this.role(node, 'section'), children: this.blocks(node.childNodes), pos: this.posOf(node.childNodes) });
      } else {
        this.unknown(node);
      }
    }
    flushLoose('body');
    return out;
  }

  /** Blocks whose bare paragraphs take the container's role (a quote's paragraphs are quotes). */
  private blocksWithRole(nodes: Node[], role: string): Block[] {
    return this.blocks(nodes).map((b) => (b.kind === 'paragraph' && b.role === 'body' ? { ...b, role } : b));
  }

  private listItem(li: Element): Block[] {
    const role = this.role(li, 'paragraph');
    const hasBlocks = li.childNodes.some((n) => isElement(n) && !INLINE_TAGS.has(n.tagName));
    if (hasBlocks) return this.blocksWithRole(li.childNodes, role);
    return [this.paragraph(li.childNodes, role, this.posOf(li.childNodes))];
  }

  private paragraph(nodes: Node[], role: string, pos: SourcePos): Paragraph {
    return { kind: 'paragraph', role, content: collapseWhitespace(this.inlines(nodes, {}, undefined, undefined)), pos };
  }

  private inlines(nodes: Node[], marks: Marks, role: string | undefined, href: string | undefined): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.nodeName === '#text') {
        for (const piece of splitMarked((node as DefaultTreeAdapterMap['textNode']).value, this.src.marks, this.stack)) {
          // Field by field, in the order spreads gave (the model's JSON is a golden): object
          // spread is slow in code that has not warmed up, and there is a run per name.
          const run = { kind: 'text', text: piece.text, marks: copyMarks(marks) } as TextRun;
          if (role) run.role = role;
          if (href) run.href = href;
          run.pos = piece.pos ?? this.templatePos;
          out.push(run);
        }
        continue;
      }
      if (!isElement(node)) continue; // comments
      const tag = node.tagName;
      const inner = (m: Marks, r = role, h = href) => out.push(...this.inlines(node.childNodes, m, r, h));
      if (tag === 'br') out.push({ kind: 'break', pos: this.stack.at(-1) ?? this.templatePos });
      else if (tag === 'strong' || tag === 'b') inner({ ...marks, strong: true });
      else if (tag === 'em' || tag === 'i') inner({ ...marks, em: true });
      else if (tag === 'span' && hasClass(node, FOOTNOTE)) out.push(this.footnote(node));
      else if (tag === 'span') inner(marks, this.role(node, 'character'));
      else if (tag === 'a') inner(marks, role, this.href(node));
      else {
        this.unknown(node, 'only inline tags (strong, em, a, br, span) may stand inside a paragraph');
        inner(marks);
      }
    }
    return out;
  }

  private footnote(span: Element): Footnote {
    const pos = this.posOf(span.childNodes);
    if (!(FOOTNOTE in this.styles.paragraphs)) {
      this.bag.add(error(pos, 'this letter has footnotes, but the template has no `footnote` paragraph style', 'add "footnote" to the paragraphs of styles.json'));
    }
    const number = ++this.footnotes;
    return { kind: 'footnote', number, content: collapseWhitespace(this.inlines(span.childNodes, {}, undefined, undefined)), pos };
  }

  private role(el: Element, kind: 'paragraph' | 'section' | 'character', fallback?: string): string {
    const cls = el.attrs.find((a) => a.name === 'class')?.value.replace(MARK_PATTERN, '').trim();
    const role = cls || fallback || DEFAULT_ROLE[el.tagName] || '';
    const known = kind === 'paragraph' ? role in this.styles.paragraphs : kind === 'section' ? role in this.styles.sections : role in this.styles.characters;
    if (!known) {
      const where = cls ? this.locate(`class="${cls}"`, el) : this.locate(`<${el.tagName}`, el);
      const list = kind === 'paragraph' ? Object.keys(this.styles.paragraphs) : kind === 'section' ? Object.keys(this.styles.sections) : Object.keys(this.styles.characters);
      this.bag.add(error(where, cls ? `unknown ${kind} class \`${cls}\` on <${el.tagName}>` : `<${el.tagName}> needs a class naming a ${kind} role`, `styles.json defines: ${list.join(', ')}`));
    }
    return role;
  }

  private href(el: Element): string | undefined {
    const raw = el.attrs.find((a) => a.name === 'href')?.value.replace(MARK_PATTERN, '').trim();
    if (!raw) return undefined;
    if (/^(https?:|mailto:)/i.test(raw) || !/^[a-z][a-z0-9+.-]*:/i.test(raw)) return raw;
    this.bag.add(error(this.locate(raw, el), `links may be http(s), mailto or relative, not \`${raw.split(':')[0]}:\``));
    return undefined;
  }

  private unknown(node: Node, hint?: string): void {
    const tag = isElement(node) ? node.tagName : node.nodeName;
    this.bag.add(error(this.locate(`<${tag}`, node), `unknown tag <${tag}>`, hint ?? 'letter markup allows p, h1–h3, strong, em, a, br, span, ul, ol, li, blockquote, section and div'));
  }

  /** Where a bad tag or class came from: the template line that wrote it, else the letter value (Markdown) inside it. */
  private locate(needle: string, node: Node): SourcePos {
    return locateText(this.src.sources, needle) ?? firstMark(node, this.src.marks) ?? this.templatePos;
  }

  private posOf(nodes: Node[]): SourcePos {
    for (const n of nodes) {
      const p = firstMark(n, this.src.marks);
      if (p) return p;
    }
    return this.stack.at(-1) ?? this.templatePos;
  }
}

function copyMarks(marks: Marks): Marks {
  const copy: Marks = {};
  for (const k in marks) copy[k as keyof Marks] = marks[k as keyof Marks];
  return copy;
}

function firstMark(node: Node, marks: SourceMarks): SourcePos | undefined {
  if (node.nodeName === '#text') {
    const m = /\u{F0000}([0-9a-z]+)\u{F0001}/u.exec((node as DefaultTreeAdapterMap['textNode']).value);
    return m ? marks.lookup(m[1]!) : undefined;
  }
  if (!('childNodes' in node)) return undefined;
  for (const child of node.childNodes) {
    const p = firstMark(child, marks);
    if (p) return p;
  }
  return undefined;
}

/** The class Markdown footnotes arrive with (src/template/markdown.ts), also a paragraph style. */
const FOOTNOTE = 'footnote';

function hasClass(el: Element, cls: string): boolean {
  return el.attrs.some((a) => a.name === 'class' && a.value.replace(MARK_PATTERN, '').trim() === cls);
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function isWhitespace(n: Node): boolean {
  return n.nodeName === '#comment' || (n.nodeName === '#text' && !(n as DefaultTreeAdapterMap['textNode']).value.replace(MARK_PATTERN, '').trim());
}

/** HTML white-space rules: runs of space, tab and newline become one space; none at line ends. */
function collapseWhitespace(content: Inline[]): Inline[] {
  const out: Inline[] = [];
  let atLineStart = true;
  for (const item of content) {
    if (item.kind === 'break') {
      trimEnd(out);
      out.push(item);
      atLineStart = true;
      continue;
    }
    if (item.kind === 'footnote') {
      // A note's mark sits right after the word it follows: no space before it.
      trimEnd(out);
      out.push(item);
      atLineStart = false;
      continue;
    }
    let text = item.text.replace(/[ \t\n\r\f]+/g, ' ');
    if (atLineStart || endsWithSpace(out)) text = text.replace(/^ /, '');
    if (!text) continue;
    out.push({ ...item, text });
    atLineStart = false;
  }
  trimEnd(out);
  return out;
}

function endsWithSpace(out: Inline[]): boolean {
  const last = out.at(-1);
  return last?.kind === 'text' && last.text.endsWith(' ');
}

function trimEnd(out: Inline[]): void {
  for (;;) {
    const last = out.at(-1);
    if (last?.kind !== 'text') return;
    const text = last.text.replace(/ $/, '');
    if (text) {
      out[out.length - 1] = { ...last, text };
      return;
    }
    out.pop();
  }
}
