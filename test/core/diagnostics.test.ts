import { describe, expect, it } from 'vitest';
import { error, LetterError } from '../../src/core/diagnostics.js';

describe('LetterError', () => {
  it('is recognised whichever copy of the module made it', () => {
    // The CLI's render code is a second bundle with its own copy of this class: its errors
    // carry the same registered symbol.
    const fromOtherCopy = Object.assign(new Error('bad'), { [Symbol.for('letter.LetterError')]: true, diagnostics: [error({ file: 'letters/a/letter.yaml', line: 1, col: 1 }, 'bad')] });
    expect(fromOtherCopy instanceof LetterError).toBe(true);
    expect(new LetterError([]) instanceof LetterError).toBe(true);
    expect(new LetterError([]) instanceof Error).toBe(true);
  });

  it('is not any other error', () => {
    const values: unknown[] = [new Error('x'), null, 'LetterError', { diagnostics: [] }];
    for (const value of values) expect((value as object) instanceof LetterError).toBe(false);
  });
});
