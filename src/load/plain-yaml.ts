// The plainest YAML, read in one pass over the text: block mappings of plain names, block
// sequences, one-line scalars (plain, single- or double-quoted), one-line flow collections of
// such scalars, and literal blocks (`|`, `|-`, `|+`), with comments and blank lines between.
// That is what `letter signatories add` and `import` write and what most letters are; a long
// signatory list is almost all of it. js-yaml's event parser made 25,000 events of a list of
// 2,000 signatories, and reading that letter's YAML took a build some 85 ms; this reader, 25.
// Anything else (a tab or carriage return anywhere, a folded or multi-line scalar, a quoted or
// unusual key, an anchor, tag or alias, an escape YAML lacks or one that writes a character a
// letter may not hold, a null, number or boolean, a duplicate key) is declined and read by
// fast-yaml.ts (js-yaml's events) or the full reader.
// test/load/plain-yaml.test.ts holds it to the full reader's values and positions.

import type { SourcePos } from '../core/diagnostics.js';
import { treePositions, type PositionIndex, type PositionKey, type PositionNode } from './positions.js';
import type { CharPolicy } from './text-checks.js';
import { CLOSE_BRACE, CLOSE_BRACKET, COMMA, DOUBLE_QUOTE, NEWLINE, OPEN_BRACE, OPEN_BRACKET, SINGLE_QUOTE, SPACE } from './char-codes.js';
import { plainKey, plainScalar, quotedScalar, trimSpaces } from './yaml-scalars.js';

/** A key as people and the tools write them; anything else is left to the other readers. */
const NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** Thrown to decline: the text is left to the next reader. */
const DECLINE = Symbol('decline');

/** A node's place and its value. (Objects: returned and destructured as arrays, they cost the iterator protocol on a cold start.) */
interface Read {
  node: PositionNode;
  value: unknown;
}

/** The letter's value and positions, or undefined when another reader must look at it. */
export function plainLetterYaml(text: string, posAt: (offset: number) => SourcePos, policy: CharPolicy = {}): { value: unknown; where: PositionIndex } | undefined {
  if (!text.endsWith('\n') || text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const reader = new PlainReader(text, policy);
    const { node, value } = reader.document();
    return { value, where: treePositions(text, node, posAt) };
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
  /** Where the quoted scalar or flow collection read last ends. */
  private after = 0;

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
    while (this.text.charCodeAt(i) === SPACE) i++;
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
    const keys = new Map<string, PositionKey>();
    const value: Record<string, unknown> = {};
    for (let at = first; ; ) {
      NAME.lastIndex = at;
      if (!NAME.test(text)) decline();
      const colon = NAME.lastIndex;
      const name = text.slice(at, colon);
      if (text[colon] !== ':' || (text[colon + 1] !== ' ' && text[colon + 1] !== '\n') || !plainKey(name, value)) decline();
      const read = this.value(colon + 1, indent, true);
      keys.set(name, { at, node: read.node });
      value[name] = read.value;
      this.skipBlank();
      if (this.pos >= text.length) break;
      const next = this.indent();
      if (next < indent) break;
      if (next > indent || this.isItem(this.pos + next)) decline();
      at = this.pos + next;
    }
    return { node: { start: first, block: false, keys }, value };
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
      items.push(read.node);
      value.push(read.value);
      this.skipBlank();
      if (this.pos >= text.length) break;
      const next = this.indent();
      if (next < indent) break;
      if (next > indent) decline();
      // A key at the dashes' column ends a sequence that was a key's value at that column.
      if (!this.isItem(this.pos + next)) break;
    }
    return { node: { start, block: false, items }, value };
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
    if (text[at] === '"' || text[at] === "'") read = this.quoted(at);
    else if (text[at] === '{' || text[at] === '[') read = this.flow(at);
    else {
      // The rest of the line, up to a comment.
      const line = text.slice(at, text.indexOf('\n', at));
      const hash = line.indexOf(' #');
      this.after = at + (hash === -1 ? line.length : hash);
      read = { node: { start: at, block: false }, value: plainOrDecline(trimSpaces(hash === -1 ? line : line.slice(0, hash)), false) };
    }
    this.endLine(this.after);
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

  /** A quoted scalar at `at`; `after` is set after its closing quote. */
  private quoted(at: number): Read {
    const quoted = quotedScalar(this.text, at, this.policy);
    if (!quoted) decline();
    this.after = quoted.end;
    return { node: { start: at, block: false }, value: quoted.value };
  }

  /** A flow mapping or sequence on one line at `at`; `after` is set after its closing bracket. */
  private flow(at: number): Read {
    const { text } = this;
    const close = text.charCodeAt(at) === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
    const keys = close === CLOSE_BRACE ? new Map<string, PositionKey>() : undefined;
    const items: PositionNode[] = [];
    const value: Record<string, unknown> | unknown[] = keys ? {} : [];
    const node: PositionNode = keys ? { start: at, block: false, keys } : { start: at, block: false, items };
    let i = skipSpaces(text, at + 1);
    if (text.charCodeAt(i) === close) {
      this.after = i + 1;
      return { node, value };
    }
    for (;;) {
      const keyAt = i;
      let name = '';
      if (keys) {
        NAME.lastIndex = i;
        if (!NAME.test(text) || text[NAME.lastIndex] !== ':' || text[NAME.lastIndex + 1] !== ' ') decline();
        name = text.slice(i, NAME.lastIndex);
        if (!plainKey(name, value)) decline();
        i = skipSpaces(text, NAME.lastIndex + 1);
      }
      let read: Read;
      const c = text.charCodeAt(i);
      if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        read = this.quoted(i);
        i = this.after;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        read = this.flow(i);
        i = this.after;
      } else {
        const start = i;
        for (let d = c; d !== COMMA && d !== close && d !== NEWLINE; d = text.charCodeAt(++i));
        read = { node: { start, block: false }, value: plainOrDecline(trimSpaces(text.slice(start, i)), true) };
      }
      if (keys) {
        keys.set(name, { at: keyAt, node: read.node });
        (value as Record<string, unknown>)[name] = read.value;
      } else {
        items.push(read.node);
        (value as unknown[]).push(read.value);
      }
      i = skipSpaces(text, i);
      if (text.charCodeAt(i) === close) {
        this.after = i + 1;
        return { node, value };
      }
      if (text.charCodeAt(i) !== COMMA) decline();
      i = skipSpaces(text, i + 1);
      // No trailing comma, no line break: those are the other readers'.
      if (text.charCodeAt(i) === close || text.charCodeAt(i) === NEWLINE) decline();
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
    return { node: { start: at, block: true }, value };
  }
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** A plain scalar's string, or a decline. */
function plainOrDecline(value: string, inFlow: boolean): string {
  return plainScalar(value, inFlow) ?? decline();
}
