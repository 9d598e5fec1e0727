// Rebuild only what changed: a key hashed from everything an artifact is made of (the letter,
// the template's files, the font configuration with its pinned hashes, the tool's version,
// SOURCE_DATE_EPOCH, the formats and languages asked for) is kept in manifest.json; when it
// matches and every recorded artifact is still there with its checksum, nothing is rendered.

import { createHash } from 'node:crypto';
import type { World } from '../core/world.js';
import { VERSION } from '../core/version.js';
import { FONT_CONFIG, fontConfigSpace } from '../fonts/font-book.js';
import type { Letter } from '../load/load-letter.js';
import type { TemplateFiles } from '../template/template-files.js';
import { intactFiles, readManifest } from '../publish/manifest.js';
import type { Folder } from '../publish/out-folder.js';

export async function inputsKey(world: World, letter: Letter, template: TemplateFiles, formats: string[], languages: string[]): Promise<string> {
  const hash = createHash('sha256');
  const part = (label: string, data: string | Uint8Array) => hash.update(`${label}\0${data.length}\0`).update(data);
  part('tool', VERSION);
  part('letter', letter.source);
  for (const src of template.sources) part(src.file, src.text);
  if (template.letterhead) part('letterhead', template.letterhead.bytes);
  part('fonts', await world.readFile(FONT_CONFIG, await fontConfigSpace(world)));
  part('epoch', world.env.SOURCE_DATE_EPOCH ?? '');
  part('formats', formats.join(','));
  part('languages', languages.join(','));
  return hash.digest('hex');
}

/** Whether the letter's folder already holds exactly what a build with this key would write. */
export async function isUpToDate(folder: Folder, key: string): Promise<boolean> {
  const manifest = await readManifest(folder);
  if (!manifest || manifest.inputs !== key || manifest.files.length === 0) return false;
  return (await intactFiles(folder, manifest.files)).length === manifest.files.length;
}
