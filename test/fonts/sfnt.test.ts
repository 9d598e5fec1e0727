// The font-file reader: what it refuses, the outline-free copy the shaper gets, and the glyph
// closure a subset keeps (glyf-subset.test.ts checks that the closure's glyphs draw as before).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { subsetGlyf } from '../../src/fonts/glyf-subset.js';
import { faceMetrics, glyphClosure, glyphCount, readSfnt, SfntError, shapingTables, SUBSET_TABLES } from '../../src/fonts/sfnt.js';
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

/** A copy of the font whose hhea says it has `count` horizontal metrics. */
function withHMetrics(bytes: Buffer, count: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt16BE(count, readSfnt(copy).tables.get('hhea')!.offset + 34);
  return copy;
}

describe('readSfnt', () => {
  it.each([
    ['garbage', Buffer.from('not a font at all'), /not an OpenType\/TrueType font/],
    ['a truncated directory', serifBytes.subarray(0, 40), /table directory is cut short/],
    ['a collection', Buffer.concat([Buffer.from('ttcf'), serifBytes.subarray(4, 64)]), /font collection/],
    ['CFF outlines', Buffer.concat([Buffer.from('OTTO'), serifBytes.subarray(4)]), /PostScript \(CFF\) outlines/],
    ['a glyph index past the outlines', withLoca(serifBytes, 5, 0xffff), /points outside the outlines, at glyph 5/],
    ['more horizontal metrics than glyphs', withHMetrics(serifBytes, 0xffff), /counts 65535 horizontal metrics for 1464 glyphs/],
    ['no horizontal metrics', withHMetrics(serifBytes, 0), /counts 0 horizontal metrics/],
  ])('refuses %s with a reason', (_, bytes, reason) => {
    expect(() => readSfnt(bytes)).toThrow(SfntError);
    expect(() => readSfnt(bytes)).toThrow(reason);
  });

  it('refuses a font without a cmap, but reads a PDF subset, which has none', () => {
    const subset = subsetGlyf(serif, { glyphs: [36, 61] }).bytes;
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
  it('adds .notdef and the components of composite glyphs', () => {
    const composites = Array.from({ length: glyphCount(serif) }, (_, g) => g).filter((g) => glyphClosure(serif, [g]).size > 2);
    expect(composites.length).toBeGreaterThan(100);
    const sample = composites.slice(0, 40);
    const closure = glyphClosure(serif, sample);
    expect(closure.has(0)).toBe(true);
    expect(closure.size).toBeGreaterThan(sample.length + 1);
    expect(glyphClosure(serif, closure)).toEqual(closure);
  });
});
