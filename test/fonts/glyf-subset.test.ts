// The JavaScript TrueType subsetter, checked against HarfBuzz reading its output: every kept
// glyph draws the same outline and advances as far under its new id as under its old one,
// composites included; a cmap maps each character to the glyph the face drew it with; the
// checksums hold; hinting instructions go.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { subsetGlyf } from '../../src/fonts/glyf-subset.js';
import { glyphClosure, glyphCount, readSfnt, SUBSET_TABLES, writeSfnt, type SfntTables } from '../../src/fonts/sfnt.js';
import { REPO } from '../helpers/project.js';

// harfbuzzjs' own binding, which draws outlines: an independent reader of what we wrote.
let hb: typeof import('harfbuzzjs');
beforeAll(async () => {
  hb = await import('harfbuzzjs');
});

const file = (rel: string) => new Uint8Array(readFileSync(path.join(REPO, 'node_modules', rel)));
const serifBytes = file('source-serif/TTF/SourceSerif4-Regular.ttf');
const serif = readSfnt(serifBytes);
const koreanBytes = file('@expo-google-fonts/noto-serif-kr/700Bold/NotoSerifKR_700Bold.ttf');
const korean = readSfnt(koreanBytes);

/** HarfBuzz's view of a font file: outlines as SVG paths, advances, the cmap. */
function hbFont(bytes: Uint8Array) {
  const font = new hb.Font(new hb.Face(new hb.Blob(bytes)));
  return { path: (g: number) => font.glyphToPath(g), advance: (g: number) => font.glyphHAdvance(g), glyph: (cp: number) => font.glyph(cp) ?? 0 };
}

function tags(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return Array.from({ length: view.getUint16(4) }, (_, i) => String.fromCharCode(...bytes.subarray(12 + i * 16, 16 + i * 16)));
}

/** The whole file's sum of 32-bit words, which head's checksumAdjustment makes 0xB1B0AFBA. */
function fileSum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let p = 0; p + 4 <= bytes.length; p += 4) sum = (sum + view.getUint32(p)) >>> 0;
  return sum;
}

function expectSameGlyphs(original: SfntTables, originalBytes: Uint8Array, subset: Uint8Array, kept: number[]) {
  const before = hbFont(originalBytes);
  const after = hbFont(subset);
  kept.forEach((old, g) => {
    // .notdef is kept empty, as hb-subset keeps it.
    expect(after.path(g), `glyph ${old} → ${g}`).toBe(old === 0 ? '' : before.path(old));
    expect(after.advance(g)).toBe(before.advance(old));
  });
  expect(glyphCount(readSfnt(subset, SUBSET_TABLES))).toBe(kept.length);
  expect(kept).toEqual([...glyphClosure(original, kept)].sort((a, b) => a - b));
}

describe('subsetGlyf', () => {
  it('keeps the glyphs asked for and the components of composites, each drawing as before', () => {
    const composites = Array.from({ length: glyphCount(serif) }, (_, g) => g).filter((g) => glyphClosure(serif, [g]).size > 2);
    const asked = [36, 61, 500, ...composites.slice(0, 40)];
    const { bytes, kept } = subsetGlyf(serif, { glyphs: asked });
    expect(kept.length).toBeGreaterThan(asked.length + 1);
    expectSameGlyphs(serif, serifBytes, bytes, kept);
    // A PDF's font: no cmap, no layout tables, no glyph names.
    expect(tags(bytes).sort()).toEqual(['OS/2', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'post']);
    expect(fileSum(bytes)).toBe(0xb1b0afba);
  });

  it('writes a cmap that maps each character to its glyph under the new ids, beyond the BMP too', () => {
    const text = '대한민국 헌법, 민주공화국. ABC 123 「」…·';
    const before = hbFont(koreanBytes);
    const cmap = new Map([...text].map((c) => [c.codePointAt(0)!, before.glyph(c.codePointAt(0)!)]));
    // A character beyond the Basic Multilingual Plane takes format 12; any glyph will do for it.
    cmap.set(0x1f600, cmap.get('국'.codePointAt(0)!)!);
    const { bytes, kept } = subsetGlyf(korean, { glyphs: [], cmap, copy: ['name', 'gasp', 'nope'] });
    const after = hbFont(bytes);
    for (const [cp, old] of cmap) {
      expect(after.glyph(cp), String.fromCodePoint(cp)).toBe(kept.indexOf(old));
      expect(after.path(after.glyph(cp))).toBe(before.path(old));
    }
    expect(after.glyph('X'.codePointAt(0)!)).toBe(0);
    expect(tags(bytes)).toEqual(expect.arrayContaining(['cmap', 'name', 'gasp']));
    expect(tags(bytes)).not.toEqual(expect.arrayContaining(['GSUB']));
    expect(fileSum(bytes)).toBe(0xb1b0afba);
  });

  it('leaves hinting instructions out of simple and composite glyphs', () => {
    const composite = Array.from({ length: glyphCount(serif) }, (_, g) => g).find((g) => glyphClosure(serif, [g]).size > 2)!;
    const hinted = withInstructions(serif, [36, composite]);
    const plain = subsetGlyf(serif, { glyphs: [36, composite] });
    const cut = subsetGlyf(readSfnt(hinted), { glyphs: [36, composite] });
    expect(Buffer.from(table(cut.bytes, 'glyf')).equals(Buffer.from(table(plain.bytes, 'glyf')))).toBe(true);
    expectSameGlyphs(serif, serifBytes, cut.bytes, cut.kept);
  });

  it('leaves the font it cut from as it was', () => {
    const before = Buffer.from(serif.bytes);
    subsetGlyf(serif, { glyphs: [36, 61], cmap: new Map([[65, 36]]) });
    expect(Buffer.from(serif.bytes).equals(before)).toBe(true);
  });
});

function table(bytes: Uint8Array, tag: string): Uint8Array {
  const font = readSfnt(bytes, SUBSET_TABLES);
  const t = font.tables.get(tag)!;
  return bytes.subarray(t.offset, t.offset + t.length);
}

/**
 * A copy of `font` whose `glyphs` carry instructions: three bytes after a simple glyph's
 * contour ends, and after a composite's last component (flagged WE_HAVE_INSTRUCTIONS).
 */
function withInstructions(font: SfntTables, glyphs: number[]): Uint8Array {
  const { bytes, view, glyphOffsets: offsets } = font;
  const glyf = font.tables.get('glyf')!.offset;
  const outlines: Uint8Array[] = [];
  for (let g = 0; g < offsets.length - 1; g++) {
    const o = bytes.subarray(glyf + offsets[g]!, glyf + offsets[g + 1]!);
    if (!glyphs.includes(g)) {
      outlines.push(o);
      continue;
    }
    const contours = view.getInt16(glyf + offsets[g]!);
    if (contours >= 0) {
      const at = 10 + contours * 2;
      outlines.push(Uint8Array.from([...o.subarray(0, at), 0, 3, 0xb0, 0x01, 0x2f, ...o.subarray(at + 2)]));
    } else {
      const copy = Uint8Array.from(o);
      const edit = new DataView(copy.buffer);
      let p = 10;
      for (;;) {
        const flags = edit.getUint16(p);
        const size = 4 + (flags & 1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
        if (!(flags & 0x20)) {
          edit.setUint16(p, flags | 0x100);
          p += size;
          break;
        }
        p += size;
      }
      outlines.push(Uint8Array.from([...copy.subarray(0, p), 0, 3, 0xb0, 0x01, 0x2f]));
    }
  }
  const loca = new Uint8Array(offsets.length * 4);
  const locaView = new DataView(loca.buffer);
  let end = 0;
  outlines.forEach((o, g) => {
    locaView.setUint32(g * 4, end);
    end += o.length;
  });
  locaView.setUint32(outlines.length * 4, end);
  const tables = new Map<string, Uint8Array>();
  for (const [tag, { offset, length }] of font.tables) tables.set(tag, new Uint8Array(bytes.subarray(offset, offset + length)));
  new DataView(tables.get('head')!.buffer).setInt16(50, 1);
  tables.set('loca', loca);
  const glyfBytes = new Uint8Array(end);
  let at = 0;
  for (const o of outlines) {
    glyfBytes.set(o, at);
    at += o.length;
  }
  tables.set('glyf', glyfBytes);
  return writeSfnt(view.getUint32(0), tables);
}
