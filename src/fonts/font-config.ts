// Where the font configuration is: the project's fonts/fonts.json if it has one, else the
// tool's. Apart from the font book so that an up-to-date check can hash it without loading
// the font machinery.

import type { Space, World } from '../core/world.js';

export const FONT_CONFIG = 'fonts/fonts.json';

/** The project's fonts/fonts.json wins over the tool's. */
export async function fontConfigSpace(world: World): Promise<Space> {
  return (await world.exists(FONT_CONFIG, 'project')) ? 'project' : 'tool';
}
