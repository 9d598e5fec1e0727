// The document model: what every writer reads, and the only thing it reads. Blocks and
// inline runs carry a style role (named by the template's `class`) and the source position
// of the text they came from, so a late phase (a missing glyph, say) can still point at
// `letter.yaml:LINE:COL`.

import type { SourcePos } from '../core/diagnostics.js';
import type { StyleSheet } from './stylesheet.js';

export interface Marks {
  strong?: true;
  em?: true;
}

export interface TextRun {
  kind: 'text';
  text: string;
  marks: Marks;
  /** Character role from `<span class>`, e.g. `note`. */
  role?: string;
  href?: string;
  pos: SourcePos;
}

export interface LineBreak {
  kind: 'break';
  pos: SourcePos;
}

/** A footnote: its number marks the place that cites it; its text goes to the foot of the page. */
export interface Footnote {
  kind: 'footnote';
  /** 1, 2, 3… in the order the document cites them. */
  number: number;
  content: Inline[];
  pos: SourcePos;
}

export type Inline = TextRun | LineBreak | Footnote;

export interface Paragraph {
  kind: 'paragraph';
  /** Paragraph role: a paragraph style of the template's styles.json (`body`, `title`, …). */
  role: string;
  /** Heading level when the template wrote it as <h1>–<h3>: for tagged PDF and Word outlines. */
  heading?: 1 | 2 | 3;
  content: Inline[];
  pos: SourcePos;
}

export interface List {
  kind: 'list';
  role: string;
  ordered: boolean;
  items: Block[][];
  pos: SourcePos;
}

export interface Quote {
  kind: 'quote';
  role: string;
  children: Block[];
  pos: SourcePos;
}

/** A `<section>` or `<div>`: groups blocks under a role (`signatories`, `recipient`, …). */
export interface Section {
  kind: 'section';
  role: string;
  children: Block[];
  pos: SourcePos;
}

export type Block = Paragraph | List | Quote | Section;

export interface DocumentMeta {
  /** BCP 47 language of the document. */
  lang: string;
  title: string;
  subject?: string;
  /** Names of the signatories, for the document's keywords and author fields. */
  authors: string[];
  keywords: string[];
  /** The moment every artifact records as its creation time (reproducible builds). */
  created: Date;
  /**
   * The letter's other files beside this one, for writers that link them (the HTML page):
   * this language's downloads and each other language's page, with their labels.
   */
  siblings?: { downloads: Sibling[]; languages: (Sibling & { lang: string })[]; heading: string };
}

export interface Sibling {
  /** A file name in the same folder. */
  href: string;
  label: string;
  mediaType: string;
}

/** The template's letterhead image, read and measured, ready for any writer. */
export interface Letterhead {
  bytes: Uint8Array;
  type: 'png' | 'jpg';
  /** Size on the page, in points. */
  width: number;
  height: number;
  align: 'left' | 'center' | 'right';
  spaceAfter: number;
}

export interface DocumentModel {
  meta: DocumentMeta;
  styles: StyleSheet;
  letterhead?: Letterhead;
  blocks: Block[];
}

/**
 * How many columns a section's paragraphs (not its headings) are set in, and the gap between
 * them: its style's `columns` once it holds `columnsFrom` such paragraphs, else one. The PDF
 * and the DOCX ask the same question here.
 */
export function sectionColumns(section: Section, styles: StyleSheet): { count: number; gap: number } {
  const { columns = 1, columnsFrom = 1, columnGap = 18 } = styles.sections[section.role] ?? {};
  const items = section.children.filter((b) => b.kind === 'paragraph' && !b.heading).length;
  return columns > 1 && items >= columnsFrom ? { count: columns, gap: columnGap } : { count: 1, gap: 0 };
}

/** The plain text of a paragraph's runs, breaks as newlines, footnotes left out. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((i) => (i.kind === 'text' ? i.text : i.kind === 'break' ? '\n' : '')).join('');
}

/** Every paragraph in reading order, descending into sections, lists and quotes. */
export function* paragraphs(blocks: readonly Block[]): Generator<Paragraph> {
  for (const b of blocks) {
    if (b.kind === 'paragraph') yield b;
    else if (b.kind === 'list') for (const item of b.items) yield* paragraphs(item);
    else yield* paragraphs(b.children);
  }
}
