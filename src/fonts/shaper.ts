// Shaping through HarfBuzz (harfbuzzjs' wasm build, called directly: harfbuzz-wasm.ts): a
// word becomes glyphs with their advances and offsets, kerning and ligatures applied as the
// font asks. Layout measures with these runs and the PDF writer draws the very same glyphs,
// so what was measured is what is set. Runs are cached per face and text: letters repeat
// words, lists repeat names.

import type { HarfBuzzWasm } from './harfbuzz-wasm.js';

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

/** Text in a right-to-left script, whose glyphs HarfBuzz returns in visual order: a space after it comes first. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** hb_memory_mode_t: HarfBuzz reads the face in place and never writes it. */
const READONLY = 1;

export class Shaper {
  readonly upem: number;
  private readonly hb: HarfBuzzWasm;
  private readonly font: number;
  private readonly buffer: number;
  private readonly runs = new Map<string, GlyphRun>();
  private readonly drawn = new Map<string, readonly GlyphRun[]>();
  private readonly nominal = new Map<number, number>();
  /** Where text goes in for shaping, and a word for answers: wasm memory of our own. */
  private scratch = 0;
  private scratchChars = 0;

  /** `tables`: a font file, or just the tables shaping reads (sfnt.ts `shapingTables`). */
  constructor(hb: HarfBuzzWasm, tables: Uint8Array) {
    this.hb = hb;
    // The face is kept for the life of the process (font-book.ts parses each file once).
    const data = hb.malloc(tables.byteLength);
    if (!data) throw new Error(`HarfBuzz: no memory for a ${tables.byteLength}-byte face`);
    new Uint8Array(hb.memory.buffer, data, tables.byteLength).set(tables);
    const face = hb.hb_face_create(hb.hb_blob_create(data, tables.byteLength, READONLY, 0, 0), 0);
    this.upem = hb.hb_face_get_upem(face);
    this.font = hb.hb_font_create(face);
    this.buffer = hb.hb_buffer_create();
  }

  /** The glyph the font's cmap gives `cp`, or 0 when it has none. */
  glyph(cp: number): number {
    let gid = this.nominal.get(cp);
    if (gid === undefined) {
      const out = this.scratchFor(0);
      gid = this.hb.hb_font_get_nominal_glyph(this.font, cp, out) ? new Uint32Array(this.hb.memory.buffer, out, 1)[0]! : 0;
      this.nominal.set(cp, gid);
    }
    return gid;
  }

  /** The glyph's advance in font units, as hmtx gives it. */
  advanceOf(gid: number): number {
    return this.hb.hb_font_get_glyph_h_advance(this.font, gid);
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

  /**
   * The runs that draw `text` as layout measured it. The PDF draws each word with the space
   * after it (for text extraction): the word's glyphs as layout shaped them, then the space's.
   * Shaped together, a kern against the space would move the word's last glyph from where
   * layout put it; copied into one run, every word's glyphs were held twice. Right-to-left
   * text is shaped whole, its space first, as HarfBuzz orders it.
   */
  runsOf(text: string): readonly GlyphRun[] {
    let runs = this.drawn.get(text);
    if (runs === undefined) {
      runs = text.length > 1 && text.endsWith(' ') && !RIGHT_TO_LEFT.test(text) ? [this.shape(text.slice(0, -1)), this.shape(' ')] : [this.shape(text)];
      this.drawn.set(text, runs);
    }
    return runs;
  }

  /** A scratch area of `chars` UTF-16 units and at least one 32-bit word, reused from call to call. */
  private scratchFor(chars: number): number {
    if (chars > this.scratchChars || this.scratch === 0) {
      if (this.scratch) this.hb.free(this.scratch);
      this.scratchChars = Math.max(64, chars * 2);
      this.scratch = this.hb.malloc(this.scratchChars * 2);
      if (!this.scratch) throw new Error('HarfBuzz: out of memory');
    }
    return this.scratch;
  }

  private shapeUncached(text: string): GlyphRun {
    const { hb, buffer } = this;
    const length = text.length;
    const ptr = this.scratchFor(length);
    const units = new Uint16Array(hb.memory.buffer, ptr, length);
    for (let i = 0; i < length; i++) units[i] = text.charCodeAt(i);
    hb.hb_buffer_clear_contents(buffer);
    hb.hb_buffer_add_utf16(buffer, ptr, length, 0, length);
    hb.hb_buffer_guess_segment_properties(buffer);
    hb.hb_shape(this.font, buffer, 0, 0);
    const count = hb.hb_buffer_get_length(buffer);
    // hb_glyph_info_t and hb_glyph_position_t are five 32-bit words each. Views are made
    // after shaping: shaping may have grown the memory and detached any older view.
    const infos = new Uint32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_infos(buffer, 0), count * 5);
    const positions = new Int32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_positions(buffer, 0), count * 5);
    // Arrays of the exact length: grown by push, each took room for 17 numbers at least, and
    // the runs of a long list are kept for the whole build.
    const run: GlyphRun = { text, glyphs: new Array(count), clusters: new Array(count), advances: new Array(count), xOffsets: new Array(count), yOffsets: new Array(count), advance: 0 };
    for (let g = 0, i = 0; g < count; g++, i += 5) {
      run.glyphs[g] = infos[i]!;
      run.clusters[g] = infos[i + 2]!;
      run.advances[g] = positions[i]!;
      run.xOffsets[g] = positions[i + 2]!;
      run.yOffsets[g] = positions[i + 3]!;
      run.advance += positions[i]!;
    }
    return run;
  }
}
