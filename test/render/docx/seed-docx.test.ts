// The seed letter's Korean DOCX as the release check reads it: embedded fonts within budget,
// Word's Korean wrapping everywhere, and nearly every paragraph carrying a named style.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, attr, docxParts } from '../../helpers/docx-parts.js';
import { buildSeed } from '../../helpers/seed.js';

let seed: Awaited<ReturnType<typeof buildSeed>>;
let parts: ReturnType<typeof docxParts>;
beforeAll(async () => {
  seed = await buildSeed();
  parts = docxParts(readFileSync(seed.file('ko', 'docx')));
});
afterAll(() => seed?.dispose());

describe('the seed letter’s Korean DOCX', () => {
  it('embeds its fonts in at most 1.5 MB', () => {
    const fonts = parts.names.filter((n) => /^word\/fonts\/.+\.odttf$/.test(n));
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    const total = fonts.reduce((sum, n) => sum + parts.bytes(n).byteLength, 0);
    expect(total).toBeLessThanOrEqual(1_500_000);
  });

  it('asks for word-unit wrapping and never the opposite', () => {
    const wraps = ['word/styles.xml', 'word/document.xml'].flatMap((n) => all(parts.xml(n), 'wordWrap').map((w) => attr(w, 'val')));
    expect(wraps).toContain('1');
    expect(wraps).not.toContain('0');
  });

  it('gives at least 90% of its text paragraphs a named style', () => {
    const paragraphs = all(parts.xml('word/document.xml'), 'p').filter((p) => all(p, 't').some((t) => t.textContent?.trim()));
    const styled = paragraphs.filter((p) => attr(all(p, 'pStyle')[0], 'val'));
    expect(styled.length / paragraphs.length).toBeGreaterThanOrEqual(0.9);
  });
});
