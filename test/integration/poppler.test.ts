// A second client for the PDFs: poppler (pdffonts, pdftotext) and qpdf read what we wrote.

import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, expectWholeLetter, seedParagraphs } from '../helpers/seed.js';

let seed: Awaited<ReturnType<typeof buildSeed>>;
beforeAll(async () => {
  seed = await buildSeed();
});
afterAll(() => seed?.dispose());

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe.each(['en', 'ko'])('the seed letter’s %s PDF read by poppler and qpdf', (lang) => {
  it('passes qpdf --check', () => {
    expect(run('qpdf', '--check', seed.file(lang, 'pdf'))).toMatch(/No syntax or stream encoding errors found/);
  });

  it('has every font embedded, subset, with a ToUnicode map', () => {
    const rows = run('pdffonts', seed.file(lang, 'pdf')).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    if (lang === 'ko') expect(rows.some((r) => r.includes('NotoSerifKR-Regular'))).toBe(true);
  });

  it('extracts the whole letter: every body paragraph in order and every signatory', () => {
    const text = run('pdftotext', '-enc', 'UTF-8', seed.file(lang, 'pdf'), '-');
    expectWholeLetter(text, lang);
    // Hyphens added at line ends are hidden from extraction: no line ends in a bare hyphen.
    expect(text).not.toMatch(/\p{Ll}-\n/u);
  });

  it('shows its number "n / N" on every page', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', seed.file(lang, 'pdf')))![1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      expect(run('pdftotext', '-f', String(p), '-l', String(p), seed.file(lang, 'pdf'), '-').replace(/\s+/g, '')).toContain(`${p}/${pages}`);
    }
  });

  it('keeps the word space at every line end in the tagged text a screen reader follows', () => {
    // Each tagged run of text, as poppler reads it through the structure tree, one after another.
    const tagged = [...run('pdfinfo', '-struct-text', seed.file(lang, 'pdf')).matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]).join('');
    // Added hyphens lie outside the paragraphs' tagged text, so each paragraph reads as written.
    for (const paragraph of seedParagraphs(lang)) expect(tagged).toContain(paragraph);
  });

  it('is tagged, titled and in its language', () => {
    const info = run('pdfinfo', seed.file(lang, 'pdf'));
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+\S/m);
    expect(run('qpdf', '--qdf', '--object-streams=disable', seed.file(lang, 'pdf'), '-')).toContain(`/Lang (${lang})`);
  });
});
