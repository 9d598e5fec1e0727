// Showing shaped glyphs: kerning as TJ adjustments, a stacked mark under a text rise, letter
// spacing put back after the run, every glyph drawn with its subset id.

import { beforeAll, describe, expect, it } from 'vitest';
import { nodeWorld } from '../../../src/core/node-world.js';
import { loadFontBook, type Face } from '../../../src/fonts/font-book.js';
import { PdfFonts } from '../../../src/render/pdf/pdf-fonts.js';
import { PdfFile } from '../../../src/render/pdf/pdf-objects.js';
import { REPO } from '../../helpers/project.js';

let face: Face;
beforeAll(async () => {
  face = (await loadFontBook(nodeWorld(REPO, {}))).face('Source Serif 4', 'regular');
});


describe('PdfFonts.show', () => {
  it('sets kerning as TJ adjustments between glyphs', () => {
    const fonts = new PdfFonts(new PdfFile());
    const run = face.shaper.shape('AVAWAY');
    fonts.use(face, [run]);
    fonts.embed();
    const ops = fonts.show(face, 10, [run], 72, 100);
    expect(ops).toMatch(/^BT \/F1 10 Tf 1 0 0 -1 72 100 Tm \[<[0-9a-f]{4}> -?\d/);
    expect(ops).toMatch(/TJ ET$/);
  });

  it('raises a stacked mark with Ts and lowers it back', () => {
    const fonts = new PdfFonts(new PdfFile());
    const run = face.shaper.shape('q\u0303\u0301');
    expect(run.yOffsets.some((y) => y !== 0)).toBe(true);
    fonts.use(face, [run]);
    fonts.embed();
    const ops = fonts.show(face, 10, [run], 72, 100);
    const rise = (run.yOffsets.find((y) => y !== 0)! * 10) / face.shaper.upem;
    // The mark keeps its horizontal offset (TJ moves there and back) under the rise.
    expect(ops).toContain(`] TJ ${rise} Ts [`);
    expect(ops).toMatch(/Ts \[-?\d+ <[0-9a-f]{4}> -?\d+\] TJ 0 Ts ET$/);
  });

  it('puts letter spacing back after a spaced run', () => {
    const fonts = new PdfFonts(new PdfFile());
    const run = face.shaper.shape('spaced');
    fonts.use(face, [run]);
    fonts.embed();
    expect(fonts.show(face, 10, [run], 72, 100, 0.25)).toMatch(/Tm 0\.25 Tc \[.*\] TJ 0 Tc ET$/);
  });
});
