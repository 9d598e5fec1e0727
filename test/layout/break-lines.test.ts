import { beforeAll, describe, expect, it } from 'vitest';
import { nodeWorld } from '../../src/core/node-world.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { loadFontBook, type FontBook } from '../../src/fonts/font-book.js';
import { paragraphWords } from '../../src/layout/atoms.js';
import { breakLines, totalFit, type Line } from '../../src/layout/break-lines.js';
import type { Word } from '../../src/layout/atoms.js';
import fc from 'fast-check';
import type { ParagraphStyle } from '../../src/model/stylesheet.js';
import { REPO } from '../helpers/project.js';

let fonts: FontBook;
beforeAll(async () => {
  fonts = await loadFontBook(nodeWorld(REPO));
});

const style: ParagraphStyle = { name: 'Body', size: 10.5, leading: 1.7, bold: false, italic: false, align: 'justify', spaceBefore: 0, spaceAfter: 0, indent: 0, firstLineIndent: 0, keepWithNext: false };

function lines(text: string, lang: string, measure: number, justify = true): { lines: Line[]; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const words = paragraphWords([{ kind: 'text', text, marks: {}, pos: { file: 't.yaml', line: 3, col: 5 } }], style, {}, lang, fonts, problems);
  return { lines: breakLines(words, () => ({ indent: 0, measure }), justify), problems };
}

const textOf = (line: Line) => line.words.map((w) => w.boxes.map((b) => b.text).join('')).join(' ');

const KOREAN = '2025년 1월 11일, 대통령께서는 쿠르스크에서 북한군 병사 두 명이 생포되었다고 발표하셨으며, 이는 러시아와 북한의 부인에도 불구하고 북한의 군사 개입을 보여 주는 가장 구체적인 증거입니다. 유엔 북한인권 조사위원회(COI)에 따르면 북한의 인권 침해는 “현대 세계에서 유례를 찾을 수 없는 국가”의 모습을 드러냅니다.';

describe('line breaking', () => {
  it('never breaks inside a Korean word, at any measure', () => {
    const sourceWords = KOREAN.split(' ');
    for (const measure of [120, 180, 233, 300, 451]) {
      const set = lines(KOREAN, 'ko', measure).lines;
      expect(set.map(textOf).join(' ').split(' ')).toEqual(sourceWords);
    }
  });

  it('keeps digit runs such as 2025년 and 50% whole', () => {
    const set = lines('참가율은 50% 이상이었고 2025년 3월 11일 현재 서명은 계속됩니다.', 'ko', 60).lines;
    const all = set.map(textOf);
    expect(all.some((l) => l.split(' ').includes('2025년'))).toBe(true);
    expect(all.some((l) => l.split(' ').includes('50%'))).toBe(true);
  });

  it('starts no line with closing punctuation and ends none with an opening one', () => {
    const text = '가나다 ( 라마바 ) 사아자 “ 차카타 ” 파하 가나 다라 마바 사아 자차 카타 파하 가나다라마';
    for (const measure of [40, 55, 70, 90]) {
      for (const line of lines(text, 'ko', measure).lines) {
        const t = textOf(line);
        expect(t).not.toMatch(/^[)”,.]/);
        expect(t).not.toMatch(/[(“]$/);
      }
    }
  });

  it('fills justified lines evenly: no line much looser than the rest', () => {
    const set = lines(KOREAN + ' ' + KOREAN, 'ko', 233).lines.filter((l) => !l.last);
    const ratios = set.map((l) => (l.measure - l.naturalWidth) / (l.words.length - 1));
    expect(Math.max(...ratios)).toBeLessThan(8);
  });

  it('gives Hangul the Korean face and Latin the Latin face, spaces following their text', () => {
    const set = lines('유엔 COI 보고서', 'ko', 400).lines;
    const boxes = set[0]!.words.flatMap((w) => w.boxes.map((b) => [b.text, b.face.family]));
    expect(boxes).toEqual([
      ['유엔', 'Noto Serif KR'],
      ['COI', 'Source Serif 4'],
      ['보고서', 'Noto Serif KR'],
    ]);
  });

  it('splits a word wider than the line instead of overflowing or hanging', () => {
    const url = `https://example.org/${'a'.repeat(400)}`;
    const set = lines(`see ${url} now`, 'en', 200).lines;
    for (const line of set) expect(line.naturalWidth).toBeLessThanOrEqual(200.01);
    expect(set.map(textOf).join('').replace(/ /g, '')).toBe(`see${url}now`);
  });

  it('reports a character no font has, with its position', () => {
    const { problems } = lines('hieroglyph 𓀀 here', 'en', 300);
    expect(problems.map((p) => p.message)).toEqual(['no font has "𓀀" (U+13000)']);
    expect(problems[0]!.pos).toEqual({ file: 't.yaml', line: 3, col: 5 });
  });

  it('breaks where a search of every line would, though it first leaves out very loose lines', () => {
    // Words of random widths, some glued, some hyphenation pieces, now and then one too long
    // for any line but a very loose or overfull one: the full search must take over then.
    const word = fc.record({
      width: fc.oneof({ weight: 9, arbitrary: fc.double({ min: 2, max: 60, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: 60, max: 260, noNaN: true }) }),
      letterGaps: fc.integer({ min: 0, max: 9 }),
      spaceAfter: fc.constantFrom(0, 2.6, 3.1),
      glued: fc.boolean(),
      hyphen: fc.constantFrom(undefined, 3.5),
    });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 80 }), fc.double({ min: 80, max: 300, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (raw, measure, indent) => {
        const words: Word[] = raw.map((w, i) => ({
          boxes: [],
          width: w.width,
          letterGaps: w.letterGaps,
          letterStretch: 0.12,
          letterShrink: 0.06,
          spaceAfter: i === raw.length - 1 ? 0 : w.spaceAfter,
          breakAfter: false,
          ...(w.glued ? { glued: true } : {}),
          ...(w.hyphen && w.spaceAfter === 0 ? { hyphen: w.hyphen } : {}),
        }));
        const measureOf = (line: number) => (line === 0 ? measure - indent : measure);
        expect(totalFit(words, measureOf)).toEqual(totalFit(words, measureOf, false));
      }),
      { numRuns: 3000, seed: Number(process.env.FC_SEED ?? 20250311) },
    );
  });
});
