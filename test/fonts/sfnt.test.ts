// The font-file reader: what it refuses, the outline-free copy the shaper gets, and the glyph
// closure that must agree with hb-subset for the PDF's glyph numbering to hold.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faceMetrics, glyphClosure, glyphCount, readSfnt, SfntError, shapingTables, SUBSET_TABLES, trimmedFont, type SfntTables } from '../../src/fonts/sfnt.js';
import { subsetFace } from '../../src/fonts/subset.js';
import { REPO } from '../helpers/project.js';

const serifBytes = readFileSync(path.join(REPO, 'node_modules/source-serif/TTF/SourceSerif4-Regular.ttf'));
const serif = readSfnt(serifBytes);

/** A copy of the font whose loca entry `g` says `value`. */
function withLoca(bytes: Buffer, g: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  const font = readSfnt(copy);
  const long = font.view.getInt16(font.tables.get('head')!.offset + 50) === 1;
  const at = font.tables.get('loca')!.offset + g * (long ? 4 : 2);
  if (long) copy.writeUInt32BE(value, at);
  else copy.writeUInt16BE(value, at);
  return copy;
}

describe('readSfnt', () => {
  it.each([
    ['garbage', Buffer.from('not a font at all'), /not an OpenType\/TrueType font/],
    ['a truncated directory', serifBytes.subarray(0, 40), /table directory is cut short/],
    ['a collection', Buffer.concat([Buffer.from('ttcf'), serifBytes.subarray(4, 64)]), /font collection/],
    ['CFF outlines', Buffer.concat([Buffer.from('OTTO'), serifBytes.subarray(4)]), /PostScript \(CFF\) outlines/],
    ['a glyph index past the outlines', withLoca(serifBytes, 5, 0xffff), /points outside the outlines, at glyph 5/],
  ])('refuses %s with a reason', (_, bytes, reason) => {
    expect(() => readSfnt(bytes)).toThrow(SfntError);
    expect(() => readSfnt(bytes)).toThrow(reason);
  });

  it('refuses a font without a cmap, but reads a PDF subset, which has none', async () => {
    const subset = await subsetFace({ bytes: serifBytes }, { glyphs: [36, 61], dropTables: ['cmap'] });
    expect(() => readSfnt(subset)).toThrow(/it has no cmap table/);
    expect(glyphCount(readSfnt(subset, SUBSET_TABLES))).toBe(glyphClosure(serif, [36, 61]).size);
  });

  it('reads the metrics a PDF font descriptor needs', () => {
    const m = faceMetrics(serif);
    expect(m.postscriptName).toBe('SourceSerif4-Regular');
    expect(m.unitsPerEm).toBe(1000);
    expect(m.ascent).toBeGreaterThan(m.capHeight);
    expect(m.descent).toBeLessThan(0);
    expect(m.serif).toBe(true);
  });
});

describe('shapingTables', () => {
  it('keeps cmap, metrics and layout tables and leaves the outlines out', () => {
    const bytes = shapingTables(serif);
    expect(() => readSfnt(bytes)).toThrow(/no loca table/);
    const view = new DataView(bytes.buffer);
    const tags = Array.from({ length: view.getUint16(4) }, (_, i) => String.fromCharCode(...bytes.subarray(12 + i * 16, 16 + i * 16)));
    expect(tags).toEqual(expect.arrayContaining(['GPOS', 'GSUB', 'cmap', 'hmtx']));
    expect(tags).not.toContain('glyf');
    expect(bytes.length).toBeLessThan(serifBytes.length / 2);
  });
});

describe('glyphClosure', () => {
  it('adds the components of composite glyphs, which hb-subset keeps too', async () => {
    const composites = Array.from({ length: glyphCount(serif) }, (_, g) => g).filter((g) => glyphClosure(serif, [g]).size > 2);
    expect(composites.length).toBeGreaterThan(100);
    const sample = composites.slice(0, 40);
    const closure = glyphClosure(serif, sample);
    expect(closure.size).toBeGreaterThan(sample.length + 1);
    const subset = await subsetFace({ bytes: serifBytes, sha256: 'source-serif-regular' }, { glyphs: sample });
    expect(glyphCount(readSfnt(subset))).toBe(closure.size);
  });
});

/** Glyph `g`'s outline bytes, through loca in whichever format head says. */
function outline(font: SfntTables, g: number): Buffer {
  const { view, tables } = font;
  const long = view.getInt16(tables.get('head')!.offset + 50) === 1;
  const loca = tables.get('loca')!.offset;
  const glyf = tables.get('glyf')!.offset;
  const at = (i: number) => (long ? view.getUint32(loca + i * 4) : view.getUint16(loca + i * 2) * 2);
  return Buffer.from(font.bytes.subarray(glyf + at(g), glyf + at(g + 1)));
}

describe('trimmedFont', () => {
  it('keeps the outlines asked for under their ids, empties the rest, and leaves the original alone', () => {
    const before = Buffer.from(serifBytes);
    const keep = glyphClosure(serif, [36, 61, 500]);
    const trimmed = readSfnt(trimmedFont(serif, keep, ['GSUB', 'name']));
    expect(Buffer.from(serifBytes).equals(before)).toBe(true);
    expect(glyphCount(trimmed)).toBe(glyphCount(serif));
    expect(trimmed.tables.has('GSUB')).toBe(false);
    for (let g = 0; g < glyphCount(serif); g++) {
      const want = keep.has(g) ? outline(serif, g) : Buffer.alloc(0);
      expect(outline(trimmed, g).subarray(0, want.length).equals(want)).toBe(true);
      if (!keep.has(g)) expect(outline(trimmed, g).length).toBe(0);
    }
  });
});
