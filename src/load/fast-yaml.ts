// The common case, fast: a letter that uses none of YAML's rarer features is read by
// js-yaml's event parser, which on a cold start is about four times faster than `yaml`
// (2,000 signatories: 0.1 s against 0.4 s). Its events carry source offsets, from which the
// same positions are found as parse-yaml.ts finds in `yaml`'s nodes. Anything else (a syntax
// error, an anchor, alias or tag, a directive, a second document, a complex or reserved key,
// a duplicate key, a forbidden character behind an escape) is left to the full reader,
// whose messages are the ones users see. Both use the YAML 1.2 core schema; the tests
// compare their values and every position on the fixtures and on generated letters.

import { constructFromEvents, EVENT_ID, parseEvents, SCALAR_STYLE, getScalarValue, type Event } from 'js-yaml';
import type { SourcePos } from '../core/diagnostics.js';
import { blockContentStart, type Path, type PositionIndex } from './positions.js';
import { findForbiddenChars, type CharPolicy } from './text-checks.js';

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);
const SEP = '\u0000';

export interface FastYaml {
  value: unknown;
  where: PositionIndex;
}

/** The letter's value and positions, or undefined when the full reader must look at it. */
export function fastLetterYaml(text: string, posAt: (offset: number) => SourcePos, policy: CharPolicy = {}): FastYaml | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  const starts = nodeStarts(text, events, policy);
  if (!starts) return undefined;
  let value: unknown;
  try {
    [value] = constructFromEvents(events, { source: text });
  } catch {
    return undefined;
  }
  return { value, where: eventPositions(text, starts, posAt) };
}

interface Starts {
  /** Start of the value at each path (joined with SEP). */
  values: Map<string, number>;
  /** Start of each key, by its mapping's path and the key. */
  keys: Map<string, number>;
  /** Paths of block scalars. */
  blocks: Set<string>;
}

type Frame = { kind: 'seq'; path: string; index: number } | { kind: 'map'; path: string; key: string | undefined };

/** Walks the events once; undefined at the first feature left to the full reader. */
function nodeStarts(text: string, events: Event[], policy: CharPolicy): Starts | undefined {
  const starts: Starts = { values: new Map(), keys: new Map(), blocks: new Set() };
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
    let path: string;
    if (!top) {
      if (starts.values.has('')) return undefined;
      path = '';
    } else if (top.kind === 'seq') {
      path = `${top.path}${SEP}${top.index++}`;
    } else if (top.key === undefined) {
      // A key: a scalar, plainly a name.
      if (e.type !== EVENT_ID.SCALAR) return undefined;
      const key = getScalarValue(text, e);
      if (RESERVED_KEYS.has(key) || e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK) return undefined;
      starts.keys.set(`${top.path}${SEP}${key}`, scalarStart(text, e));
      top.key = key;
      continue;
    } else {
      path = `${top.path}${SEP}${top.key}`;
      top.key = undefined;
    }
    if (e.type === EVENT_ID.SCALAR) {
      starts.values.set(path, scalarStart(text, e));
      if (e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK) starts.blocks.add(path);
    } else {
      starts.values.set(path, e.start);
      stack.push(e.type === EVENT_ID.SEQUENCE ? { kind: 'seq', path, index: 0 } : { kind: 'map', path, key: undefined });
    }
  }
  // An empty file is the full reader's to report.
  return documents === 1 && starts.values.has('') ? starts : undefined;
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

function eventPositions(text: string, starts: Starts, posAt: (offset: number) => SourcePos): PositionIndex {
  const keyOf = (path: Path) => path.map((p) => `${SEP}${p}`).join('');
  const valueAt = (path: Path): SourcePos => {
    for (let n = path.length; n >= 0; n--) {
      const start = starts.values.get(keyOf(path.slice(0, n)));
      if (start !== undefined) return posAt(start);
    }
    return posAt(0);
  };
  return {
    valueAt,
    keyAt: (path, key) => {
      const start = starts.keys.get(`${keyOf(path)}${SEP}${key}`);
      return start === undefined ? valueAt(path) : posAt(start);
    },
    contentStart: (path) => {
      const key = keyOf(path);
      const start = starts.values.get(key);
      if (start === undefined || !starts.blocks.has(key)) return { ...valueAt(path), block: false };
      return { ...posAt(blockContentStart(text, start)), block: true };
    },
  };
}
