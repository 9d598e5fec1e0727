// publish: rendered artifacts → the letter's folder, each file atomically, then manifest.json
// and SHA256SUMS last, so a reader who finds the checksums finds the files they describe.
// The whole set is written under the folder's lock: two builds never interleave.

import path from 'node:path';
import type { RenderedLetter } from '../build/build-letters.js';
import { writeFileAtomic } from './atomic-write.js';
import { withFolderLock, type LockOptions } from './folder-lock.js';

export interface PublishedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Milliseconds it took to render. */
  ms: number;
}

export async function publishLetter(letter: RenderedLetter, version: string, lock: LockOptions = {}): Promise<PublishedFile[]> {
  const { folder } = letter;
  const write = (name: string, bytes: Uint8Array) => writeFileAtomic(path.join(folder.abs, name), bytes, `${folder.shown}/${name}`);
  const text = (s: string) => new TextEncoder().encode(s);
  const sums = letter.artifacts.map((a) => `${a.sha256}  ${a.name}\n`).join('');
  const manifest = {
    letter: letter.id,
    inputs: letter.inputs,
    tool: { name: 'letter', version },
    languages: [...new Set(letter.artifacts.map((a) => a.lang))],
    signatories: letter.signatories.count,
    asOf: letter.signatories.asOf || null,
    files: letter.artifacts.map((a) => ({ name: a.name, language: a.lang, format: a.format, bytes: a.bytes.byteLength, sha256: a.sha256, pages: a.pages ?? null })),
  };
  return withFolderLock(
    folder,
    async () => {
      for (const a of letter.artifacts) await write(a.name, a.bytes);
      await write('manifest.json', text(`${JSON.stringify(manifest, null, 2)}\n`));
      await write('SHA256SUMS', text(sums));
      return letter.artifacts.map((a) => ({ path: a.path, bytes: a.bytes.byteLength, sha256: a.sha256, ms: Math.round(a.ms ?? 0) }));
    },
    lock,
  );
}
