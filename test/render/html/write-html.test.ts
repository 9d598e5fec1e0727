// The HTML page: a standalone, accessible page per language holding the whole letter, its
// signatories and links to this language's PDF and DOCX and to the other language's page.

import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontBook, type FontBook } from '../../../src/fonts/font-book.js';
import { nodeWorld } from '../../../src/core/node-world.js';
import { writeHtml } from '../../../src/render/html/write-html.js';
import { modelOf } from '../../helpers/model.js';
import { fixture, REPO } from '../../helpers/project.js';
import { seedData, seedParagraphs, SEED } from '../../helpers/seed.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

let fonts: FontBook;
beforeAll(async () => {
  fonts = await loadFontBook(nodeWorld(REPO, {}));
});

async function page(root: string, id: string, lang: string): Promise<string> {
  return new TextDecoder().decode((await writeHtml(await modelOf(root, id, lang), { fonts, prepared: { get: async () => undefined } })).bytes);
}

const elements = (node: Node): Element[] => ('childNodes' in node ? node.childNodes.flatMap((c) => ['tagName' in c ? [c as Element] : [], elements(c)].flat()) : []);
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? (node as { value: string }).value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');

describe.each(['en', 'ko'])('the %s HTML page of the seed letter', (lang) => {
  let html: string;
  let all: Element[];
  beforeAll(async () => {
    html = await page(REPO, SEED, lang);
    all = elements(parse(html));
  });

  it('is a standalone page in its language, with its CSS inside and the PDF’s typefaces by name', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="' + lang + '">')).toBe(true);
    expect(all.filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet')).toEqual([]);
    expect(all.filter((e) => e.tagName === 'script')).toEqual([]);
    const css = text(all.find((e) => e.tagName === 'style')!);
    expect(css).toContain('"Source Serif 4"');
    expect(css).toContain('"Noto Serif KR"');
    if (lang === 'ko') expect(css).toContain('word-break: keep-all');
  });

  it('holds the whole letter in a main landmark, and every signatory', () => {
    const main = text(all.find((e) => e.tagName === 'main')!).replace(/\s+/g, ' ');
    for (const p of seedParagraphs(lang)) expect(main).toContain(p.replace(/\*\*?|_/g, ''));
    for (const s of seedData.signatories.list) expect(main).toContain(s.name[lang] ?? Object.values(s.name)[0]);
    expect(all.filter((e) => e.tagName === 'h1')).toHaveLength(1);
  });

  it('links this language’s PDF and DOCX and the other language’s page', () => {
    const other = lang === 'en' ? 'ko' : 'en';
    const links = all.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'));
    expect(links).toEqual(expect.arrayContaining([`${SEED}.${lang}.pdf`, `${SEED}.${lang}.docx`, `${SEED}.${other}.html`]));
    const switcher = all.find((e) => e.tagName === 'a' && attr(e, 'href') === `${SEED}.${other}.html`)!;
    expect(attr(switcher, 'hreflang')).toBe(other);
    expect(text(switcher)).toBe(other === 'ko' ? '한국어' : 'English');
    expect(all.find((e) => e.tagName === 'nav')!.attrs.some((a) => a.name === 'aria-label')).toBe(true);
  });
});

describe('the HTML writer', () => {
  it('escapes what the letter says and turns footnotes into endnotes that link both ways', async () => {
    const minimal = await page(fixture('minimal'), 'minimal', 'en');
    expect(minimal).toContain('Smith &amp; &lt;Sons&gt;');
    expect(minimal).not.toContain('<Sons>');
    const notes = await page(fixture('footnotes'), 'footnotes', 'en');
    expect(notes).toMatch(/<sup class="footnote-ref"><a href="#fn1" id="fnref1" role="doc-noteref">1<\/a><\/sup>/);
    expect(notes).toMatch(/<li id="fn1" class="footnote">[^]*<a href="#fnref1" role="doc-backlink"/);
  });

  it('gives the same bytes for the same letter', async () => {
    expect(await page(REPO, SEED, 'ko')).toBe(await page(REPO, SEED, 'ko'));
  });
});
