// The DOCX writer on a document model built by hand, so each check names exactly what went in:
// role styles instead of direct formatting, fonts and language in the defaults, Korean line
// rules, links, breaks, notes, page, properties, and the same bytes on any day in any zone.

import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeWorld } from '../../../src/core/node-world.js';
import { preparedParts } from '../../../src/core/prepared-parts.js';
import { loadFontBook } from '../../../src/fonts/font-book.js';
import type { DocumentModel } from '../../../src/model/document.js';
import { writeDocx } from '../../../src/render/docx/write-docx.js';
import type { RenderContext } from '../../../src/render/formats.js';
import { all, attr, docxParts, paragraphsOf } from '../../helpers/docx-parts.js';
import { br, para, pos, templateStyles, text } from '../../helpers/model.js';
import { REPO } from '../../helpers/project.js';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CREATED = new Date('2025-03-11T00:00:00Z');
const LINK = 'https://example.org/letter?lang=ko&v=2';
/** 한 typed as decomposed jamo: a writer that normalises would turn it into one syllable. */
const NFD_HAN = '\u1112\u1161\u11ab';

function letter(lang: string, created = CREATED): DocumentModel {
  return {
    meta: { lang, title: '공동 서한', subject: '북한군 포로', authors: ['김규리'], keywords: ['POW', '인권'], created },
    styles: templateStyles(lang),
    blocks: [
      para('title', [text('공동 서한')]),
      {
        kind: 'section',
        role: 'body',
        pos,
        children: [
          para('body', [
            text('“인용”과 '),
            text('강조', { marks: { strong: true } }),
            text('를 담고 '),
            text('링크', { href: LINK }),
            br,
            text(`둘째 줄 ${NFD_HAN}`),
            { kind: 'footnote', number: 1, content: [text('각주 내용')], pos },
          ]),
          para('heading-1', [text('요청')], 1),
          { kind: 'quote', role: 'quote', pos, children: [para('quote', [text('‘인용문’')])] },
          { kind: 'list', role: 'list-item', ordered: true, pos, items: [[para('list-item', [text('첫째')])], [para('list-item', [text('둘째')])]] },
        ],
      },
      {
        kind: 'section',
        role: 'signatories',
        pos,
        children: [
          para('signatory', [text('김규리'), text(' — 동생', { role: 'note' })]),
          // As a template and a letter give it: a run per source.
          para('signatory', [text('박'), text('수아'), text(' '), text('(', { role: 'note' }), text('활동가', { role: 'note' }), text(')', { role: 'note' }), text('!', { marks: { em: true } })]),
        ],
      },
    ],
  };
}

let ctx: RenderContext;
let ko: Uint8Array;
let en: Uint8Array;
beforeAll(async () => {
  const world = nodeWorld(REPO);
  ctx = { fonts: await loadFontBook(world), prepared: preparedParts(world) };
  ko = (await writeDocx(letter('ko'), ctx)).bytes;
  en = (await writeDocx(letter('en'), ctx)).bytes;
});

const byId = (styles: XmlDocument) => new Map(all(styles, 'style').map((s) => [attr(s, 'styleId'), s]));
const val = (el: Element | XmlDocument, local: string, name = 'val') => attr(all(el, local)[0], name);
const children = (el: Element) => (Array.from(el.childNodes) as unknown as Element[]).filter((c) => c.nodeType === 1).map((c) => c.localName);

describe('DOCX writer on a hand-built model', () => {
  it('writes every paragraph in reading order with its role as style, Korean text and quotes as given', () => {
    const ps = paragraphsOf(docxParts(ko).xml('word/document.xml'));
    expect(ps).toEqual([
      { style: 'title', text: '공동 서한' },
      { style: 'body', text: `“인용”과 강조를 담고 링크\n둘째 줄 ${NFD_HAN}` },
      { style: 'heading-1', text: '요청' },
      { style: 'quote', text: '‘인용문’' },
      { style: 'list-item', text: '1.첫째' },
      { style: 'list-item', text: '2.둘째' },
      { style: 'signatory', text: '김규리 — 동생' },
      { style: 'signatory', text: '박수아 (활동가)!' },
    ]);
  });

  it('joins adjacent runs set alike into one run, and only those', () => {
    const doc = docxParts(ko).xml('word/document.xml');
    const p = all(doc, 'p').filter((x) => val(x, 'pStyle') === 'signatory')[1]!;
    const runs = all(p, 'r').map((r) => ({ text: all(r, 't')[0]!.textContent, style: val(r, 'rStyle') ?? null, em: all(r, 'i').length > 0 }));
    expect(runs).toEqual([
      { text: '박수아 ', style: null, em: false },
      { text: '(활동가)', style: 'note', em: false },
      { text: '!', style: null, em: true },
    ]);
  });

  it('formats through styles only: runs carry marks and character styles, paragraphs their style', () => {
    const doc = docxParts(ko).xml('word/document.xml');
    const body = all(doc, 'body')[0]!;
    for (const local of ['sz', 'jc', 'spacing', 'ind', 'rFonts', 'lang', 'color']) expect(all(body, local), local).toHaveLength(0);
    const runs = all(body, 'r').filter((r) => all(r, 't').length);
    const rPr = (t: string) => {
      const r = runs.find((x) => all(x, 't')[0]!.textContent === t)!;
      const props = all(r, 'rPr')[0];
      return props ? children(props) : [];
    };
    expect(rPr('강조')).toEqual(['b', 'bCs']);
    expect(rPr('를 담고 ')).toEqual([]);
    expect(rPr(' — 동생')).toEqual(['rStyle']);
    expect(val(runs.find((x) => all(x, 't')[0]!.textContent === ' — 동생')!, 'rStyle')).toBe('note');
    const heading = all(body, 'p').find((p) => val(p, 'pStyle') === 'heading-1')!;
    expect(val(heading, 'outlineLvl')).toBe('0');
    // The list label and its text are apart by a real tab, not a tab character in the text.
    const item = all(body, 'p').find((p) => val(p, 'pStyle') === 'list-item')!;
    expect(all(item, 'tab')).toHaveLength(1);
    expect(all(item, 't').map((t) => t.textContent).join('')).not.toContain('\t');
  });

  it('defines one named style per role with the style sheet’s size, alignment, spacing and leading', () => {
    const sheet = templateStyles('ko');
    const styles = byId(docxParts(ko).xml('word/styles.xml'));
    for (const [role, s] of Object.entries(sheet.paragraphs)) {
      const style = styles.get(role)!;
      expect(attr(style, 'type'), role).toBe('paragraph');
      expect(val(style, 'name'), role).toBe(s.name);
      expect(val(style, 'sz'), role).toBe(String(Math.round(s.size * 2)));
      expect(val(style, 'jc'), role).toBe(s.align === 'justify' ? 'both' : s.align);
      expect(val(style, 'spacing', 'after'), role).toBe(String(Math.round(s.spaceAfter * 20)));
      expect(val(style, 'spacing', 'before'), role).toBe(String(Math.round(s.spaceBefore * 20)));
      expect([val(style, 'spacing', 'line'), val(style, 'spacing', 'lineRule')], role).toEqual([String(Math.round(s.leading * 240)), 'auto']);
      expect(val(style, 'ind', 'left'), role).toBe(String(Math.round(s.indent * 20)));
      expect(all(style, 'keepNext').filter((k) => attr(k, 'val') !== 'false').length, role).toBe(s.keepWithNext ? 1 : 0);
    }
    expect(all(styles.get('title')!, 'b').map((b) => attr(b, 'val'))).toEqual([null]);
    for (const [role, s] of Object.entries(sheet.characters)) {
      expect(attr(styles.get(role)!, 'type'), role).toBe('character');
      expect(val(styles.get(role)!, 'name'), role).toBe(s.name);
    }
    expect(all(styles.get('label')!, 'b')).toHaveLength(1);
  });

  it('writes no two styles whose ids differ only in case (Word would take them for one)', () => {
    const ids = all(docxParts(ko).xml('word/styles.xml'), 'style').map((s) => attr(s, 'styleId')!.toLowerCase());
    expect(ids).toContain('title');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('defines every style the document, its notes and footer refer to', () => {
    const p = docxParts(ko);
    const defined = new Set(all(p.xml('word/styles.xml'), 'style').map((s) => attr(s, 'styleId')));
    const parts = p.names.filter((n) => /^word\/(document|footnotes|endnotes|footer\d*)\.xml$/.test(n));
    const used = parts.flatMap((n) => [...all(p.xml(n), 'pStyle'), ...all(p.xml(n), 'rStyle')].map((s) => attr(s, 'val')));
    expect(used).toEqual(expect.arrayContaining(['Hyperlink', 'FootnoteReference', 'note']));
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  it('puts the Latin and East Asian fonts, the body size and the language in the document defaults', () => {
    const defaults = all(docxParts(ko).xml('word/styles.xml'), 'docDefaults')[0]!;
    const rFonts = all(defaults, 'rFonts')[0];
    expect(['ascii', 'hAnsi', 'cs', 'eastAsia'].map((a) => attr(rFonts, a))).toEqual(['Source Serif 4', 'Source Serif 4', 'Source Serif 4', 'Noto Serif KR']);
    expect(val(defaults, 'sz')).toBe(String(templateStyles('ko').paragraphs.body!.size * 2));
    expect([val(defaults, 'lang'), val(defaults, 'lang', 'eastAsia')]).toEqual(['ko-KR', 'ko-KR']);
    const enDefaults = all(docxParts(en).xml('word/styles.xml'), 'docDefaults')[0]!;
    // Korean names inside an English letter still follow Korean rules.
    expect([val(enDefaults, 'lang'), val(enDefaults, 'lang', 'eastAsia')]).toEqual(['en-US', 'ko-KR']);
    expect(attr(all(enDefaults, 'rFonts')[0], 'eastAsia')).toBe('Noto Serif KR');
  });

  it('sets Korean line rules in the paragraph defaults: kinsoku, word wrapping, no Hangul–Latin gap', () => {
    const pPr = all(all(docxParts(ko).xml('word/styles.xml'), 'pPrDefault')[0]!, 'pPr')[0]!;
    expect(all(pPr, 'kinsoku')).toHaveLength(1);
    expect(attr(all(pPr, 'kinsoku')[0], 'val')).toBeNull();
    expect(val(pPr, 'wordWrap')).toBe('1');
    expect(val(pPr, 'autoSpaceDE')).toBe('0');
    expect(val(pPr, 'autoSpaceDN')).toBe('0');
    // In the schema's order, or Word refuses the file.
    const order = children(pPr);
    expect(order.indexOf('kinsoku')).toBeLessThan(order.indexOf('wordWrap'));
    expect(order.indexOf('wordWrap')).toBeLessThan(order.indexOf('autoSpaceDE'));
    expect(order.indexOf('autoSpaceDE')).toBeLessThan(order.indexOf('autoSpaceDN'));
  });

  it('links to the href as written, with the line break outside the link', () => {
    const p = docxParts(ko);
    const links = all(p.xml('word/document.xml'), 'hyperlink');
    expect(links).toHaveLength(1);
    expect(all(links[0]!, 't').map((t) => t.textContent)).toEqual(['링크']);
    expect(all(links[0]!, 'br')).toHaveLength(0);
    expect(val(links[0]!, 'rStyle')).toBe('Hyperlink');
    const rel = all(p.xml('word/_rels/document.xml.rels'), 'Relationship', PKG_R).find((r) => r.getAttribute('Id') === links[0]!.getAttributeNS(R, 'id'));
    expect([rel?.getAttribute('Target'), rel?.getAttribute('TargetMode')]).toEqual([LINK, 'External']);
  });

  it('makes the footnote a Word footnote and leaves reference marks out of the separators', () => {
    const p = docxParts(ko);
    expect(all(p.xml('word/document.xml'), 'footnoteReference').map((r) => attr(r, 'id'))).toEqual(['1']);
    for (const part of ['word/footnotes.xml', 'word/endnotes.xml']) {
      const notes = [...all(p.xml(part), 'footnote'), ...all(p.xml(part), 'endnote')];
      const separators = notes.filter((n) => /separator/i.test(attr(n, 'type') ?? ''));
      expect(separators, part).toHaveLength(2);
      for (const s of separators) expect([...all(s, 'footnoteRef'), ...all(s, 'endnoteRef')], part).toHaveLength(0);
    }
    const note = all(p.xml('word/footnotes.xml'), 'footnote').find((n) => attr(n, 'id') === '1')!;
    expect(all(note, 'footnoteRef')).toHaveLength(1);
    expect(paragraphsOf(p.xml('word/footnotes.xml')).filter((x) => x.style === 'footnote').map((x) => x.text)).toEqual(['각주 내용']);
  });

  it('sets the page size and margins of the style sheet in twips and numbers the pages', () => {
    const p = docxParts(ko);
    const { page } = templateStyles('ko');
    const sect = all(p.xml('word/document.xml'), 'sectPr')[0]!;
    expect([val(sect, 'pgSz', 'w'), val(sect, 'pgSz', 'h')]).toEqual([String(Math.round(page.width * 20)), String(Math.round(page.height * 20))]);
    expect(['top', 'right', 'bottom', 'left'].map((m) => val(sect, 'pgMar', m))).toEqual(['top', 'right', 'bottom', 'left'].map((m) => String(page.margins[m as 'top'] * 20)));
    const footer = p.names.find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    expect(all(p.xml(footer), 'instrText').map((i) => i.textContent?.trim())).toContain('PAGE');
    expect(val(p.xml(footer), 'jc')).toBe('center');
  });

  it('records title, subject, keywords, language and the model’s date as the document properties', () => {
    const core = docxParts(ko).xml('docProps/core.xml');
    const field = (ns: string, local: string) => all(core, local, ns)[0]?.textContent;
    const DC = 'http://purl.org/dc/elements/1.1/';
    const TERMS = 'http://purl.org/dc/terms/';
    expect(field(DC, 'title')).toBe('공동 서한');
    expect(field(DC, 'subject')).toBe('북한군 포로');
    expect(field('http://schemas.openxmlformats.org/package/2006/metadata/core-properties', 'keywords')).toBe('POW, 인권');
    expect(field(DC, 'language')).toBe('ko-KR');
    expect(field(TERMS, 'created')).toBe('2025-03-11T00:00:00Z');
    expect(field(TERMS, 'modified')).toBe('2025-03-11T00:00:00Z');
    expect(field(DC, 'creator')).toBe('김규리');
  });

  it('gives the same bytes for the same model, after other renders and in another time zone', async () => {
    const zone = process.env.TZ;
    try {
      await writeDocx(letter('en'), ctx); // advances any process-wide counters
      process.env.TZ = 'America/Santiago';
      const again = (await writeDocx(letter('ko'), ctx)).bytes;
      process.env.TZ = 'Asia/Seoul';
      const third = (await writeDocx(letter('ko'), ctx)).bytes;
      expect(Buffer.from(again).equals(Buffer.from(ko))).toBe(true);
      expect(Buffer.from(third).equals(Buffer.from(ko))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('embeds the faces prepared when the tool was built as it would make them itself', async () => {
    // The test setup ran npm run build's bundle script, which prepares them. Only characters
    // they hold (the letter above also has decomposed Hangul), in the Latin and Korean faces:
    const plain = (content: string): DocumentModel => ({ ...letter('ko'), blocks: [para('body', [text(content)])] });
    const taken: string[] = [];
    const watched = { get: async (key: string) => ctx.prepared.get(key).then((bytes) => (bytes && taken.push(key), bytes)) };
    const prepared = (await writeDocx(plain('“공동 서한” — 2025년 3월 11일'), { ...ctx, prepared: watched })).bytes;
    expect(taken).toHaveLength(2);
    const made = (await writeDocx(plain('“공동 서한” — 2025년 3월 11일'), { ...ctx, prepared: { get: async () => undefined } })).bytes;
    expect(Buffer.from(prepared).equals(Buffer.from(made))).toBe(true);
    // A character beyond what is prepared: the Korean face is made in the build, with that
    // character too; the Latin face, which has no ①, still comes prepared.
    taken.length = 0;
    const bigger = docxParts((await writeDocx(plain('“공동 서한” ①'), { ...ctx, prepared: watched })).bytes);
    expect(taken).toHaveLength(1);
    const largest = (parts: ReturnType<typeof docxParts>) => Math.max(...parts.names.filter((n) => n.endsWith('.odttf')).map((n) => parts.bytes(n).length));
    expect(largest(bigger)).toBeGreaterThan(largest(docxParts(made)));
  });

  it('stamps every zip entry with the model’s date in UTC, [Content_Types].xml first', () => {
    const entries = zipEntries(ko);
    expect(entries[0]!.name).toBe('[Content_Types].xml');
    expect(entries.slice(1).map((e) => e.name)).toEqual(entries.slice(1).map((e) => e.name).sort());
    // 2025-03-11 00:00:00 as MS-DOS date and time.
    expect(new Set(entries.map((e) => `${e.date}/${e.time}`))).toEqual(new Set([`${(45 << 9) | (3 << 5) | 11}/0`]));
  });

  it('builds with SOURCE_DATE_EPOCH=0, a date zip cannot hold, clamped to 1980 in the zip only', async () => {
    const bytes = (await writeDocx(letter('en', new Date(0)), ctx)).bytes;
    expect(new Set(zipEntries(bytes).map((e) => `${e.date}/${e.time}`))).toEqual(new Set([`${(0 << 9) | (1 << 5) | 1}/0`]));
    expect(all(docxParts(bytes).xml('docProps/core.xml'), 'created', 'http://purl.org/dc/terms/')[0]?.textContent).toBe('1970-01-01T00:00:00Z');
  });
});

/** Names and MS-DOS dates of the zip's local file headers, in file order. */
function zipEntries(zip: Uint8Array): { name: string; date: number; time: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: { name: string; date: number; time: number }[] = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    out.push({ name, time: view.getUint16(at + 10, true), date: view.getUint16(at + 12, true) });
    at += 30 + nameLength + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
  }
  return out;
}
