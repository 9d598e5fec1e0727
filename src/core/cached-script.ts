// Runs a CommonJS bundle through node:vm with V8's code cache: the CLI's render code, about
// 1.5 MB of JavaScript, is otherwise parsed and compiled anew by every build, a tenth of the
// seed letter's time; its command line, as ES modules, cost an up-to-date build a fifth of its
// time in loading. The cache holds the bytecode of every function a warm-up build ran
// (scripts/bundle-cli.mjs makes it once, beside the bundle, in `npm run build`). V8 refuses a
// cache made by another V8 or under other flags; the script is then compiled as usual.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/**
 * The function a CommonJS file's code becomes, as Node wraps it, plus the importer. A script
 * stored so (scripts/bundle-cli.mjs) is compiled as read: wrapping it at load made a
 * two-part string that V8 then copied whole, 1.5 MB into fresh memory, to look up its cache.
 */
export function wrapAsModule(code: string): string {
  return `(function (exports, require, module, __filename, __dirname, __letterImport) {${code}\n})`;
}

/**
 * Set by the bundle script's warm-up builds to the scripts whose caches to write when the
 * process exits (`render`, `front`: the start of a script's file name). V8 takes a cache only
 * under the flags it was made with, so each is written by a process that ran as its users
 * will: the render code's after the flags for rendering are set, the command line's by a
 * build that never set them.
 */
export const WRITE_CACHE_ENV = 'LETTER_CODE_CACHE';

export interface CachedScript<T> {
  exports: T;
  /** V8 took the cache: nothing was compiled that the warm-up had compiled. */
  cached: boolean;
  /** The bytecode of every function run so far. */
  cacheData(): Buffer;
}

/**
 * Loads `file`, a CommonJS module's code as wrapAsModule wraps it, as Node loads a module,
 * with `cacheFile`'s bytecode if V8 accepts it.
 * `importer` is import() as an ES module does it: Node 20 lets a script run through node:vm
 * import() only under --experimental-vm-modules, so the script's wrapper hands it one.
 * `encoding` `latin1` is for a file known to be ASCII: read so, it is a one-byte string at once.
 */
export function requireCached<T>(file: string, cacheFile: string, importer: (specifier: string) => Promise<unknown>, encoding: 'utf8' | 'latin1' = 'utf8'): CachedScript<T> {
  const source = readFileSync(file, encoding);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache (a build whose warm-up failed): compiled as usual.
  }
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file), importer);
  const loaded = { exports: module.exports, cached: cachedData !== undefined && !script.cachedDataRejected, cacheData: () => script.createCachedData() };
  if (process.env[WRITE_CACHE_ENV]?.split(',').includes(path.basename(file).split('-')[0]!)) process.once('exit', () => writeAtomically(cacheFile, loaded.cacheData()));
  return loaded;
}

function writeAtomically(file: string, bytes: Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}
