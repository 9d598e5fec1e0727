// Markdown footnotes through the pipeline: numbered marks in the text, the notes at the
// foot of the PDF page and as real Word footnotes in the DOCX.

import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedArtifact } from '../../src/build/build-letters.js';
import { paragraphs, type Footnote } from '../../src/model/document.js';
import { all, docxParts, paragraphsOf } from '../helpers/docx-parts.js';
import { modelOf } from '../helpers/model.js';
import { pdfText } from '../helpers/pdf-text.js';
import { fixture } from '../helpers/project.js';
import { renderArtifacts } from '../helpers/render.js';

const root = fixture('footnotes');
let out: Map<string, RenderedArtifact>;
beforeAll(async () => {
  out = await renderArtifacts(root, 'footnotes', ['pdf', 'docx']);
});

describe('footnotes', () => {
  it('become numbered notes in the model, at the place that cites them', async () => {
    const model = await modelOf(root, 'footnotes', 'en');
    const body = [...paragraphs(model.blocks)].find((p) => p.role === 'body')!;
    const notes = body.content.filter((i): i is Footnote => i.kind === 'footnote');
    expect(notes.map((n) => n.number)).toEqual([1, 2]);
    expect(notes[0]!.content.map((i) => (i.kind === 'text' ? i.text : '')).join('')).toBe('Report of the commission of inquiry, A/HRC/25/CRP.1, 7 February 2014.');
    expect(notes[0]!.pos).toMatchObject({ file: 'letters/footnotes/letter.yaml', line: 12 });
    const before = body.content[body.content.indexOf(notes[0]!) - 1];
    expect(before?.kind === 'text' && before.text.endsWith('humanity.')).toBe(true);
  });

  it('print at the foot of the PDF page, below the text, each once', async () => {
    for (const lang of ['en', 'ko']) {
      const lines = (await pdfText(out.get(`${lang}.pdf`)!.bytes)).pages[0]!;
      const note = lines.findIndex((l) => /^1 (Report|유엔)/.test(l));
      const body = lines.findIndex((l) => /humanity|반인도범죄/.test(l));
      expect(note).toBeGreaterThan(body);
      expect(lines[note + 1]).toMatch(/^2 (Statement|우크라이나)/);
      expect(lines.filter((l) => l.includes('A/HRC/25/CRP.1'))).toHaveLength(1);
    }
  });

  it('are Word footnotes in the DOCX, referenced from the text', () => {
    const p = docxParts(out.get('ko.docx')!.bytes);
    const refs = all(p.xml('word/document.xml'), 'footnoteReference').map((r) => r.getAttributeNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'id'));
    expect(refs).toEqual(['1', '2']);
    const notes = paragraphsOf(p.xml('word/footnotes.xml')).map((n) => n.text).filter((t) => t.trim());
    expect(notes.some((t) => t.includes('유엔 북한인권 조사위원회 보고서, A/HRC/25/CRP.1, 2014년 2월 7일.'))).toBe(true);
    expect(notes.some((t) => t.includes('우크라이나 대통령 발표, 2025년 1월 11일.'))).toBe(true);
  });
});
