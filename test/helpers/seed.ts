// The seed letter, built once per test file into a temporary project: the artifacts a user gets
// from `letter build`, and the letter's own paragraphs and names to look for in them.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { build } from '../../src/build/build.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { projectWithLetter, REPO } from './project.js';

export const SEED = 'nk-pows-2025';

interface SeedYaml {
  body: Record<string, string>;
  signatories: { list: { name: Record<string, string>; note?: Record<string, string>; short?: string | Record<string, string> }[] };
}

export const seedData = parse(readFileSync(path.join(REPO, 'letters', SEED, 'letter.yaml'), 'utf8')) as SeedYaml;

/** The body's paragraphs in one language, Markdown escapes and emphasis removed. */
export function seedParagraphs(lang: string): string[] {
  return seedData.body[lang]!.trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\\([[\]*_])/g, '$1').replace(/\s+/g, ' ').trim());
}

export async function buildSeed(): Promise<{ root: string; file(lang: string, ext: string): string; dispose(): void }> {
  const p = projectWithLetter(SEED);
  await build(nodeWorld(p.root, {}), { ids: [SEED] });
  return { root: p.root, file: (lang, ext) => path.join(p.root, 'out', SEED, `${SEED}.${lang}.${ext}`), dispose: p.dispose };
}

/** Text with all white space removed: line breaks and justification must not matter. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Text extracted from a PDF without its page furniture ("2 / 3" footers), squeezed. */
export function bodyText(extracted: string): string {
  return squeeze(extracted.split('\n').filter((l) => !/^\s*\d+\s*\/\s*\d+\s*$/.test(l)).join('\n'));
}

/** Asserts that text extracted from a PDF holds every body paragraph in order and every signatory. */
export function expectWholeLetter(extracted: string, lang: string): void {
  const text = bodyText(extracted);
  let from = 0;
  for (const paragraph of seedParagraphs(lang)) {
    const at = text.indexOf(squeeze(paragraph), from);
    expect(at, paragraph.slice(0, 60)).toBeGreaterThanOrEqual(from);
    from = at;
  }
  for (const s of seedData.signatories.list) expect(text).toContain(squeeze(s.name[lang]!));
}
