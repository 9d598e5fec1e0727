// The full YAML reader, for a letter the fast one (fast-yaml.ts) declines or that has a
// problem: from the checked text (letter-text.ts) it accepts only YAML 1.2 core with one
// document, no tags, no merge keys, a small alias budget, turns every problem into a located
// diagnostic, and finds each value's position in `yaml`'s nodes. Imported only when needed.

import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { DiagnosticBag, error, type SourcePos } from '../core/diagnostics.js';
import type { LetterText } from './letter-text.js';
import { blockContentStart, type Path, type PositionIndex } from './positions.js';
import { codePointLabel, findForbiddenChars, type CharPolicy } from './text-checks.js';

export const MAX_ALIASES = 100;
/** Nodes the document may hold once its aliases are expanded: a billion laughs stays small in the file. */
export const MAX_EXPANDED_NODES = 100_000;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedYaml {
  doc: Document.Parsed;
}

/** The full reader: every YAML feature parsed, and every problem located. */
export function parseLetterYaml(source: LetterText, policy: CharPolicy = {}): ParsedYaml {
  const { file, text, posAt } = source;
  const bag = new DiagnosticBag();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    customTags: [],
    prettyErrors: false,
    strict: true,
  });
  const reportedLines = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    // One syntax error tends to bring others on its line; the first is the one to fix.
    const at = posAt(e.pos[0]);
    if (reportedLines.has(at.line!)) continue;
    reportedLines.add(at.line!);
    bag.add(error(at, yamlMessage(e.code, e.message), yamlHint(e.code)));
  }
  if (doc.directives?.yaml.explicit) {
    bag.add(error({ file, line: 1, col: 1 }, 'a %YAML directive is not allowed', 'letters are YAML 1.2; delete the directive'));
  }
  const aliases = checkNodes(doc, posAt, bag, policy);
  bag.throwIfErrors();
  const bomb = aliases > 0 ? aliasBomb(doc) : undefined;
  if (bomb) bag.add(error(posAt(bomb.range?.[0] ?? 0), `the aliases expand to more than ${MAX_EXPANDED_NODES} values`, 'write the values out; a letter never needs this many'));
  bag.throwIfErrors();
  return { doc };
}

/** Where each value of the document sits. */
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

/** Checks keys, aliases and escaped characters; returns how many aliases there are. */
function checkNodes(doc: Document.Parsed, posAt: (o: number) => SourcePos, bag: DiagnosticBag, policy: CharPolicy): number {
  let aliases = 0;
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (key && typeof key.value === 'string' && RESERVED_KEYS.has(key.value)) {
        bag.add(error(posAt(key.range?.[0] ?? 0), `the key \`${key.value}\` is reserved`, 'rename the key'));
      }
      if (key && key.value === '<<') {
        bag.add(error(posAt(key.range?.[0] ?? 0), 'merge keys (`<<`) are not allowed', 'write the fields out'));
      }
      if (pair.key !== null && !isScalar(pair.key)) {
        bag.add(error(posAt((pair.key as YamlNode).range?.[0] ?? 0), 'keys must be plain strings', undefined));
      }
    },
    Alias(_, node) {
      aliases++;
      if (aliases === MAX_ALIASES + 1) bag.add(error(posAt(node.range?.[0] ?? 0), `more than ${MAX_ALIASES} aliases`, 'write the values out'));
    },
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      // Escapes such as "\ud800" only become characters after parsing.
      for (const bad of findForbiddenChars(node.value, policy)) {
        bag.add(error(posAt(node.range?.[0] ?? 0), `${bad.reason} (${codePointLabel(bad.cp)}) is not allowed in this string`, 'remove the escape sequence'));
        break;
      }
    },
  });
  return aliases;
}

/**
 * The alias at which expanding the document's aliases has added more than MAX_EXPANDED_NODES
 * values, if any. Each alias adds a copy of what it names, with the aliases inside that
 * expanded too; a long list without aliases adds nothing.
 */
function aliasBomb(doc: Document.Parsed): YamlNode | undefined {
  const limit = MAX_EXPANDED_NODES + 1;
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target ? size(target) : 1;
    }
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // An alias inside the node it names would expand forever.
    if (open.has(node)) return limit;
    open.add(node);
    let n = 1;
    if (isMap(node)) for (const pair of node.items) n = Math.min(limit, n + size(pair.key) + size(pair.value));
    else if (isSeq(node)) for (const item of node.items) n = Math.min(limit, n + size(item));
    open.delete(node);
    sizes.set(node, n);
    return n;
  };
  let added = 0;
  let culprit: YamlNode | undefined;
  visit(doc, {
    Alias(_, node) {
      const target = node.resolve(doc);
      added += (target ? size(target) : 1) - 1;
      if (added <= MAX_EXPANDED_NODES) return undefined;
      culprit = node;
      return visit.BREAK;
    },
  });
  return culprit;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'TAG_RESOLVE_FAILED') return `custom tags are not allowed (${first})`;
  if (code === 'MULTIPLE_DOCS') return 'a letter file holds exactly one YAML document';
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping';
  return first;
}

function yamlHint(code: string): string | undefined {
  if (code === 'TAG_RESOLVE_FAILED') return 'remove the `!tag`; write the value as plain text';
  if (code === 'MULTIPLE_DOCS') return 'remove the `---` separator and everything after it, or split the file';
  if (code === 'DUPLICATE_KEY') return 'keep one of the two entries';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return 'check the indentation and quotes of this line and the one before';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces; YAML does not allow tabs there';
  return undefined;
}
