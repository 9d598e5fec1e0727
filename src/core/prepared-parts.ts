// Parts prepared when the tool was built: what a build makes of inputs that are the same for
// nearly every letter (the faces a DOCX embeds, the Korean one with the 2,350 KS X 1001
// syllables; the built-in template, compiled) is made once by `npm run build`
// (scripts/bundle-cli.mjs) and kept in the tool's installation, each under the hash of
// everything it was made from. A build whose inputs hash to a kept key takes the part; any
// other makes its own, the same way.

import type { World } from './world.js';

/** What a build would make of inputs that are the same for most letters, made beforehand. */
export interface PreparedParts {
  /** The part made under `key` (a hash of everything it was made from), if there is one. */
  get(key: string): Promise<Uint8Array | undefined>;
}

/** In the tool's installation; absent in a build of the tool that has none. */
export const PREPARED_DIR = 'dist/bundle/prepared';

export function preparedParts(world: World): PreparedParts {
  return {
    get: (key) => (/^[0-9a-z-]+$/.test(key) ? world.readFile(`${PREPARED_DIR}/${key}`, 'tool').catch(() => undefined) : Promise.resolve(undefined)),
  };
}
