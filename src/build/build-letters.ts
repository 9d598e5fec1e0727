// The core of `letter build`, shared by the CLI and the library API: skip the letters whose
// artifacts are up to date (up-to-date.ts tells without reading them as YAML), load the rest
// and render them in memory (loader and renderer are imported only then), and report every
// letter's problems together. build.ts publishes only when all of them succeeded.

import { DiagnosticBag, error, LetterError, type Diagnostic } from '../core/diagnostics.js';
import { closestName } from '../core/suggest.js';
import { decodeText, type World } from '../core/world.js';
import { letterFile } from '../load/letter-file.js';
import type { CharPolicy } from '../load/text-checks.js';
import { FORMATS, type Format } from '../render/formats.js';
import { letterFolder, type Folder } from '../publish/out-folder.js';
import { recordedBuild, type BuildRequest } from './up-to-date.js';

export interface BuildOptions extends CharPolicy {
  /** Letter ids (folders under letters/); default every letter. */
  ids?: string[];
  /** Format ids from the format table; default all. */
  formats?: string[];
  /** Languages to build; default each letter's own. */
  languages?: string[];
  /** Render even letters whose artifacts are up to date. */
  force?: boolean;
  /** The folder holding each letter's <id>/ folder (`--out`); default out/ inside the project. */
  out?: string;
}

export interface RenderedArtifact {
  letter: string;
  lang: string;
  format: string;
  /** File name inside the letter's folder. */
  name: string;
  /** Where it goes, as messages name it: `out/<id>/<name>`. */
  path: string;
  bytes: Uint8Array;
  sha256: string;
  /** Page count, where the format knows it (PDF). */
  pages?: number;
  /** How long rendering it took, for progress lines (never written into a file). */
  ms?: number;
}

export interface RenderedLetter {
  id: string;
  /** The folder the artifacts belong in. */
  folder: Folder;
  artifacts: RenderedArtifact[];
  warnings: Diagnostic[];
  /** The key of everything the artifacts were made from (see up-to-date.ts), and what was asked. */
  inputs: string;
  request: BuildRequest;
  /** The template they were made with. */
  template: string;
  /** out/<id>/ already held these artifacts: nothing was rendered, nothing need be written. */
  upToDate: boolean;
  /** How many signed, and the date the list is as of (ISO), for the manifest. */
  signatories: { count: number; asOf: string | null };
}

/** Every letter id in the project: folders under letters/ holding a letter.yaml. */
export async function listLetters(world: World): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of await world.list('letters')) {
    if (entry.isDirectory && (await world.exists(letterFile(entry.name)))) ids.push(entry.name);
  }
  return ids;
}

/** Renders the requested letters in memory; throws one LetterError holding every problem found. */
export async function renderLetters(world: World, options: BuildOptions = {}): Promise<RenderedLetter[]> {
  const all = await listLetters(world);
  const ids = options.ids?.length ? options.ids : all;
  const bag = new DiagnosticBag();
  if (ids.length === 0) bag.add(error({ file: 'letters' }, 'no letters to build', 'a letter is letters/<id>/letter.yaml'));
  for (const id of ids) {
    if (!all.includes(id)) {
      const near = closestName(id, all);
      bag.add(error({ file: letterFile(id) }, `no letter \`${id}\``, near ? `did you mean \`${near}\`?` : `letters here: ${all.join(', ') || 'none'}`));
    }
  }
  const formats = selectFormats(options.formats, bag);
  bag.throwIfErrors();

  const results: RenderedLetter[] = [];
  for (const id of ids) {
    try {
      results.push(await renderLetter(world, id, formats, options));
    } catch (e) {
      // Keep going: one run reports the problems of every letter.
      if (!(e instanceof LetterError)) throw e;
      e.diagnostics.forEach((d) => bag.add(d));
    }
  }
  bag.throwIfErrors();
  return results;
}

async function renderLetter(world: World, id: string, formats: Format[], options: BuildOptions): Promise<RenderedLetter> {
  const folder = await letterFolder(world.root, id, options.out);
  const request: BuildRequest = { formats: formats.map((f) => f.id), ...(options.languages?.length ? { languages: options.languages } : {}), policy: { allowBidi: Boolean(options.allowBidi) } };
  const file = letterFile(id);
  const bytes = await world.readFile(file);
  const recorded = options.force ? undefined : await recordedBuild(world, decodeText(bytes), folder, request);
  if (recorded?.upToDate) {
    const { inputs, template, signatories, asOf } = recorded.manifest;
    return { id, folder, artifacts: [], warnings: [], inputs, request, template, upToDate: true, signatories: { count: signatories ?? 0, asOf: asOf ?? null } };
  }
  const { renderLetterAnew } = await import('./render-artifacts.js');
  return renderLetterAnew(world, { id, file, bytes, folder, formats: formats.map((f) => f.id), options, request, recorded });
}

function selectFormats(ids: string[] | undefined, bag: DiagnosticBag): Format[] {
  if (!ids?.length) return [...FORMATS];
  const known = FORMATS.map((f) => f.id);
  return ids.flatMap((id) => {
    const format = FORMATS.find((f) => f.id === id);
    if (!format) bag.add(error({ file: '--format' }, `unknown format \`${id}\``, `formats: ${known.join(', ')}`));
    return format ? [format] : [];
  });
}

