// Font subsetting with HarfBuzz's hb-subset (harfbuzzjs' subset wasm), called directly: the
// PDF asks for the glyphs it draws, the DOCX for the characters it holds. Each face is copied
// into the wasm heap once per process, however many subsets are cut from it.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

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
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const SETS_DROP_TABLE_TAG = 3;
const SETS_LAYOUT_FEATURE_TAG = 6;
const FLAG_NO_HINTING = 0x1;
const FLAG_NO_LAYOUT_CLOSURE = 0x200;

export interface SubsetRequest {
  /** Characters whose cmap glyphs to keep (the subset keeps a cmap for them). */
  text?: string;
  /** Glyph ids to keep. Glyphs are renumbered in ascending order of their old ids. */
  glyphs?: Iterable<number>;
  /** Tables to leave out. */
  dropTables?: readonly string[];
}

let loaded: Promise<HbSubset> | undefined;

/**
 * Starts reading and instantiating hb-subset, for a build that will subset: the file read and
 * the module's decoding run off the main thread while it lays out, instead of keeping it
 * waiting at the first subset. Its functions compile as they are first called
 * (core/short-process.ts).
 */
export function prepareSubsetter(): void {
  harfbuzzSubset().catch(() => undefined);
}

function harfbuzzSubset(): Promise<HbSubset> {
  loaded ??= (async () => {
    const wasm = await readFile(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    // Node has WebAssembly; this project's TypeScript libs (no DOM) do not declare it.
    const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: { instantiate(b: Uint8Array): Promise<{ instance: { exports: unknown } }> } };
    const { instance } = await wasmApi.instantiate(wasm);
    const hb = instance.exports as HbSubset;
    hb._initialize();
    return hb;
  })();
  return loaded;
}

/** The faces in the wasm heap by identity, least recently used first. */
const faces = new Map<string, { face: number; data: number; size: number }>();
/** Enough for a build's faces (two 14 MB Korean ones and the Latin ones). */
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

const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

/**
 * A TrueType subset without hinting and without glyphs reached only through layout rules.
 * A face with a `sha256` stays in the heap for later subsets; one without (a trimmed copy
 * made for this call) is freed after it.
 */
export async function subsetFace(face: { bytes: Uint8Array; sha256?: string }, request: SubsetRequest): Promise<Uint8Array> {
  const hb = await harfbuzzSubset();
  if (face.sha256) return cut(hb, hbFace(hb, face.sha256, face.bytes), request);
  const transient = load(hb, face.bytes);
  try {
    return cut(hb, transient.face, request);
  } finally {
    hb.hb_face_destroy(transient.face);
    hb.free(transient.data);
  }
}

function cut(hb: HbSubset, hbf: number, request: SubsetRequest): Uint8Array {
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  try {
    // Keep every layout feature of the tables that stay (Word kerns and ligates with them).
    const features = hb.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | FLAG_NO_HINTING | FLAG_NO_LAYOUT_CLOSURE);
    const drop = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const t of request.dropTables ?? []) hb.hb_set_add(drop, tag(t));
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of request.text ?? '') hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    const glyphs = hb.hb_subset_input_glyph_set(input);
    for (const g of request.glyphs ?? []) hb.hb_set_add(glyphs, g);
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
