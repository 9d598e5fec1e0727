// publish: rendered artifacts → out/<id>/, each file atomically, then SHA256SUMS and
// manifest.json last, so a reader who finds the checksums finds the files they describe.

import path from 'node:path';
import type { RenderedLetter } from '../build/build-letters.js';
import { writeFileAtomic } from './atomic-write.js';

export interface PublishedFile {
  path: string;
  bytes: number;
  sha256: string;
}

export async function publishLetter(root: string, letter: RenderedLetter, version: string): Promise<PublishedFile[]> {
  const written: PublishedFile[] = [];
  for (const a of letter.artifacts) {
    await writeFileAtomic(path.join(root, a.path), a.bytes, a.path);
    written.push({ path: a.path, bytes: a.bytes.byteLength, sha256: a.sha256 });
  }
  const dir = path.posix.dirname(letter.artifacts[0]?.path ?? `out/${letter.id}/x`);
  const sums = letter.artifacts.map((a) => `${a.sha256}  ${path.posix.basename(a.path)}\n`).join('');
  const manifest = {
    letter: letter.id,
    inputs: letter.inputs,
    tool: { name: 'letter', version },
    languages: [...new Set(letter.artifacts.map((a) => a.lang))],
    signatories: letter.signatories.count,
    asOf: letter.signatories.asOf || null,
    files: letter.artifacts.map((a) => ({ name: path.posix.basename(a.path), language: a.lang, format: a.format, bytes: a.bytes.byteLength, sha256: a.sha256, pages: a.pages ?? null })),
  };
  await writeFileAtomic(path.join(root, dir, 'manifest.json'), new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), `${dir}/manifest.json`);
  await writeFileAtomic(path.join(root, dir, 'SHA256SUMS'), new TextEncoder().encode(sums), `${dir}/SHA256SUMS`);
  return written;
}
