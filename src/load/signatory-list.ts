// The signatory list, checked by hand where it plainly fits the schema. zod took some 20 µs a
// signatory on a build's cold start (2,000 signatories: 45 ms, a twentieth of the build) for
// a list that is almost always a run of the same small shape. A list with anything this
// check does not plainly accept (a missing or unknown key, an empty text, a date zod would
// refuse, an empty language map) goes through the schema, whose messages users see. The
// value is what zod gives: new objects, keys in the schema's order, maps copied.
// test/load/signatory-list.test.ts holds the two to the same answers.

import * as z from 'zod/mini';
import { LANG, type SignatoryData, type TextValue } from './schema.js';

const KEYS = new Set(['kind', 'name', 'note', 'short', 'joined']);
/** The pattern z.iso.date() checks, from zod itself. */
const ISO_DATE = z.regexes.date;

/** The list as the schema would give it, or undefined when the schema must look at it. */
export function plainSignatoryList(list: unknown): SignatoryData[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: SignatoryData[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const signatory = plainSignatory(list[i]);
    if (signatory === undefined) return undefined;
    out[i] = signatory;
  }
  return out;
}

function plainSignatory(value: unknown): SignatoryData | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const key in value) if (!KEYS.has(key)) return undefined;
  const { kind, joined } = value;
  const name = plainText(value.name);
  if ((kind !== 'individual' && kind !== 'organization') || name === undefined) return undefined;
  const out: SignatoryData = { kind, name };
  // Present keys only, in the schema's order; a key present without a value is the schema's to judge.
  for (const key of ['note', 'short'] as const) {
    if (!(key in value)) continue;
    const text = plainText(value[key]);
    if (text === undefined) return undefined;
    out[key] = text;
  }
  if ('joined' in value) {
    if (typeof joined !== 'string' || !ISO_DATE.test(joined)) return undefined;
    out.joined = joined;
  }
  return out;
}

/** A text the schema's Text accepts: non-blank, or a map of language codes to non-blank texts, copied. */
function plainText(value: unknown): TextValue | undefined {
  if (typeof value === 'string') return value.trim().length > 0 ? value : undefined;
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, string> = {};
  let keys = 0;
  for (const key in value) {
    const text = value[key];
    if (!LANG.test(key) || typeof text !== 'string' || text.trim().length === 0) return undefined;
    out[key] = text;
    keys++;
  }
  return keys > 0 ? out : undefined;
}

/** An object as YAML makes one (zod's records take no other). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
