// publish: artifacts reach disk whole or not at all. Each file is written to a temporary
// name in its own folder, flushed, then renamed over the old one; a symlink in the way is
// replaced, never written through. An interrupted build's temp files are removed (cleanup.ts).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ioError } from '../core/node-world.js';
import { keepOnInterrupt, removeOnInterrupt } from './cleanup.js';

/** Writes `bytes` to `file` atomically; `shown` is the path diagnostics print. */
export async function writeFileAtomic(file: string, bytes: Uint8Array, shown: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  removeOnInterrupt(tmp);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // `wx` refuses to follow a symlink planted at the temp name.
    await fs.rm(tmp, { force: true });
    const handle = await fs.open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // rename replaces a symlink at `file` itself rather than the file it points to.
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw ioError(shown, e);
  } finally {
    keepOnInterrupt(tmp);
  }
}
