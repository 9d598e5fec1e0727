// When two entries are the same signatory: the same kind, and a name in any language equal
// once NFKC-normalised, case-folded and with white space collapsed. That catches
// "  amnesty INTERNATIONAL ", decomposed Hangul and full-width spaces.

import type { SignatoryData } from '../load/schema.js';

export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/gu, ' ').trim();
}

/** Every name of an entry, in any language. */
export function namesOf(s: Pick<SignatoryData, 'name'>): string[] {
  return typeof s.name === 'string' ? [s.name] : Object.values(s.name);
}

export function sameSignatory(a: Pick<SignatoryData, 'kind' | 'name'>, b: Pick<SignatoryData, 'kind' | 'name'>): boolean {
  if (a.kind !== b.kind) return false;
  const keys = new Set(namesOf(a).map(nameKey));
  return namesOf(b).some((n) => keys.has(nameKey(n)));
}
