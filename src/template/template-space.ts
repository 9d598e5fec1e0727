// Where a template is: templates/<name>/ in the project (a campaign's copy) or, failing that,
// the one shipped with the tool. Apart from the template reader so that an up-to-date check
// can hash the folder without loading Handlebars' neighbours.

import type { Space, World } from '../core/world.js';

export async function templateSpace(world: World, name: string): Promise<Space | undefined> {
  const main = `templates/${name}/letter.hbs`;
  if (await world.exists(main, 'project')) return 'project';
  if (await world.exists(main, 'tool')) return 'tool';
  return undefined;
}
