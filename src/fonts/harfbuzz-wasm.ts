// HarfBuzz's shaping wasm (harfbuzzjs' build), instantiated and called directly. harfbuzzjs'
// own binding is an ES module whose glyph reading makes an object and a wasm call per glyph;
// a letter shapes some 2,000 words, a list of thousands of names tens of thousands, and that
// glue cost more than the shaping. Here the shaper reads the glyphs straight out of the wasm
// memory (shaper.ts). The module asks its host for little: to grow its memory, and to abort.
// hb-subset's build (subset.ts) is read and instantiated the same way.

import { readFileSync } from 'node:fs';
import { packageFile } from '../core/node-world.js';

/** The exports the shaper calls; pointers are byte offsets into `memory`. */
export interface HarfBuzzWasm {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  __wasm_call_ctors(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_get_upem(face: number): number;
  hb_font_create(face: number): number;
  hb_font_get_nominal_glyph(font: number, unicode: number, glyph: number): number;
  hb_font_get_glyph_h_advance(font: number, glyph: number): number;
  hb_buffer_create(): number;
  hb_buffer_clear_contents(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_shape(font: number, buffer: number, features: number, count: number): void;
}

/** The wasm module's own name for a failure it cannot go on from. */
class HarfBuzzAbort extends Error {}

let loaded: Promise<HarfBuzzWasm> | undefined;

/** HarfBuzz, compiled and started once per process, on first use: a no-op build never pays for it. */
export function harfBuzzWasm(): Promise<HarfBuzzWasm> {
  loaded ??= instantiate();
  return loaded;
}

/**
 * One of harfbuzzjs' wasm builds (`harfbuzz.wasm`, `harfbuzz-subset.wasm`), read from where
 * the package is installed and instantiated with `imports`. Its functions compile as they are
 * first called (core/short-process.ts).
 */
export async function instantiateHarfBuzzFile(file: string, imports: object = {}): Promise<unknown> {
  const bytes = readFileSync(packageFile(`harfbuzzjs/dist/${file}`));
  // Node has WebAssembly; this project's TypeScript libs (no DOM) do not declare it.
  const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: { instantiate(b: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }> } };
  return (await wasmApi.instantiate(bytes, imports)).instance.exports;
}

async function instantiate(): Promise<HarfBuzzWasm> {
  let memory: HarfBuzzWasm['memory'] | undefined;
  const imports = {
    env: {
      // malloc asks for more memory: grow by at least a fifth, as Emscripten's runtime would.
      emscripten_resize_heap: (requested: number) => {
        const now = memory!.buffer.byteLength;
        const wanted = Math.max(requested >>> 0, Math.ceil(now * 1.2));
        if (wanted > 2 ** 31) return 0;
        try {
          memory!.grow(Math.ceil((wanted - now) / 65536));
          return 1;
        } catch {
          return 0;
        }
      },
      _abort_js: () => {
        throw new HarfBuzzAbort('HarfBuzz aborted');
      },
      // Timers and the runtime's keep-alive belong to Emscripten's main loop, which this
      // library never runs.
      _setitimer_js: () => 0,
      _emscripten_runtime_keepalive_clear: () => undefined,
    },
    wasi_snapshot_preview1: {
      proc_exit: (code: number) => {
        throw new HarfBuzzAbort(`HarfBuzz exited with ${code}`);
      },
    },
  };
  const hb = (await instantiateHarfBuzzFile('harfbuzz.wasm', imports)) as HarfBuzzWasm;
  memory = hb.memory;
  hb.__wasm_call_ctors();
  return hb;
}
