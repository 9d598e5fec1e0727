// load: letter.yaml → a typed, validated Letter whose every value can be located.
// All problems of a file are collected and reported together.

import type * as z from 'zod/mini';
import { DiagnosticBag, error, LetterError } from '../core/diagnostics.js';
import type { World } from '../core/world.js';
import { fastLetterYaml } from './fast-yaml.js';
import { letterFile } from './letter-file.js';
import { readLetterText } from './letter-text.js';
import type { CharPolicy } from './text-checks.js';
import type { Path, PositionIndex } from './positions.js';
import { LetterSchema, Links, Recipient, Signatory, type LetterData } from './schema.js';
import { plainSignatoryList } from './signatory-list.js';
import { closestName } from '../core/suggest.js';

export interface Letter {
  /** Folder name under letters/. */
  id: string;
  /** Project-relative path of letter.yaml. */
  file: string;
  data: LetterData;
  where: PositionIndex;
  /** The file's text as read. */
  source: string;
}

export async function loadLetter(world: World, id: string, policy: CharPolicy = {}): Promise<Letter> {
  const file = letterFile(id);
  const bytes = await world.readFile(file);
  return parseLetter(id, file, bytes, policy);
}

/** The pure part of loading, for tests and for callers that have the bytes already. */
export async function parseLetter(id: string, file: string, bytes: Uint8Array, policy: CharPolicy = {}): Promise<Letter> {
  const source = readLetterText(file, bytes, policy);
  // Most letters are read by the fast reader; one it declines, or one with any problem, is
  // read again by the full reader, whose diagnostics are the ones reported. The full reader
  // (and `yaml`, 15 ms to load) is imported only then.
  const fast = fastLetterYaml(source.text, source.posAt, policy);
  if (fast) {
    const bag = new DiagnosticBag();
    const data = validate(fast.value ?? {}, fast.where, bag);
    if (data && !bag.hasErrors) return { id, file, data, where: fast.where, source: source.text };
  }
  const { parseLetterYaml, positionIndex } = await import('./parse-yaml.js');
  const parsed = parseLetterYaml(source, policy);
  if (parsed.doc.contents === null) {
    throw new LetterError([error({ file, line: 1, col: 1 }, 'the letter file is empty', 'start from a copy of another letter’s letter.yaml')]);
  }
  const where = positionIndex(parsed.doc, source.text, source.posAt);
  const bag = new DiagnosticBag();
  const data = validate(parsed.doc.toJS({ maxAliasCount: 100 }) ?? {}, where, bag);
  bag.throwIfErrors();
  return { id, file, data: data!, where, source: source.text };
}

/** The letter's data if the schema accepts it, with every problem of the schema and the languages in `bag`. */
function validate(raw: unknown, where: PositionIndex, bag: DiagnosticBag): LetterData | undefined {
  const result = schemaResult(raw);
  if (!result.success) {
    reportSchemaErrors(result.error, raw, where, bag);
    return undefined;
  }
  checkLanguages(result.data, where, bag);
  return result.data;
}

/**
 * The schema's answer. A signatory list that plainly fits (signatory-list.ts) is checked by
 * hand and the rest of the letter by the schema: the same answer (2,000 signatories: the
 * whole check 45 → 10 ms).
 */
function schemaResult(raw: unknown): ReturnType<typeof LetterSchema.safeParse> {
  const signatories = isPlainObject(raw) && isPlainObject(raw.signatories) ? raw.signatories : undefined;
  const list = signatories && plainSignatoryList(signatories.list);
  if (!list) return LetterSchema.safeParse(raw);
  const result = LetterSchema.safeParse({ ...(raw as object), signatories: { ...signatories, list: [] } });
  if (result.success) result.data.signatories.list = list;
  return result;
}

/** The keys each mapping may have, by the name of the key that holds it (for "did you mean"). */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(LetterSchema.shape),
  recipient: Object.keys(Recipient.shape),
  cc: Object.keys(Recipient.shape),
  signatories: Object.keys(LetterSchema.shape.signatories.shape),
  list: Object.keys(Signatory.shape),
  links: Object.keys(Links.shape),
};

function reportSchemaErrors(err: z.core.$ZodError, raw: unknown, where: PositionIndex, bag: DiagnosticBag): void {
  // `dtae:` is both an unknown key and a missing `date`: say it once, as the typo it is.
  const misspelt = new Set<string>();
  for (const issue of err.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parentKey = String([...issue.path].reverse().find((p) => typeof p === 'string') ?? '');
    for (const key of issue.keys) misspelt.add(JSON.stringify([...issue.path, closestName(key, KNOWN_KEYS[parentKey] ?? [])]));
  }
  for (const issue of err.issues) {
    const path = issue.path as Path;
    if (issue.code === 'unrecognized_keys') {
      const parentKey = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
      const known = KNOWN_KEYS[parentKey] ?? [];
      for (const key of issue.keys) {
        const near = closestName(key, known);
        bag.add(error(where.keyAt(path, key), `unknown key \`${key}\``, near ? `did you mean \`${near}\`?` : `known keys here: ${known.join(', ')}`));
      }
      continue;
    }
    if (valueOf(raw, path) === undefined && path.length > 0) {
      if (misspelt.has(JSON.stringify(path))) continue;
      const key = String(path[path.length - 1]);
      bag.add(error(where.valueAt(path.slice(0, -1)), `missing required field \`${key}\``, `add \`${key}:\` here`));
      continue;
    }
    if (issue.code === 'invalid_union') {
      // A map whose one entry is wrong says more than "expected a text".
      const deepest = issue.errors.flat().filter((i) => i.path.length > 0);
      if (deepest.length > 0 && isPlainObject(valueOf(raw, path))) {
        for (const inner of deepest) bag.add(error(where.valueAt([...path, ...(inner.path as Path)]), inner.message));
        continue;
      }
    }
    bag.add(error(where.valueAt(path), schemaMessage(issue)));
  }
}

/** zod's own wording for a value of the wrong kind ("Invalid input: expected object…") in the letter's terms. */
function schemaMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type' || !issue.message.startsWith('Invalid input')) return issue.message;
  const kinds: Record<string, string> = { object: 'a mapping (`key: value` lines)', array: 'a list', string: 'text', boolean: '`true` or `false`', number: 'a number' };
  return `expected ${kinds[issue.expected] ?? issue.expected}`;
}

const SIGNATORY_TEXTS = ['name', 'note', 'short'] as const;

/** Every language map names only the letter's languages and has all of them. */
function checkLanguages(data: LetterData, where: PositionIndex, bag: DiagnosticBag): void {
  const langs = new Set(data.languages);
  const visitText = (value: unknown, path: Path): void => {
    if (!isPlainObject(value)) return;
    for (const key of Object.keys(value)) {
      if (!langs.has(key)) {
        bag.add(error(where.keyAt(path, key), `\`${key}\` is not one of the letter's languages (${data.languages.join(', ')})`, 'add it to `languages:` or remove this entry'));
      }
    }
  };
  const hasStrayLanguage = (value: unknown): boolean => {
    if (!isPlainObject(value)) return false;
    for (const key in value) if (!langs.has(key)) return true;
    return false;
  };
  const requireAll = (value: unknown, path: Path): void => {
    visitText(value, path);
    if (!isPlainObject(value)) return;
    for (const lang of data.languages) {
      if (!(lang in value)) bag.add(error(where.valueAt(path), `no \`${lang}\` text`, `add \`${lang}: …\` to this map`));
    }
  };
  const required: [unknown, Path][] = [
    [data.title, ['title']],
    [data.salutation, ['salutation']],
    [data.body, ['body']],
    [data.recipient.name, ['recipient', 'name']],
    [data.recipient.address, ['recipient', 'address']],
    [data.subject, ['subject']],
    [data.closing, ['closing']],
    [data.signoff, ['signoff']],
  ];
  (data.cc ?? []).forEach((r, i) => {
    required.push([r.name, ['cc', i, 'name']], [r.address, ['cc', i, 'address']]);
  });
  data.signatories.list.forEach((s, i) => {
    // A signatory's name, note or short form may exist in one language only: a name then
    // prints as it is in every language (an English name glossed in Korean, a new signatory
    // whose Korean name is not known yet).
    // A path only for a message: a list of 2,000 made 6,000 of them for none.
    for (const key of SIGNATORY_TEXTS) if (hasStrayLanguage(s[key])) visitText(s[key], ['signatories', 'list', i, key]);
  });
  for (const [value, path] of required) requireAll(value, path);
  for (const key of ['pdf', 'docx', 'html'] as const) visitText(data.links?.[key], ['links', key]);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueOf(raw: unknown, path: Path): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

