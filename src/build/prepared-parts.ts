// Parts prepared when the tool was built: what a writer makes of inputs that are the same for
// nearly every letter (the Korean face a DOCX embeds, with the 2,350 KS X 1001 syllables) is
// made once by `npm run build` (scripts/bundle-cli.mjs) and kept in the tool's installation,
// each under the hash of everything it was made from. A build whose inputs hash to a kept key
// takes the part; any other makes its own, the same way.

import type { World } from '../core/world.js';
import type { PreparedParts } from '../render/formats.js';

/** In the tool's installation; absent in a build of the tool that has none. */
export const PREPARED_DIR = 'dist/bundle/prepared';

export function preparedParts(world: World): PreparedParts {
  return {
    get: (key) => (/^[0-9a-z-]+$/.test(key) ? world.readFile(`${PREPARED_DIR}/${key}`, 'tool').catch(() => undefined) : Promise.resolve(undefined)),
  };
}
