import fc from 'fast-check';
import { Document } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Inline, Paragraph } from '../../../src/model/document.js';
import { docxParagraph, joinedRuns } from '../../../src/render/docx/docx-paragraphs.js';
import { isPlain, paragraphXml, WrittenParagraphs } from '../../../src/render/docx/paragraph-xml.js';
import { docxParts } from '../../../src/render/docx/repack.js';

const pos = { file: 'letters/x/letter.yaml', line: 1, col: 1 };

/** What the docx package writes for the paragraph, alone in a document's body. */
function packageXml(p: Paragraph, label?: string): string {
  const doc = new Document({ sections: [{ children: [docxParagraph(p, {}, label)] }] });
  const xml = docxParts(doc).get('word/document.xml') as string;
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\u0001', '\u001f', '\u00a0', '한', '\ud83d\ude00'), maxLength: 8 }),
);
const inline: fc.Arbitrary<Inline> = fc.oneof(
  fc.record({
    kind: fc.constant('text' as const),
    text,
    marks: fc.record({ strong: fc.constant(true as const), em: fc.constant(true as const) }, { requiredKeys: [] }),
    role: fc.option(fc.constantFrom('note', 'short', 'a&b'), { nil: undefined }),
    pos: fc.constant(pos),
  }).map(({ role, ...run }) => (role === undefined ? run : { ...run, role })),
  fc.constant({ kind: 'break' as const, pos }),
);
const paragraph: fc.Arbitrary<Paragraph> = fc.record({
  kind: fc.constant('paragraph' as const),
  role: fc.constantFrom('body', 'signatory', 'list-item', 'x"<y'),
  heading: fc.constantFrom(undefined, 1, 2, 3),
  content: fc.array(inline, { maxLength: 6 }),
  pos: fc.constant(pos),
}).map(({ heading, ...p }) => (heading === undefined ? p : { ...p, heading: heading as 1 | 2 | 3 }));

describe('plain paragraphs written as XML', () => {
  it('are the docx package’s own XML, byte for byte, whatever their runs, marks, breaks and characters', () => {
    fc.assert(
      fc.property(paragraph, fc.constantFrom(undefined, '1.', '12.', '•'), (p, label) => {
        expect(paragraphXml(p, joinedRuns(p.content), label)).toBe(packageXml(p, label));
      }),
      { numRuns: 300 },
    );
  });

  it('are only those without links or footnotes', () => {
    const run = { kind: 'text' as const, text: 'a', marks: {}, pos };
    expect(isPlain([run, { kind: 'break', pos }])).toBe(true);
    expect(isPlain([run, { ...run, href: 'https://example.org' }])).toBe(false);
    expect(isPlain([{ kind: 'footnote', number: 1, content: [run], pos }])).toBe(false);
  });

  it('take their placeholders’ places in the document, and a placeholder left behind is an internal error', () => {
    const written = new WrittenParagraphs();
    const body = ['<w:p>one</w:p>', '<w:p>two</w:p><w:p>three</w:p>'].map((xml) => written.placeholder(xml).prepForXml({ stack: [] } as never));
    expect(body).toEqual([{ 'letter:written': { _attr: { n: 0 } } }, { 'letter:written': { _attr: { n: 1 } } }]);
    expect(written.fill('<w:body><letter:written n="1"/><w:p>x</w:p><letter:written n="0"/></w:body>')).toBe('<w:body><w:p>two</w:p><w:p>three</w:p><w:p>x</w:p><w:p>one</w:p></w:body>');
    expect(() => written.fill('<letter:written n="x"/>')).toThrow(/placeholder/);
  });
});
