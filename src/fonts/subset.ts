// Font subsetting with HarfBuzz's hb-subset (harfbuzzjs' subset wasm), called directly, for
// the Latin faces a DOCX embeds with their kerning and ligatures: it cuts the layout tables to
// the glyphs kept, which nothing else here does. Faces embedded without layout tables are cut
// in JavaScript (glyf-subset.ts); this wasm loads only when a subset needs it. Each face is
// copied into the wasm heap once per process, however many subsets are cut from it.

import { instantiateHarfBuzzFile } from './harfbuzz-wasm.js';

interface HbSubset {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const SETS_LAYOUT_FEATURE_TAG = 6;
const FLAG_NO_HINTING = 0x1;
const FLAG_NO_LAYOUT_CLOSURE = 0x200;

let loaded: Promise<HbSubset> | undefined;

function harfbuzzSubset(): Promise<HbSubset> {
  loaded ??= (async () => {
    const hb = (await instantiateHarfBuzzFile('harfbuzz-subset.wasm')) as HbSubset;
    hb._initialize();
    return hb;
  })();
  return loaded;
}

/** The faces in the wasm heap by identity, least recently used first. */
const faces = new Map<string, { face: number; data: number; size: number }>();
/** Enough for a build's Latin faces, even a project's own large ones. */
const HEAP_BUDGET = 64 * 1024 * 1024;

/** The face's bytes in the wasm heap, copied on first use and kept while there is room. */
function hbFace(hb: HbSubset, id: string, bytes: Uint8Array): number {
  let entry = faces.get(id);
  if (entry) {
    faces.delete(id);
    faces.set(id, entry);
    return entry.face;
  }
  let held = [...faces.values()].reduce((n, e) => n + e.size, 0);
  for (const [oldId, old] of faces) {
    if (held + bytes.byteLength <= HEAP_BUDGET) break;
    hb.hb_face_destroy(old.face);
    hb.free(old.data);
    faces.delete(oldId);
    held -= old.size;
  }
  entry = load(hb, bytes);
  faces.set(id, entry);
  return entry.face;
}

/** A face over a copy of `bytes` in the wasm heap; the caller frees both. */
function load(hb: HbSubset, bytes: Uint8Array): { face: number; data: number; size: number } {
  const data = hb.malloc(bytes.byteLength);
  if (!data) throw new Error(`hb-subset: no memory for a ${bytes.byteLength}-byte face`);
  new Uint8Array(hb.memory.buffer, data, bytes.byteLength).set(bytes);
  const blob = hb.hb_blob_create(data, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  return { face, data, size: bytes.byteLength };
}

/**
 * A TrueType subset with a cmap for `text`'s characters, without hinting and without glyphs
 * reached only through layout rules. The face stays in the heap, by its `sha256`, for later
 * subsets.
 */
export async function subsetFace(face: { bytes: Uint8Array; sha256: string }, text: string): Promise<Uint8Array> {
  const hb = await harfbuzzSubset();
  return cut(hb, hbFace(hb, face.sha256, face.bytes), text);
}

function cut(hb: HbSubset, hbf: number, text: string): Uint8Array {
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  try {
    // Keep every layout feature of the tables that stay (Word kerns and ligates with them).
    const features = hb.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | FLAG_NO_HINTING | FLAG_NO_LAYOUT_CLOSURE);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = hb.hb_subset_or_fail(hbf, input);
    if (!subset) throw new Error('hb_subset_or_fail failed');
    const blob = hb.hb_face_reference_blob(subset);
    const length = hb.hb_blob_get_length(blob);
    const out = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), length).slice();
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
    if (length === 0) throw new Error('hb-subset produced an empty font');
    return out;
  } finally {
    hb.hb_subset_input_destroy(input);
  }
}
