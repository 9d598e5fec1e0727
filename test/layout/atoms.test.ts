// A paragraph's runs as words and boxes: text set alike from several sources is one box,
// shaped whole, while what differs in face, size or link stays apart, and a problem still
// points at the run it came from.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { loadFontBook, type FontBook } from '../../src/fonts/font-book.js';
import { paragraphWords } from '../../src/layout/atoms.js';
import { unitWidth } from '../../src/layout/measure.js';
import type { Inline, Marks } from '../../src/model/document.js';
import type { ParagraphStyle } from '../../src/model/stylesheet.js';
import { REPO } from '../helpers/project.js';

let fonts: FontBook;
beforeAll(async () => {
  fonts = await loadFontBook(nodeWorld(REPO));
});

const style: ParagraphStyle = { name: 'Signatory', size: 10, leading: 1.4, bold: false, italic: false, align: 'left', spaceBefore: 0, spaceAfter: 0, indent: 0, firstLineIndent: 0, keepWithNext: false };
const text = (t: string, line: number, extra: { marks?: Marks; role?: string; href?: string } = {}): Inline => ({ kind: 'text', text: t, marks: extra.marks ?? {}, ...(extra.role ? { role: extra.role } : {}), ...(extra.href ? { href: extra.href } : {}), pos: { file: `f${line}.yaml`, line } });

function words(content: Inline[]) {
  const problems: Diagnostic[] = [];
  const list = paragraphWords(content, style, { note: { size: 8 } }, 'en', fonts, problems);
  return { boxes: list.map((w) => w.boxes.map((b) => b.text)), list, problems };
}

describe('paragraph words', () => {
  it('sets text from several sources as one box when it is set alike, kerned across the seam', () => {
    const { boxes, list } = words([text('Kim', 1), text(' ', 2), text('(', 2, { role: 'note' }), text('Volunteer', 3, { role: 'note' }), text(')', 2, { role: 'note' })]);
    expect(boxes).toEqual([['Kim'], ['(Volunteer)']]);
    const face = list[1]!.boxes[0]!.face;
    expect(list[1]!.width).toBeCloseTo(unitWidth(face, '(Volunteer)') * 8, 6);
  });

  it('keeps runs apart that differ in face, size or link', () => {
    const { boxes } = words([text('plain', 1), text('bold', 1, { marks: { strong: true } }), text('small', 1, { role: 'note' }), text('link', 1, { href: 'https://example.org' }), text('plain', 1)]);
    expect(boxes).toEqual([['plain', 'bold', 'small', 'link', 'plain']]);
  });

  it('still reports a character no font has at the run it came from', () => {
    const { problems } = words([text('Kim ', 1), text('𓀀', 7)]);
    expect(problems.map((p) => [p.message, p.pos.line])).toEqual([['no font has "𓀀" (U+13000)', 7]]);
  });
});
