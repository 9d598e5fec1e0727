// Signatory order per language: Intl.Collator's order for that language (가나다 for
// Korean, alphabetical for English), numbers by value, case and accents secondary.

import type { ResolvedSignatory } from './resolve-letter.js';

const collators = new Map<string, Intl.Collator>();

export function collatorFor(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    collators.set(lang, c);
  }
  return c;
}

/** A stable sort by name; equal names keep the order of the letter. */
export function sortSignatories(list: ResolvedSignatory[], lang: string): ResolvedSignatory[] {
  const c = collatorFor(lang);
  return list
    .map((s, i) => ({ s, i }))
    .sort((a, b) => c.compare(a.s.name.value, b.s.name.value) || a.i - b.i)
    .map(({ s }) => s);
}
