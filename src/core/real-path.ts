// Paths as the disk resolves them, symlinks followed: what keeps a project's files and its
// output folders inside it whatever symlinks a pull request plants (core/node-world.ts,
// publish/out-folder.ts, cli/quick-build.ts). Synchronous, as the World resolves its paths.

import { realpathSync } from 'node:fs';
import path from 'node:path';

/** realpath of `p`, or undefined when nothing is there. */
export function realPath(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** realpath of `p`, or of its nearest existing ancestor joined with the rest. */
export function realPathOfNearest(p: string): string {
  const rest: string[] = [];
  for (let dir = p; ; dir = path.dirname(dir)) {
    const real = realPath(dir);
    if (real !== undefined) return path.join(real, ...rest.reverse());
    if (path.dirname(dir) === dir) return p;
    rest.push(path.basename(dir));
  }
}

/** Where `p` really leads when that is outside `root`; undefined when it stays inside. */
export function leadsOutside(root: string, p: string): string | undefined {
  const realRoot = realPath(root) ?? path.resolve(root);
  const real = realPathOfNearest(p);
  return real === realRoot || real.startsWith(realRoot + path.sep) ? undefined : real;
}
