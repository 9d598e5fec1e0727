// Hyphenation points of a Latin word from real patterns (Liang's, the `hyphen` package's), for
// the languages that have them. Proper nouns, words with digits and short words are left
// whole; two letters must stay before a break and three after it, as TeX does.
//
// The patterns are the package's; the walk over them is ours. The package's hyphenator reads
// text character by character through closures and regular expressions, made for running
// prose with HTML in it: 20–35 ms for the seed letter's words in a fresh process, where this
// walk over the same trie takes 4–6 ms and finds the same points (checked word for word
// against the package on 29,000 English words).

import enUs from 'hyphen/patterns/en-us.js';

/** The package's pattern data: levels by index, the trie of pattern letters, and exceptions. */
type Trie = { [letter: string]: Trie | number | [Trie, number] };
type Patterns = [levels: number[][], trie: Trie, exceptions?: Record<string, number[]>];

/**
 * Languages with patterns. The patterns are imported, not required by name: the CLI's render
 * script then holds them with its code cache (loaded by name, they took 20 ms to compile).
 */
const PATTERNS: Record<string, Patterns> = { en: enUs as Patterns };
/** Fragments of fewer letters are left whole, as the package's default does. */
const MIN_FRAGMENT = 6;
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
const NO_NODE: Trie = {};
const pieceCache = new Map<string, string[]>();

/** The word split at its hyphenation points (one piece when it may not be hyphenated). */
export function hyphenationPieces(word: string, lang: string): string[] {
  const patterns = PATTERNS[lang.split('-')[0]!];
  if (!patterns) return [word];
  const m = /^(\p{P}*)(\p{Ll}[\p{Ll}\p{Lu}’']*)(\p{P}*)$/u.exec(word);
  if (!m || m[2]!.length < LEFT_MIN + RIGHT_MIN) return [word];
  const parts = fragmentPieces(m[2]!, patterns);
  // Merge pieces that would leave too few letters at either end.
  while (parts.length > 1 && parts[0]!.length < LEFT_MIN) parts.splice(0, 2, parts[0]! + parts[1]!);
  while (parts.length > 1 && parts.at(-1)!.length < RIGHT_MIN) parts.splice(-2, 2, parts.at(-2)! + parts.at(-1)!);
  parts[0] = m[1]! + parts[0]!;
  parts[parts.length - 1] += m[3]!;
  return parts;
}

/** A typographic apostrophe ends a fragment, as in the package: `Korea’s` is `Korea` and `s`. */
function fragmentPieces(letters: string, patterns: Patterns): string[] {
  let pieces: string[] = [];
  for (const fragment of letters.split('’')) {
    const split = fragment.length >= MIN_FRAGMENT ? splitAtPoints(fragment, patterns) : [fragment];
    // The apostrophe joins the last piece before it and the first after it.
    if (pieces.length) split[0] = `${pieces.pop()!}’${split[0]!}`;
    pieces = pieces.concat(split);
  }
  return pieces;
}

function splitAtPoints(fragment: string, patterns: Patterns): string[] {
  let pieces = pieceCache.get(fragment);
  if (!pieces) {
    pieces = [];
    let from = 0;
    for (const at of hyphenationPoints(fragment.toLocaleLowerCase(), patterns)) {
      pieces.push(fragment.slice(from, at));
      from = at;
    }
    pieces.push(fragment.slice(from));
    pieceCache.set(fragment, pieces);
  }
  return [...pieces];
}

/** Offsets in `lower` where it may break: Liang's odd levels, none within two letters of an end. */
function hyphenationPoints(lower: string, [levelsTable, trie, exceptions]: Patterns): number[] {
  // Own keys only: a word such as `constructor` must not find Object.prototype's. (The trie's
  // keys are single characters, which Object.prototype has none of.)
  if (exceptions && Object.hasOwn(exceptions, lower)) return exceptions[lower]!;
  const word = `.${lower}.`;
  // levels[i] is the gap before lower[i]. A pattern starting at the leading dot is stored
  // without the dot's own gap, so it lines up with one starting at the first letter.
  const levels = new Uint8Array(lower.length + 1);
  for (let start = 0; start < word.length - 2; start++) {
    const at = Math.max(0, start - 1);
    let node = trie;
    for (let i = start; i < word.length; i++) {
      const next = node[word[i]!];
      if (next === undefined) break;
      let index = -1;
      if (typeof next === 'number') {
        node = NO_NODE;
        index = next;
      } else if (Array.isArray(next)) {
        node = next[0];
        index = next[1];
      } else node = next;
      if (index < 0) continue;
      const pattern = levelsTable[index]!;
      for (let k = 0; k < pattern.length; k++) if (pattern[k]! > levels[at + k]!) levels[at + k] = pattern[k]!;
    }
  }
  const points: number[] = [];
  for (let i = 2; i < levels.length - 2; i++) if (levels[i]! & 1) points.push(i);
  return points;
}
