import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/load/load-letter.js';
import { formatDate, intlDate } from '../../src/resolve/format-date.js';
import { resolveLetter } from '../../src/resolve/resolve-letter.js';
import { fixture } from '../helpers/project.js';

const FILE = 'letters/minimal/letter.yaml';
const text = readFileSync(path.join(fixture('minimal'), FILE), 'utf8');
const letter = await parseLetter('minimal', FILE, new TextEncoder().encode(text));

describe('resolveLetter', () => {
  it('formats dates as each language writes them', async () => {
    expect(formatDate('2025-03-11', 'en')).toBe('March 11, 2025');
    expect(formatDate('2025-03-11', 'ko')).toBe('2025년 3월 11일');
    // A calendar date has no time zone: no shift to the 10th anywhere.
    expect(formatDate('2025-01-01', 'ko')).toBe('2025년 1월 1일');
  });

  it('writes English and Korean dates exactly as ICU does, and other languages through ICU', async () => {
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      for (const lang of ['en', 'ko']) expect(formatDate(iso, lang)).toBe(intlDate(iso, lang));
    }
    for (const iso of ['1999-12-31', '2100-02-28', '1000-01-01']) expect(formatDate(iso, 'en')).toBe(intlDate(iso, 'en'));
    expect(formatDate('2025-03-11', 'en-GB')).toBe('11 March 2025');
    expect(formatDate('2025-03-11', 'de')).toBe('11. März 2025');
  });

  it('picks one language and keeps each value’s position', async () => {
    const ko = resolveLetter(letter, 'ko');
    expect(ko.title).toEqual({ value: '시험 서한', pos: { file: FILE, line: 6, col: 7 } });
    expect(ko.recipient.address.map((a) => a.value)).toEqual(['메인 거리 1', '키이우']);
    expect(ko.date.value).toBe('2025년 3월 11일');
    // The body is a block scalar: its position is its first content line.
    expect(ko.body.pos).toEqual({ file: FILE, line: 18, col: 5 });
    expect(ko.body.block).toBe(true);
  });

  it('sorts organizations per language and keeps individuals as listed', async () => {
    expect(resolveLetter(letter, 'en').signatories.organizations.map((o) => o.name.value)).toEqual(['Smith & <Sons>', 'Stars']);
    expect(resolveLetter(letter, 'ko').signatories.organizations.map((o) => o.name.value)).toEqual(['별', '스미스 앤 선즈']);
    expect(resolveLetter(letter, 'ko').signatories.individuals.map((o) => o.name.value)).toEqual(['김정삼']);
  });

  it('dates the signatory list by its latest joined when as_of is absent', async () => {
    expect(resolveLetter(letter, 'en').signatories.asOf?.value).toBe('March 11, 2025');
  });
});

describe('signatory order', () => {
  const withOrder = (order: string) => parseLetter('minimal', FILE, new TextEncoder().encode(text.replace('signatories:\n', `signatories:\n  order: ${order}\n`)));
  const names = async (order: string, lang: string) => {
    const s = resolveLetter(await withOrder(order), lang).signatories;
    return [...s.individuals, ...s.organizations].map((x) => x.name.value);
  };

  it('prints the list as the letter asks', async () => {
    expect(await names('standard', 'en')).toEqual(['Kim Jeong-sam', 'Smith & <Sons>', 'Stars']);
    expect(await names('listed', 'en')).toEqual(['Kim Jeong-sam', 'Stars', 'Smith & <Sons>']);
    expect(await names('joined', 'en')).toEqual(['Kim Jeong-sam', 'Smith & <Sons>', 'Stars']);
    expect(await names('alphabetical', 'ko')).toEqual(['김정삼', '별', '스미스 앤 선즈']);
  });
});
