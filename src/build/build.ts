// `letter build` as a library call: render every requested letter in memory, then publish.
// Nothing is written unless every letter rendered, so a bad letter never costs a good file.

import type { Diagnostic } from '../core/diagnostics.js';
import type { World } from '../core/world.js';
import { VERSION } from '../core/version.js';
import { publishLetter, type PublishedFile } from '../publish/publish.js';
import { renderLetters, type BuildOptions } from './build-letters.js';

export interface BuildReport {
  letters: { id: string; files: PublishedFile[]; warnings: Diagnostic[]; upToDate: boolean }[];
}

export async function build(world: World, options: BuildOptions = {}): Promise<BuildReport> {
  const rendered = await renderLetters(world, options);
  const letters: BuildReport['letters'] = [];
  for (const letter of rendered) {
    const files = letter.upToDate ? [] : await publishLetter(world.root, letter, VERSION);
    letters.push({ id: letter.id, files, warnings: letter.warnings, upToDate: letter.upToDate });
  }
  return { letters };
}
