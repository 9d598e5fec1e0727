import { describe, expect, it } from 'vitest';
import { error, LetterError } from '../../src/core/diagnostics.js';

describe('LetterError', () => {
  it('is recognised whichever copy of the module made it', () => {
    // The CLI's render code is a second bundle with its own copy of this class.
    class OtherCopy extends Error {
      readonly [Symbol.for('letter.LetterError')] = true;
      readonly diagnostics = [error({ file: 'letters/a/letter.yaml', line: 1, col: 1 }, 'bad')];
    }
    expect(new OtherCopy() instanceof LetterError).toBe(true);
    expect(new LetterError([]) instanceof LetterError).toBe(true);
    expect(new LetterError([]) instanceof Error).toBe(true);
  });

  it('is not any other error', () => {
    expect(new Error('x') instanceof LetterError).toBe(false);
    expect(null instanceof LetterError).toBe(false);
    expect('LetterError' instanceof LetterError).toBe(false);
    expect({ diagnostics: [] } instanceof LetterError).toBe(false);
  });
});
