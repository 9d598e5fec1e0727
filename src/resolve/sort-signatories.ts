// Signatory order per language: Intl.Collator's order for that language (가나다 for
// Korean, alphabetical for English), numbers by value, case and accents secondary. Names of a
// Korean or English letter are sorted by keys that give ICU's order (name-keys.ts) unless one
// of them has a character the keys do not cover: ICU's collator takes longer to set up than
// the whole sort.

import { nameKey } from './name-keys.js';
import type { ResolvedSignatory } from './resolve-letter.js';

const collators = new Map<string, Intl.Collator>();

function collatorFor(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    collators.set(lang, c);
  }
  return c;
}

/** A stable sort by name; equal names keep the order of the letter. */
export function sortSignatories(list: ResolvedSignatory[], lang: string): ResolvedSignatory[] {
  const keyed = list.map((s, i) => ({ s, i, key: nameKey(s.name.value, lang) }));
  let compare: (a: (typeof keyed)[number], b: (typeof keyed)[number]) => number;
  if (keyed.every((k) => k.key !== undefined)) compare = (a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0);
  else {
    const c = collatorFor(lang);
    compare = (a, b) => c.compare(a.s.name.value, b.s.name.value);
  }
  return keyed.sort((a, b) => compare(a, b) || a.i - b.i).map(({ s }) => s);
}
