// Liang's hyphenation patterns as flat arrays: the `hyphen` package keeps them as a trie of
// nested objects keyed by letter (4,000 of them for English), which a fresh process takes
// 3–6 ms to build from JSON even when nothing else about them changes. As three arrays of
// small integers they load in a millisecond, and `npm run build` stores them so
// (hyphen-patterns.ts).

/** The package's pattern data: levels by index, the trie of pattern letters, and exceptions. */
export type PackageTrie = { [letter: string]: PackageTrie | number | [PackageTrie, number] };
export type PackagePatterns = [levels: number[][], trie: PackageTrie, exceptions?: Record<string, number[]>];

export interface FlatPatterns {
  /** Node n's edges are edges [first[n], first[n + 1]), sorted by letter; node 0 is the root. */
  first: number[];
  /** Each edge's letter (a UTF-16 code unit), the node it leads to (-1: none), its pattern (-1: none). */
  letter: number[];
  child: number[];
  pattern: number[];
  /** Each pattern's levels, by index. */
  levels: number[][];
  /** Whole words with their own points. */
  exceptions: Record<string, number[]>;
}

export function flattenPatterns([levels, trie, exceptions]: PackagePatterns): FlatPatterns {
  const flat: FlatPatterns = { first: [], letter: [], child: [], pattern: [], levels, exceptions: exceptions ?? {} };
  const nodes: PackageTrie[] = [trie];
  for (let n = 0; n < nodes.length; n++) {
    flat.first.push(flat.letter.length);
    const node = nodes[n]!;
    for (const key of Object.keys(node).sort()) {
      if (key.length !== 1) throw new Error(`hyphenation patterns: a trie key of ${key.length} code units`);
      const next = node[key]!;
      const [child, pattern] = typeof next === 'number' ? [undefined, next] : Array.isArray(next) ? next : [next, -1];
      flat.letter.push(key.charCodeAt(0));
      flat.child.push(child ? nodes.push(child) - 1 : -1);
      flat.pattern.push(pattern);
    }
  }
  flat.first.push(flat.letter.length);
  return flat;
}
