// Promise.all, but waiting for every promise to settle: work started side by side (reads,
// writes) is never still running when its caller reports a failure, and the failure reported
// is the first in order, not the first in time, so the same inputs give the same message.

/** Typed as Promise.all: a tuple of promises gives a tuple of values. */
export async function allSettledInOrder<T extends readonly unknown[] | []>(promises: T): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const settled = await Promise.allSettled(promises);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [P in keyof T]: Awaited<T[P]> };
}
