// The hyphenation patterns of each language that has them, flattened (hyphen-trie.ts). The
// CLI's bundle replaces this module with the flattened arrays themselves, as JSON
// (scripts/bundle-cli.mjs): the package's trie is then neither built nor walked at all.

import enUs from 'hyphen/patterns/en-us.js';
import { flattenPatterns, type FlatPatterns, type PackagePatterns } from './hyphen-trie.js';

export const PATTERNS: Record<string, FlatPatterns> = { en: flattenPatterns(enUs as PackagePatterns) };
