// publish: rendered artifacts → the letter's folder, each file atomically, then manifest.json
// and SHA256SUMS last, so a reader who finds the checksums finds the files they describe.
// The whole set is written under the folder's lock: two builds never interleave. A build of
// some formats or languages keeps the folder's other files in both, as long as they are intact.

import path from 'node:path';
import type { RenderedLetter } from '../build/build-letters.js';
import { writeStamp, type StampRequest } from '../build/build-stamp.js';
import { writeFilesAtomic } from './atomic-write.js';
import { withFolderLock, type LockOptions } from './folder-lock.js';
import { intactFiles, MANIFEST, readManifest, type ManifestFile } from './manifest.js';

const SUMS = 'SHA256SUMS';

export interface PublishedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Milliseconds it took to render. */
  ms: number;
}

/**
 * `stamp`: the request and the inputs' versions (build/build-stamp.ts), to record with the
 * versions of the files published, while the lock is still held.
 */
export async function publishLetter(letter: RenderedLetter, version: string, lock: LockOptions = {}, stamp?: { file: string; request: StampRequest; inputs: Record<string, string | null> }): Promise<PublishedFile[]> {
  const { folder } = letter;
  const target = (name: string, bytes: Uint8Array) => ({ file: path.join(folder.abs, name), bytes, shown: `${folder.shown}/${name}` });
  const text = (s: string) => new TextEncoder().encode(s);
  const fresh: ManifestFile[] = letter.artifacts.map((a) => ({ name: a.name, language: a.lang, format: a.format, bytes: a.bytes.byteLength, sha256: a.sha256, pages: a.pages ?? null }));
  return withFolderLock(
    folder,
    async () => {
      // A build of some formats or languages keeps the others in the checksums, while they are intact.
      const replaced = new Set(fresh.map((f) => f.name));
      const kept = await intactFiles(folder, (await readManifest(folder))?.files.filter((f) => !replaced.has(f.name)) ?? []);
      const files = [...fresh, ...kept].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const manifest = {
        letter: letter.id,
        inputs: letter.inputs,
        template: letter.template,
        tool: { name: 'letter', version },
        languages: [...new Set(files.map((f) => f.language))].sort(),
        signatories: letter.signatories.count,
        asOf: letter.signatories.asOf || null,
        files,
      };
      // All of them or none: a full disk leaves the earlier ones as they were. They are flushed
      // side by side and renamed in this order, so the checksums come last.
      await writeFilesAtomic([
        ...letter.artifacts.map((a) => target(a.name, a.bytes)),
        target(MANIFEST, text(`${JSON.stringify(manifest, null, 2)}\n`)),
        target(SUMS, text(files.map((f) => `${f.sha256}  ${f.name}\n`).join(''))),
      ]);
      if (stamp) writeStamp(stamp.file, folder.abs, stamp.request, stamp.inputs, [...files.map((f) => f.name), MANIFEST, SUMS]);
      return letter.artifacts.map((a) => ({ path: a.path, bytes: a.bytes.byteLength, sha256: a.sha256, ms: Math.round(a.ms ?? 0) }));
    },
    lock,
  );
}
