// resolve: one language's view of a letter. Picks that language's strings (each with its
// position), formats dates with Intl, sorts signatories with Intl.Collator. The result is
// plain data; the template phase decides how it reads.

import type { SourcePos } from '../core/diagnostics.js';
import type { Letter } from '../load/load-letter.js';
import type { Path } from '../load/positions.js';
import type { SignatoryData, TextLinesValue, TextValue } from '../load/schema.js';
import { formatDate } from './format-date.js';
import { sortSignatories } from './sort-signatories.js';

export interface Located {
  value: string;
  pos: SourcePos;
}

/** Markdown text: `block` when it came from a `|` block scalar, so line maps can be trusted. */
export interface LocatedMarkdown extends Located {
  block: boolean;
}

export interface ResolvedRecipient {
  name: Located;
  address: Located[];
}

export interface ResolvedSignatory {
  /** Its place in the letter's `signatories.list`. */
  index: number;
  kind: 'individual' | 'organization';
  name: Located;
  note: Located | null;
  short: Located | null;
  joined: string | null;
}

export interface ResolvedLetter {
  id: string;
  lang: string;
  /** Every language of the letter, the first being the source. */
  languages: string[];
  template: string;
  isoDate: string;
  date: Located;
  title: Located;
  recipient: ResolvedRecipient;
  cc: ResolvedRecipient[];
  subject: Located | null;
  salutation: Located;
  body: LocatedMarkdown;
  closing: Located | null;
  signoff: Located | null;
  signatories: {
    asOf: Located | null;
    count: number;
    individuals: ResolvedSignatory[];
    organizations: ResolvedSignatory[];
  };
  /** Link kind (pdf, docx, html) → language → address. */
  links: Record<string, Record<string, string>>;
}

export function resolveLetter(letter: Letter, lang: string): ResolvedLetter {
  const { data, where } = letter;
  const text = (value: TextValue, path: Path): Located => {
    if (typeof value === 'string') return { value, pos: where.valueAt(path) };
    // The loader has checked that every required map has this language.
    return { value: value[lang]!, pos: where.valueAt([...path, lang]) };
  };
  const optional = (value: TextValue | undefined, path: Path): Located | null => {
    if (value === undefined) return null;
    if (typeof value !== 'string' && value[lang] === undefined) return null;
    return text(value, path);
  };
  const lines = (value: TextLinesValue | undefined, path: Path): Located[] => {
    if (value === undefined) return [];
    const [list, base] = Array.isArray(value) ? [value, path] : [value[lang] ?? [], [...path, lang]];
    return list.map((v, i) => ({ value: v, pos: where.valueAt([...base, i]) }));
  };
  /** The text in the first of the letter's languages that has one. */
  const anyLanguage = (value: TextValue, path: Path): Located => {
    const lang = data.languages.find((l) => typeof value !== 'string' && value[l] !== undefined) ?? Object.keys(value)[0]!;
    return { value: typeof value === 'string' ? value : value[lang]!, pos: where.valueAt(typeof value === 'string' ? path : [...path, lang]) };
  };
  const recipient = (r: { name: TextValue; address?: TextLinesValue }, path: Path): ResolvedRecipient => ({
    name: text(r.name, [...path, 'name']),
    address: lines(r.address, [...path, 'address']),
  });
  const signatory = (s: SignatoryData, i: number): ResolvedSignatory => {
    const path = ['signatories', 'list', i];
    return {
      index: i,
      kind: s.kind,
      name: optional(s.name, [...path, 'name']) ?? anyLanguage(s.name, [...path, 'name']),
      note: optional(s.note, [...path, 'note']),
      short: optional(s.short, [...path, 'short']),
      joined: s.joined ?? null,
    };
  };
  const bodyPath = typeof data.body === 'string' ? ['body'] : ['body', lang];
  const bodyStart = where.contentStart(bodyPath);
  const list = data.signatories.list.map(signatory);
  const asOfIso = data.signatories.as_of ?? latest(data.signatories.list.map((s) => s.joined));
  const asOfPath = data.signatories.as_of ? ['signatories', 'as_of'] : ['signatories'];
  const links: ResolvedLetter['links'] = {};
  for (const [kind, value] of Object.entries(data.links ?? {})) {
    if (value === undefined) continue;
    links[kind] = typeof value === 'string' ? Object.fromEntries(data.languages.map((l) => [l, value])) : { ...value };
  }
  return {
    id: letter.id,
    lang,
    languages: data.languages,
    template: data.template,
    isoDate: data.date,
    date: { value: formatDate(data.date, lang), pos: where.valueAt(['date']) },
    title: text(data.title, ['title']),
    recipient: recipient(data.recipient, ['recipient']),
    cc: (data.cc ?? []).map((r, i) => recipient(r, ['cc', i])),
    subject: optional(data.subject, ['subject']),
    salutation: text(data.salutation, ['salutation']),
    body: { ...text(data.body, ['body']), pos: { file: bodyStart.file, line: bodyStart.line, col: bodyStart.col }, block: bodyStart.block },
    closing: optional(data.closing, ['closing']),
    signoff: optional(data.signoff, ['signoff']),
    signatories: {
      asOf: asOfIso ? { value: formatDate(asOfIso, lang), pos: where.valueAt(asOfPath) } : null,
      count: list.length,
      individuals: ordered(list.filter((s) => s.kind === 'individual'), data.signatories.order === 'standard' ? 'joined' : data.signatories.order, data.date, lang),
      organizations: ordered(list.filter((s) => s.kind === 'organization'), data.signatories.order === 'standard' ? 'alphabetical' : data.signatories.order, data.date, lang),
    },
    links,
  };
}

function ordered(list: ResolvedSignatory[], order: 'listed' | 'alphabetical' | 'joined', letterDate: string, lang: string): ResolvedSignatory[] {
  if (order === 'alphabetical') return sortSignatories(list, lang);
  return order === 'joined' ? inJoinedOrder(list, letterDate) : list;
}

/** In the order they joined; those without a date signed with the letter. Ties keep file order. */
function inJoinedOrder(list: ResolvedSignatory[], letterDate: string): ResolvedSignatory[] {
  return list
    .map((s, i) => ({ s, i, joined: s.joined ?? letterDate }))
    .sort((a, b) => (a.joined < b.joined ? -1 : a.joined > b.joined ? 1 : a.i - b.i))
    .map(({ s }) => s);
}

function latest(dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort().at(-1);
}
