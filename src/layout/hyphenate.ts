// Hyphenation points of a Latin word from real patterns (Liang's, via the `hyphen` package),
// for the languages that have them. Proper nouns, words with digits and short words are left
// whole; two letters must stay before a break and three after it, as TeX does.

import { createRequire } from 'node:module';

type HyphenateSync = (text: string, options: { hyphenChar: string; minWordLength: number }) => string;
// The package's languages are CommonJS folders, which ESM cannot import by name.
const load = (lang: string) => (createRequire(import.meta.url)(`hyphen/${lang}`) as { hyphenateSync: HyphenateSync }).hyphenateSync;
const loaded = new Map<string, HyphenateSync>();

/** Languages with patterns, loaded on first use: most letters need one at most. */
const PATTERNS: Record<string, string> = { en: 'en-us' };

function hyphenator(lang: string): ((text: string) => string) | undefined {
  const name = PATTERNS[lang.split('-')[0]!];
  if (!name) return undefined;
  let h = loaded.get(name);
  if (!h) {
    h = load(name);
    loaded.set(name, h);
  }
  return (t) => h(t, { hyphenChar: '\u00AD', minWordLength: 6 });
}

const LEFT_MIN = 2;
const RIGHT_MIN = 3;

/** The word split at its hyphenation points (one piece when it may not be hyphenated). */
export function hyphenationPieces(word: string, lang: string): string[] {
  const hyphenate = hyphenator(lang);
  if (!hyphenate) return [word];
  const m = /^(\p{P}*)(\p{Ll}[\p{Ll}\p{Lu}’']*)(\p{P}*)$/u.exec(word);
  if (!m || m[2]!.length < LEFT_MIN + RIGHT_MIN) return [word];
  const parts = hyphenate(m[2]!).split('\u00AD');
  // Merge pieces that would leave too few letters at either end.
  while (parts.length > 1 && parts[0]!.length < LEFT_MIN) parts.splice(0, 2, parts[0]! + parts[1]!);
  while (parts.length > 1 && parts.at(-1)!.length < RIGHT_MIN) parts.splice(-2, 2, parts.at(-2)! + parts.at(-1)!);
  parts[0] = m[1]! + parts[0]!;
  parts[parts.length - 1] += m[3]!;
  return parts;
}
