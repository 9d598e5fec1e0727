// Rebuild only what changed, the way make does: a key hashed from the files an artifact is made
// of (the letter's text, every file of its template's folder, the font configuration with its
// pinned hashes) and what was asked (the tool's version, SOURCE_DATE_EPOCH, the character
// policy, the formats and languages) is kept in manifest.json with the template's name. The
// key is made from the files as they are, parsing none of them, so a build finds an
// up-to-date letter without reading it as YAML: a no-op build costs little more than starting.

import { createHash } from 'node:crypto';
import { allSettledInOrder } from '../core/all-settled.js';
import type { World } from '../core/world.js';
import { VERSION } from '../core/version.js';
import { FONT_CONFIG, fontConfigSpace } from '../fonts/font-config.js';
import type { CharPolicy } from '../load/text-checks.js';
import { templateSpace } from '../template/template-space.js';
import { intactFiles, readManifest, type PublishedManifest } from '../publish/manifest.js';
import type { Folder } from '../publish/out-folder.js';

/** What a build was asked for, beside the files it reads. */
export interface BuildRequest {
  formats: string[];
  /** `--lang` as given (the letter's own list, filtered by it, follows from the letter's text). */
  languages?: string[];
  policy: CharPolicy;
}

/** The key of a letter's inputs; undefined when its template cannot be found (the build will say so). */
export async function inputsKey(world: World, letterText: string, template: string, request: BuildRequest): Promise<string | undefined> {
  const [space, fontsSpace] = await Promise.all([templateSpace(world, template), fontConfigSpace(world)]);
  if (!space) return undefined;
  const files = await filesUnder(world, `templates/${template}`, space);
  // Read all, then hashed in order; a failed read is reported as the first one.
  const [contents, fonts] = await Promise.all([allSettledInOrder(files.map((rel) => world.readFile(rel, space))), world.readFile(FONT_CONFIG, fontsSpace)]);
  const hash = createHash('sha256');
  const part = (label: string, data: string | Uint8Array) => hash.update(`${label}\0${data.length}\0`).update(data);
  part('tool', VERSION);
  part('letter', letterText);
  part('template', `${space}:${template}`);
  files.forEach((rel, i) => part(rel, contents[i]!));
  part('fonts', fonts);
  part('epoch', world.env.SOURCE_DATE_EPOCH ?? '');
  part('policy', JSON.stringify({ allowBidi: Boolean(request.policy.allowBidi) }));
  part('formats', request.formats.join(','));
  part('languages', request.languages?.join(',') ?? '');
  return hash.digest('hex');
}

/** Every file in a folder and the folders below it, by path. */
async function filesUnder(world: World, dir: string, space: 'project' | 'tool'): Promise<string[]> {
  const entries = await world.list(dir, space);
  const nested = await allSettledInOrder(entries.map((entry) => (entry.isDirectory ? filesUnder(world, `${dir}/${entry.name}`, space) : Promise.resolve([`${dir}/${entry.name}`]))));
  return nested.flat();
}

/** What the folder's manifest records, beside the key the letter's text gives now. */
export interface RecordedBuild {
  manifest: PublishedManifest & { inputs: string; template: string };
  /** The key made now with the template the manifest names (undefined if it is gone). */
  key: string | undefined;
  /** The folder holds exactly what a build would write: the same key, every file intact. */
  upToDate: boolean;
}

/** The folder's record of its last build, if it names a key and a template. */
export async function recordedBuild(world: World, letterText: string, folder: Folder, request: BuildRequest): Promise<RecordedBuild | undefined> {
  const manifest = await readManifest(folder);
  if (!manifest?.inputs || !manifest.template) return undefined;
  const key = await inputsKey(world, letterText, manifest.template, request);
  const upToDate = key === manifest.inputs && manifest.files.length > 0 && (await intactFiles(folder, manifest.files)).length === manifest.files.length;
  return { manifest: { ...manifest, inputs: manifest.inputs, template: manifest.template }, key, upToDate };
}
