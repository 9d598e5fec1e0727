// Renders letters of a test project in memory, once per file and format selection.

import { renderLetters, type RenderedArtifact } from '../../src/build/build-letters.js';
import { nodeWorld } from '../../src/core/node-world.js';

export async function renderArtifacts(root: string, id: string, formats: string[], env: Record<string, string | undefined> = {}): Promise<Map<string, RenderedArtifact>> {
  const [letter] = await renderLetters(nodeWorld(root, env), { ids: [id], formats });
  return new Map(letter!.artifacts.map((a) => [`${a.lang}.${a.format}`, a]));
}
