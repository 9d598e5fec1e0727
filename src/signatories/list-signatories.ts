// The signatory list as the letter prints it (individuals in the order they joined, then
// organizations in the first language's order), for `letter signatories list`.

import type { Letter } from '../load/load-letter.js';
import { resolveLetter } from '../resolve/resolve-letter.js';

export interface ListedSignatory {
  kind: 'individual' | 'organization';
  name: Record<string, string>;
  note?: Record<string, string>;
  short?: Record<string, string>;
  joined?: string;
}

export function listSignatories(letter: Letter, since?: string): ListedSignatory[] {
  const { data } = letter;
  const first = data.languages[0]!;
  const resolved = resolveLetter(letter, first).signatories;
  const perLanguage = (v: string | Record<string, string> | undefined) => (v === undefined ? undefined : typeof v === 'string' ? Object.fromEntries(data.languages.map((l) => [l, v])) : v);
  return [...resolved.individuals, ...resolved.organizations]
    .map((r) => data.signatories.list[r.index]!)
    .filter((s) => !since || (s.joined !== undefined && s.joined >= since))
    .map((s) => ({
      kind: s.kind,
      name: perLanguage(s.name)!,
      ...(s.note ? { note: perLanguage(s.note)! } : {}),
      ...(s.short ? { short: perLanguage(s.short)! } : {}),
      ...(s.joined ? { joined: s.joined } : {}),
    }));
}
