// The one door to the outside (after Typst's `World`): the core reads project files, the
// tool's own files and the clock only through this interface, so tests and reproducible
// builds control all three. Writing lives in src/publish/.

import type { Version } from './fingerprint.js';

/**
 * Where a path is looked up: `project` is the campaign's folder (untrusted: letters arrive by
 * pull request), `tool` the tool's installation (built-in templates, font configuration;
 * `npm:<package>/<path>` names a file of an installed npm package).
 */
export type Space = 'project' | 'tool';

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

export interface World {
  /** Absolute path of the project root (the folder holding letters/). */
  readonly root: string;
  /** Reads a file; a project path must stay inside the root after symlinks are resolved. */
  readFile(rel: string, space?: Space): Promise<Uint8Array>;
  exists(rel: string, space?: Space): Promise<boolean>;
  /** Entries of a folder, sorted by name; [] when it does not exist. */
  list(rel: string, space?: Space): Promise<DirEntry[]>;
  /** Environment variables the build may consult (SOURCE_DATE_EPOCH). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today, for defaults such as a signatory's `joined`. */
  now(): Date;
  /**
   * Where a file or folder is on disk, under readFile's rules, and its version now (null when
   * nothing is there), without reading it: what a build stamp records (build/build-stamp.ts).
   */
  version(rel: string, space?: Space): Promise<{ path: string; version: Version | null }>;
  /** Opens a file to read in pieces, under readFile's rules (a font: hashed piece by piece, outlines read when needed). */
  openFile(rel: string, space?: Space): Promise<OpenFile>;
}

/** A file read by position; reads are synchronous, for code that needs a few bytes in the middle of a computation. */
export interface OpenFile {
  readonly size: number;
  /**
   * This version of the file, without reading it: device, inode, size, and the modification
   * and change times in nanoseconds. Any write gives a file a new change time.
   */
  readonly fingerprint: string;
  /** The change time, in milliseconds since the epoch. */
  readonly changedMs: number;
  /** Reads up to `into.length` bytes at `position`; returns how many were read. */
  readAt(into: Uint8Array, position: number): number;
  close(): void;
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
