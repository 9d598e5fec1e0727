// Finds where a value of the parsed YAML document sits, so every later phase can point at
// `letter.yaml:LINE:COL`. A path is the same list of keys and indexes zod reports.

import { isMap, isScalar, type Document, type Node as YamlNode } from 'yaml';
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

export function positionIndex(doc: Document.Parsed, text: string, posAt: (offset: number) => SourcePos): PositionIndex {
  const nodeAt = (path: Path): YamlNode | undefined => {
    const n = path.length === 0 ? doc.contents : doc.getIn(path as (string | number)[], true);
    return n && typeof n === 'object' && 'range' in n ? (n as YamlNode) : undefined;
  };
  const valueAt = (path: Path): SourcePos => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAt(path.slice(0, n));
      if (node?.range) return posAt(node.range[0]);
    }
    return posAt(0);
  };
  const keyAt = (path: Path, key: string): SourcePos => {
    const map = nodeAt(path);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return posAt(pair.key.range[0]);
      }
    }
    return valueAt(path);
  };
  const contentStart = (path: Path): SourcePos & { block: boolean } => {
    const node = nodeAt(path);
    if (isScalar(node) && node.range && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
      return { ...posAt(blockContentStart(text, node.range[0])), block: true };
    }
    const start = node?.range ? posAt(node.range[0]) : valueAt(path);
    return { ...start, block: false };
  };
  return { valueAt, keyAt, contentStart };
}

/** The first character of a block scalar's text: its range starts at the `|` or `>` header, the text on a later line. */
export function blockContentStart(text: string, header: number): number {
  let i = text.indexOf('\n', header) + 1;
  while (text[i] === '\n') i++;
  while (text[i] === ' ') i++;
  return i;
}
