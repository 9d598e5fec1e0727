// The DOCX writer writes every part as text of its own; the docx package, which it once built
// its documents through, is the reference it is held to. For letters that use everything the
// writer writes (links in the text, in list labels and in notes, breaks inside and outside
// links, notes, headings, lists, quotes, columns, a letterhead of each image type, properties
// with and without a subject), each part must be the package's, byte for byte, with the fixes
// the writer always made to the package's output (test/helpers/docx-package/package-parts.ts).

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeWorld } from '../../../src/core/node-world.js';
import { preparedParts } from '../../../src/core/prepared-parts.js';
import { loadFontBook, type FontBook } from '../../../src/fonts/font-book.js';
import type { DocumentModel } from '../../../src/model/document.js';
import { writeDocx } from '../../../src/render/docx/write-docx.js';
import type { RenderContext } from '../../../src/render/formats.js';
import { packageParts } from '../../helpers/docx-package/package-parts.js';
import { br, modelOf, para, pos, templateStyles, text } from '../../helpers/model.js';
import { solidPng } from '../../helpers/png.js';
import { fixture, REPO, tempProject } from '../../helpers/project.js';

const LINK = 'https://example.org/letter?lang=ko&v=2';

/** Every kind of block and run the writer knows, in one letter. */
function handBuilt(lang: string, withMeta: boolean): DocumentModel {
  const styles = templateStyles(lang);
  return {
    meta: { lang, title: '공동 서한 <&>', ...(withMeta ? { subject: '북한군 포로' } : {}), authors: withMeta ? ['김규리', 'A "B"'] : [], keywords: withMeta ? ['POW', '인권'] : [], created: new Date('2025-03-11T00:00:00Z') },
    styles,
    blocks: [
      para('title', [text('공동 서한')]),
      {
        kind: 'section',
        role: 'body',
        pos,
        children: [
          para('body', [text('“인용”과 '), text('강조', { marks: { strong: true } }), text('를 '), text('링크', { href: LINK }), br, text('둘째 줄'), { kind: 'footnote', number: 1, content: [text('각주 '), text('내용', { href: 'https://b.example/x' }), br, text('끝', { marks: { em: true } })], pos }]),
          para('body', [text('a', { href: LINK }), br, text('b', { href: LINK }), br, br, text('c', { href: 'https://c.example' }), text('d', { href: 'https://c.example', marks: { strong: true, em: true } }), { kind: 'footnote', number: 2, content: [text('둘째')], pos }, br]),
          para('heading-1', [text('요청')], 1),
          { kind: 'quote', role: 'quote', pos, children: [para('quote', [text('‘인용문’')])] },
          { kind: 'list', role: 'list-item', ordered: true, pos, items: [[para('list-item', [text('첫째', { href: LINK })])], [para('list-item', [text('둘째')])]] },
          { kind: 'list', role: 'list-item', ordered: false, pos, items: [[para('list-item', [text('셋째')]), para('body', [text('안', { role: 'note' })])]] },
        ],
      },
      {
        kind: 'section',
        role: 'signatories',
        pos,
        children: [
          para('signatory', [text('김규리'), text(' — 동생', { role: 'note' })]),
          para('signatory', [text('박'), text('수아'), text(' '), text('(', { role: 'note' }), text('활동가', { role: 'note' }), text(')', { role: 'note' }), text('!', { marks: { em: true } })]),
          para('signatory', [text('링크', { href: LINK })]),
        ],
      },
    ],
  };
}

const disposals: (() => void)[] = [];
afterAll(() => disposals.forEach((d) => d()));

/** The minimal letter, with `change` made to its letter.yaml or its template's style sheet. */
function minimalProject(change: { letter?: (yaml: string) => string; styles?: (styles: Record<string, unknown>, dir: string) => void }): string {
  const p = tempProject();
  disposals.push(p.dispose);
  cpSync(path.join(fixture('minimal'), 'letters'), path.join(p.root, 'letters'), { recursive: true });
  const file = path.join(p.root, 'letters/minimal/letter.yaml');
  if (change.letter) writeFileSync(file, change.letter(readFileSync(file, 'utf8')));
  if (change.styles) {
    const dir = path.join(p.root, 'templates/joint-letter');
    cpSync(path.join(REPO, 'templates/joint-letter'), dir, { recursive: true });
    const styles = JSON.parse(readFileSync(path.join(dir, 'styles.json'), 'utf8')) as Record<string, unknown>;
    change.styles(styles, dir);
    writeFileSync(path.join(dir, 'styles.json'), JSON.stringify(styles));
  }
  return p.root;
}

function withLetterhead(name: string, bytes: Buffer, align: string): string {
  return minimalProject({
    styles: (styles, dir) => {
      styles.letterhead = { image: name, width: 120, align };
      writeFileSync(path.join(dir, name), bytes);
    },
  });
}

const cases: [string, () => Promise<DocumentModel>][] = [
  ['a letter with links, notes, lists and quotes (ko)', async () => handBuilt('ko', true)],
  ['a letter with links, notes, lists and quotes, no subject or authors (en)', async () => handBuilt('en', false)],
  ['the seed letter (en)', () => modelOf(REPO, 'nk-pows-2025', 'en')],
  ['the seed letter (ko)', () => modelOf(REPO, 'nk-pows-2025', 'ko')],
  ['a letter with Markdown footnotes (ko)', () => modelOf(fixture('footnotes'), 'footnotes', 'ko')],
  [
    'a long signatory list in columns (en)',
    () => {
      const many = Array.from({ length: 40 }, (_, i) => `    - kind: organization\n      name: {en: Group ${i}, ko: 모임 ${i}}\n`).join('');
      return modelOf(minimalProject({ letter: (yaml) => yaml.replace('  list:\n', `  list:\n${many}`) }), 'minimal', 'en');
    },
  ],
  ['a JPEG letterhead on the right (en)', () => modelOf(withLetterhead('logo.jpg', readFileSync(path.join(fixture('letterhead'), 'logo.jpg')), 'right'), 'minimal', 'en')],
  ['a PNG letterhead in the centre (ko)', () => modelOf(withLetterhead('logo.png', solidPng(30, 10, [20, 60, 120]), 'center'), 'minimal', 'ko')],
];

let ctx: RenderContext;
let fonts: FontBook;
beforeAll(async () => {
  const world = nodeWorld(REPO);
  fonts = await loadFontBook(world);
  ctx = { fonts, prepared: preparedParts(world) };
});

describe('the DOCX writer against the docx package', () => {
  it.each(cases)('writes every part of %s as the package does', async (_, make) => {
    const model = await make();
    const ours = unzipSync((await writeDocx(model, ctx)).bytes);
    // The embedded faces are the writer's own (embed-fonts.ts), not the package's.
    const fontTable = strFromU8(ours['word/fontTable.xml']!);
    const rels = strFromU8(ours['word/_rels/fontTable.xml.rels']!);
    const embedded = { fonts: fontTable.slice(fontTable.indexOf('<w:font '), fontTable.lastIndexOf('</w:fonts>')), relationships: rels.slice(rels.indexOf('<Relationship '), rels.lastIndexOf('</Relationships>')) };
    expect(embedded.fonts).toMatch(/^<w:font w:name=/);
    const reference = packageParts(model, fonts, embedded);
    expect(Object.keys(ours).filter((n) => !n.startsWith('word/fonts/')).sort()).toEqual([...reference.keys()].sort());
    for (const [name, part] of reference) {
      if (typeof part === 'string') expect(strFromU8(ours[name]!), name).toBe(part);
      else expect(Buffer.from(ours[name]!).equals(Buffer.from(part)), name).toBe(true);
    }
  });
});
