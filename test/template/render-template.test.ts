import { describe, expect, it } from 'vitest';
import { inlineText, paragraphs, type TextRun } from '../../src/model/document.js';
import { fixture } from '../helpers/project.js';
import { modelOf } from '../helpers/model.js';

const root = fixture('minimal');

describe('template → model', () => {
  it('prints letter values as written: no HTML, no Markdown in names', async () => {
    const model = await modelOf(root, 'minimal', 'en');
    const texts = [...paragraphs(model.blocks)].map((p) => inlineText(p.content));
    expect(texts).toContain('Smith & <Sons>');
    expect(texts).toContain('Stars (*Stars*)');
  });

  it('keeps raw HTML in body Markdown as text, and turns emphasis and links into marks', async () => {
    const model = await modelOf(root, 'minimal', 'en');
    const body = [...paragraphs(model.blocks)].filter((p) => p.role === 'body');
    expect(body.map((p) => inlineText(p.content))).toEqual([
      'First paragraph with emphasis and a link.',
      'Second paragraph: Smith & <Sons> say <b>hello</b>.',
    ]);
    const runs = body[0]!.content as TextRun[];
    expect(runs.find((r) => r.text === 'emphasis')?.marks).toEqual({ em: true });
    expect(runs.find((r) => r.text === 'link')?.href).toBe('https://example.org');
  });

  it('gives every paragraph its role, in letter order', async () => {
    const model = await modelOf(root, 'minimal', 'ko');
    const roles = [...paragraphs(model.blocks)].map((p) => p.role);
    expect(roles).toEqual(['title', 'date', 'recipient-name', 'address', 'subject', 'salutation', 'body', 'body', 'closing', 'signoff', 'signatories-heading', 'signatory', 'signatory', 'signatory']);
    const texts = [...paragraphs(model.blocks)].map((p) => inlineText(p.content));
    expect(texts.slice(0, 6)).toEqual(['시험 서한', '2025년 3월 11일', '수신인', '메인 거리 1\n키이우', '제목: 시험', '수신인께']);
    expect(texts.at(-4)).toBe('서명 단체 및 개인 (2025년 3월 11일 기준)');
  });

  it('traces each run back to its line in letter.yaml', async () => {
    const model = await modelOf(root, 'minimal', 'ko');
    const all = [...paragraphs(model.blocks)];
    const title = all[0]!.content[0] as TextRun;
    expect(title.pos).toEqual({ file: 'letters/minimal/letter.yaml', line: 6, col: 7 });
    const secondBody = all.filter((p) => p.role === 'body')[1]!;
    expect(secondBody.pos).toMatchObject({ file: 'letters/minimal/letter.yaml', line: 20 });
    // Template wording (the "제목:" label) points at the locale file.
    const label = all[4]!.content[0] as TextRun;
    expect(label.pos.file).toMatch(/locales\/ko\.json$/);
  });
});
