// The hand check of a signatory list against the schema it stands in for: whatever it accepts,
// the schema accepts with the very same value (keys in the same order); whatever the schema
// refuses, it declines.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Signatory } from '../../src/load/schema.js';
import { plainSignatoryList } from '../../src/load/signatory-list.js';
import { misshapenLetter, nastyLetter, wellFormedLetter } from '../helpers/arbitrary-letter.js';

const List = z.array(Signatory);

/** The hand check declines, or gives exactly what the schema gives. */
function expectAgreement(list: unknown): boolean {
  const plain = plainSignatoryList(list);
  const schema = List.safeParse(list);
  if (plain === undefined) return false;
  expect(schema.success, `the schema refuses what the check accepted: ${JSON.stringify(list)}`).toBe(true);
  expect(JSON.stringify(plain)).toBe(JSON.stringify(schema.data));
  expect(plain).toEqual(schema.data);
  return true;
}

/** A signatory's field made wrong in one of the ways a hand-edited file can be. */
const broken = fc.constantFrom<unknown>(undefined, null, '', '   ', 7, true, [], ['x'], {}, { en: '' }, { EN: 'x' }, { en: 3 }, { 'e n': 'x' }, '2025-02-30', '2025-3-1', 'x');
const key = fc.constantFrom('kind', 'name', 'note', 'short', 'joined', 'nmae', 'Name', '__proto__', 'constructor');

describe('the signatory list’s hand check', () => {
  it('reads every well-formed list the schema accepts, as the schema gives it', () => {
    fc.assert(
      fc.property(wellFormedLetter, (letter) => {
        const list = letter.signatories.list;
        // Blank texts (a name of spaces) are among the generated ones: the schema refuses those.
        expect(expectAgreement(list)).toBe(List.safeParse(list).success);
      }),
      { numRuns: 200 },
    );
  });

  it('declines whatever the schema refuses, field by field', () => {
    fc.assert(
      fc.property(wellFormedLetter, fc.nat(), key, broken, (letter, n, field, value) => {
        const list = letter.signatories.list.map((s) => ({ ...s })) as Record<string, unknown>[];
        if (list.length > 0) list[n % list.length]![field] = value;
        expectAgreement(list);
      }),
      { numRuns: 400 },
    );
  });

  it('declines or agrees on lists from misshapen and nasty letters', () => {
    fc.assert(
      fc.property(fc.oneof(misshapenLetter, nastyLetter), (letter) => {
        expectAgreement((letter as { signatories?: { list?: unknown } }).signatories?.list);
      }),
      { numRuns: 300 },
    );
  });

  it('declines what is not a list of mappings', () => {
    for (const list of [undefined, null, 'x', {}, [null], [[]], [new Map()], [Object.create({ kind: 'individual' })]]) expect(plainSignatoryList(list)).toBeUndefined();
    expect(plainSignatoryList([])).toEqual([]);
  });
});
