import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LetterError, formatDiagnostic } from '../../../src/core/diagnostics.js';
import type { RenderedArtifact } from '../../../src/build/build-letters.js';
import { fixture, tempProject } from '../../helpers/project.js';
import { pdfStructure, pdfText, flatText } from '../../helpers/pdf-text.js';
import { renderArtifacts } from '../../helpers/render.js';

const root = fixture('minimal');
let pdfs: Map<string, RenderedArtifact>;
beforeAll(async () => {
  pdfs = await renderArtifacts(root, 'minimal', ['pdf']);
});
let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('PDF writer', () => {
  it('writes the Korean letter as Hangul text, in reading order', async () => {
    const text = await pdfText(pdfs.get('ko.pdf')!.bytes);
    const lines = text.pages.flat();
    expect(lines.slice(0, 6)).toEqual(['시험 서한', '2025년 3월 11일', '수신인', '메인 거리 1', '키이우', '제목: 시험']);
    expect(flatText(text)).toContain('첫째 문단은 “인용”과 강조를 담고 있습니다.');
    expect(lines.at(-1)).toBe('스미스 앤 선즈');
  });

  it('writes the English letter with its punctuation and escaped names intact', async () => {
    const text = flatText(await pdfText(pdfs.get('en.pdf')!.bytes));
    expect(text).toContain('Second paragraph: Smith & <Sons> say <b>hello</b>.');
    expect(text).toContain('Signature organizations and individuals (as of March 11, 2025)');
    expect(text).toContain('Stars (*Stars*)');
  });

  it('embeds every face as a subset with a ToUnicode map, Noto Serif KR in the Korean PDF', () => {
    const raw = latin1(pdfs.get('ko.pdf')!.bytes);
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Z]{6})\+([\w-]+)/g)].map((m) => m[2]);
    expect(new Set(fonts)).toEqual(new Set(['NotoSerifKR-Regular', 'NotoSerifKR-Bold', 'SourceSerif4-Regular', 'SourceSerif4-Bold']));
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(4);
    expect(raw.match(/\/ToUnicode /g)).toHaveLength(4);
    // A subset, not the 14 MB face.
    expect(pdfs.get('ko.pdf')!.bytes.byteLength).toBeLessThan(300_000);
  });

  it('records title, language and a creation date taken from the letter', async () => {
    const { info } = await pdfText(pdfs.get('ko.pdf')!.bytes);
    expect(info.Title).toBe('시험 서한');
    expect(info.Language).toBe('ko');
    expect(info.CreationDate).toBe("D:20250311000000Z");
  });

  it('is tagged: a heading, paragraphs, sections, in reading order', async () => {
    const [roles] = await pdfStructure(pdfs.get('en.pdf')!.bytes);
    expect(roles![0]).toBe('Root');
    expect(roles!.slice(1, 4)).toEqual(['Document', 'H1', 'P']);
    expect(roles!.filter((r) => r === 'Sect').length).toBeGreaterThanOrEqual(3);
    expect(roles).toContain('H2');
    expect(latin1(pdfs.get('en.pdf')!.bytes)).toMatch(/\/Marked true/);
  });

  it('gives the same bytes for the same letter, and follows SOURCE_DATE_EPOCH', async () => {
    const again = await renderArtifacts(root, 'minimal', ['pdf']);
    expect(again.get('ko.pdf')!.sha256).toBe(pdfs.get('ko.pdf')!.sha256);
    const epoch = await renderArtifacts(root, 'minimal', ['pdf'], { SOURCE_DATE_EPOCH: '1700000000' });
    expect(epoch.get('en.pdf')!.sha256).not.toBe(pdfs.get('en.pdf')!.sha256);
    expect((await pdfText(epoch.get('en.pdf')!.bytes)).info.CreationDate).toBe('D:20231114221320Z');
  });

  it('refuses a character no font has, naming where it is', async () => {
    const p = tempProject();
    dispose = p.dispose;
    const letter = readFileSync(path.join(root, 'letters/minimal/letter.yaml'), 'utf8').replace('ko: 시험 서한', 'ko: 시험 서한 𓀀');
    p.write('letters/minimal/letter.yaml', letter);
    const problems = await renderArtifacts(p.root, 'minimal', ['pdf']).then(
      () => [],
      (e: unknown) => (e instanceof LetterError ? e.diagnostics.map(formatDiagnostic) : Promise.reject(e)),
    );
    expect(problems).toEqual([expect.stringMatching(/^letters\/minimal\/letter\.yaml:6:7: no font has "𓀀" \(U\+13000\)/)]);
  });
});
