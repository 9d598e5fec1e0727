// `letter build --check`: render in memory, compare with what out/ holds, write nothing.
// CI runs it on pull requests so a letter edited without rebuilding is caught.

import { error, type Diagnostic } from '../core/diagnostics.js';
import type { World } from '../core/world.js';
import { readPublished } from '../publish/out-folder.js';
import { sha256 } from './artifacts.js';
import { renderLetters, type BuildOptions } from './build-letters.js';

/** A finding per artifact that is missing or differs from a fresh render; none when all is current. */
export async function staleArtifacts(world: World, options: BuildOptions): Promise<Diagnostic[]> {
  const letters = await renderLetters(world, { ...options, force: true });
  const findings: Diagnostic[] = [];
  for (const letter of letters) {
    for (const a of letter.artifacts) {
      const published = await readPublished(letter.folder, a.name);
      if (!published) findings.push(error({ file: a.path }, `missing: letter \`${letter.id}\` has not been built`, `run \`letter build ${letter.id}\``));
      else if (sha256(published) !== a.sha256) findings.push(error({ file: a.path }, `stale: letter \`${letter.id}\` changed since it was built`, `run \`letter build ${letter.id}\` and commit ${letter.folder.shown}/`));
    }
  }
  return findings;
}
