import { describe, expect, it } from 'vitest';
import { allSettledInOrder } from '../../src/core/all-settled.js';

const later = <T>(ms: number, value: T, fail = false) => new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe('allSettledInOrder', () => {
  it('gives the values in order', async () => {
    expect(await allSettledInOrder([later(20, 'a'), later(1, 'b'), Promise.resolve('c')])).toEqual(['a', 'b', 'c']);
  });

  it('waits for every promise, then throws the first failure in order, not in time', async () => {
    let finished = false;
    const slow = later(30, 'slow').then((v) => ((finished = true), v));
    await expect(allSettledInOrder([later(20, 'first', true), later(1, 'second', true), slow])).rejects.toThrow('first');
    expect(finished).toBe(true);
  });
});
