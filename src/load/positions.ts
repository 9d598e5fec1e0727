// Where a value of the letter sits, so every later phase can point at `letter.yaml:LINE:COL`.
// Every YAML reader makes a PositionIndex (plain-yaml.ts and fast-yaml.ts from a tree of
// PositionNodes, parse-yaml.ts from `yaml`'s nodes). A path is the same list of keys and
// indexes zod reports.

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

/** A node of the document as the fast readers find it: where it starts, and its children by key or index. */
export interface PositionNode {
  start: number;
  /** A literal or folded block scalar, whose text starts on a later line. */
  block: boolean;
  /** A mapping's keys, each with where it stands and its value's node. */
  keys?: Map<string, PositionKey>;
  items?: PositionNode[];
}

export interface PositionKey {
  at: number;
  node: PositionNode;
}

/** The index of a tree of PositionNodes found in `text`. */
export function treePositions(text: string, root: PositionNode, posAt: (offset: number) => SourcePos): PositionIndex {
  const child = (node: PositionNode, segment: string | number): PositionNode | undefined => (node.items ? node.items[Number(segment)] : node.keys?.get(String(segment))?.node);
  /** The node at `path`, or (`nearest`) at its deepest existing prefix. */
  const find = (path: Path, nearest: boolean): PositionNode | undefined => {
    let node = root;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) return nearest ? node : undefined;
      node = next;
    }
    return node;
  };
  const valueAt = (path: Path): SourcePos => posAt(find(path, true)!.start);
  return {
    valueAt,
    keyAt: (path, key) => {
      const at = find(path, false)?.keys?.get(key)?.at;
      return at === undefined ? valueAt(path) : posAt(at);
    },
    contentStart: (path) => {
      const node = find(path, false);
      if (!node?.block) return { ...valueAt(path), block: false };
      return { ...posAt(blockContentStart(text, node.start)), block: true };
    },
  };
}
