// Where a build's artifacts live: out/<id>/ inside the project by default, and never outside
// it, even through a symlink planted by a pull request; or under the folder `--out` names,
// anywhere, because the user typed it. Reading back what an earlier build published (for
// up-to-date checks and `build --check`) happens here too, beside the writing.

import path from 'node:path';
import { error, LetterError } from '../core/diagnostics.js';
import { ioError, readWhole } from '../core/node-world.js';
import { leadsOutside } from '../core/real-path.js';

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
  const outside = out === undefined ? leadsOutside(root, folder.abs) : undefined;
  if (outside !== undefined) {
    throw new LetterError([error({ file: folder.shown }, `this folder leads outside the project (to ${outside})`, 'remove the symlink, or name the folder you mean with --out')]);
  }
  return folder;
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
