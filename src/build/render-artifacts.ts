// The heavy half of a build, loaded only when something must be rendered: the letter is
// parsed, the template fills each language's model, the font book is read, and every
// format's writer runs in memory. An up-to-date build never loads this module, nor the
// parsers and writers behind it. The CLI's bundle makes it and everything it imports one
// code-cached script (scripts/bundle-cli.mjs), so what crosses in and out of
// renderLetterAnew is plain data, the World and LetterErrors.

import { LetterError, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { collectIfLarge } from '../core/heap.js';
import { preparedParts } from '../core/prepared-parts.js';
import type { World } from '../core/world.js';
import { loadFontBook } from '../fonts/font-book.js';
import { harfBuzzWasm } from '../fonts/harfbuzz-wasm.js';
import { parseLetter, type Letter } from '../load/load-letter.js';
import type { Folder } from '../publish/out-folder.js';
import { FORMATS, type Format } from '../render/formats.js';
import { loadTemplate, type TemplateFiles } from '../template/template-files.js';
import { artifactName, sha256 } from './artifacts.js';
import type { BuildOptions, RenderedArtifact, RenderedLetter } from './build-letters.js';
import { letterModel } from './letter-model.js';
import { inputsKey, type BuildRequest, type RecordedBuild } from './up-to-date.js';

/** A letter the up-to-date check found must be rendered, with what the check already read. */
export interface LetterToRender {
  id: string;
  /** letters/<id>/letter.yaml, and its bytes. */
  file: string;
  bytes: Uint8Array;
  folder: Folder;
  /** Format ids, from the format table. */
  formats: string[];
  options: BuildOptions;
  request: BuildRequest;
  recorded: RecordedBuild | undefined;
}

export async function renderLetterAnew(world: World, job: LetterToRender): Promise<RenderedLetter> {
  const { id, file, bytes, folder, options, request, recorded } = job;
  // HarfBuzz's wasm first of all: its module loads and compiles only while the main thread
  // waits, and layout would otherwise stand idle for it once the models are made (20–40 ms).
  harfBuzzWasm().catch(() => undefined);
  const letter = await parseLetter(id, file, bytes, options);
  await compileSteps();
  // The font book is started now, so that its faces are read as soon as the thread is free;
  // renderArtifacts finds the same promise.
  loadFontBook(world).catch(() => undefined);
  const template = await loadTemplate(world, letter.data.template, letter.where.valueAt(['template']));
  const only = options.languages;
  const languages = only?.length ? letter.data.languages.filter((l) => only.includes(l)) : letter.data.languages;
  // The check made the key already if the manifest names this template; the template was
  // found, so the key can be made.
  const inputs = (recorded?.manifest.template === letter.data.template ? recorded.key : undefined) ?? (await inputsKey(world, letter.source, letter.data.template, request))!;
  const list = letter.data.signatories;
  const signatories = { count: list.list.length, asOf: list.as_of ?? list.list.map((s) => s.joined ?? '').sort().at(-1) ?? null };
  const formats = job.formats.map((f) => FORMATS.find((format) => format.id === f)!);
  const { artifacts, warnings } = await renderArtifacts(world, letter, template, languages, formats, folder);
  return { id, folder, artifacts, warnings, inputs, request, template: letter.data.template, upToDate: false, signatories };
}

async function renderArtifacts(world: World, letter: Letter, template: TemplateFiles, languages: string[], formats: Format[], folder: Folder): Promise<{ artifacts: RenderedArtifact[]; warnings: Diagnostic[] }> {
  // The font book renderLetterAnew started: the same promise.
  const fontBook = loadFontBook(world);
  fontBook.catch(() => undefined);
  await compileSteps();
  const models = languages.map((lang) => letterModel(letter, lang, template, world.env));
  const fonts = await fontBook;
  const prepared = preparedParts(world);
  const artifacts: RenderedArtifact[] = [];
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const [i, lang] of languages.entries()) {
    const model = models[i]!;
    for (const format of formats) {
      try {
        // Not performance.now(): the global loads perf_hooks and a dozen modules behind it.
        const start = process.hrtime.bigint();
        const { bytes, warnings: found, pages } = await format.render(model, { fonts, prepared });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        collectIfLarge();
        warnings.push(...found);
        const name = artifactName(letter.id, lang, format);
        artifacts.push({ letter: letter.id, lang, format: format.id, name, path: `${folder.shown}/${name}`, bytes, sha256: sha256(bytes), ms, ...(pages ? { pages } : {}) });
      } catch (e) {
        if (!(e instanceof LetterError)) throw e;
        // Two formats of one language find the same problems; report them once.
        for (const d of e.diagnostics) if (!problems.some((p) => p.message === d.message && p.pos.line === d.pos.line)) problems.push(d);
      }
    }
  }
  if (problems.length) throw new LetterError(problems);
  return { artifacts, warnings: sortDiagnostics(warnings) };
}

/**
 * A turn of the event loop. V8 compiles HarfBuzz's wasm on another thread but takes each step
 * of it on this one, as a task the event loop runs; loading and modelling a letter never gave
 * it a turn, so the models were made and then layout waited for the compile (some 20 ms of
 * the seed letter's build). A turn after parsing and one before the models let it finish
 * meanwhile.
 */
function compileSteps(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
