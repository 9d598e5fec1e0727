// The heavy half of a build, loaded only when something must be rendered: the template fills
// each language's model, the font book is read, and every format's writer runs in memory.
// An up-to-date build never loads this module, nor the font parser and writers behind it.

import { LetterError, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { collectIfLarge } from '../core/heap.js';
import type { World } from '../core/world.js';
import { loadFontBook } from '../fonts/font-book.js';
import type { Letter } from '../load/load-letter.js';
import type { Folder } from '../publish/out-folder.js';
import type { Format } from '../render/formats.js';
import type { TemplateFiles } from '../template/template-files.js';
import { artifactName, sha256 } from './artifacts.js';
import type { RenderedArtifact } from './build-letters.js';
import { letterModel } from './letter-model.js';

export async function renderArtifacts(world: World, letter: Letter, template: TemplateFiles, languages: string[], formats: Format[], folder: Folder): Promise<{ artifacts: RenderedArtifact[]; warnings: Diagnostic[] }> {
  // The faces are read (on libuv's threads) while the models are made.
  const fontBook = loadFontBook(world);
  fontBook.catch(() => undefined);
  const models = languages.map((lang) => letterModel(letter, lang, template, world.env));
  const fonts = await fontBook;
  const artifacts: RenderedArtifact[] = [];
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const [i, lang] of languages.entries()) {
    const model = models[i]!;
    for (const format of formats) {
      try {
        const start = performance.now();
        const { bytes, warnings: found, pages } = await format.render(model, { fonts });
        const ms = performance.now() - start;
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
