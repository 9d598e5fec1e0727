// The PDF's fonts: each face is embedded once as a Type0 font over a CIDFontType2 subset cut
// to exactly the glyphs layout shaped, without cmap or layout tables (glyf-subset.ts): a
// CIDFontType2 addresses glyphs by CID, and text is mapped by ToUnicode, as in Typst's and
// pdfkit's subsets. Text is shown glyph by glyph (Identity-H, CID = glyph of the subset), with
// the shaper's kerning as TJ adjustments, so the PDF sets what layout measured without shaping
// anything again. A ToUnicode map gives each glyph the characters it was shaped from, for
// search and copy.

import { createHash } from 'node:crypto';
import type { Face } from '../../fonts/font-book.js';
import { subsetGlyf } from '../../fonts/glyf-subset.js';
import { faceMetrics } from '../../fonts/sfnt.js';
import type { GlyphRun } from '../../fonts/shaper.js';
import { num, type PdfFile, type Ref, round, Text } from './pdf-objects.js';

interface Embedded {
  name: string;
  ref: Ref;
  /** Each original glyph's subset id as content streams write it: four hex digits. */
  hex: Map<number, string>;
  /** Nominal advance of each original glyph, in thousandths of an em (what /W says). */
  width: Map<number, number>;
  upem: number;
}

export class PdfFonts {
  private readonly used = new Map<Face, Map<number, string>>();
  private readonly embedded = new Map<Face, Embedded>();

  constructor(private readonly file: PdfFile) {}

  /** Notes the runs' glyphs and the text each stands for; call for every run drawn before `embed`. */
  use(face: Face, runs: readonly GlyphRun[]): void {
    let glyphs = this.used.get(face);
    if (!glyphs) this.used.set(face, (glyphs = new Map()));
    for (const run of runs) {
      for (let i = 0; i < run.glyphs.length; i++) {
        const gid = run.glyphs[i]!;
        if (glyphs.get(gid)) continue;
        // The glyph that starts a cluster stands for the cluster's characters; the others for none.
        const start = run.clusters[i]!;
        const first = run.clusters.indexOf(start) === i;
        const end = run.clusters.find((c) => c > start) ?? run.text.length;
        glyphs.set(gid, first ? run.text.slice(start, end) : '');
      }
    }
  }

  /** Subsets every face used and writes its font objects. */
  embed(): void {
    let n = 0;
    for (const [face, glyphs] of this.used) {
      const { bytes, kept } = subsetGlyf(face.sfnt, { glyphs: glyphs.keys() });
      const metrics = faceMetrics(face.sfnt);
      const scale = 1000 / metrics.unitsPerEm;
      // Rounded as /W writes them, so the TJ adjustments below start from the declared widths.
      const width = new Map(kept.map((g) => [g, round(face.shaper.advanceOf(g) * scale)]));
      const name = `${subsetTag(face.key, kept)}+${metrics.postscriptName}`;
      const hex = new Map(kept.map((g, i) => [g, i.toString(16).padStart(4, '0')]));
      this.embedded.set(face, { name: `F${++n}`, ref: this.fontObjects(name, bytes, metrics, kept, width, glyphs, scale), hex, width, upem: metrics.unitsPerEm });
    }
  }

  /** Every embedded font by its resource name, for the pages' /Font dictionary. */
  resources(): Record<string, Ref> {
    return Object.fromEntries([...this.embedded.values()].map((e) => [e.name, e.ref]));
  }

  /**
   * Operators that show `runs`, one after the other, at (x, baseline y) on the current page,
   * y measured downwards. Horizontal offsets and kerning become TJ adjustments; a glyph raised
   * or lowered by the shaper (a stacked mark) gets its own TJ under a text rise.
   */
  show(face: Face, size: number, runs: readonly GlyphRun[], x: number, y: number, letterSpacing = 0): string {
    const font = this.embedded.get(face);
    if (!font) throw new Error(`${face.key} was drawn before it was embedded`);
    const scale = 1000 / font.upem;
    // Written in one pass without closures: a long list draws tens of thousands of runs.
    let out = `BT /${font.name} ${num(size)} Tf 1 0 0 -1 ${num(x)} ${num(y)} Tm`;
    if (letterSpacing) out += ` ${num(letterSpacing)} Tc`;
    let tj = '';
    let hex = '';
    let rise = 0;
    for (const run of runs) {
      for (let i = 0; i < run.glyphs.length; i++) {
        const gid = run.glyphs[i]!;
        const glyphRise = (run.yOffsets[i]! * size) / font.upem;
        if (glyphRise !== rise) {
          if (hex) tj += `<${hex}>`;
          if (tj) out += ` [${tj.trim()}] TJ`;
          hex = tj = '';
          out += ` ${num(glyphRise)} Ts`;
          rise = glyphRise;
        }
        const offset = run.xOffsets[i]! * scale;
        if (Math.abs(offset) >= 0.001) {
          if (hex) tj += `<${hex}>`;
          tj += ` ${num(-offset)} `;
          hex = '';
        }
        hex += font.hex.get(gid)!;
        // TJ moves by the nominal width; the shaper's advance may differ (kerning).
        const adjust = font.width.get(gid)! - run.advances[i]! * scale + offset;
        if (Math.abs(adjust) >= 0.001) {
          tj += `<${hex}> ${num(adjust)} `;
          hex = '';
        }
      }
    }
    if (hex) tj += `<${hex}>`;
    if (tj) out += ` [${tj.trim()}] TJ`;
    // Tc and Ts outlive ET, so a run that set them puts them back.
    if (rise) out += ' 0 Ts';
    if (letterSpacing) out += ' 0 Tc';
    return `${out} ET`;
  }

  private fontObjects(baseFont: string, bytes: Uint8Array, m: ReturnType<typeof faceMetrics>, kept: number[], width: Map<number, number>, text: Map<number, string>, scale: number): Ref {
    const file = this.file;
    const flags = (m.fixedPitch ? 1 : 0) | (m.serif ? 2 : 0) | 4 | (m.italicAngle !== 0 ? 64 : 0);
    const descriptor = file.add({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: flags,
      FontBBox: m.bbox.map((v) => v * scale),
      ItalicAngle: m.italicAngle,
      Ascent: m.ascent * scale,
      Descent: m.descent * scale,
      CapHeight: m.capHeight * scale,
      StemV: 0,
      FontFile2: file.stream({ Length1: bytes.length }, bytes),
    });
    const cidFont = file.add({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: new Text('Adobe'), Ordering: new Text('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, kept.map((g) => width.get(g)!)],
      CIDToGIDMap: 'Identity',
    });
    const toUnicode = file.stream({}, toUnicodeCMap(kept.map((g) => text.get(g) ?? '')));
    return file.add({ Type: 'Font', Subtype: 'Type0', BaseFont: baseFont, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode });
  }
}

/** A CMap from each CID (the subset's glyph) to the UTF-16 of its text. */
function toUnicodeCMap(texts: string[]): string {
  const entries: string[] = [];
  texts.forEach((t, cid) => {
    if (!t) return;
    let hex = '';
    for (let i = 0; i < t.length; i++) hex += t.charCodeAt(i).toString(16).padStart(4, '0');
    entries.push(`<${cid.toString(16).padStart(4, '0')}> <${hex}>`);
  });
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CIDCMap defineresource pop
end
end`;
}

/** Six capitals, as PDF subset names require, derived from the glyphs kept: same subset, same tag. */
function subsetTag(key: string, kept: number[]): string {
  const digest = createHash('sha256').update(key).update(Uint32Array.from(kept)).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}
