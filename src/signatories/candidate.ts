// A new signatory from loose fields (command-line options or a CSV row), checked against the
// letter's languages and the schema before anything is written.

import { IsoDate, Signatory, type SignatoryData } from '../load/schema.js';
import { codePointLabel, findForbiddenChars, type CharPolicy } from '../load/text-checks.js';

export interface CandidateFields {
  kind: string;
  names: Record<string, string>;
  notes: Record<string, string>;
  short?: string;
  joined?: string;
}

/** The entry, or the problems that keep it out (messages without a position; the caller adds it). */
export function candidateEntry(fields: CandidateFields, languages: string[], today: string, policy: CharPolicy = {}): { entry?: SignatoryData; problems: string[] } {
  const problems: string[] = [];
  if (fields.kind !== 'individual' && fields.kind !== 'organization') problems.push(`unknown kind \`${fields.kind}\`; expected \`individual\` or \`organization\``);
  const clean = (map: Record<string, string>, what: string) => {
    const out: Record<string, string> = {};
    for (const [lang, raw] of Object.entries(map)) {
      // Names and notes are one line; a line break pasted into a form cell becomes a space.
      const text = raw.replace(/\s*[\r\n]+\s*/g, ' ').trim();
      if (!text) continue;
      if (!languages.includes(lang)) problems.push(`${what} in \`${lang}\`, which is not one of the letter's languages (${languages.join(', ')})`);
      const bad = findForbiddenChars(text, policy)[0];
      if (bad) problems.push(`${what} contains ${bad.reason} (${codePointLabel(bad.cp)})`);
      out[lang] = text;
    }
    return out;
  };
  const names = clean(fields.names, 'a name');
  const notes = clean(fields.notes, 'a note');
  if (Object.keys(names).length === 0) problems.push('no name in any language');
  const joined = fields.joined?.trim() || today;
  if (!IsoDate.safeParse(joined).success) problems.push(`\`${joined}\` is not a date written YYYY-MM-DD`);
  if (problems.length) return { problems };
  const entry = Signatory.parse({
    kind: fields.kind,
    name: names,
    ...(Object.keys(notes).length ? { note: notes } : {}),
    ...(fields.short?.trim() ? { short: fields.short.trim() } : {}),
    joined,
  });
  return { entry, problems };
}

/** Today in the letter's calendar: the injected clock's UTC date. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
