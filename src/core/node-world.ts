// The World on a real machine: files under a project root (never outside it, symlinks
// resolved first), and the tool's own installation for built-in templates and fonts.

import { closeSync, fstatSync, openSync, promises as fs, readdirSync, readSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, ExitCode, LetterError } from './diagnostics.js';
import { fingerprintOf, versionOf } from './fingerprint.js';
import { realPath } from './real-path.js';
import type { DirEntry, OpenFile, Space, World } from './world.js';

/** The tool's installation folder: dist/core/ and src/core/ both sit two levels below it. */
export const TOOL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function nodeWorld(root: string, env: Record<string, string | undefined> = process.env, now: () => Date = () => new Date()): World {
  const projectRoot = path.resolve(root);
  // A base folder is resolved once per World: a build reads some dozens of files under the
  // same three or four.
  const realBases = new Map<string, string>();
  const realBase = (base: string): string => {
    let real = realBases.get(base);
    if (real === undefined) {
      real = realPath(base) ?? base;
      realBases.set(base, real);
    }
    return real;
  };
  // Synchronous: a build's files are a few small ones and each async call was a trip through
  // libuv's pool and back, several per file; nothing else runs meanwhile in the CLI.
  const locate = async (rel: string, space: Space): Promise<string> => {
    const [base, inner] = space === 'tool' ? toolLocation(rel) : [projectRoot, rel];
    const target = path.resolve(base, inner);
    const real = realPath(target) ?? target;
    const resolvedBase = realBase(base);
    if (real !== resolvedBase && !real.startsWith(resolvedBase + path.sep)) {
      throw new LetterError([error({ file: rel }, 'this path leads outside the project folder', 'keep letters, templates and fonts inside the project')]);
    }
    return real;
  };
  return {
    root: projectRoot,
    env,
    async readFile(rel, space = 'project') {
      const file = await locate(rel, space);
      try {
        return await readWhole(file);
      } catch (e) {
        throw ioError(rel, e);
      }
    },
    async exists(rel, space = 'project') {
      const file = await locate(rel, space);
      return statSync(file, { throwIfNoEntry: false }) !== undefined;
    },
    async list(rel, space = 'project'): Promise<DirEntry[]> {
      const dir = await locate(rel, space);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        entries = [];
      }
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    now,
    async version(rel, space = 'project') {
      const file = await locate(rel, space);
      return { path: file, version: versionOf(file) };
    },
    async openFile(rel, space = 'project'): Promise<OpenFile> {
      const file = await locate(rel, space);
      let fd = -1;
      let stat: BigIntStats;
      try {
        fd = openSync(file, 'r');
        stat = fstatSync(fd, { bigint: true });
        if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      } catch (e) {
        if (fd >= 0) closeSync(fd);
        throw ioError(rel, e);
      }
      return {
        size: Number(stat.size),
        fingerprint: fingerprintOf(stat),
        changedMs: Number(stat.ctimeNs / 1_000_000n),
        close: () => closeSync(fd),
        readAt: (into, position) => {
          try {
            return readSync(fd, into, 0, into.length, position);
          } catch (e) {
            throw ioError(rel, e);
          }
        },
      };
    },
  };
}

/**
 * A file of an installed npm package (`<package>/<path>`), found as toolLocation finds it:
 * Node's own resolver (require.resolve) reads the package's exports map first, 5 ms of a build.
 */
export function packageFile(spec: string): string {
  return path.resolve(...toolLocation(`npm:${spec}`));
}

/**
 * `npm:<package>/<path>` is found the way Node finds a package (walking up node_modules
 * folders), so the tool also works when installed as someone else's dependency.
 */
function toolLocation(rel: string): [string, string] {
  if (!rel.startsWith('npm:')) return [TOOL_ROOT, rel];
  const spec = rel.slice(4);
  const parts = spec.split('/');
  const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const inner = spec.slice(pkg.length + 1);
  for (let dir = TOOL_ROOT; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', pkg);
    if (isDirectory(candidate)) return [candidate, inner];
    if (path.dirname(dir) === dir) return [path.join(TOOL_ROOT, 'node_modules', pkg), inner];
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A failed read or write as a diagnostic: a missing file is bad input, the rest is I/O (exit 3). */
export function ioError(rel: string, e: unknown): LetterError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new LetterError([error({ file: rel }, 'file not found')], ExitCode.input);
  const reasons: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', ENOSPC: 'no space left on the device', EROFS: 'read-only file system', EISDIR: 'is a folder, not a file' };
  return new LetterError([error({ file: rel }, reasons[code ?? ''] ?? (e as Error).message ?? String(e))], ExitCode.io);
}

/**
 * A file's bytes. A regular file is read synchronously in one read of its size, as locate
 * resolves paths: fs.readFile reads in 512 KiB pieces, each a trip through libuv's pool, and
 * a build's few small files took several trips each. Anything else is read as a stream.
 */
export async function readWhole(file: string): Promise<Buffer> {
  // Only a regular file is opened synchronously: opening a pipe waits for its writer, and
  // the process must still answer Ctrl-C meanwhile.
  if (statSync(file).isFile()) {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const buffer = Buffer.allocUnsafe(size);
      let at = 0;
      while (at < size) {
        const bytesRead = readSync(fd, buffer, at, size - at, at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      // A file of size 0 may still have contents (those of /proc): read it as a stream.
      if (size > 0) return at === size ? buffer : buffer.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  }
  const handle = await fs.open(file, 'r');
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
