// A letter file's text, checked before any parser sees it: size, encoding, forbidden
// characters and nesting depth, each problem a located diagnostic. Both YAML readers
// (fast-yaml.ts, parse-yaml.ts) start from it, and its line table gives their positions.

import { DiagnosticBag, error, LetterError, type SourcePos } from '../core/diagnostics.js';
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

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * Deepest bracket or indentation nesting, found by a scan that skips quoted strings and
 * comments. Deep flow nesting makes the parser recurse; it must be refused before parsing.
 */
function nestingDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  // Character codes, not one-character strings: outside Latin-1 each of those is a new string,
  // and a letter with thousands of Korean names is mostly such characters.
  let quote = 0;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (comment) {
      if (c === NEWLINE) comment = false;
      continue;
    }
    if (quote) {
      if (c === BACKSLASH && quote === DOUBLE_QUOTE) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === HASH && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if ((c === DOUBLE_QUOTE || c === SINGLE_QUOTE) && (i === 0 || /[\s[{,:-]/.test(text[i - 1]!))) quote = c;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
      }
    } else if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && depth > 0) depth--;
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
