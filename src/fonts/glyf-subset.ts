// TrueType subsets cut here, in JavaScript, for faces embedded without layout tables: every
// PDF font (glyphs by id, no cmap) and the Korean faces of a DOCX (a cmap for their characters,
// no GSUB or GPOS). The work is copying a few hundred outlines; hb-subset did the same, but
// reading, instantiating and compiling its wasm cost a build 60–80 ms. It stays for a DOCX's
// Latin faces, whose kerning and ligature tables must be cut to the glyphs kept (subset.ts).
//
// Glyphs are renumbered in ascending order of their old ids, .notdef first, with every glyph a
// composite draws on. Only tables known to hold no glyph ids are copied; hinting goes (the
// glyphs' instructions, cvt, fpgm and prep), as hb-subset's no-hinting cut did.

import { at, glyphClosure, writeSfnt, type SfntTables } from './sfnt.js';

export interface GlyfSubsetRequest {
  /** Glyphs (old ids) to keep. */
  glyphs: Iterable<number>;
  /** Code point → old glyph id, for a cmap; without it the subset has none. */
  cmap?: ReadonlyMap<number, number>;
  /** Tables that hold no glyph ids, copied as they are when the face has them (name, gasp). */
  copy?: readonly string[];
}

export interface GlyfSubset {
  bytes: Uint8Array;
  /** The old ids kept; a glyph's new id is its index here. */
  kept: number[];
}

const MORE_COMPONENTS = 0x0020;
const WE_HAVE_INSTRUCTIONS = 0x0100;

export function subsetGlyf(font: SfntTables, request: GlyfSubsetRequest): GlyfSubset {
  const cmap = request.cmap ?? new Map<number, number>();
  const kept = [...glyphClosure(font, [...request.glyphs, ...cmap.values()])].sort((a, b) => a - b);
  const newGid = new Map(kept.map((g, i) => [g, i]));
  const { glyf, loca, longLoca } = outlines(font, kept, newGid);
  const tables = new Map<string, Uint8Array>();
  const copyOf = (tag: string) => {
    const t = font.tables.get(tag);
    return t && new Uint8Array(font.bytes.subarray(t.offset, t.offset + t.length));
  };
  const head = copyOf('head')!;
  new DataView(head.buffer).setInt16(50, longLoca ? 1 : 0); // indexToLocFormat
  const { hmtx, hMetrics } = metrics(font, kept);
  const hhea = copyOf('hhea')!;
  new DataView(hhea.buffer).setUint16(34, hMetrics);
  const maxp = copyOf('maxp')!;
  new DataView(maxp.buffer).setUint16(4, kept.length);
  tables.set('head', head).set('hhea', hhea).set('maxp', maxp).set('hmtx', hmtx).set('loca', loca).set('glyf', glyf);
  const os2 = copyOf('OS/2');
  if (os2) tables.set('OS/2', os2);
  // post without glyph names (version 3): names are indexed by the old glyph ids.
  const post = copyOf('post');
  if (post && post.length >= 32) {
    new DataView(post.buffer).setUint32(0, 0x00030000);
    tables.set('post', post.subarray(0, 32));
  }
  if (request.cmap) tables.set('cmap', cmapTable([...cmap].map(([cp, g]) => [cp, newGid.get(g) ?? 0] as const)));
  for (const tag of request.copy ?? []) {
    const t = copyOf(tag);
    if (t) tables.set(tag, t);
  }
  return { bytes: writeSfnt(font.view.getUint32(0), tables), kept };
}

/**
 * glyf and loca of the kept glyphs, each outline without instructions; short (halved)
 * offsets, each outline padded to an even length, whenever they fit.
 */
function outlines(font: SfntTables, kept: readonly number[], newGid: ReadonlyMap<number, number>): { glyf: Uint8Array; loca: Uint8Array; longLoca: boolean } {
  const { bytes, glyphOffsets: offsets } = font;
  const base = at(font, 'glyf');
  // .notdef is kept empty, as hb-subset keeps it: nothing here draws it on purpose.
  const pieces = kept.map((g) => (g === 0 ? bytes.subarray(0, 0) : outline(bytes.subarray(base + offsets[g]!, base + offsets[g + 1]!), newGid)));
  const longLoca = pieces.reduce((n, p) => n + ((p.length + 1) & ~1), 0) > 0x1fffe;
  const ends: number[] = [];
  let size = 0;
  for (const p of pieces) ends.push((size += longLoca ? p.length : (p.length + 1) & ~1));
  const glyf = new Uint8Array(size);
  pieces.forEach((p, i) => glyf.set(p, i === 0 ? 0 : ends[i - 1]!));
  const loca = new Uint8Array((kept.length + 1) * (longLoca ? 4 : 2));
  const view = new DataView(loca.buffer);
  [0, ...ends].forEach((end, i) => (longLoca ? view.setUint32(i * 4, end) : view.setUint16(i * 2, end / 2)));
  return { glyf, loca, longLoca };
}

/**
 * One outline without its hinting instructions, a composite's components renumbered. An
 * outline too short for its own counts is kept as it is.
 */
function outline(data: Uint8Array, newGid: ReadonlyMap<number, number>): Uint8Array {
  if (data.length < 10) return data.subarray(0, 0);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const contours = view.getInt16(0);
  return contours >= 0 ? simpleOutline(data, view, contours) : compositeOutline(data, newGid);
}

function simpleOutline(data: Uint8Array, view: DataView, contours: number): Uint8Array {
  const instructionsAt = 10 + contours * 2;
  if (instructionsAt + 2 > data.length) return data;
  const length = view.getUint16(instructionsAt);
  if (length === 0 || instructionsAt + 2 + length > data.length) return data;
  const out = new Uint8Array(data.length - length);
  out.set(data.subarray(0, instructionsAt)); // instructionLength stays 0
  out.set(data.subarray(instructionsAt + 2 + length), instructionsAt + 2);
  return out;
}

function compositeOutline(data: Uint8Array, newGid: ReadonlyMap<number, number>): Uint8Array {
  const out = new Uint8Array(data);
  const view = new DataView(out.buffer);
  let p = 10;
  while (p + 4 <= out.length) {
    const flags = view.getUint16(p);
    view.setUint16(p, flags & ~WE_HAVE_INSTRUCTIONS);
    view.setUint16(p + 2, newGid.get(view.getUint16(p + 2)) ?? 0);
    p += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) p += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040) p += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) p += 8; // WE_HAVE_A_TWO_BY_TWO
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return out.subarray(0, Math.min(p, out.length));
}

/** hmtx of the kept glyphs, the run of equal advances at its end written once (numberOfHMetrics). */
function metrics(font: SfntTables, kept: readonly number[]): { hmtx: Uint8Array; hMetrics: number } {
  const { view } = font;
  const hmtx = at(font, 'hmtx');
  const long = view.getUint16(at(font, 'hhea') + 34);
  const advance = (g: number) => view.getUint16(hmtx + 4 * Math.min(g, long - 1));
  const bearing = (g: number) => view.getInt16(g < long ? hmtx + 4 * g + 2 : hmtx + 4 * long + 2 * (g - long));
  const advances = kept.map(advance);
  let hMetrics = advances.length;
  while (hMetrics > 1 && advances[hMetrics - 2] === advances.at(-1)) hMetrics--;
  const out = new Uint8Array(hMetrics * 4 + (kept.length - hMetrics) * 2);
  const w = new DataView(out.buffer);
  kept.forEach((g, i) => {
    if (i < hMetrics) {
      w.setUint16(i * 4, advances[i]!);
      w.setInt16(i * 4 + 2, bearing(g));
    } else w.setInt16(hMetrics * 4 + (i - hMetrics) * 2, bearing(g));
  });
  return { hmtx: out, hMetrics };
}

/**
 * A cmap of (code point, new glyph) pairs: format 4 for the Basic Multilingual Plane under
 * Unicode and Windows, and format 12 for all of them when any lies beyond it.
 */
function cmapTable(pairs: (readonly [number, number])[]): Uint8Array {
  const mapped = pairs.filter(([, g]) => g !== 0).sort((a, b) => a[0] - b[0]);
  // Runs of consecutive code points drawn by consecutive glyphs: one segment or group each.
  const runs: [number, number, number][] = [];
  for (const [cp, g] of mapped) {
    const last = runs.at(-1);
    if (last && cp === last[1] + 1 && g === last[2] + (cp - last[0])) last[1] = cp;
    else runs.push([cp, cp, g]);
  }
  const bmp = runs.filter(([, end]) => end <= 0xffff);
  // Format 4 holds some 8,000 segments; more, and format 12 alone maps them all.
  const short = bmp.length < 8000;
  const subtables: { records: [number, number][]; bytes: Uint8Array }[] = short ? [{ records: [[0, 3], [3, 1]], bytes: format4(bmp) }] : [];
  if (runs.length > bmp.length || !short) subtables.push({ records: [[0, 4], [3, 10]], bytes: format12(runs) });
  const records = subtables.flatMap((s, i) => s.records.map(([p, e]) => [p, e, i] as const)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const header = 4 + records.length * 8;
  const out = new Uint8Array(header + subtables.reduce((n, s) => n + s.bytes.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, records.length);
  const offsets: number[] = [];
  let end = header;
  for (const s of subtables) {
    offsets.push(end);
    out.set(s.bytes, end);
    end += s.bytes.length;
  }
  records.forEach(([platform, encoding, i], k) => {
    view.setUint16(4 + k * 8, platform);
    view.setUint16(6 + k * 8, encoding);
    view.setUint32(8 + k * 8, offsets[i]!);
  });
  return out;
}

function format4(runs: [number, number, number][]): Uint8Array {
  // Each run a segment with a constant delta; the closing 0xFFFF segment maps to .notdef.
  const segments = [...runs.filter(([start]) => start < 0xffff).map(([start, end, g]) => [start, Math.min(end, 0xfffe), (g - start) & 0xffff]), [0xffff, 0xffff, 1]];
  const n = segments.length;
  const out = new Uint8Array(16 + n * 8);
  const view = new DataView(out.buffer);
  const searchRange = 2 * 2 ** Math.floor(Math.log2(n));
  view.setUint16(0, 4);
  view.setUint16(2, out.length);
  view.setUint16(6, n * 2);
  view.setUint16(8, searchRange);
  view.setUint16(10, Math.log2(searchRange / 2));
  view.setUint16(12, n * 2 - searchRange);
  segments.forEach(([start, end, delta], i) => {
    view.setUint16(14 + i * 2, end!);
    view.setUint16(16 + n * 2 + i * 2, start!);
    view.setUint16(16 + n * 4 + i * 2, delta!);
    // idRangeOffset (16 + n * 6) stays 0: every segment maps by its delta.
  });
  return out;
}

function format12(runs: [number, number, number][]): Uint8Array {
  const out = new Uint8Array(16 + runs.length * 12);
  const view = new DataView(out.buffer);
  view.setUint16(0, 12);
  view.setUint32(4, out.length);
  view.setUint32(12, runs.length);
  runs.forEach(([start, end, g], i) => {
    view.setUint32(16 + i * 12, start);
    view.setUint32(20 + i * 12, end);
    view.setUint32(24 + i * 12, g);
  });
  return out;
}
