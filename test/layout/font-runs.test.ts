import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { loadFontBook, type FontBook } from '../../src/fonts/font-book.js';
import { fontRuns } from '../../src/layout/font-runs.js';
import { REPO } from '../helpers/project.js';

let fonts: FontBook;
beforeAll(async () => {
  fonts = await loadFontBook(nodeWorld(REPO));
});

const pos = { file: 'letters/x/letter.yaml', line: 3, col: 5 };
/** Each run as `family: text`. */
function runs(text: string, lang: string, problems: Diagnostic[] = []): string[] {
  return fontRuns(text, lang, 'regular', fonts, pos, problems).map((r) => `${r.face.family}: ${r.text}`);
}

describe('fontRuns', () => {
  it('gives Korean text the Korean face and a Latin name the Latin face; spaces and punctuation stay with the text before them', () => {
    expect(runs('북한군 포로 “Kim” 씨, 34명.', 'ko')).toEqual(['Noto Serif KR: 북한군 포로 “', 'Source Serif 4: Kim” ', 'Noto Serif KR: 씨, 34명.']);
    expect(runs('Dear President Zelenskyy,', 'en')).toEqual(['Source Serif 4: Dear President Zelenskyy,']);
  });

  it('leaves out default-ignorable characters without splitting the run', () => {
    expect(runs('포로\u200d송환\u2060입니다', 'ko')).toEqual(['Noto Serif KR: 포로송환입니다']);
    expect(runs('\u200bword\u200b', 'en')).toEqual(['Source Serif 4: word']);
  });

  it('reports a character no face has, once, and sets the rest', () => {
    const problems: Diagnostic[] = [];
    expect(runs('a\u{1F642}b\u{1F642}c', 'en', problems)).toEqual(['Source Serif 4: abc']);
    expect(problems.map((p) => p.message)).toEqual(['no font has "\u{1F642}" (U+1F642)']);
    expect(problems[0]!.pos).toEqual(pos);
  });
});
