// One paragraph of the model as WordprocessingML: its role's style, an outline level for a
// heading, a list label set off by a tab, runs with their marks and character style, line
// breaks, links as hyperlinks (each with a relationship of the part it is in) and footnote
// references. Byte for byte what the docx package writes for the same paragraph
// (test/render/docx/paragraph-xml.test.ts sets the two side by side for every shape).

import type { Inline, Paragraph, TextRun } from '../../model/document.js';
import { FOOTNOTE_REFERENCE_STYLE, HYPERLINK_STYLE } from './docx-styles.js';

/** Where a paragraph's links and footnotes go: the part's relationships, the document's notes. */
export interface ParagraphSinks {
  /** A hyperlink relationship to `href` in the paragraph's part; its id. */
  link(href: string): string;
  footnote(note: Extract<Inline, { kind: 'footnote' }>): void;
}

export interface ParagraphOptions {
  /** A list item's number or bullet, set off by a tab. */
  label?: string;
  /** A footnote's paragraph, which starts with the note's own reference mark. */
  noteRef?: boolean;
  /** The properties of the section this paragraph ends (Word keeps them in its last paragraph). */
  sectPr?: string;
}

/**
 * The paragraph's XML. A link's runs go into one hyperlink; a line break goes between runs,
 * inside the link only when the link goes on after it (else it would be underlined and
 * clickable).
 */
export function paragraphXml(p: Pick<Paragraph, 'role' | 'heading' | 'content'>, sinks: ParagraphSinks, options: ParagraphOptions = {}): string {
  let xml = `<w:p><w:pPr><w:pStyle w:val="${escapeXml(p.role)}"/>`;
  if (p.heading) xml += `<w:outlineLvl w:val="${p.heading - 1}"/>`;
  xml += `${options.sectPr ?? ''}</w:pPr>`;
  if (options.noteRef) xml += `<w:r><w:rPr><w:rStyle w:val="${FOOTNOTE_REFERENCE_STYLE}"/></w:rPr><w:footnoteRef/></w:r>`;
  if (options.label) xml += `<w:r><w:t xml:space="preserve">${escapeXml(options.label)}</w:t><w:tab/></w:r>`;
  let link: string | undefined;
  let breaks = 0;
  const flushBreaks = () => {
    if (breaks) xml += `<w:r>${'<w:br/>'.repeat(breaks)}</w:r>`;
    breaks = 0;
  };
  const closeLink = () => {
    if (link !== undefined) xml += '</w:hyperlink>';
    link = undefined;
  };
  for (const inline of joinedRuns(p.content)) {
    if (inline.kind === 'break') {
      breaks++;
      continue;
    }
    if (inline.kind === 'footnote') {
      closeLink();
      flushBreaks();
      sinks.footnote(inline);
      xml += `<w:r><w:rPr><w:rStyle w:val="${FOOTNOTE_REFERENCE_STYLE}"/></w:rPr><w:footnoteReference w:id="${inline.number}"/></w:r>`;
      continue;
    }
    if (link !== inline.href) {
      closeLink();
      flushBreaks();
      if (inline.href !== undefined) {
        link = inline.href;
        xml += `<w:hyperlink w:history="1" r:id="${sinks.link(inline.href)}">`;
      }
    }
    flushBreaks();
    xml += runXml(inline);
  }
  closeLink();
  flushBreaks();
  return `${xml}</w:p>`;
}

function runXml(run: TextRun): string {
  const style = run.href !== undefined ? HYPERLINK_STYLE : run.role;
  let props = style ? `<w:rStyle w:val="${escapeXml(style)}"/>` : '';
  if (run.marks.strong) props += '<w:b/><w:bCs/>';
  if (run.marks.em) props += '<w:i/><w:iCs/>';
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`;
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
    while (i + 1 < content.length && content[i + 1]!.kind === 'text' && alike(inline, content[i + 1] as TextRun)) text += (content[++i] as TextRun).text;
    out.push(text === inline.text ? inline : { ...inline, text });
  }
  return out;
}

function alike(a: TextRun, b: TextRun): boolean {
  return a.href === b.href && a.role === b.role && a.marks.strong === b.marks.strong && a.marks.em === b.marks.em;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * As the docx package escapes text and attribute values: the five entities, and control
 * characters XML 1.0 forbids dropped. Everything the DOCX writer puts into XML is escaped so.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ENTITIES[c] ?? '');
}
