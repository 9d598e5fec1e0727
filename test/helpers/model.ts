// Building document models of test letters: through the real pipeline, or by hand from
// blocks and runs, with the built-in template's style sheet.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { letterModel } from '../../src/build/letter-model.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { loadLetter } from '../../src/load/load-letter.js';
import { loadTemplate } from '../../src/template/template-files.js';
import type { Block, DocumentModel, Inline, Marks } from '../../src/model/document.js';
import { resolveStyleSheet, StyleSheetSchema, type StyleSheet } from '../../src/model/stylesheet.js';
import { REPO } from './project.js';

export async function modelOf(root: string, id: string, lang: string, env: Record<string, string | undefined> = {}): Promise<DocumentModel> {
  const world = nodeWorld(root, env);
  const letter = await loadLetter(world, id);
  const template = await loadTemplate(world, letter.data.template, { file: letter.file });
  return letterModel(letter, lang, template, env);
}

/** Where every hand-built block and run claims to come from. */
export const pos = { file: 'letters/test/letter.yaml', line: 1 };

export const text = (t: string, extra: { marks?: Marks; role?: string; href?: string } = {}): Inline => ({ kind: 'text', text: t, marks: extra.marks ?? {}, ...(extra.role ? { role: extra.role } : {}), ...(extra.href ? { href: extra.href } : {}), pos });
export const br: Inline = { kind: 'break', pos };
export const para = (role: string, content: Inline[], heading?: 1 | 2 | 3): Block => ({ kind: 'paragraph', role, content, ...(heading ? { heading } : {}), pos });

/** The built-in template's style sheet for `lang`. */
export function templateStyles(lang: string): StyleSheet {
  return resolveStyleSheet(StyleSheetSchema.parse(JSON.parse(readFileSync(path.join(REPO, 'templates/joint-letter/styles.json'), 'utf8'))), lang);
}
