// manifest.json: what a published folder holds (each file's name, language, format, size,
// SHA-256 and pages) and the key of the inputs it was built from. It is read back to skip an
// up-to-date build and to keep the files a filtered build did not touch, and always as data
// someone may have edited: a malformed manifest is no manifest.

import { sha256 } from '../build/artifacts.js';
import { allSettledInOrder } from '../core/all-settled.js';
import { readPublished, type Folder } from './out-folder.js';

export const MANIFEST = 'manifest.json';

export interface ManifestFile {
  name: string;
  language: string;
  format: string;
  bytes: number;
  sha256: string;
  pages: number | null;
}

export interface PublishedManifest {
  inputs?: string;
  /** The template the files were made with (for an up-to-date check that reads no letter). */
  template?: string;
  /** How many signed, and the date the list is as of. */
  signatories?: number;
  asOf?: string | null;
  files: ManifestFile[];
}

/** The folder's manifest, or undefined when it is missing, unreadable or names a file it may not. */
export async function readManifest(folder: Folder): Promise<PublishedManifest | undefined> {
  const bytes = await readPublished(folder, MANIFEST);
  if (!bytes) return undefined;
  let parsed: { inputs?: unknown; template?: unknown; signatories?: unknown; asOf?: unknown; files?: unknown };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes)) as typeof parsed;
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed.files)) return undefined;
  const files: ManifestFile[] = [];
  for (const f of parsed.files as Partial<ManifestFile>[]) {
    if (!isPlainFileName(f.name) || typeof f.sha256 !== 'string') return undefined;
    files.push({ name: f.name, language: String(f.language), format: String(f.format), bytes: Number(f.bytes), sha256: f.sha256, pages: typeof f.pages === 'number' ? f.pages : null });
  }
  return {
    ...(typeof parsed.inputs === 'string' ? { inputs: parsed.inputs } : {}),
    ...(typeof parsed.template === 'string' ? { template: parsed.template } : {}),
    ...(typeof parsed.signatories === 'number' ? { signatories: parsed.signatories } : {}),
    ...(typeof parsed.asOf === 'string' || parsed.asOf === null ? { asOf: parsed.asOf } : {}),
    files,
  };
}

/** A name a manifest may give a file of the folder: no path, nothing hidden. */
function isPlainFileName(name: unknown): name is string {
  return typeof name === 'string' && /^[^/\\.][^/\\]*$/.test(name);
}

/** The entries whose file is still on disk with the recorded checksum. */
export async function intactFiles(folder: Folder, files: readonly ManifestFile[]): Promise<ManifestFile[]> {
  // In order, whatever the World: a failed read is reported as the first one.
  const checked = await allSettledInOrder(files.map((f) => readPublished(folder, f.name).then((onDisk) => (onDisk && sha256(onDisk) === f.sha256 ? { ...f, bytes: onDisk.byteLength } : undefined))));
  return checked.filter((f) => f !== undefined);
}
