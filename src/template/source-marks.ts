// Source marks carry a value's position through Handlebars and the HTML parser. Each text
// taken from the letter is wrapped in invisible marks (code points of plane 15, which the
// loader refuses in letters); the markup parser strips them and gives the enclosed runs the
// value's position. A mark survives escaping, attributes and i18next interpolation alike.

import type { SourcePos } from '../core/diagnostics.js';

const OPEN = '\u{F0000}';
const ID_END = '\u{F0001}';
export const CLOSE_MARK = '\u{F0002}';
const SLOT = '\u{F0003}';
export const MARK_PATTERN = /\u{F0000}([0-9a-z]+)\u{F0001}|\u{F0002}/gu;
export const SLOT_PATTERN = /\u{F0003}(\d+)\u{F0003}/gu;

export class SourceMarks {
  private readonly table: SourcePos[] = [];

  /** Wraps `text` (already escaped as needed) in marks naming `pos`. */
  wrap(text: string, pos: SourcePos): string {
    return `${this.open(pos)}${text}${CLOSE_MARK}`;
  }

  /** The opening mark alone, for text assembled piecewise; end it with CLOSE_MARK. */
  open(pos: SourcePos): string {
    this.table.push(pos);
    return `${OPEN}${(this.table.length - 1).toString(36)}${ID_END}`;
  }

  lookup(id: string): SourcePos | undefined {
    return this.table[parseInt(id, 36)];
  }
}

/** A numbered placeholder for interpolating marked values through i18next. */
export function slot(n: number): string {
  return `${SLOT}${n}${SLOT}`;
}

const SPLIT_PATTERN = new RegExp(MARK_PATTERN.source, MARK_PATTERN.flags);

/** Splits marked text into pieces with the position in force for each; `stack` carries across calls. */
export function splitMarked(text: string, marks: SourceMarks, stack: SourcePos[]): { text: string; pos: SourcePos | undefined }[] {
  const out: { text: string; pos: SourcePos | undefined }[] = [];
  // An exec loop on a pattern of its own (no iterator, no closure): a letter of 2,000
  // signatories has tens of thousands of marked runs.
  const pattern = SPLIT_PATTERN;
  pattern.lastIndex = 0;
  let last = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), pos: stack[stack.length - 1] });
    if (m[1] !== undefined) stack.push(marks.lookup(m[1]) ?? stack[stack.length - 1]!);
    else stack.pop();
    last = m.index + m[0].length;
  }
  if (text.length > last) out.push({ text: text.slice(last), pos: stack[stack.length - 1] });
  return out;
}
