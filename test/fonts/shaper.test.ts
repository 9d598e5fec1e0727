// The shaper over HarfBuzz's wasm, called directly: glyphs, clusters and kerning read out of
// its memory, the same answers after that memory grows, a word's trailing space set after the
// word as layout measured it, and right-to-left text left to HarfBuzz's own order.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeWorld } from '../../src/core/node-world.js';
import { loadFontBook, type Face } from '../../src/fonts/font-book.js';
import { harfBuzzWasm } from '../../src/fonts/harfbuzz-wasm.js';
import { Shaper } from '../../src/fonts/shaper.js';
import { REPO } from '../helpers/project.js';

let serif: Face;
let korean: Face;
beforeAll(async () => {
  const book = await loadFontBook(nodeWorld(REPO, {}));
  serif = book.face('Source Serif 4', 'regular');
  korean = book.face('Noto Serif KR', 'regular');
});

describe('Shaper', () => {
  it('maps characters to the cmap’s glyphs and kerns pairs as the font asks', () => {
    const s = serif.shaper;
    const run = s.shape('AVAWAY');
    expect(run.glyphs).toEqual([...'AVAWAY'].map((c) => s.glyph(c.codePointAt(0)!)));
    expect(run.clusters).toEqual([0, 1, 2, 3, 4, 5]);
    // Kerned: the advances are not the glyphs' own.
    expect(run.advances).not.toEqual(run.glyphs.map((g) => s.advanceOf(g)));
    expect(run.advance).toBe(run.advances.reduce((a, b) => a + b, 0));
    expect(s.glyph(0xe000)).toBe(0);
    expect(s.has(0xac00)).toBe(false);
    expect(korean.shaper.has(0xac00)).toBe(true);
  });

  it('ligates and keeps the ligature’s cluster', () => {
    const run = serif.shaper.shape('office');
    expect(run.glyphs.length).toBeLessThan(6);
    expect(run.clusters[0]).toBe(0);
  });

  it('gives the same glyphs after HarfBuzz grows its memory for a long text', async () => {
    const fresh = new Shaper(await harfBuzzWasm(), new Uint8Array(readFileSync(path.join(REPO, 'node_modules/source-serif/TTF/SourceSerif4-Regular.ttf'))));
    const before = fresh.shape('Kyiv');
    const long = fresh.shape('Kyiv '.repeat(60_000));
    expect(long.glyphs.length).toBe(300_000);
    expect(fresh.shape('Kyiv x').glyphs.slice(0, 4)).toEqual(before.glyphs);
  });

  it('draws a word’s trailing space after the word as measured, with the space’s own glyph', () => {
    const s = serif.shaper;
    for (const word of ['Kyiv', 'Zelenskyy,', '“quoted”', 'office']) {
      expect(s.runsOf(`${word} `)).toEqual([s.shape(word), s.shape(' ')]);
      expect(s.runsOf(word)).toEqual([s.shape(word)]);
    }
    const ko = korean.shaper.runsOf('대통령께 ');
    expect(ko[0]!.glyphs).toEqual(korean.shaper.shape('대통령께').glyphs);
    expect(ko[1]!.text).toBe(' ');
  });

  it('leaves a right-to-left word and its space in the order HarfBuzz gives', () => {
    // The faces have no Hebrew; the order is HarfBuzz's all the same: visual, the space first.
    const [run, ...rest] = serif.shaper.runsOf('שלום ');
    expect(rest).toEqual([]);
    expect(run!.clusters[0]).toBe(4);
    expect(run!.clusters.at(-1)).toBe(0);
  });
});
