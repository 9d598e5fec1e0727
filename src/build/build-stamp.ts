// A build stamp: what a letter's folder was last published from, by fingerprint (device,
// inode, size and times: core/fingerprint.ts) rather than by content. A build that publishes
// records the version of every file and folder its inputs key was made from
// (the letter, its template, the font configuration, and the probes that found them) and of
// every file it published, with what was asked. While none of them has changed, a build asking
// the same finds the folder up to date by looking at them, without reading or hashing anything:
// the command line answers such a no-op build before it loads (cli/quick-build.ts).
//
// A stamp is only a shortcut to the answer the full check gives. It is written only when no
// input changed since shortly before the build began (the same rule as checked faces: a file
// changed in the same tick of the clock as it was read could keep its times), and under the
// folder's lock right after the files are renamed into place. Any doubt, such as a missing,
// malformed or foreign stamp, or one version that differs, sends the build to the full check.
//
// Stamps are the machine's, not the project's: inodes and times mean nothing elsewhere, and a
// campaign commits out/. They live in the user's cache folder (XDG_CACHE_HOME, ~/.cache, or
// LOCALAPPDATA), one per output folder, named by a hash of its path; none is kept without one.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { versionOf } from '../core/fingerprint.js';
import type { World } from '../core/world.js';
import { VERSION } from '../core/version.js';
import { letterFile } from '../load/letter-file.js';
import type { BuildRequest, Inputs } from './up-to-date.js';

/** Where the stamp of the output folder `folder` is kept; undefined when the environment names no cache folder. */
export function stampFile(folder: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const cache = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, '.cache') : env.LOCALAPPDATA);
  return cache ? path.join(cache, 'letter', 'stamps', `${pathHash(folder)}.json`) : undefined;
}

/** Two FNV-1a hashes of the path's UTF-16 units: a name, not a check (a stamp names its folder). */
function pathHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i), 0x811c9dc5);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Inputs must have been left alone this long before a build began for it to stamp its folder. */
const SETTLED_MS = 2000;

/** What a build was asked, as a stamp records it: the request and the environment the key reads. */
export interface StampRequest {
  formats: string[];
  languages: string[] | null;
  allowBidi: boolean;
  epoch: string;
}

export interface BuildStamp {
  tool: string;
  request: StampRequest;
  /** The output folder, as an absolute path. */
  folder: string;
  /** Absolute path → fingerprint, or null for a path probed and found empty. */
  seen: Record<string, string | null>;
}

export function stampRequest(request: BuildRequest, env: Readonly<Record<string, string | undefined>>): StampRequest {
  return { formats: request.formats, languages: request.languages ?? null, allowBidi: Boolean(request.policy.allowBidi), epoch: env.SOURCE_DATE_EPOCH ?? '' };
}

/**
 * The versions of a letter's inputs (up-to-date.ts inputsOf), for its stamp, if none changed
 * after `since` less the settling time; undefined otherwise.
 */
export async function stampedInputs(world: World, id: string, inputs: Inputs, since: Date): Promise<Record<string, string | null> | undefined> {
  const sources = [{ rel: letterFile(id), space: 'project' as const }, ...inputs.template, inputs.fonts, ...inputs.consulted];
  const seen: Record<string, string | null> = {};
  for (const { rel, space } of sources) {
    const { path: file, version } = await world.version(rel, space);
    if (version && version.changedMs > since.getTime() - SETTLED_MS) return undefined;
    seen[file] = version?.fingerprint ?? null;
  }
  return seen;
}

/**
 * Records, in `file`, the stamp of a folder just published (under its lock): the inputs'
 * versions and those of the files now in place. A stamp is a shortcut, never the record: if
 * it cannot be written, the next build makes the full check.
 */
export function writeStamp(file: string, folder: string, request: StampRequest, inputs: Record<string, string | null>, published: readonly string[]): void {
  const seen = { ...inputs };
  for (const name of published) seen[path.join(folder, name)] = versionOf(path.join(folder, name))?.fingerprint ?? null;
  const stamp: BuildStamp = { tool: VERSION, request, folder, seen };
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(stamp)}\n`);
    renameSync(tmp, file);
  } catch {
    // Only slower next time.
  }
}

/** The stamp in `file` holds for `folder`: made by this tool for this request, and nothing it saw has changed since. */
export function stampHolds(file: string | undefined, folder: string, request: StampRequest): boolean {
  if (file === undefined) return false;
  let stamp: Partial<BuildStamp>;
  try {
    stamp = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildStamp>;
  } catch {
    return false;
  }
  if (stamp.tool !== VERSION || stamp.folder !== folder || JSON.stringify(stamp.request) !== JSON.stringify(request)) return false;
  if (typeof stamp.seen !== 'object' || stamp.seen === null) return false;
  const seen = Object.entries(stamp.seen);
  return seen.length > 0 && seen.every(([file, fingerprint]) => (versionOf(file)?.fingerprint ?? null) === fingerprint);
}
