// Rebuild only what changed, the way make does: a key hashed from the files an artifact is made
// of (the letter's text, every file of its template's folder, the font configuration with its
// pinned hashes) and what was asked (the tool's version, SOURCE_DATE_EPOCH, the character
// policy, the formats and languages) is kept in manifest.json with the template's name. The
// key is made from the files as they are, parsing none of them, so a build finds an
// up-to-date letter without reading it as YAML; where the folder's stamp holds (build-stamp.ts),
// without reading anything.

import { allSettledInOrder } from '../core/all-settled.js';
import type { Space, World } from '../core/world.js';
import { VERSION } from '../core/version.js';
import { FONT_CONFIG, fontConfigSpace } from '../fonts/font-config.js';
import type { CharPolicy } from '../load/text-checks.js';
import { templateSpace } from '../template/template-space.js';
import { intactFiles, readManifest, type PublishedManifest } from '../publish/manifest.js';
import type { Folder } from '../publish/out-folder.js';
import { nodeCrypto } from './artifacts.js';
import { stampFile, stampHolds, stampRequest } from './build-stamp.js';

/** What a build was asked for, beside the files it reads. */
export interface BuildRequest {
  formats: string[];
  /** `--lang` as given (the letter's own list, filtered by it, follows from the letter's text). */
  languages?: string[];
  policy: CharPolicy;
}

/** A file or folder a letter's key depends on: read for the key, listed, or probed for. */
export interface InputSource {
  rel: string;
  space: Space;
}

/**
 * What a letter's key is made of besides its text: the template's files (in the space that
 * has the template) and the font configuration's, and every folder listed and file probed to
 * find them (a template or fonts.json appearing in the project changes which are read).
 */
export interface Inputs {
  /** Where the template was found. */
  space: Space;
  template: InputSource[];
  fonts: InputSource;
  consulted: InputSource[];
}

/** The inputs of a letter built with `template`; undefined when the template cannot be found. */
export async function inputsOf(world: World, template: string): Promise<Inputs | undefined> {
  const [space, fontsSpace] = await Promise.all([templateSpace(world, template), fontConfigSpace(world)]);
  if (!space) return undefined;
  const folders: InputSource[] = [];
  const files = await filesUnder(world, `templates/${template}`, space, folders);
  const fonts = { rel: FONT_CONFIG, space: fontsSpace };
  const probes: InputSource[] = [{ rel: `templates/${template}/letter.hbs`, space: 'project' }, { rel: FONT_CONFIG, space: 'project' }];
  return { space, template: files.map((rel) => ({ rel, space })), fonts, consulted: [...probes, ...folders] };
}

/** The key of a letter's inputs; undefined when its template cannot be found (the build will say so). */
export async function inputsKey(world: World, letterText: string, template: string, request: BuildRequest): Promise<string | undefined> {
  const inputs = await inputsOf(world, template);
  if (!inputs) return undefined;
  // Read all, then hashed in order; a failed read is reported as the first one.
  const [contents, fonts] = await Promise.all([allSettledInOrder(inputs.template.map(({ rel, space }) => world.readFile(rel, space))), world.readFile(inputs.fonts.rel, inputs.fonts.space)]);
  const hash = nodeCrypto().createHash('sha256');
  const part = (label: string, data: string | Uint8Array) => hash.update(`${label}\0${data.length}\0`).update(data);
  part('tool', VERSION);
  part('letter', letterText);
  part('template', `${inputs.space}:${template}`);
  inputs.template.forEach(({ rel }, i) => part(rel, contents[i]!));
  part('fonts', fonts);
  part('epoch', world.env.SOURCE_DATE_EPOCH ?? '');
  part('policy', JSON.stringify({ allowBidi: Boolean(request.policy.allowBidi) }));
  part('formats', request.formats.join(','));
  part('languages', request.languages?.join(',') ?? '');
  return hash.digest('hex');
}

/** Every file in a folder and the folders below it, by path; each folder listed goes to `folders`. */
async function filesUnder(world: World, dir: string, space: Space, folders: InputSource[]): Promise<string[]> {
  folders.push({ rel: dir, space });
  const entries = await world.list(dir, space);
  const nested = await allSettledInOrder(entries.map((entry) => (entry.isDirectory ? filesUnder(world, `${dir}/${entry.name}`, space, folders) : Promise.resolve([`${dir}/${entry.name}`]))));
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
  // Nothing the key and the files' checksums were made from has changed since they were published.
  if (stampHolds(stampFile(folder.abs, world.env), folder.abs, stampRequest(request, world.env))) return { manifest: { ...manifest, inputs: manifest.inputs, template: manifest.template }, key: manifest.inputs, upToDate: true };
  const key = await inputsKey(world, letterText, manifest.template, request);
  const upToDate = key === manifest.inputs && manifest.files.length > 0 && (await intactFiles(folder, manifest.files)).length === manifest.files.length;
  return { manifest: { ...manifest, inputs: manifest.inputs, template: manifest.template }, key, upToDate };
}
