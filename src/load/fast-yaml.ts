// The common case, fast. The plainest letters (plain-yaml.ts: what the tools write) are read
// in one pass; one that uses none of YAML's rarer features is read by js-yaml's event parser,
// which on a cold start is about four times faster than `yaml` (2,000 signatories: 0.1 s
// against 0.4 s). Its events carry source offsets, from which the same positions are found
// as parse-yaml.ts finds in `yaml`'s nodes. Anything else (a syntax
// error, an anchor, alias or tag, a directive, a second document, a complex or reserved key,
// a duplicate key, a forbidden character behind an escape, a text without a final line break)
// is left to the full reader, whose messages are the ones users see. Both use the YAML 1.2
// core schema; the tests compare their values and every position on the fixtures and on
// generated letters.

import { EVENT_ID, parseEvents, SCALAR_STYLE, getScalarValue, type Event } from 'js-yaml';
import type { SourcePos } from '../core/diagnostics.js';
import { plainLetterYaml } from './plain-yaml.js';
import { treePositions, type PositionIndex, type PositionNode as Node } from './positions.js';
import { findForbiddenChars, type CharPolicy } from './text-checks.js';
import { CORE_NOT_STRING, RESERVED_KEYS } from './yaml-scalars.js';

export interface FastYaml {
  value: unknown;
  where: PositionIndex;
}

/** The letter's value and positions, or undefined when the full reader must look at it. */
export function fastLetterYaml(text: string, posAt: (offset: number) => SourcePos, policy: CharPolicy = {}): FastYaml | undefined {
  // A text that ends without a line break is the full reader's: js-yaml and `yaml` disagree
  // there on a kept block scalar's last line (`|+` then a line of spaces and nothing more).
  if (!text.endsWith('\n')) return undefined;
  const plain = plainLetterYaml(text, posAt, policy);
  if (plain) return plain;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  const tree = nodeTree(text, events, policy);
  if (!tree) return undefined;
  return { value: tree.value, where: treePositions(text, tree.root, posAt) };
}

type Frame = { node: Node; value: Record<string, unknown> | unknown[]; key?: { name: string; at: number } };

const isBlock = (e: ScalarEvent) => e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK;

/**
 * Walks the events once into the value and a tree of its positions; undefined at the first
 * feature left to the full reader. (js-yaml's own construction from the events took as long
 * again, for the same value.)
 */
function nodeTree(text: string, events: Event[], policy: CharPolicy): { root: Node; value: unknown } | undefined {
  let root: Node | undefined;
  let rootValue: unknown;
  const stack: Frame[] = [];
  let documents = 0;
  let inDocument = false;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || e.directives.length > 0) return undefined;
      inDocument = true;
      continue;
    }
    if (e.type === EVENT_ID.POP) {
      if (stack.length === 0) inDocument = false;
      else stack.pop();
      continue;
    }
    if (e.type === EVENT_ID.ALIAS || e.anchorStart !== -1 || e.tagStart !== -1 || !inDocument) return undefined;
    // An empty value (a null, which no field accepts) has no offset to point at.
    if (e.type === EVENT_ID.SCALAR && (e.valueStart === -1 || !escapesAllowed(text, e, policy))) return undefined;
    const top = stack.at(-1);
    if (top?.node.keys && !top.key) {
      // A key: a scalar, plainly a name.
      if (e.type !== EVENT_ID.SCALAR || isBlock(e)) return undefined;
      const name = scalarValue(text, e);
      if (name === undefined || RESERVED_KEYS.has(name) || Object.hasOwn(top.value, name)) return undefined;
      top.key = { name, at: scalarStart(text, e) };
      continue;
    }
    let node: Node;
    let value: Frame['value'] | string | undefined;
    if (e.type === EVENT_ID.SCALAR) {
      node = { start: scalarStart(text, e), block: isBlock(e) };
      value = scalarValue(text, e);
      if (value === undefined) return undefined;
    } else {
      node = { start: e.start, block: false };
      if (e.type === EVENT_ID.SEQUENCE) {
        node.items = [];
        value = [];
      } else {
        node.keys = new Map();
        value = {};
      }
    }
    if (!top) {
      if (root) return undefined;
      root = node;
      rootValue = value;
    } else if (top.node.items) {
      top.node.items.push(node);
      (top.value as unknown[]).push(value);
    } else {
      const { name, at } = top.key!;
      top.node.keys!.set(name, { at, node });
      (top.value as Record<string, unknown>)[name] = value;
      top.key = undefined;
    }
    if (typeof value === 'object') stack.push({ node, value });
  }
  // An empty file is the full reader's to report.
  return documents === 1 && root ? { root, value: rootValue } : undefined;
}

/** A scalar's string, or undefined for a plain one the core schema reads as something else. */
function scalarValue(text: string, e: ScalarEvent): string | undefined {
  const value = getScalarValue(text, e);
  return e.style === SCALAR_STYLE.PLAIN && CORE_NOT_STRING.test(value) ? undefined : value;
}

type ScalarEvent = Extract<Event, { type: typeof EVENT_ID.SCALAR }>;

/** Where `yaml` says a scalar starts: its first quote, or its block header (`|`, `>`). */
function scalarStart(text: string, e: ScalarEvent): number {
  if (e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED) return e.valueStart - 1;
  if (e.style !== SCALAR_STYLE.LITERAL_BLOCK && e.style !== SCALAR_STYLE.FOLDED_BLOCK) return e.valueStart;
  // The content starts on the line after the header: the first `|` or `>` of that line, after
  // a space or at its start, that only indicators and a comment follow.
  const lineEnd = e.valueStart - 1;
  const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
  for (let i = lineStart; i < lineEnd; i++) {
    const c = text[i];
    if ((c !== '|' && c !== '>') || (i > lineStart && text[i - 1] !== ' ' && text[i - 1] !== '\t')) continue;
    if (BLOCK_HEADER_REST.test(text.slice(i + 1, lineEnd))) return i;
  }
  return e.valueStart;
}

const BLOCK_HEADER_REST = /^[0-9+-]*(?:[ \t]+#.*)?[ \t]*\r?$/;

/**
 * The full reader refuses some characters even when an escape writes them (`"\ud800"`). The
 * text itself was checked before parsing, so only a double-quoted scalar with an escape can
 * hold one.
 */
function escapesAllowed(text: string, e: ScalarEvent, policy: CharPolicy): boolean {
  if (e.style !== SCALAR_STYLE.DOUBLE_QUOTED || !text.slice(e.valueStart, e.valueEnd).includes('\\')) return true;
  return findForbiddenChars(getScalarValue(text, e), policy).length === 0;
}
