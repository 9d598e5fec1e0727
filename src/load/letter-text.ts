// A letter file's text, checked before any parser sees it: size, encoding, forbidden
// characters and nesting depth, each problem a located diagnostic. Both YAML readers
// (fast-yaml.ts, parse-yaml.ts) start from it, and its line table gives their positions.

import { DiagnosticBag, error, LetterError, type SourcePos } from '../core/diagnostics.js';
import { BACKSLASH, COLON, COMMA, DOUBLE_QUOTE, HASH, HYPHEN, OPEN_BRACE, OPEN_BRACKET, SINGLE_QUOTE } from './char-codes.js';
import { codePointLabel, findForbiddenChars, forbiddenCharHint, type CharPolicy } from './text-checks.js';

export const MAX_LETTER_BYTES = 2 * 1024 * 1024;
export const MAX_NESTING = 64;

/** A letter file's text, checked before any parser sees it. */
export interface LetterText {
  file: string;
  text: string;
  /** Position of a UTF-16 offset into `text`. */
  posAt(offset: number): SourcePos;
}

/** Decodes the bytes and refuses what no parser should see: too many bytes, bad UTF-8, forbidden characters, deep nesting. */
export function readLetterText(file: string, bytes: Uint8Array, policy: CharPolicy = {}): LetterText {
  const whole: SourcePos = { file };
  if (bytes.byteLength > MAX_LETTER_BYTES) {
    throw new LetterError([error(whole, `file is ${bytes.byteLength} bytes, more than the ${MAX_LETTER_BYTES} a letter may have`, 'split long texts or remove embedded data')]);
  }
  const text = decodeUtf8(file, bytes);
  const posAt = lineTable(file, text);
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

/** Maps offsets to 1-based line and column without a parser (every value of a letter is located so, once a language). */
function lineTable(file: string, text: string): (offset: number) => SourcePos {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, col: offset - starts[lo]! + 1 };
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
  // From one character that matters to the next: a regular expression finds each, where a
  // loop over every character of a long list took 9 ms on a cold start.
  const notable = /[#"'[\]{}]/g;
  for (let i = 0; ; i++) {
    notable.lastIndex = i;
    if (!notable.test(text)) break;
    i = notable.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === HASH) {
      if (i > 0 && !isWhiteSpace(text.charCodeAt(i - 1))) continue;
      const newline = text.indexOf('\n', i);
      if (newline === -1) break;
      i = newline;
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      if (i > 0 && !opensQuote(text.charCodeAt(i - 1))) continue;
      const close = closingQuote(text, i + 1, c);
      if (close === -1) break;
      i = close;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
      }
    } else if (depth > 0) depth--;
  }
  const indent = deepestIndent(text);
  return indent.depth > max ? indent : { depth: max, offset: at };
}

/** What /\s/ matches, by code: the scan looks at the character before each quote and `#`. */
function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A quote after one of these (or at the start) opens a quoted string: /[\s[{,:-]/. */
function opensQuote(c: number): boolean {
  return isWhiteSpace(c) || c === OPEN_BRACKET || c === OPEN_BRACE || c === COMMA || c === COLON || c === HYPHEN;
}

/** Where the quoted string from `from` ends: the next quote that no backslash escapes (none in single quotes), or -1. */
function closingQuote(text: string, from: number, quote: number): number {
  for (let i = from; ; i++) {
    i = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i);
    if (i === -1 || quote === SINGLE_QUOTE) return i;
    let backslashes = 0;
    while (i - backslashes - 1 >= from && text.charCodeAt(i - backslashes - 1) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}

/** Block nesting shows as indentation; two spaces a level is the narrowest YAML allows in practice. */
function deepestIndent(text: string): { depth: number; offset: number } {
  let max = 0;
  let at = 0;
  // Line by line without splitting: a letter of 2,000 signatories is 7,000 lines, and each
  // split and trimmed line was a new string. White space is what trim() takes, less newlines.
  const leading = /[^\S\n]*/y;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    leading.lastIndex = start;
    leading.test(text);
    const first = leading.lastIndex;
    const levels = Math.floor((first - start) / 2);
    if (levels > max && first < end && text.charCodeAt(first) !== HASH) {
      max = levels;
      at = start;
    }
    start = end + 1;
  }
  // Indentation inside block scalars is text, not structure; halve the trust we put in it.
  return { depth: Math.floor(max / 2), offset: at };
}
