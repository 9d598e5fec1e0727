// Faces whose pins were checked when the tool was built. Hashing the two Noto Serif KR files
// (28 MB) took every build 40–60 ms, though npm had checked the packages on install and the
// files had not changed since. `npm run build` (scripts/bundle-cli.mjs) records, beside the
// bundle, each pinned face's fingerprint (world.ts OpenFile: device, inode, size, modification
// and change times) with its hash; a build takes the hash of a file whose fingerprint is
// recorded, and hashes any other. Any write gives a file a new change time, so a changed
// face is never taken for the one recorded. As with git's index, a file changed in the same
// tick of the clock as it was read could keep its times: a face is recorded only once it has
// not changed for a while.

import { decodeText, type OpenFile, type World } from '../core/world.js';

/** In the tool's installation; made by the bundle script, absent in a build that has none. */
export const CHECKED_FACES = 'dist/bundle/checked-faces.json';

const SETTLED_MS = 2000;

/** The recorded hashes, by fingerprint (empty when there is no record). */
export async function checkedFaces(world: World): Promise<Map<string, string>> {
  const checked = new Map<string, string>();
  let record: unknown;
  try {
    record = JSON.parse(decodeText(await world.readFile(CHECKED_FACES, 'tool')));
  } catch {
    return checked;
  }
  if (typeof record !== 'object' || record === null) return checked;
  for (const [fingerprint, sha256] of Object.entries(record)) if (typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)) checked.set(fingerprint, sha256);
  return checked;
}

/** A file may be recorded: it last changed long enough ago that a later change gets other times. */
export function settled(file: OpenFile, now: Date): boolean {
  return now.getTime() - file.changedMs > SETTLED_MS;
}
