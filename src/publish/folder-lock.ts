// One writer per letter folder. Two terminals, a watch and a CI step may build the same letter
// at once; each publishes its files and SHA256SUMS as a unit while holding
// `<folder>/.letter.lock`, created exclusively and holding the writer's pid and host. A second
// build waits for the first; a lock whose process is gone (a crash, a kill -9) is stale and
// taken over. Without the lock two builds could interleave and leave SHA256SUMS describing
// files the other build replaced.

import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { error, ExitCode, LetterError } from '../core/diagnostics.js';
import { ioError } from '../core/node-world.js';
import { keepOnInterrupt, removeOnInterrupt } from './cleanup.js';
import { mkdirs, readText, removeFile, rename, stat } from './fs-calls.js';
import type { Folder } from './out-folder.js';

export const LOCK_NAME = '.letter.lock';

export interface LockOptions {
  /** How long to wait for another build before giving up. */
  waitMs?: number;
  pollMs?: number;
  /** Told once when the folder is busy and the build starts waiting (the CLI says so). */
  onWait?: (holder: Holder) => void;
}

export interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** A lock older than this is stale whoever holds it: publishing takes seconds, not minutes. */
const STALE_AFTER_MS = 10 * 60 * 1000;

export async function withFolderLock<T>(folder: Folder, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = path.join(folder.abs, LOCK_NAME);
  const shown = `${folder.shown}/${LOCK_NAME}`;
  await mkdirs(folder.abs).catch((e: unknown) => Promise.reject(ioError(folder.shown, e)));
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  let told = false;
  for (;;) {
    const holder = await tryAcquire(lock, folder.shown);
    if (!holder) break;
    if (await isStale(lock, holder)) {
      // Renaming first means two builds that both notice the stale lock cannot both remove it.
      const doomed = `${lock}.stale-${process.pid}`;
      await rename(lock, doomed).then(() => removeFile(doomed), () => undefined);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LetterError(
        [error({ file: folder.shown }, `another build (pid ${holder.pid} on ${holder.host}, since ${holder.since}) is writing this folder`, `wait for it to finish; if no build is running, delete ${shown}`)],
        ExitCode.io,
      );
    }
    if (!told) options.onWait?.(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  try {
    return await work();
  } finally {
    // Still ours to remove on an interrupt until it is gone.
    await removeFile(lock);
    keepOnInterrupt(lock);
  }
}

/** Takes the lock (undefined), or says who holds it; a folder that cannot be written is exit 3. */
async function tryAcquire(lock: string, folderShown: string): Promise<Holder | undefined> {
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    // Synchronous, so that no signal handler can run between the lock's creation and its
    // registration: an interrupt there left the lock behind. Registering it before the
    // exclusive open instead would remove another build's lock on Ctrl-C.
    const fd = openSync(lock, 'wx', 0o644);
    removeOnInterrupt(lock);
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } catch (e) {
      // A full disk: no half-written lock is left for the next build to wait on.
      rmSync(lock, { force: true });
      keepOnInterrupt(lock);
      throw e;
    } finally {
      closeSync(fd);
    }
    return undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(folderShown, e);
  }
  const text = await readText(lock).catch(() => '');
  try {
    const held = JSON.parse(text) as Partial<Holder>;
    if (typeof held.pid === 'number' && typeof held.host === 'string') return { pid: held.pid, host: held.host, since: String(held.since ?? '?') };
  } catch {
    // Half-written by a build killed between create and write: the age test below decides.
  }
  return { pid: 0, host: '?', since: '?' };
}

async function isStale(lock: string, holder: Holder): Promise<boolean> {
  const lockStat = await stat(lock).catch(() => undefined);
  if (!lockStat) return false; // released meanwhile: try again
  if (Date.now() - lockStat.mtimeMs > STALE_AFTER_MS) return true;
  if (holder.pid === 0) return Date.now() - lockStat.mtimeMs > 5_000;
  if (holder.host !== hostname()) return false; // another machine's process cannot be asked
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
