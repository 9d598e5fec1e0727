// Plain paragraphs (text with marks and character roles, line breaks, a list label; no link,
// no footnote) written straight as WordprocessingML, byte for byte as the docx package writes
// them: test/render/docx/paragraph-xml.test.ts sets the two side by side for every shape. The
// package builds some ten objects per paragraph and turns them into a second tree before it
// writes any XML; for a list of 2,000 signatories that was a tenth of the build's time and a
// third of its garbage. The package still writes the document around these paragraphs
// (sections, footnotes, styles, the other parts) and every paragraph that is not plain. A run
// of plain paragraphs stands in the body as one placeholder element, and the document's XML
// gets the paragraphs in its place (WrittenParagraphs.fill).

import { FileChild } from 'docx';
import type { Inline, Paragraph, TextRun } from '../../model/document.js';

/** A paragraph this module can write: no run of it links or cites a footnote. */
export function isPlain(content: readonly Inline[]): boolean {
  return content.every((inline) => inline.kind === 'break' || (inline.kind === 'text' && inline.href === undefined));
}

/**
 * The paragraph's XML. `content` is plain and its adjacent runs set alike are joined already
 * (docx-paragraphs.ts joinedRuns); `label` is a list item's number or bullet, set off by a tab.
 */
export function paragraphXml(p: Pick<Paragraph, 'role' | 'heading'>, content: readonly Inline[], label?: string): string {
  let xml = `<w:p><w:pPr><w:pStyle w:val="${escapeXml(p.role)}"/>`;
  if (p.heading) xml += `<w:outlineLvl w:val="${p.heading - 1}"/>`;
  xml += '</w:pPr>';
  if (label) xml += `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t><w:tab/></w:r>`;
  let breaks = 0;
  for (const inline of content) {
    if (inline.kind === 'break') {
      breaks++;
      continue;
    }
    if (breaks) xml += `<w:r>${'<w:br/>'.repeat(breaks)}</w:r>`;
    breaks = 0;
    if (inline.kind === 'text') xml += runXml(inline);
  }
  if (breaks) xml += `<w:r>${'<w:br/>'.repeat(breaks)}</w:r>`;
  return `${xml}</w:p>`;
}

function runXml(run: TextRun): string {
  let props = run.role ? `<w:rStyle w:val="${escapeXml(run.role)}"/>` : '';
  if (run.marks.strong) props += '<w:b/><w:bCs/>';
  if (run.marks.em) props += '<w:i/><w:iCs/>';
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * As the package escapes text and attribute values: the five entities, and control characters
 * XML 1.0 forbids dropped. What else the DOCX writer puts into XML of its own is escaped so too.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ENTITIES[c] ?? '');
}

const ELEMENT = 'letter:written';

/** Paragraphs written here, held until the package has written the document around them. */
export class WrittenParagraphs {
  private readonly written: string[] = [];

  /** A body element that stands for `xml` (one or more paragraphs) until fill puts it in. */
  placeholder(xml: string): FileChild {
    this.written.push(xml);
    return new Placeholder(this.written.length - 1);
  }

  /** The document's XML with every placeholder replaced by its paragraphs. */
  fill(documentXml: string): string {
    const filled = documentXml.replace(PLACEHOLDER, (_, n: string) => this.written[Number(n)]!);
    if (filled.includes(`<${ELEMENT}`)) throw new Error('a placeholder of written paragraphs was left in the document');
    return filled;
  }
}

const PLACEHOLDER = new RegExp(`<${ELEMENT} n="(\\d+)"/>`, 'g');

class Placeholder extends FileChild {
  constructor(private readonly n: number) {
    super(ELEMENT);
  }

  override prepForXml(): { [key: string]: { _attr: { n: number } } } {
    return { [ELEMENT]: { _attr: { n: this.n } } };
  }
}
