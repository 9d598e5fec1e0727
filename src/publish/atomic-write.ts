// publish: artifacts reach disk whole or not at all. Each file is written to a temporary
// name in its own folder, flushed, then renamed over the old one; a symlink in the way is
// replaced, never written through. An interrupted build's temp files are removed (cleanup.ts).
// A set of files is staged first, all of them, and renamed only once every one is on disk:
// a full disk or a failed write then leaves every old file as it was.

import path from 'node:path';
import { ioError } from '../core/node-world.js';
import { keepOnInterrupt, removeOnInterrupt } from './cleanup.js';
import { mkdirs, removeFile, rename, writeNewFile } from './fs-calls.js';

/** A file written and flushed under a temporary name beside its place. */
export interface StagedFile {
  /** Renames it into place. */
  commit(): Promise<void>;
  /** Removes it, leaving the old file. */
  discard(): Promise<void>;
}

/** Writes `bytes` beside `file` under a temporary name, flushed; `shown` is the path diagnostics print. */
export async function stageFile(file: string, bytes: Uint8Array, shown: string): Promise<StagedFile> {
  const tmp = `${file}.tmp-${process.pid}`;
  removeOnInterrupt(tmp);
  const discard = async () => {
    await removeFile(tmp).catch(() => undefined);
    keepOnInterrupt(tmp);
  };
  try {
    await mkdirs(path.dirname(file));
    // `wx` refuses to follow a symlink planted at the temp name.
    await removeFile(tmp);
    await writeNewFile(tmp, bytes, 0o644);
  } catch (e) {
    await discard();
    throw ioError(shown, e);
  }
  return {
    async commit() {
      try {
        // rename replaces a symlink at `file` itself rather than the file it points to.
        await rename(tmp, file);
      } catch (e) {
        await discard();
        throw ioError(shown, e);
      }
      keepOnInterrupt(tmp);
    },
    discard,
  };
}

/** Writes `bytes` to `file` atomically; `shown` is the path diagnostics print. */
export async function writeFileAtomic(file: string, bytes: Uint8Array, shown: string): Promise<void> {
  await (await stageFile(file, bytes, shown)).commit();
}

/**
 * Writes every file atomically and as a set: all are staged side by side (their flushes
 * overlap), and renamed into place only if every one was staged. On a failure none is renamed,
 * the staged ones are removed, and the first failure in order is thrown.
 */
export async function writeFilesAtomic(files: readonly { file: string; bytes: Uint8Array; shown: string }[]): Promise<void> {
  const staged = await Promise.allSettled(files.map((f) => stageFile(f.file, f.bytes, f.shown)));
  const failed = staged.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const ready = staged.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    await Promise.all(ready.map((s) => s.discard()));
    throw failed.reason;
  }
  for (const [i, s] of ready.entries()) {
    try {
      await s.commit();
    } catch (e) {
      await Promise.all(ready.slice(i + 1).map((rest) => rest.discard()));
      throw e;
    }
  }
}
