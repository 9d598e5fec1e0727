import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, LetterError } from '../../src/core/diagnostics.js';
import { LOCK_NAME, withFolderLock } from '../../src/publish/folder-lock.js';
import { tempProject } from '../helpers/project.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function folder() {
  const p = tempProject();
  dispose = p.dispose;
  return { abs: path.join(p.root, 'out', 'x'), shown: 'out/x' };
}

describe('the folder lock', () => {
  it('is held, with this process’s pid, while the work runs, and gone afterwards', async () => {
    const f = folder();
    const seen = await withFolderLock(f, async () => JSON.parse(readFileSync(path.join(f.abs, LOCK_NAME), 'utf8')) as { pid: number; host: string });
    expect(seen).toMatchObject({ pid: process.pid, host: hostname() });
    expect(existsSync(path.join(f.abs, LOCK_NAME))).toBe(false);
  });

  it('is released when the work fails', async () => {
    const f = folder();
    await expect(withFolderLock(f, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(path.join(f.abs, LOCK_NAME))).toBe(false);
  });

  it('makes a second writer wait, then gives up with exit 3 naming the holder', async () => {
    const f = folder();
    let waited = 0;
    const attempt = await withFolderLock(f, () =>
      withFolderLock(f, async () => 'never', { waitMs: 300, pollMs: 20, onWait: () => waited++ }).catch((e: unknown) => e),
    );
    expect(waited).toBe(1);
    expect(attempt).toBeInstanceOf(LetterError);
    expect((attempt as LetterError).exitCode).toBe(ExitCode.io);
    expect((attempt as LetterError).message).toMatch(new RegExp(`^out/x: another build \\(pid ${process.pid} on .+\\) is writing this folder\\n  hint: wait for it to finish; if no build is running, delete out/x/\\.letter\\.lock$`));
  });

  it('takes over a lock whose writer left nothing readable long ago', async () => {
    const f = folder();
    await withFolderLock(f, async () => undefined);
    writeFileSync(path.join(f.abs, LOCK_NAME), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(f.abs, LOCK_NAME), old, old);
    expect(await withFolderLock(f, async () => 'ran', { waitMs: 1000 })).toBe('ran');
  });
});
