// The file system calls publishing makes, as promises over node:fs's callbacks. fs/promises
// would serve, but loading it loads some twenty modules of Node's (its FileHandle, readline for
// readLines, rimraf for rm): 3–4 ms of every build that writes.

import fs from 'node:fs';

type Done<T> = (e: NodeJS.ErrnoException | null, value?: T) => void;

function call<T>(start: (done: Done<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => start((e, value) => (e ? reject(e) : resolve(value as T))));
}

export function mkdirs(dir: string): Promise<void> {
  return call((done) => fs.mkdir(dir, { recursive: true }, (e) => done(e)));
}

export function rename(from: string, to: string): Promise<void> {
  return call((done) => fs.rename(from, to, done));
}

/** Removes a file; one that is not there is no error (as rm's `force`). */
export function removeFile(file: string): Promise<void> {
  return call((done) => fs.unlink(file, (e) => done(e?.code === 'ENOENT' ? null : e)));
}

export function readText(file: string): Promise<string> {
  return call((done) => fs.readFile(file, 'utf8', done));
}

export function stat(file: string): Promise<fs.Stats> {
  return call((done) => fs.stat(file, done));
}

/** Creates `file` with `bytes`, flushed to the disk; `wx` refuses a file, or a symlink, already at its name. */
export async function writeNewFile(file: string, bytes: Uint8Array, mode: number): Promise<void> {
  const fd = await call<number>((done) => fs.open(file, 'wx', mode, done));
  try {
    for (let at = 0; at < bytes.length; ) at += await call<number>((done) => fs.write(fd, bytes, at, bytes.length - at, null, done));
    await call<void>((done) => fs.fsync(fd, done));
  } finally {
    await call<void>((done) => fs.close(fd, done));
  }
}
