// Reads a letter file's bytes, safely: size, encoding, characters and nesting depth are
// checked before any parser sees the text (readLetterText). The full reader then accepts only
// YAML 1.2 core with one document, no tags, no merge keys, a small alias budget, and turns
// every problem into a located diagnostic; fast-yaml.ts reads the common case before it.

import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { DiagnosticBag, error, LetterError, type SourcePos } from '../core/diagnostics.js';
import { codePointLabel, findForbiddenChars, forbiddenCharHint, type CharPolicy } from './text-checks.js';

export const MAX_LETTER_BYTES = 2 * 1024 * 1024;
export const MAX_NESTING = 64;
export const MAX_ALIASES = 100;
/** Nodes the document may hold once its aliases are expanded: a billion laughs stays small in the file. */
export const MAX_EXPANDED_NODES = 100_000;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A letter file's text, checked before any parser sees it. */
export interface LetterText {
  file: string;
  text: string;
  /** Position of a UTF-16 offset into `text`. */
  posAt(offset: number): SourcePos;
}

export interface ParsedYaml extends LetterText {
  doc: Document.Parsed;
}

/** Decodes the bytes and refuses what no parser should see: too many bytes, bad UTF-8, forbidden characters, deep nesting. */
export function readLetterText(file: string, bytes: Uint8Array, policy: CharPolicy = {}): LetterText {
  const whole: SourcePos = { file };
  if (bytes.byteLength > MAX_LETTER_BYTES) {
    throw new LetterError([error(whole, `file is ${bytes.byteLength} bytes, more than the ${MAX_LETTER_BYTES} a letter may have`, 'split long texts or remove embedded data')]);
  }
  const text = decodeUtf8(file, bytes);
  const lines = lineTable(text);
  const posAt = (offset: number): SourcePos => ({ file, ...lines(offset) });
  const bag = new DiagnosticBag();
  for (const bad of findForbiddenChars(text, policy)) {
    bag.add(error(posAt(bad.offset), `${bad.reason} (${codePointLabel(bad.cp)}) is not allowed`, forbiddenCharHint(bad.cp)));
  }
  const depth = nestingDepth(text);
  if (depth.depth > MAX_NESTING) {
    bag.add(error(posAt(depth.offset), `nesting deeper than ${MAX_NESTING} levels`, 'a letter needs only a few levels of nesting'));
  }
  bag.throwIfErrors();
  return { file, text, posAt };
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
  return { file, text, posAt, doc };
}

function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lineNo = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    throw new LetterError([error({ file, line: lineNo, col }, `invalid UTF-8 at byte ${bad}`, 'save the file as UTF-8')]);
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    // The second byte's range is narrower after these leads: no overlongs, no surrogates (ED A0–BF), nothing past U+10FFFF.
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    const second = bytes[i + 1] ?? 0;
    if (n > 0 && (second < lo || second > hi)) return i;
    for (let k = 2; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** Maps offsets to 1-based line and column without a parser. */
function lineTable(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

/**
 * Deepest bracket or indentation nesting, found by a scan that skips quoted strings and
 * comments. Deep flow nesting makes the parser recurse; it must be refused before parsing.
 */
function nestingDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:-]/.test(text[i - 1]!))) quote = c;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  const indent = deepestIndent(text);
  return indent.depth > max ? indent : { depth: max, offset: at };
}

/** Block nesting shows as indentation; two spaces a level is the narrowest YAML allows in practice. */
function deepestIndent(text: string): { depth: number; offset: number } {
  let max = 0;
  let at = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const spaces = line.length - line.trimStart().length;
    const levels = Math.floor(spaces / 2);
    if (levels > max && line.trim() && !line.trimStart().startsWith('#')) {
      max = levels;
      at = offset;
    }
    offset += line.length + 1;
  }
  // Indentation inside block scalars is text, not structure; halve the trust we put in it.
  return { depth: Math.floor(max / 2), offset: at };
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
