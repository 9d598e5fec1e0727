// The plainest YAML, read in one pass over the text: block mappings of plain names, block
// sequences, one-line scalars (plain, single- or double-quoted), one-line flow collections of
// such scalars, and literal blocks (`|`, `|-`, `|+`), with comments and blank lines between.
// That is what `letter signatories add` and `import` write and what most letters are; a long
// signatory list is almost all of it. js-yaml's event parser made 25,000 events of a list of
// 2,000 signatories and took some 50 ms on a cold start; this reader takes a tenth of that.
// Anything else (a tab or carriage return anywhere, a folded or multi-line scalar, a quoted or
// unusual key, an anchor, tag or alias, an escape beyond the common ones, a null, number or
// boolean, a duplicate key) is declined and read by fast-yaml.ts or the full reader.
// test/load/plain-yaml.test.ts holds it to the full reader's values and positions.

import type { SourcePos } from '../core/diagnostics.js';
import { treePositions, type PositionIndex, type PositionNode } from './positions.js';
import { findForbiddenChars, type CharPolicy } from './text-checks.js';

/**
 * A plain scalar the YAML 1.2 core schema reads as a null, boolean or number (the full
 * reader's schema). No field of a letter takes one, so the readers leave such a letter to the
 * full reader, which reports it; every other plain scalar is the string it reads.
 */
export const CORE_NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);
/** A key as people and the tools write them; anything else is left to the other readers. */
const NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** Characters that may not begin a plain scalar (YAML's indicators); such a value is declined. */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');
/** YAML 1.2's escapes of one character after the backslash (\x, \u and \U take hex digits). */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Thrown to decline: the text is left to the next reader. */
const DECLINE = Symbol('decline');

type Read = [PositionNode, unknown];

/** The letter's value and positions, or undefined when another reader must look at it. */
export function plainLetterYaml(text: string, posAt: (offset: number) => SourcePos, policy: CharPolicy = {}): { value: unknown; where: PositionIndex } | undefined {
  if (!text.endsWith('\n') || text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const reader = new PlainReader(text, policy);
    const [root, value] = reader.document();
    return { value, where: treePositions(text, root, posAt) };
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

function decline(): never {
  throw DECLINE;
}

class PlainReader {
  /** Start of the line to be read next. */
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly policy: CharPolicy,
  ) {}

  document(): Read {
    this.skipBlank();
    if (this.pos >= this.text.length) decline();
    const read = this.block(this.indent());
    this.skipBlank();
    if (this.pos < this.text.length) decline();
    return read;
  }

  /** Skips blank lines and comment lines. */
  private skipBlank(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const first = this.pos + this.indent();
      if (text[first] !== '\n' && text[first] !== '#') return;
      this.pos = text.indexOf('\n', first) + 1;
    }
  }

  /** Spaces at the start of the current line. */
  private indent(): number {
    let i = this.pos;
    while (this.text.charCodeAt(i) === 0x20) i++;
    return i - this.pos;
  }

  private isItem(at: number): boolean {
    return this.text[at] === '-' && (this.text[at + 1] === ' ' || this.text[at + 1] === '\n');
  }

  /** A mapping or sequence whose first line is the current one, indented `indent`. */
  private block(indent: number): Read {
    const at = this.pos + indent;
    return this.isItem(at) ? this.sequence(indent) : this.mapping(indent, at);
  }

  /** A block mapping whose keys stand at column `indent`, the first of them at `first`. */
  private mapping(indent: number, first: number): Read {
    const { text } = this;
    const keys = new Map<string, { at: number; node: PositionNode }>();
    const value: Record<string, unknown> = {};
    for (let at = first; ; ) {
      NAME.lastIndex = at;
      if (!NAME.test(text)) decline();
      const colon = NAME.lastIndex;
      const name = text.slice(at, colon);
      if (text[colon] !== ':' || (text[colon + 1] !== ' ' && text[colon + 1] !== '\n')) decline();
      if (RESERVED_KEYS.has(name) || CORE_NOT_STRING.test(name) || keys.has(name)) decline();
      const [node, v] = this.value(colon + 1, indent, true);
      keys.set(name, { at, node });
      value[name] = v;
      this.skipBlank();
      if (this.pos >= text.length) break;
      const next = this.indent();
      if (next < indent) break;
      if (next > indent || this.isItem(this.pos + next)) decline();
      at = this.pos + next;
    }
    return [{ start: first, block: false, keys }, value];
  }

  /** A block sequence whose dashes stand at column `indent` (the current line's first). */
  private sequence(indent: number): Read {
    const { text } = this;
    const start = this.pos + indent;
    const items: PositionNode[] = [];
    const value: unknown[] = [];
    for (;;) {
      const dash = this.pos + indent;
      let at = dash + 1;
      while (text[at] === ' ') at++;
      if (this.isItem(at)) decline();
      NAME.lastIndex = at;
      // `- key: value`: a mapping whose keys stand where this one does.
      const read = NAME.test(text) && text[NAME.lastIndex] === ':' && (text[NAME.lastIndex + 1] === ' ' || text[NAME.lastIndex + 1] === '\n') ? this.mapping(at - this.pos, at) : this.value(dash + 1, indent, false);
      items.push(read[0]);
      value.push(read[1]);
      this.skipBlank();
      if (this.pos >= text.length) break;
      const next = this.indent();
      if (next < indent) break;
      if (next > indent) decline();
      // A key at the dashes' column ends a sequence that was a key's value at that column.
      if (!this.isItem(this.pos + next)) break;
    }
    return [{ start, block: false, items }, value];
  }

  /**
   * The value after a key's colon or an item's dash (`from`), for a node at column `indent`:
   * on the same line, or a block on the lines below. Leaves `pos` at the line after it.
   */
  private value(from: number, indent: number, ofKey: boolean): Read {
    const { text } = this;
    let at = from;
    while (text[at] === ' ') at++;
    if (text[at] === '\n' || (text[at] === '#' && at > from)) {
      this.pos = text.indexOf('\n', at) + 1;
      this.skipBlank();
      if (this.pos >= text.length) decline();
      const next = this.indent();
      if (next > indent) return this.block(next);
      // A key's sequence may stand at the key's own column.
      if (ofKey && next === indent && this.isItem(this.pos + next)) return this.sequence(next);
      return decline();
    }
    if (text[at] === '|') return this.literal(at, indent);
    let read: Read;
    let end: number;
    if (text[at] === '"' || text[at] === "'") [read, end] = this.quoted(at);
    else if (text[at] === '{' || text[at] === '[') [read, end] = this.flow(at);
    else {
      // The rest of the line, up to a comment.
      const line = text.slice(at, text.indexOf('\n', at));
      const hash = line.indexOf(' #');
      end = at + (hash === -1 ? line.length : hash);
      read = [{ start: at, block: false }, this.plain(trimSpaces(hash === -1 ? line : line.slice(0, hash)), false)];
    }
    this.endLine(end);
    return read;
  }

  /** After a value: spaces, perhaps a comment, and the line's end; `pos` moves to the next line. */
  private endLine(at: number): void {
    const { text } = this;
    let i = at;
    while (text[i] === ' ') i++;
    if (text[i] !== '\n' && !(text[i] === '#' && i > at)) decline();
    this.pos = text.indexOf('\n', i) + 1;
  }

  /** A plain scalar's string (`inFlow`: inside a flow collection). */
  private plain(value: string, inFlow: boolean): string {
    if (!value || (INDICATORS.has(value[0]!) && !plainFirst(value, inFlow)) || value.includes(': ') || value.endsWith(':') || value.includes(' #') || CORE_NOT_STRING.test(value)) decline();
    if (inFlow && /[[\]{},]/.test(value)) decline();
    return value;
  }

  /** A quoted scalar on one line at `at`, and the offset after its closing quote. */
  private quoted(at: number): [Read, number] {
    const { text } = this;
    const quote = text.charCodeAt(at);
    let value = '';
    let escaped = false;
    // Character by character to the closing quote, within the line.
    let from = at + 1;
    for (let i = from; ; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) decline();
      if (c === 0x5c && quote === 0x22) {
        value += text.slice(from, i);
        const code = text[i + 1]!;
        const digits = HEX_DIGITS[code];
        if (digits !== undefined) {
          const hex = text.slice(i + 2, i + 2 + digits);
          // A surrogate, or a code point past Unicode's, is the other readers' to judge.
          const cp = hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : 0xd800;
          if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) decline();
          value += String.fromCodePoint(cp);
          i += 1 + digits;
        } else {
          const char = ESCAPES[code];
          if (char === undefined) decline();
          value += char;
          i += 1;
        }
        from = i + 1;
        escaped = true;
        continue;
      }
      if (c !== quote) continue;
      value += text.slice(from, i);
      // '' in single quotes is one quote.
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) {
        value += "'";
        i++;
        from = i + 1;
        continue;
      }
      if (escaped && findForbiddenChars(value, this.policy).length > 0) decline();
      return [[{ start: at, block: false }, value], i + 1];
    }
  }

  /** A flow mapping or sequence on one line at `at`, and the offset after it. */
  private flow(at: number): [Read, number] {
    const { text } = this;
    const close = text[at] === '{' ? '}' : ']';
    const keys = close === '}' ? new Map<string, { at: number; node: PositionNode }>() : undefined;
    const items: PositionNode[] = [];
    const value: Record<string, unknown> | unknown[] = keys ? {} : [];
    let i = at + 1;
    const spaces = () => {
      while (text[i] === ' ') i++;
    };
    spaces();
    if (text[i] === close) return [[keys ? { start: at, block: false, keys } : { start: at, block: false, items }, value], i + 1];
    for (;;) {
      let name: string | undefined;
      let keyAt = i;
      if (keys) {
        NAME.lastIndex = i;
        if (!NAME.test(text) || text[NAME.lastIndex] !== ':' || text[NAME.lastIndex + 1] !== ' ') decline();
        name = text.slice(i, NAME.lastIndex);
        if (RESERVED_KEYS.has(name) || CORE_NOT_STRING.test(name) || keys.has(name)) decline();
        i = NAME.lastIndex + 1;
        spaces();
      }
      let read: Read;
      if (text[i] === '"' || text[i] === "'") [read, i] = this.quoted(i);
      else if (text[i] === '{' || text[i] === '[') [read, i] = this.flow(i);
      else {
        const start = i;
        while (i < text.length && text[i] !== ',' && text[i] !== close && text[i] !== '\n') i++;
        read = [{ start, block: false }, this.plain(trimSpaces(text.slice(start, i)), true)];
      }
      if (keys) {
        keys.set(name!, { at: keyAt, node: read[0] });
        (value as Record<string, unknown>)[name!] = read[1];
      } else {
        items.push(read[0]);
        (value as unknown[]).push(read[1]);
      }
      spaces();
      if (text[i] === close) return [[keys ? { start: at, block: false, keys } : { start: at, block: false, items }, value], i + 1];
      if (text[i] !== ',') decline();
      i++;
      spaces();
      // No trailing comma, no line break: those are the other readers'.
      if (text[i] === close || text[i] === '\n') decline();
      keyAt = i;
    }
  }

  /** A literal block (`|`, `|-`, `|+`) whose header is at `at`, for a node at column `indent`. */
  private literal(at: number, indent: number): Read {
    const { text } = this;
    const chomp = text[at + 1] === '-' || text[at + 1] === '+' ? text[at + 1]! : '';
    if (text[at + 1 + chomp.length] !== '\n') decline();
    this.pos = at + 2 + chomp.length;
    const lines: string[] = [];
    let contentIndent = -1;
    /** The widest blank line before the first line of text. */
    let widestBlank = 0;
    let blankRun = 0;
    while (this.pos < text.length) {
      const spaces = this.indent();
      const first = this.pos + spaces;
      const end = text.indexOf('\n', first);
      if (first === end) {
        // A blank line: part of the text unless the block ends after it. One with more spaces
        // than the text's indentation holds spaces, which the other readers judge.
        if (contentIndent === -1) widestBlank = Math.max(widestBlank, spaces);
        else if (spaces > contentIndent) decline();
        lines.push('');
        blankRun++;
        this.pos = end + 1;
        continue;
      }
      if (contentIndent === -1) {
        // An empty block, or blank lines wider than the first line of text (an error).
        if (spaces <= indent || widestBlank > spaces) decline();
        contentIndent = spaces;
      }
      if (spaces < contentIndent) {
        if (spaces > indent) decline();
        break;
      }
      lines.push(text.slice(this.pos + contentIndent, end));
      blankRun = 0;
      this.pos = end + 1;
    }
    if (contentIndent === -1) decline();
    const body = lines.slice(0, lines.length - blankRun).join('\n');
    const value = chomp === '-' ? body : chomp === '+' ? `${body}\n${'\n'.repeat(blankRun)}` : `${body}\n`;
    return [{ start: at, block: true }, value];
  }
}

/** Without trailing spaces: YAML's white space is the space (and tab), not trimEnd()'s ideographic space. */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `-`, `?` and `:` may begin a plain scalar when a character that could continue one follows. */
function plainFirst(value: string, inFlow: boolean): boolean {
  const next = value[1];
  return (value[0] === '-' || value[0] === '?' || value[0] === ':') && next !== undefined && next !== ' ' && !(inFlow && ',[]{}'.includes(next));
}
