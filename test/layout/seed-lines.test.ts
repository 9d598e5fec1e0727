// The seed letter's line breaks as a generated golden: `UPDATE=1 npm test` rewrites
// test/fixtures/nk-pows-2025/lines.<lang>.json; review the diff (it is what a reader sees).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeWorld } from '../../src/core/node-world.js';
import { loadFontBook } from '../../src/fonts/font-book.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { modelOf } from '../helpers/model.js';
import { FIXTURES, REPO } from '../helpers/project.js';
import { SEED } from '../helpers/seed.js';

/** Each page as its lines of text, in drawing order; a line-end hyphen shows as `-`. */
async function seedLines(lang: string): Promise<string[][]> {
  const laidOut = layoutDocument(await modelOf(REPO, SEED, lang), await loadFontBook(nodeWorld(REPO)));
  return laidOut.pages.map((page) => {
    const lines = new Map<number, string>();
    for (const item of page.items) lines.set(item.y, (lines.get(item.y) ?? '') + item.text);
    return [...lines.values()].map((l) => l.trimEnd());
  });
}

describe.each(['en', 'ko'])('the seed letter’s %s line breaks', (lang) => {
  it('match the reviewed golden', async () => {
    const json = `${JSON.stringify(await seedLines(lang), null, 1)}\n`;
    const golden = path.join(FIXTURES, SEED, `lines.${lang}.json`);
    if (process.env.UPDATE === '1') {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, json);
    }
    expect(existsSync(golden), `${golden} is missing: run UPDATE=1 npm test and review it`).toBe(true);
    expect(json).toBe(readFileSync(golden, 'utf8'));
  });
});
