// Where a build's artifacts live: out/<id>/ inside the project by default, and never outside
// it, even through a symlink planted by a pull request; or under the folder `--out` names,
// anywhere, because the user typed it. Reading back what an earlier build published (for
// up-to-date checks and `build --check`) happens here too, beside the writing.

import { realpathSync } from 'node:fs';
import path from 'node:path';
import { error, LetterError } from '../core/diagnostics.js';
import { ioError, readWhole } from '../core/node-world.js';

export const DEFAULT_OUT = 'out';

/** A folder as the disk knows it and as messages name it. */
export interface Folder {
  abs: string;
  /** `out/nk-pows-2025`, or the `--out` path as typed: what diagnostics print. */
  shown: string;
}

/**
 * The folder a letter's artifacts go to. `out` is the `--out` value (absolute, or relative to
 * the project root); without it the folder must resolve inside the project root.
 */
export async function letterFolder(root: string, id: string, out?: string): Promise<Folder> {
  const abs = path.resolve(root, out ?? DEFAULT_OUT, id);
  const inside = path.relative(root, abs);
  const shown = inside.startsWith('..') || path.isAbsolute(inside) ? abs : inside;
  const folder = { abs, shown: shown.split(path.sep).join('/') };
  if (out === undefined) {
    const realRoot = realpathOrNothing(root) ?? path.resolve(root);
    const real = realpathOfNearest(folder.abs);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
      throw new LetterError([error({ file: folder.shown }, `this folder leads outside the project (to ${real})`, 'remove the symlink, or name the folder you mean with --out')]);
    }
  }
  return folder;
}

/** realpath of `p`, or of its nearest existing ancestor joined with the rest. */
function realpathOfNearest(p: string): string {
  const rest: string[] = [];
  for (let dir = p; ; dir = path.dirname(dir)) {
    const real = realpathOrNothing(dir);
    if (real !== undefined) return path.join(real, ...rest.reverse());
    if (path.dirname(dir) === dir) return p;
    rest.push(path.basename(dir));
  }
}

/** Synchronous, as the World resolves its paths (core/node-world.ts). */
function realpathOrNothing(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** A published file's bytes, or undefined when it is not there. */
export async function readPublished(folder: Folder, name: string): Promise<Uint8Array | undefined> {
  try {
    return await readWhole(path.join(folder.abs, name));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw ioError(`${folder.shown}/${name}`, e);
  }
}
