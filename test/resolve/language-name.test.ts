import { describe, expect, it } from 'vitest';
import { intlLanguageName, languageName } from '../../src/resolve/language-name.js';

describe('languageName', () => {
  it('names the letter’s own languages as ICU does, and any other through ICU', () => {
    for (const lang of ['en', 'ko']) expect(languageName(lang)).toBe(intlLanguageName(lang));
    expect(languageName('ko')).toBe('한국어');
    expect(languageName('uk')).toBe('українська');
  });
});
