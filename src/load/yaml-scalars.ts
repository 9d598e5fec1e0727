// What YAML 1.2 scalars mean, for the plain reader (plain-yaml.ts): which plain scalars the
// core schema reads as something other than a string, which may begin or hold what, the
// escapes of a double-quoted scalar. Anything these rules do not plainly answer is declined,
// and left to the readers that know all of YAML.

import { BACKSLASH, DOUBLE_QUOTE, NEWLINE, SINGLE_QUOTE, SPACE } from './char-codes.js';
import { findForbiddenChars, type CharPolicy } from './text-checks.js';

/**
 * A plain scalar the YAML 1.2 core schema reads as a null, boolean or number (the full
 * reader's schema). No field of a letter takes one, so the readers leave such a letter to the
 * full reader, which reports it; every other plain scalar is the string it reads.
 */
export const CORE_NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Keys the fast readers leave to the full reader: those that reach an object's prototype, and the merge key. */
export const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);

/** Whether `name` may be a key of `mapping` as read so far: not reserved, not a null, boolean or number, not there already. */
export function plainKey(name: string, mapping: object): boolean {
  return !RESERVED_KEYS.has(name) && !CORE_NOT_STRING.test(name) && !Object.hasOwn(mapping, name);
}

/** Characters that may not begin a plain scalar (YAML's indicators); such a value is declined. */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');
/** YAML 1.2's escapes of one character after the backslash (\x, \u and \U take hex digits). */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A plain scalar's string as read (`inFlow`: inside a flow collection), or undefined for one the other readers must judge. */
export function plainScalar(value: string, inFlow: boolean): string | undefined {
  if (!value || (INDICATORS.has(value[0]!) && !plainFirst(value, inFlow)) || value.includes(': ') || value.endsWith(':') || value.includes(' #') || CORE_NOT_STRING.test(value)) return undefined;
  if (inFlow && /[[\]{},]/.test(value)) return undefined;
  return value;
}

/**
 * A single- or double-quoted scalar on one line, starting at `at`: its value and the offset
 * after its closing quote, or undefined for one that runs onto the next line, an escape YAML
 * does not have, or a character the letter may not hold behind an escape (the full reader
 * refuses those even when an escape writes them).
 */
export function quotedScalar(text: string, at: number, policy: CharPolicy): { value: string; end: number } | undefined {
  const quote = text.charCodeAt(at);
  let value = '';
  let escaped = false;
  // Character by character to the closing quote, within the line.
  let from = at + 1;
  for (let i = from; ; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) return undefined;
    if (c === BACKSLASH && quote === DOUBLE_QUOTE) {
      value += text.slice(from, i);
      const code = text[i + 1]!;
      const digits = HEX_DIGITS[code];
      if (digits !== undefined) {
        const hex = text.slice(i + 2, i + 2 + digits);
        // A surrogate, or a code point past Unicode's, is the other readers' to judge.
        const cp = hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : 0xd800;
        if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return undefined;
        value += String.fromCodePoint(cp);
        i += 1 + digits;
      } else {
        const char = ESCAPES[code];
        if (char === undefined) return undefined;
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
    if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
      value += "'";
      i++;
      from = i + 1;
      continue;
    }
    if (escaped && findForbiddenChars(value, policy).length > 0) return undefined;
    return { value, end: i + 1 };
  }
}

/** Without trailing spaces: YAML's white space is the space (and tab), not trimEnd()'s ideographic space. */
export function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `-`, `?` and `:` may begin a plain scalar when a character that could continue one follows. */
function plainFirst(value: string, inFlow: boolean): boolean {
  const next = value[1];
  return (value[0] === '-' || value[0] === '?' || value[0] === ':') && next !== undefined && next !== ' ' && !(inFlow && ',[]{}'.includes(next));
}
