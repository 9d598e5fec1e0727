// Signatories in alphabetical order: ICU's order, whether the names have keys (name-keys.ts)
// or one of them sends the whole list to ICU's collator; equal names keep the letter's order.

import { describe, expect, it } from 'vitest';
import type { ResolvedSignatory } from '../../src/resolve/resolve-letter.js';
import { sortSignatories } from '../../src/resolve/sort-signatories.js';

const pos = { file: 'letters/t/letter.yaml', line: 1 };
const list = (names: string[]): ResolvedSignatory[] => names.map((value, index) => ({ index, kind: 'organization', name: { value, pos }, note: null, short: null, joined: null }));
const sorted = (names: string[], lang: string) => sortSignatories(list(names), lang).map((s) => `${s.name.value}#${s.index}`);
const byIcu = (names: string[], lang: string) => {
  const c = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  return list(names)
    .sort((a, b) => c.compare(a.name.value, b.name.value) || a.index - b.index)
    .map((s) => `${s.name.value}#${s.index}`);
};

describe('sortSignatories', () => {
  const names = ['THINK', 'think', 'No Chain', '물망초', '6·25 국군포로가족회', 'Group 10', 'Group 9', 'Citizens’ Alliance'];

  it.each(['en', 'ko'])('gives ICU’s order in %s, ties in the letter’s order', (lang) => {
    expect(sorted(names, lang)).toEqual(byIcu(names, lang));
    expect(sorted(names, lang).filter((n) => /think/i.test(n))).toEqual(['THINK#0', 'think#1']);
  });

  it.each(['en', 'ko'])('leaves a list with a name the keys do not cover to ICU (%s)', (lang) => {
    const withOther = [...names, 'Émile Zola', 'Ёлка', '北韓'];
    expect(sorted(withOther, lang)).toEqual(byIcu(withOther, lang));
  });

  it('sorts a language without keys by ICU', () => {
    const swedish = ['Östen', 'Zorn', 'Åsa', 'Anna'];
    expect(sorted(swedish, 'sv')).toEqual(byIcu(swedish, 'sv'));
  });
});
