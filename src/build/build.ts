// `letter build` as a library call: render every requested letter in memory, then publish.
// Nothing is written unless every letter rendered, so a bad letter never costs a good file.

import type { Diagnostic } from '../core/diagnostics.js';
import type { World } from '../core/world.js';
import { VERSION } from '../core/version.js';
import type { LockOptions } from '../publish/folder-lock.js';
import { publishLetter, type PublishedFile } from '../publish/publish.js';
import { renderLetters, type BuildOptions } from './build-letters.js';
import { stampedInputs, stampFile, stampRequest } from './build-stamp.js';
import { inputsOf } from './up-to-date.js';

export interface BuildReport {
  /** `folder` is where the letter's files are, as messages name it (`out/<id>`). */
  letters: { id: string; folder: string; files: PublishedFile[]; warnings: Diagnostic[]; upToDate: boolean }[];
}

export async function build(world: World, options: BuildOptions & { lock?: LockOptions } = {}): Promise<BuildReport> {
  const since = world.now();
  const rendered = await renderLetters(world, options);
  const letters: BuildReport['letters'] = [];
  for (const letter of rendered) {
    // A folder published from inputs that have settled is stamped (build-stamp.ts).
    const file = stampFile(letter.folder.abs, world.env);
    const sources = letter.upToDate || !file ? undefined : await inputsOf(world, letter.template);
    const inputs = sources && (await stampedInputs(world, letter.id, sources, since));
    const stamp = inputs && file !== undefined ? { file, request: stampRequest(letter.request, world.env), inputs } : undefined;
    const files = letter.upToDate ? [] : await publishLetter(letter, VERSION, options.lock, stamp);
    letters.push({ id: letter.id, folder: letter.folder.shown, files, warnings: letter.warnings, upToDate: letter.upToDate });
  }
  return { letters };
}
