// Hyphenation points of a Latin word from real patterns (Liang's, via the `hyphen` package),
// for the languages that have them. Proper nouns, words with digits and short words are left
// whole; two letters must stay before a break and three after it, as TeX does.

import createHyphenator from 'hyphen/hyphen.js';
import enUs from 'hyphen/patterns/en-us.js';

/**
 * Languages with patterns. The patterns are imported, not required by name: the CLI's render
 * script then holds them with its code cache (loaded by name, they took 20 ms to compile).
 */
const PATTERNS: Record<string, unknown> = { en: enUs };
const hyphenators = new Map<string, (text: string) => string>();

function hyphenator(lang: string): ((text: string) => string) | undefined {
  const base = lang.split('-')[0]!;
  const patterns = PATTERNS[base];
  if (!patterns) return undefined;
  let h = hyphenators.get(base);
  if (!h) {
    // Plain text: the package's default also looks for HTML tags in every word.
    h = createHyphenator(patterns, { hyphenChar: '\u00AD', minWordLength: 6, html: false });
    hyphenators.set(base, h);
  }
  return h;
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
