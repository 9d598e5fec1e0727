import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeWorld } from '../../src/core/node-world.js';
import { loadFontBook, type FontBook } from '../../src/fonts/font-book.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import type { LaidOutDocument, StructureNode } from '../../src/layout/types.js';
import { modelOf } from '../helpers/model.js';
import { fixture, REPO, tempProject } from '../helpers/project.js';

let fonts: FontBook;
beforeAll(async () => {
  fonts = await loadFontBook(nodeWorld(REPO));
});
let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

/** The minimal letter, edited, laid out in one language. */
async function layout(edit: (yaml: string) => string, lang = 'en'): Promise<LaidOutDocument> {
  const p = tempProject();
  dispose = p.dispose;
  p.write('letters/minimal/letter.yaml', edit(readFileSync(path.join(fixture('minimal'), 'letters/minimal/letter.yaml'), 'utf8')));
  return layoutDocument(await modelOf(p.root, 'minimal', lang), fonts);
}

const signatories = (n: number) =>
  Array.from({ length: n }, (_, i) => `    - kind: organization\n      name: {en: Group ${String(i).padStart(3, '0')}, ko: 모임 ${i}}\n`).join('');

const texts = (doc: LaidOutDocument, page: number) => doc.pages[page]!.items.map((i) => i.text.trim());

describe('page layout', () => {
  it('sets a long signatory list in two columns, a short one in one', async () => {
    const long = await layout((y) => y.replace('  list:\n', `  list:\n${signatories(40)}`));
    const xs = new Set(long.pages.flatMap((p) => p.items.filter((i) => /^Group$/.test(i.text.trim())).map((i) => Math.round(i.x))));
    expect(xs.size).toBe(2);
    const short = await layout((y) => y);
    const stars = short.pages.flatMap((p) => p.items.filter((i) => i.text === 'Stars '));
    const kim = short.pages.flatMap((p) => p.items.filter((i) => i.text === 'Kim '));
    expect(stars.map((i) => i.x)).toEqual(kim.map((i) => i.x));
  });

  it('numbers every page "n / N" once the letter runs past one page', async () => {
    const doc = await layout((y) => y.replace('  list:\n', `  list:\n${signatories(150)}`));
    expect(doc.pages.length).toBeGreaterThan(1);
    doc.pages.forEach((_, i) => expect(texts(doc, i)).toContain(`${i + 1} / ${doc.pages.length}`));
    const single = await layout((y) => y);
    expect(single.pages).toHaveLength(1);
  });

  it('follows the letter’s page size: A4 by default, US Letter on request', async () => {
    const a4 = await layout((y) => y);
    expect([a4.pages[0]!.width, a4.pages[0]!.height]).toEqual([595.28, 841.89]);
    const letter = await layout((y) => y.replace('date: 2025-03-11', 'date: 2025-03-11\npage: Letter'));
    expect([letter.pages[0]!.width, letter.pages[0]!.height]).toEqual([612, 792]);
  });

  it('keeps the salutation with the first body paragraph and the signatory heading with the list', async () => {
    const doc = await layout((y) => y.replace('  list:\n', `  list:\n${signatories(60)}`).replace('First paragraph', `${'Filler paragraph of some length. '.repeat(60)}\n\n    First paragraph`));
    for (const page of doc.pages) {
      const last = page.items.filter((i) => i.tag).at(-1)!;
      expect(last.tag!.type === 'H2').toBe(false);
      expect(page.items.filter((i) => i.tag).at(-1)!.text.trim()).not.toBe('Recipient,');
    }
  });

  it('gives every piece of text a structure node and nests them under the document', async () => {
    const doc = await layout((y) => y);
    const nodes = new Set<StructureNode>();
    const walk = (n: StructureNode) => {
      nodes.add(n);
      n.children.forEach(walk);
    };
    walk(doc.structure);
    for (const item of doc.pages[0]!.items) expect(nodes.has(item.tag!)).toBe(true);
    expect(doc.structure.children.map((c) => c.type).slice(0, 2)).toEqual(['H1', 'P']);
  });
});
