// The PDF object writer: values serialise as the spec spells them, and the cross-reference
// table points at every object.

import { describe, expect, it } from 'vitest';
import { num, PdfFile, pdfDate, serialise, Text } from '../../../src/render/pdf/pdf-objects.js';

describe('serialise', () => {
  it('writes names, strings, numbers and nested containers', () => {
    expect(serialise({ Type: 'Font', BaseFont: 'ABCDEF+Source Serif#4', W: [0, [500, 250.5]], Ok: true, None: null })).toBe('<</Type /Font /BaseFont /ABCDEF+Source#20Serif#234 /W [0 [500 250.5]] /Ok true /None null>>');
    expect(serialise(new Text('Smith (and) Sons\\'))).toBe('(Smith \\(and\\) Sons\\\\)');
    expect(serialise(new Text('서한'))).toBe('<feffc11cd55c>');
    expect(serialise(pdfDate(new Date(Date.UTC(2025, 2, 11, 9, 5, 7))))).toBe('(D:20250311090507Z)');
    expect([num(1 / 3), num(-0.0001), num(12)]).toEqual(['0.333', '0', '12']);
  });
});

describe('PdfFile', () => {
  it('writes objects in order with an xref whose offsets land on them', () => {
    const file = new PdfFile();
    const later = file.ref();
    const stream = file.stream({}, 'BT ET');
    file.set(later, { Type: 'Catalog', Content: stream });
    const info = file.add({ Title: new Text('x') });
    const pdf = Buffer.from(file.finish(later, info)).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7\n')).toBe(true);
    const xrefAt = pdf.indexOf('\nxref\n') + 1;
    const xref = pdf.slice(xrefAt);
    const offsets = [...xref.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(3);
    offsets.forEach((o, i) => expect(pdf.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`));
    expect(pdf).toMatch(/\/Filter \/FlateDecode \/Length \d+>>\nstream\n/);
    expect(Number(/startxref\n(\d+)/.exec(pdf)![1])).toBe(xrefAt);
  });

  it('refuses to finish with an object allocated but never written', () => {
    const file = new PdfFile();
    const root = file.add({ Type: 'Catalog' });
    file.ref();
    expect(() => file.finish(root, root)).toThrow(/object 2 was allocated but never written/);
  });
});
