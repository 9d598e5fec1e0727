// The measure of a fast YAML reader: on a text it reads, the full reader (parse-yaml.ts) must
// read the same value and find every value and key at the same place; a text it declines is
// the full reader's. Shared by the tests of fast-yaml.ts and plain-yaml.ts.

import { expect } from 'vitest';
import { readLetterText, type LetterText } from '../../src/load/letter-text.js';
import { parseLetterYaml, positionIndex } from '../../src/load/parse-yaml.js';
import type { Path, PositionIndex } from '../../src/load/positions.js';

const FILE = 'letters/t/letter.yaml';

export type YamlReader = (text: string, posAt: LetterText['posAt']) => { value: unknown; where: PositionIndex } | undefined;

/** The checked text of a letter file, or undefined when the checks refuse it. */
function source(text: string): LetterText | undefined {
  try {
    return readLetterText(FILE, new TextEncoder().encode(text));
  } catch {
    return undefined;
  }
}

/** What `reader` makes of `text`, or undefined when it declines it (or the text checks refuse it). */
export function readWith(reader: YamlReader, text: string): ReturnType<YamlReader> {
  const src = source(text);
  return src && reader(src.text, src.posAt);
}

/** The full reader's value and positions, or undefined when it refuses the text. */
function full(text: string): { value: unknown; where: PositionIndex } | undefined {
  const src = source(text);
  if (!src) return undefined;
  try {
    const parsed = parseLetterYaml(src);
    if (parsed.doc.contents === null) return undefined;
    return { value: parsed.doc.toJS(), where: positionIndex(parsed.doc, src.text, src.posAt) };
  } catch {
    return undefined;
  }
}

/** Every path of a value, with the keys of each mapping. */
function* paths(value: unknown, at: Path = []): Generator<{ path: Path; keys: string[] }> {
  const keys = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  yield { path: at, keys };
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* paths(v, [...at, i]);
  else for (const k of keys) yield* paths((value as Record<string, unknown>)[k], [...at, k]);
}

/** `reader` declines `text` (false), or agrees with the full reader on its value and every position (true). */
export function expectAgreement(reader: YamlReader, text: string): boolean {
  const quick = readWith(reader, text);
  if (!quick) return false;
  const slow = full(text);
  expect(slow, `the reader accepted what the full reader refuses:\n${text}`).toBeDefined();
  expect(quick.value, text).toEqual(slow!.value);
  for (const { path: p, keys } of paths(slow!.value)) {
    expect(quick.where.valueAt(p), `valueAt ${JSON.stringify(p)}\n${text}`).toEqual(slow!.where.valueAt(p));
    expect(quick.where.contentStart(p), `contentStart ${JSON.stringify(p)}\n${text}`).toEqual(slow!.where.contentStart(p));
    for (const k of keys) expect(quick.where.keyAt(p, k), `keyAt ${JSON.stringify(p)} ${k}\n${text}`).toEqual(slow!.where.keyAt(p, k));
  }
  return true;
}
