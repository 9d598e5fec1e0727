import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedArtifact } from '../../../src/build/build-letters.js';
import type { Element as XmlElement } from '@xmldom/xmldom';
import * as fontkit from 'fontkit';
import { obfuscate } from '../../../src/render/docx/embed-fonts.js';
import { all, attr, docxParts, paragraphsOf, W } from '../../helpers/docx-parts.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, tempProject } from '../../helpers/project.js';
import { renderArtifacts } from '../../helpers/render.js';

const root = fixture('minimal');
let docx: Map<string, RenderedArtifact>;
beforeAll(async () => {
  docx = await renderArtifacts(root, 'minimal', ['docx']);
});
const parts = (lang: string) => docxParts(docx.get(`${lang}.docx`)!.bytes);

describe('DOCX writer', () => {
  it('writes every paragraph in order, each with its role’s style', () => {
    const ps = paragraphsOf(parts('ko').xml('word/document.xml')).filter((p) => p.style);
    expect(ps.map((p) => p.style)).toEqual(['title', 'date', 'recipient-name', 'address', 'subject', 'salutation', 'body', 'body', 'closing', 'signoff', 'signatories-heading', 'signatory', 'signatory', 'signatory']);
    expect(ps.map((p) => p.text).slice(0, 8)).toEqual(['시험 서한', '2025년 3월 11일', '수신인', '메인 거리 1\n키이우', '제목: 시험', '수신인께', '첫째 문단은 “인용”과 강조를 담고 있습니다.', '둘째 문단입니다.']);
  });

  it('defines a named style per role with the style sheet’s size, alignment and spacing', () => {
    const styles = all(parts('en').xml('word/styles.xml'), 'style');
    const byId = new Map(styles.map((s) => [attr(s, 'styleId'), s]));
    const body = byId.get('body')!;
    expect(attr(all(body, 'name')[0], 'val')).toBe('Letter Body');
    expect(attr(all(body, 'jc')[0], 'val')).toBe('both');
    expect(attr(all(body, 'sz')[0], 'val')).toBe('22');
    expect(attr(all(body, 'spacing')[0], 'after')).toBe('180');
    expect(attr(all(byId.get('title')!, 'jc')[0], 'val')).toBe('center');
    expect(all(byId.get('title')!, 'b')).toHaveLength(1);
    expect(byId.get('note')?.getAttributeNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'type')).toBe('character');
  });

  it('sets Latin and East Asian fonts, the language, and Korean line rules in the defaults', () => {
    const styles = parts('ko').xml('word/styles.xml');
    const defaults = all(styles, 'docDefaults')[0]!;
    const fonts = all(defaults, 'rFonts')[0];
    expect([attr(fonts, 'ascii'), attr(fonts, 'hAnsi'), attr(fonts, 'eastAsia')]).toEqual(['Source Serif 4', 'Source Serif 4', 'Noto Serif KR']);
    const lang = all(defaults, 'lang')[0];
    expect([attr(lang, 'val'), attr(lang, 'eastAsia')]).toEqual(['ko-KR', 'ko-KR']);
    expect(attr(all(defaults, 'wordWrap')[0], 'val')).toBe('1');
    expect(all(defaults, 'kinsoku')).toHaveLength(1);
    expect(attr(all(defaults, 'autoSpaceDE')[0], 'val')).toBe('0');
    expect(attr(all(defaults, 'autoSpaceDN')[0], 'val')).toBe('0');
    expect(attr(all(parts('en').xml('word/styles.xml'), 'lang')[0], 'val')).toBe('en-US');
  });

  it('turns links into hyperlinks and keeps escaped text as written', () => {
    const p = parts('en');
    const doc = p.xml('word/document.xml');
    const link = all(doc, 'hyperlink')[0]!;
    const id = link.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const rel = all(p.xml('word/_rels/document.xml.rels'), 'Relationship', 'http://schemas.openxmlformats.org/package/2006/relationships').find((r) => r.getAttribute('Id') === id);
    expect(rel?.getAttribute('Target')).toBe('https://example.org');
    expect(rel?.getAttribute('TargetMode')).toBe('External');
    expect(paragraphsOf(doc).map((x) => x.text)).toContain('Second paragraph: Smith & <Sons> say <b>hello</b>.');
  });

  it('sets the page size and margins of the style sheet and numbers the pages', () => {
    const p = parts('en');
    const sect = all(p.xml('word/document.xml'), 'sectPr')[0]!;
    expect([attr(all(sect, 'pgSz')[0], 'w'), attr(all(sect, 'pgSz')[0], 'h')]).toEqual(['11906', '16838']);
    expect(attr(all(sect, 'pgMar')[0], 'left')).toBe('1360');
    const footer = p.names.find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    const instr = all(p.xml(footer), 'instrText').map((i) => i.textContent?.trim());
    expect(instr).toEqual(['PAGE', 'NUMPAGES']);
  });

  it('records title, language and the letter’s date as document properties', () => {
    const core = parts('ko').xml('docProps/core.xml');
    const text = (ns: string, local: string) => all(core, local, ns)[0]?.textContent;
    expect(text('http://purl.org/dc/elements/1.1/', 'title')).toBe('시험 서한');
    expect(text('http://purl.org/dc/elements/1.1/', 'language')).toBe('ko-KR');
    expect(text('http://purl.org/dc/terms/', 'created')).toBe('2025-03-11T00:00:00Z');
    expect(text('http://purl.org/dc/terms/', 'modified')).toBe('2025-03-11T00:00:00Z');
  });

  it('gives the same bytes for the same letter', async () => {
    const again = await renderArtifacts(root, 'minimal', ['docx']);
    expect(again.get('ko.docx')!.sha256).toBe(docx.get('ko.docx')!.sha256);
    expect(again.get('en.docx')!.sha256).toBe(docx.get('en.docx')!.sha256);
  });

  it('embeds subset fonts Word can read back: obfuscated parts that de-obfuscate to fonts with a cmap', () => {
    const p = parts('ko');
    const table = all(p.xml('word/fontTable.xml'), 'font');
    const rels = all(p.xml('word/_rels/fontTable.xml.rels'), 'Relationship', 'http://schemas.openxmlformats.org/package/2006/relationships');
    const embeds = table.flatMap((f) => Array.from(f.childNodes as unknown as XmlElement[]).filter((c) => c.localName?.startsWith('embed')).map((e) => ({ family: f.getAttributeNS(W, 'name'), kind: e.localName, e })));
    expect(embeds.map((x) => `${x.family} ${x.kind}`)).toEqual(['Noto Serif KR embedRegular', 'Noto Serif KR embedBold', 'Source Serif 4 embedRegular', 'Source Serif 4 embedBold', 'Source Serif 4 embedItalic']);
    for (const { e, family, kind } of embeds) {
      const id = e.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
      const target = rels.find((r) => r.getAttribute('Id') === id)!.getAttribute('Target')!;
      const font = fontkit.create(Buffer.from(obfuscate(p.bytes(`word/${target}`), e.getAttributeNS(W, 'fontKey')!))) as fontkit.Font;
      expect(font.familyName).toBe(family);
      expect(font.hasGlyphForCodePoint('A'.codePointAt(0)!)).toBe(true);
      // The Korean regular face carries the 2,350 common syllables, so an editor can type: 힝 is the last of them.
      if (family === 'Noto Serif KR' && kind === 'embedRegular') expect(font.hasGlyphForCodePoint('힝'.codePointAt(0)!)).toBe(true);
      // …and stays a subset: the rarer syllables are left out.
      if (family === 'Noto Serif KR') expect(font.hasGlyphForCodePoint('똠'.codePointAt(0)!)).toBe(false);
    }
    const settings = p.xml('word/settings.xml');
    expect(all(settings, 'embedTrueTypeFonts')).toHaveLength(1);
    expect(all(settings, 'saveSubsetFonts')).toHaveLength(1);
  });

  it('embeds no Korean face in a document without Hangul', () => {
    const names = all(parts('en').xml('word/fontTable.xml'), 'font').map((f) => f.getAttributeNS(W, 'name'));
    expect(names).toEqual(['Source Serif 4']);
  });

  it('sets a long signatory list in two columns, in a continuous section of its own', async () => {
    const p = tempProject();
    try {
      const many = Array.from({ length: 40 }, (_, i) => `    - kind: organization\n      name: {en: Group ${i}, ko: 모임 ${i}}\n`).join('');
      p.write('letters/minimal/letter.yaml', readFileSync(path.join(root, 'letters/minimal/letter.yaml'), 'utf8').replace('  list:\n', `  list:\n${many}`));
      const doc = docxParts((await renderArtifacts(p.root, 'minimal', ['docx'])).get('en.docx')!.bytes).xml('word/document.xml');
      const sections = all(doc, 'sectPr');
      expect(sections.map((s) => attr(all(s, 'cols')[0], 'num') ?? '1')).toEqual(['1', '2']);
      expect(attr(all(sections[1]!, 'type')[0], 'val')).toBe('continuous');
      // The heading closes the one-column section; every signatory comes after it.
      const ps = paragraphsOf(doc);
      const headingAt = ps.findIndex((x) => x.style === 'signatories-heading');
      expect(ps.slice(headingAt + 1).filter((x) => x.style === 'signatory')).toHaveLength(43);
      expect(all(all(doc, 'p')[headingAt]!, 'sectPr')).toHaveLength(1);
    } finally {
      p.dispose();
    }
  });
});
