// Building document models of test letters through the real pipeline.

import { letterModel } from '../../src/build/letter-model.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { loadLetter } from '../../src/load/load-letter.js';
import { loadTemplate } from '../../src/template/template-files.js';
import type { DocumentModel } from '../../src/model/document.js';

export async function modelOf(root: string, id: string, lang: string, env: Record<string, string | undefined> = {}): Promise<DocumentModel> {
  const world = nodeWorld(root, env);
  const letter = await loadLetter(world, id);
  const template = await loadTemplate(world, letter.data.template, { file: letter.file });
  return letterModel(letter, lang, template, env);
}
