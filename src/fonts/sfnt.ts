// Reads the few things letter needs from an OpenType file without a font library: its table
// directory (to tell a font from other bytes, and a collection or PostScript outlines from
// what we embed), the metrics a PDF font descriptor states, and which glyphs a composite glyph
// is built from (they travel with it into a subset). It also writes sfnt files: the tables
// shaping reads, for HarfBuzz, and the subsets glyf-subset.ts cuts.

import type { OpenFile } from '../core/world.js';

export class SfntError extends Error {}

export interface SfntTables {
  bytes: Uint8Array;
  view: DataView;
  tables: Map<string, { offset: number; length: number }>;
  /** Where each glyph's outline starts in glyf, and (last) where the outlines end: loca, read once. */
  glyphOffsets: Uint32Array<ArrayBuffer>;
  /** For a face read without its outlines (font-file.ts): where they are, and which are in `bytes` now. */
  outlines?: { file: OpenFile; loaded: Uint8Array };
}

/** What a font letter embeds must have; a PDF subset has no cmap (its text is mapped by ToUnicode). */
export const FONT_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf'] as const;
export const SUBSET_TABLES = FONT_TABLES.filter((t) => t !== 'cmap');

/** The table directory; throws SfntError for bytes that are not a single TrueType-outline font with `required`'s tables. */
export function readSfnt(file: Uint8Array, required: readonly string[] = FONT_TABLES): SfntTables {
  // A plain view: a Node Buffer's subarray is several times slower to make and copy from.
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) throw new SfntError('too short to be a font');
  const version = view.getUint32(0);
  if (version === 0x74746366) throw new SfntError('a font collection; name one font file');
  if (version === 0x4f54544f) throw new SfntError('PostScript (CFF) outlines; letter embeds TrueType outlines');
  if (version !== 0x00010000 && version !== 0x74727565) throw new SfntError('not an OpenType/TrueType font');
  const count = view.getUint16(4);
  if (12 + count * 16 > bytes.length) throw new SfntError('its table directory is cut short');
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) throw new SfntError(`its ${tag.trim()} table runs past the end of the file`);
    tables.set(tag, { offset, length });
  }
  for (const tag of required) {
    if (!tables.has(tag)) throw new SfntError(`it has no ${tag} table`);
  }
  const font = { bytes, view, tables, glyphOffsets: new Uint32Array(0) };
  font.glyphOffsets = glyphIndex(font);
  return font;
}

/** loca as numbers; every outline must lie inside glyf, so later reads by glyph id stay in the file. */
function glyphIndex(font: SfntTables): Uint32Array<ArrayBuffer> {
  const { view, tables } = font;
  const short = (tag: string, min: number) => {
    if (tables.get(tag)!.length < min) throw new SfntError(`its ${tag} table is cut short`);
  };
  short('head', 54);
  short('hhea', 36);
  short('maxp', 6);
  const longLoca = view.getInt16(at(font, 'head') + 50) === 1;
  const numGlyphs = glyphCount(font);
  short('loca', (numGlyphs + 1) * (longLoca ? 4 : 2));
  // Advances are read by glyph id (a subset's hmtx) for every glyph the cmap can reach.
  const hMetrics = view.getUint16(at(font, 'hhea') + 34);
  if (hMetrics === 0 || hMetrics > numGlyphs) throw new SfntError(`its hhea table counts ${hMetrics} horizontal metrics for ${numGlyphs} glyphs`);
  short('hmtx', hMetrics * 4 + (numGlyphs - hMetrics) * 2);
  const loca = at(font, 'loca');
  const glyfLength = tables.get('glyf')!.length;
  const offsets = new Uint32Array(numGlyphs + 1);
  let previous = 0;
  for (let g = 0; g <= numGlyphs; g++) {
    const offset = longLoca ? view.getUint32(loca + g * 4) : view.getUint16(loca + g * 2) * 2;
    if (offset < previous || offset > glyfLength) throw new SfntError(`its glyph index (loca) points outside the outlines, at glyph ${g}`);
    offsets[g] = offset;
    previous = offset;
  }
  return offsets;
}

/** Where a table starts in the file; the caller knows the font has it. */
export function at(font: SfntTables, tag: string): number {
  return font.tables.get(tag)!.offset;
}

/** What a PDF FontDescriptor says of a face, in font units (italic angle in degrees). */
export interface FaceMetrics {
  unitsPerEm: number;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  fixedPitch: boolean;
  serif: boolean;
  postscriptName: string;
}

export function faceMetrics(font: SfntTables): FaceMetrics {
  const { view } = font;
  const head = at(font, 'head');
  const hhea = at(font, 'hhea');
  const os2 = font.tables.get('OS/2');
  const post = font.tables.get('post');
  const ascent = view.getInt16(hhea + 4);
  const capHeight = os2 && view.getUint16(os2.offset) >= 2 && os2.length >= 90 ? view.getInt16(os2.offset + 88) : ascent;
  // sFamilyClass 8 is sans serif; PANOSE serif style 11–13 likewise. Anything else reads as serif.
  const familyClass = os2 ? view.getInt16(os2.offset + 30) >> 8 : 0;
  return {
    unitsPerEm: view.getUint16(head + 18),
    bbox: [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)],
    ascent,
    descent: view.getInt16(hhea + 6),
    capHeight,
    italicAngle: post ? view.getInt32(post.offset + 4) / 65536 : 0,
    fixedPitch: post ? view.getUint32(post.offset + 12) !== 0 : false,
    serif: familyClass !== 8,
    postscriptName: postscriptName(font),
  };
}

/** name ID 6, which PDF uses as BaseFont; letters and digits only, as the spec allows. */
function postscriptName(font: SfntTables): string {
  const name = font.tables.get('name');
  let found = '';
  if (name) {
    const { view, bytes } = font;
    const count = view.getUint16(name.offset + 2);
    const strings = name.offset + view.getUint16(name.offset + 4);
    for (let i = 0; i < count && !found; i++) {
      const r = name.offset + 6 + i * 12;
      if (view.getUint16(r + 6) !== 6) continue;
      const platform = view.getUint16(r);
      const length = view.getUint16(r + 8);
      const start = strings + view.getUint16(r + 10);
      const raw = bytes.subarray(start, start + length);
      found = platform === 3 || platform === 0 ? new TextDecoder('utf-16be').decode(raw) : String.fromCharCode(...raw);
    }
  }
  return found.replace(/[^A-Za-z0-9-]/g, '') || 'Font';
}

/**
 * Reads into `font.bytes` the outlines of `gids` it does not hold yet, a run of consecutive
 * glyphs at a time. A face read whole holds them all already.
 */
export function loadOutlines(font: SfntTables, gids: Iterable<number>): void {
  const source = font.outlines;
  if (!source) return;
  const { glyphOffsets: offsets } = font;
  const glyf = at(font, 'glyf');
  const missing = [...new Set(gids)].filter((g) => g < offsets.length - 1 && !source.loaded[g]).sort((a, b) => a - b);
  for (const [first, last] of consecutiveRuns(missing)) {
    const from = glyf + offsets[first]!;
    const until = glyf + offsets[last + 1]!;
    for (let done = from; done < until; ) {
      const n = source.file.readAt(font.bytes.subarray(done, until), done);
      if (n === 0) throw new Error('the font file ended before its outlines (was it changed while the build ran?)');
      done += n;
    }
    source.loaded.fill(1, first, last + 1);
  }
}

/** Sorted, distinct glyph ids as runs of consecutive ids, `[first, last]`: each run is one read or copy. */
function consecutiveRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push([sorted[i]!, sorted[j]!]);
    i = j + 1;
  }
  return runs;
}

/** `gids`, .notdef, and every glyph their composites draw on, recursively: what a subset keeps. */
export function glyphClosure(font: SfntTables, gids: Iterable<number>): Set<number> {
  const { view, glyphOffsets: offsets } = font;
  const glyf = at(font, 'glyf');
  const out = new Set<number>();
  // A stack, not recursion: a hostile font may chain thousands of composites.
  const todo = [0, ...gids];
  loadOutlines(font, todo);
  while (todo.length) {
    const g = todo.pop()!;
    if (out.has(g) || g >= offsets.length - 1) continue;
    out.add(g);
    if (font.outlines && !font.outlines.loaded[g]) loadOutlines(font, [g]);
    const start = glyf + offsets[g]!;
    const end = glyf + offsets[g + 1]!;
    if (end - start < 10 || view.getInt16(start) >= 0) continue;
    let p = start + 10;
    // A component record cut short by a damaged glyph ends the list rather than the build.
    while (p + 4 <= end) {
      const flags = view.getUint16(p);
      todo.push(view.getUint16(p + 2));
      p += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
      if (flags & 0x0008) p += 2; // WE_HAVE_A_SCALE
      else if (flags & 0x0040) p += 4; // WE_HAVE_AN_X_AND_Y_SCALE
      else if (flags & 0x0080) p += 8; // WE_HAVE_A_TWO_BY_TWO
      if (!(flags & 0x0020)) break; // MORE_COMPONENTS
    }
  }
  return out;
}

/** What shaping reads: cmap, metrics and layout tables. Outlines are most of a CJK file. */
const SHAPING_TABLES = new Set(['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'OS/2', 'GSUB', 'GPOS', 'GDEF', 'kern', 'morx', 'kerx', 'trak', 'ankr', 'feat', 'fvar', 'avar', 'HVAR']);

/** The font without its outlines: a shaper's copy of a 14 MB CJK face is then a few hundred KB. */
export function shapingTables(font: SfntTables): Uint8Array {
  const tables = new Map<string, Uint8Array>();
  for (const [tag, { offset, length }] of font.tables) if (SHAPING_TABLES.has(tag)) tables.set(tag, font.bytes.subarray(offset, offset + length));
  // HarfBuzz checks no checksums, and summing a Korean face's 400 KB took 3 ms.
  return writeSfnt(font.view.getUint32(0), tables, false);
}

/**
 * An sfnt file of `tables`, in tag order, 4-byte aligned, with each table's checksum and head's
 * checksumAdjustment set as the OpenType spec asks (Word checks an embedded font's), or left
 * zero for a copy only HarfBuzz reads.
 */
export function writeSfnt(version: number, tables: Map<string, Uint8Array>, checksums = true): Uint8Array {
  const tags = [...tables.keys()].sort();
  const dir = 12 + tags.length * 16;
  const size = tags.reduce((n, t) => n + ((tables.get(t)!.length + 3) & ~3), dir);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, version);
  view.setUint16(4, tags.length);
  const pow = 2 ** Math.floor(Math.log2(tags.length || 1));
  view.setUint16(6, pow * 16);
  view.setUint16(8, Math.log2(pow));
  view.setUint16(10, tags.length * 16 - pow * 16);
  let at = dir;
  let head = -1;
  let tableSums = 0;
  tags.forEach((t, i) => {
    const data = tables.get(t)!;
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = t.charCodeAt(k);
    out.set(data, at);
    if (checksums) {
      if (t === 'head' && data.length >= 12) {
        head = at;
        view.setUint32(at + 8, 0);
      }
      const sum = checksum(out, at, (data.length + 3) & ~3);
      view.setUint32(rec + 4, sum);
      tableSums += sum;
    }
    view.setUint32(rec + 8, at);
    view.setUint32(rec + 12, data.length);
    at += (data.length + 3) & ~3;
  });
  // The whole file's sum is the directory's plus the tables'.
  if (head >= 0) view.setUint32(head + 8, (0xb1b0afba - ((checksum(out, 0, dir) + tableSums) % 2 ** 32)) >>> 0);
  return out;
}

/**
 * The sum, modulo 2^32, of the big-endian 32-bit words of `bytes` from `from` (`length` a
 * multiple of 4, zero-padded): added byte lane by byte lane, which comes to the same and needs
 * no DataView call per word.
 */
function checksum(bytes: Uint8Array, from: number, length: number): number {
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  // Each lane's sum stays exact: 2^53 / 255 bytes is far beyond any font.
  for (let p = from, end = from + length; p < end; p += 4) {
    b0 += bytes[p]!;
    b1 += bytes[p + 1]!;
    b2 += bytes[p + 2]!;
    b3 += bytes[p + 3]!;
  }
  return (b0 * 2 ** 24 + b1 * 2 ** 16 + b2 * 2 ** 8 + b3) % 2 ** 32;
}

/** maxp's glyph count. */
export function glyphCount(font: SfntTables): number {
  return font.view.getUint16(at(font, 'maxp') + 4);
}
