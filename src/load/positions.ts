// Where a value of the letter sits, so every later phase can point at `letter.yaml:LINE:COL`.
// Both YAML readers make a PositionIndex (fast-yaml.ts from js-yaml's events, parse-yaml.ts
// from `yaml`'s nodes). A path is the same list of keys and indexes zod reports.

import type { SourcePos } from '../core/diagnostics.js';

export type Path = readonly (string | number)[];

export interface PositionIndex {
  /** Start of the value at `path`, or of its nearest existing ancestor. */
  valueAt(path: Path): SourcePos;
  /** Start of the key `key` in the mapping at `path`. */
  keyAt(path: Path, key: string): SourcePos;
  /** Position of the first line of a block scalar's content (for Markdown line maps). */
  contentStart(path: Path): SourcePos & { block: boolean };
}

/** The first character of a block scalar's text: its range starts at the `|` or `>` header, the text on a later line. */
export function blockContentStart(text: string, header: number): number {
  let i = text.indexOf('\n', header) + 1;
  while (text[i] === '\n') i++;
  while (text[i] === ' ') i++;
  return i;
}
