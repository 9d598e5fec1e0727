import fc from 'fast-check';
import { Document, Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Inline, Paragraph } from '../../../src/model/document.js';
import { joinedRuns, paragraphXml } from '../../../src/render/docx/paragraph-xml.js';
import { docxParagraph } from '../../helpers/docx-package/package-document.js';

const pos = { file: 'letters/x/letter.yaml', line: 1, col: 1 };

/**
 * What the docx package writes for the paragraph, alone in a document's body, its random
 * hyperlink ids numbered rIdL1, rIdL2… in order, as the writer numbers them.
 */
function packageXml(p: Paragraph, label?: string): string {
  const compiler = (Packer as unknown as { compiler: { compile(doc: Document): Map<string, string> } }).compiler;
  const doc = new Document({ sections: [{ children: [docxParagraph(p, {}, label)] }] });
  const xml = compiler.compile(doc).get('word/document.xml')!;
  const ids = new Map<string, string>();
  const body = xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
  return body.replace(/r:id="([^"]+)"/g, (_, id: string) => `r:id="${ids.get(id) ?? (ids.set(id, `rIdL${ids.size + 1}`), ids.get(id))}"`);
}

/** The writer's XML for the paragraph, its links numbered from rIdL1, the notes it cites. */
function ourXml(p: Paragraph, label?: string): { xml: string; hrefs: string[]; notes: number[] } {
  const hrefs: string[] = [];
  const notes: number[] = [];
  const xml = paragraphXml(p, { link: (href) => `rIdL${hrefs.push(href)}`, footnote: (note) => void notes.push(note.number) }, label ? { label } : {});
  return { xml, hrefs, notes };
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\u0001', '\u001f', '\u00a0', '한', '\ud83d\ude00'), maxLength: 8 }),
);
const run = fc
  .record({
    kind: fc.constant('text' as const),
    text,
    marks: fc.record({ strong: fc.constant(true as const), em: fc.constant(true as const) }, { requiredKeys: [] }),
    role: fc.option(fc.constantFrom('note', 'short', 'a&b'), { nil: undefined }),
    href: fc.option(fc.constantFrom('https://example.org/a?b=1&c="2"', 'https://example.org/b'), { nil: undefined, freq: 3 }),
    pos: fc.constant(pos),
  })
  .map(({ role, href, ...r }): Inline => ({ ...r, ...(role === undefined ? {} : { role }), ...(href === undefined ? {} : { href }) }));
const inline: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 4, arbitrary: run },
  { weight: 2, arbitrary: fc.constant({ kind: 'break' as const, pos }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('footnote' as const), number: fc.integer({ min: 1, max: 9 }), content: fc.array(run, { maxLength: 2 }), pos: fc.constant(pos) }) },
);
const paragraph: fc.Arbitrary<Paragraph> = fc
  .record({
    kind: fc.constant('paragraph' as const),
    role: fc.constantFrom('body', 'signatory', 'list-item', 'x"<y'),
    heading: fc.constantFrom(undefined, 1, 2, 3),
    content: fc.array(inline, { maxLength: 7 }),
    pos: fc.constant(pos),
  })
  .map(({ heading, ...p }) => (heading === undefined ? p : { ...p, heading: heading as 1 | 2 | 3 }));

describe('paragraphs written as XML', () => {
  it('are the docx package’s own XML, byte for byte, whatever their runs, marks, links, notes, breaks and characters', () => {
    fc.assert(
      fc.property(paragraph, fc.constantFrom(undefined, '1.', '12.', '•'), (p, label) => {
        expect(ourXml(p, label).xml).toBe(packageXml(p, label));
      }),
      { numRuns: 300 },
    );
  });

  it('give each link a relationship of its own, in order, and report the notes they cite', () => {
    const link = (t: string, href: string): Inline => ({ kind: 'text', text: t, marks: {}, href, pos });
    const p: Paragraph = {
      kind: 'paragraph',
      role: 'body',
      content: [link('a', 'https://a.example'), link('b', 'https://a.example'), { kind: 'break', pos }, link('c', 'https://b.example'), { kind: 'footnote', number: 3, content: [], pos }, link('d', 'https://a.example')],
      pos,
    };
    const { xml, hrefs, notes } = ourXml(p);
    // Adjacent runs of one link are one hyperlink, its break inside it; a note ends a link.
    expect(hrefs).toEqual(['https://a.example', 'https://b.example', 'https://a.example']);
    expect(xml.match(/<w:hyperlink /g)).toHaveLength(3);
    expect(xml).toContain('<w:t xml:space="preserve">ab</w:t></w:r></w:hyperlink><w:r><w:br/></w:r><w:hyperlink w:history="1" r:id="rIdL2">');
    expect(notes).toEqual([3]);
  });

  it('join adjacent runs set alike, and only those', () => {
    const t = (s: string, extra: Partial<Extract<Inline, { kind: 'text' }>> = {}): Inline => ({ kind: 'text', text: s, marks: {}, pos, ...extra });
    const joined = joinedRuns([t('a'), t('b'), t('c', { role: 'note' }), t('d', { role: 'note' }), t('e', { marks: { em: true } }), { kind: 'break', pos }, t('f')]);
    expect(joined.map((i) => (i.kind === 'text' ? i.text : '|'))).toEqual(['ab', 'cd', 'e', '|', 'f']);
  });
});
