// Shaping through HarfBuzz (harfbuzzjs, its own wasm build): a word becomes glyphs with their
// advances and offsets, kerning and ligatures applied as the font asks. Layout measures with
// these runs and the PDF writer draws the very same glyphs, so what was measured is what is
// set. Runs are cached per face and text: letters repeat words, lists repeat names.

import type * as HarfBuzz from 'harfbuzzjs';
import { importPackage } from '../core/import-package.js';

type Hb = typeof HarfBuzz;

/** One shaped text, in font units. `clusters` are UTF-16 offsets into the text. */
export interface GlyphRun {
  text: string;
  glyphs: number[];
  clusters: number[];
  advances: number[];
  xOffsets: number[];
  yOffsets: number[];
  /** Sum of the advances. */
  advance: number;
}

let harfbuzz: Promise<Hb> | undefined;

/** HarfBuzz compiles its wasm on first use; a no-op build never pays for it. */
export function loadHarfBuzz(): Promise<Hb> {
  harfbuzz ??= importPackage<Hb>('harfbuzzjs');
  return harfbuzz;
}

export class Shaper {
  readonly upem: number;
  private readonly font: HarfBuzz.Font;
  private readonly hbShape: Hb['shape'];
  private readonly buffer: HarfBuzz.Buffer;
  private readonly runs = new Map<string, GlyphRun>();
  private readonly nominal = new Map<number, number>();

  /** `tables`: a font file, or just the tables shaping reads (sfnt.ts `shapingTables`). */
  constructor(hb: Hb, tables: Uint8Array) {
    const face = new hb.Face(new hb.Blob(tables));
    this.upem = face.upem;
    this.font = new hb.Font(face);
    this.buffer = new hb.Buffer();
    this.hbShape = hb.shape;
  }

  /** The glyph the font's cmap gives `cp`, or 0 when it has none. */
  glyph(cp: number): number {
    let gid = this.nominal.get(cp);
    if (gid === undefined) {
      gid = this.font.glyph(cp) ?? 0;
      this.nominal.set(cp, gid);
    }
    return gid;
  }

  /** The glyph's advance in font units, as hmtx gives it. */
  advanceOf(gid: number): number {
    return this.font.glyphHAdvance(gid);
  }

  has(cp: number): boolean {
    return this.glyph(cp) !== 0;
  }

  shape(text: string): GlyphRun {
    let run = this.runs.get(text);
    if (run === undefined) {
      run = this.shapeUncached(text);
      this.runs.set(text, run);
    }
    return run;
  }

  private shapeUncached(text: string): GlyphRun {
    const buffer = this.buffer;
    buffer.clearContents();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    this.hbShape(this.font, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    const run: GlyphRun = { text, glyphs: [], clusters: [], advances: [], xOffsets: [], yOffsets: [], advance: 0 };
    for (let i = 0; i < infos.length; i++) {
      const p = positions[i]!;
      run.glyphs.push(infos[i]!.codepoint);
      run.clusters.push(infos[i]!.cluster);
      run.advances.push(p.xAdvance);
      run.xOffsets.push(p.xOffset);
      run.yOffsets.push(p.yOffset);
      run.advance += p.xAdvance;
    }
    return run;
  }
}
