// `letter build` as a library call: render every requested letter in memory, then publish.
// Nothing is written unless every letter rendered, so a bad letter never costs a good file.

import type { Diagnostic } from '../core/diagnostics.js';
import type { World } from '../core/world.js';
import { VERSION } from '../core/version.js';
import type { LockOptions } from '../publish/folder-lock.js';
import { publishLetter, type PublishedFile } from '../publish/publish.js';
import { renderLetters, type BuildOptions } from './build-letters.js';

export interface BuildReport {
  /** `folder` is where the letter's files are, as messages name it (`out/<id>`). */
  letters: { id: string; folder: string; files: PublishedFile[]; warnings: Diagnostic[]; upToDate: boolean }[];
}

export async function build(world: World, options: BuildOptions & { lock?: LockOptions } = {}): Promise<BuildReport> {
  const rendered = await renderLetters(world, options);
  const letters: BuildReport['letters'] = [];
  for (const letter of rendered) {
    const files = letter.upToDate ? [] : await publishLetter(letter, VERSION, options.lock);
    letters.push({ id: letter.id, folder: letter.folder.shown, files, warnings: letter.warnings, upToDate: letter.upToDate });
  }
  return { letters };
}
