// parse: letter markup (the small HTML subset of DESIGN.md) → document model. A real HTML
// parser reads it (htmlparser2: it closes what HTML implies, decodes entities, and reads a
// list of 2,000 signatories in half parse5's time); this module only walks the tree, checks
// every tag and class against the template's style sheet, collapses white space as a browser
// would and turns source marks into run positions.

import { isTag, isText, type ChildNode as Node, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { DiagnosticBag, error, type SourcePos } from '../core/diagnostics.js';
import { MARK_PATTERN, splitMarked, type SourceMarks } from '../template/source-marks.js';
import { locateText, type SourceFile } from '../template/template-files.js';
import type { Block, Footnote, Inline, Marks, Paragraph, TextRun } from './document.js';
import type { StyleSheet } from './stylesheet.js';


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
  const blocks = parser.blocks(parseDocument(src.markup).children);
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
      // Keep the mark stack in step; the line breaks between blocks hold no marks to keep.
      else for (const n of loose) if (!isText(n) || hasMarks(n.data)) this.inlines([n], {}, undefined, undefined);
      loose = [];
    };
    for (const node of nodes) {
      if (!isElement(node) || INLINE_TAGS.has(node.name)) {
        loose.push(node);
        continue;
      }
      flushLoose('body');
      const tag = node.name;
      if (PARAGRAPH_TAGS.has(tag)) {
        const role = this.role(node, 'paragraph');
        const paragraph = this.paragraph(node.children, role, this.posOf(node.children));
        if (tag !== 'p') paragraph.heading = Number(tag[1]) as 1 | 2 | 3;
        out.push(paragraph);
      } else if (tag === 'ul' || tag === 'ol') {
        const items: Block[][] = [];
        for (const child of node.children) {
          if (isElement(child) && child.name === 'li') items.push(this.listItem(child));
          else if (!isWhitespace(child)) this.unknown(child, 'only <li> may stand inside a list');
        }
        out.push({ kind: 'list', role: this.role(node, 'paragraph', 'list-item'), ordered: tag === 'ol', items, pos: this.posOf(node.children) });
      } else if (tag === 'blockquote') {
        const role = this.role(node, 'paragraph');
        out.push({ kind: 'quote', role, children: this.blocksWithRole(node.children, role), pos: this.posOf(node.children) });
      } else if (CONTAINER_TAGS.has(tag)) {
        out.push({ kind: 'section', role: this.role(node, 'section'), children: this.blocks(node.children), pos: this.posOf(node.children) });
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
    const hasBlocks = li.children.some((n) => isElement(n) && !INLINE_TAGS.has(n.name));
    if (hasBlocks) return this.blocksWithRole(li.children, role);
    return [this.paragraph(li.children, role, this.posOf(li.children))];
  }

  private paragraph(nodes: Node[], role: string, pos: SourcePos): Paragraph {
    return { kind: 'paragraph', role, content: collapseWhitespace(this.inlines(nodes, {}, undefined, undefined)), pos };
  }

  private inlines(nodes: Node[], marks: Marks, role: string | undefined, href: string | undefined): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (isText(node)) {
        for (const piece of splitMarked(node.data, this.src.marks, this.stack)) {
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
      const tag = node.name;
      const inner = (m: Marks, r = role, h = href) => out.push(...this.inlines(node.children, m, r, h));
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
    const pos = this.posOf(span.children);
    if (!(FOOTNOTE in this.styles.paragraphs)) {
      this.bag.add(error(pos, 'this letter has footnotes, but the template has no `footnote` paragraph style', 'add "footnote" to the paragraphs of styles.json'));
    }
    const number = ++this.footnotes;
    return { kind: 'footnote', number, content: collapseWhitespace(this.inlines(span.children, {}, undefined, undefined)), pos };
  }

  private role(el: Element, kind: 'paragraph' | 'section' | 'character', fallback?: string): string {
    const cls = el.attribs['class']?.replace(MARK_PATTERN, '').trim();
    const role = cls || fallback || DEFAULT_ROLE[el.name] || '';
    const known = kind === 'paragraph' ? role in this.styles.paragraphs : kind === 'section' ? role in this.styles.sections : role in this.styles.characters;
    if (!known) {
      const where = cls ? this.locate(`class="${cls}"`, el) : this.locate(`<${el.name}`, el);
      const list = kind === 'paragraph' ? Object.keys(this.styles.paragraphs) : kind === 'section' ? Object.keys(this.styles.sections) : Object.keys(this.styles.characters);
      this.bag.add(error(where, cls ? `unknown ${kind} class \`${cls}\` on <${el.name}>` : `<${el.name}> needs a class naming a ${kind} role`, `styles.json defines: ${list.join(', ')}`));
    }
    return role;
  }

  private href(el: Element): string | undefined {
    const raw = el.attribs['href']?.replace(MARK_PATTERN, '').trim();
    if (!raw) return undefined;
    if (/^(https?:|mailto:)/i.test(raw) || !/^[a-z][a-z0-9+.-]*:/i.test(raw)) return raw;
    this.bag.add(error(this.locate(raw, el), `links may be http(s), mailto or relative, not \`${raw.split(':')[0]}:\``));
    return undefined;
  }

  private unknown(node: Node, hint?: string): void {
    const tag = isElement(node) ? node.name : isText(node) ? '#text' : '#comment';
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
  if (isText(node)) {
    const m = /\u{F0000}([0-9a-z]+)\u{F0001}/u.exec(node.data);
    return m ? marks.lookup(m[1]!) : undefined;
  }
  if (!isTag(node)) return undefined;
  for (const child of node.children) {
    const p = firstMark(child, marks);
    if (p) return p;
  }
  return undefined;
}

/** The class Markdown footnotes arrive with (src/template/markdown.ts), also a paragraph style. */
const FOOTNOTE = 'footnote';

function hasClass(el: Element, cls: string): boolean {
  return el.attribs['class']?.replace(MARK_PATTERN, '').trim() === cls;
}

/** An element of any kind (htmlparser2 types <script> and <style> apart). */
function isElement(n: Node): n is Element {
  return isTag(n);
}

function isWhitespace(n: Node): boolean {
  if (!isText(n)) return !isTag(n);
  return hasMarks(n.data) ? !n.data.replace(MARK_PATTERN, '').trim() : BLANK.test(n.data);
}

/** What trim() takes, and nothing else. */
const BLANK = /^\s*$/;

/** Whether text may hold a source mark: all of them begin with the same high surrogate. */
function hasMarks(text: string): boolean {
  return text.includes(MARK_LEAD);
}
const MARK_LEAD = '\u{F0000}'.charAt(0);

/**
 * HTML white-space rules: runs of space, tab and newline become one space; none at line ends.
 * The runs are inlines()'s own, made for this paragraph, so their text is set in place (a
 * copy of each run cost a long list as much again).
 */
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
    let text = SPACES.test(item.text) ? item.text.replace(SPACES_ALL, ' ') : item.text;
    if (text.charCodeAt(0) === SPACE && (atLineStart || endsWithSpace(out))) text = text.slice(1);
    if (!text) continue;
    item.text = text;
    out.push(item);
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
    if (!last.text.endsWith(' ')) return;
    const text = last.text.slice(0, -1);
    if (text) {
      last.text = text;
      return;
    }
    out.pop();
  }
}

const SPACE = 0x20;
/** White space HTML collapses: a run of it, or a single tab or newline (a lone space stays as it is). */
const SPACES = /[\t\n\r\f]| {2}/;
const SPACES_ALL = /[ \t\n\r\f]+/g;
