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

  it('writes a stream dictionary as it was given, then its /Length, the same bytes every time', () => {
    const make = () => {
      const file = new PdfFile();
      const dict = { Length1: 5, Subtype: 'Type1C', Note: new Text('(x)') };
      const stream = file.stream(dict, 'BT /F1 12 Tf (hello) Tj ET '.repeat(50));
      dict.Length1 = 99; // changed after the call: not what the file says
      const raw = file.stream({ Filter: 'DCTDecode' }, new Uint8Array([1, 2, 3]));
      const root = file.add({ Type: 'Catalog', A: stream, B: raw });
      return Buffer.from(file.finish(root, root)).toString('latin1');
    };
    const pdf = make();
    expect(pdf).toMatch(/1 0 obj\n<<\/Length1 5 \/Subtype \/Type1C \/Note \(\\\(x\\\)\) \/Filter \/FlateDecode \/Length (\d+)>>\nstream\n/);
    expect(pdf).toContain('2 0 obj\n<</Filter /DCTDecode /Length 3>>\nstream\n\x01\x02\x03\nendstream');
    expect(make()).toBe(pdf);
  });
});
