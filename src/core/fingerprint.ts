// A file's or folder's version without reading it: device, inode, size, and the modification
// and change times in nanoseconds. Any write gives a file a new change time, and adding,
// removing or renaming an entry a folder a new one. What fonts' hashes (fonts/checked-faces.ts)
// and build stamps (build/build-stamp.ts) are keyed by.

import { statSync, type BigIntStats } from 'node:fs';

export interface Version {
  fingerprint: string;
  /** The change time, in milliseconds since the epoch. */
  changedMs: number;
}

export function fingerprintOf(stat: BigIntStats): string {
  return [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':');
}

/** The version of what is at `file` now (following symlinks); null when nothing is. */
export function versionOf(file: string): Version | null {
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat ? { fingerprint: fingerprintOf(stat), changedMs: Number(stat.ctimeNs / 1_000_000n) } : null;
}
