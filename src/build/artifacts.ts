// What artifacts are called and how they are fingerprinted: <id>.<lang>.<ext>, SHA-256.
// The folder they go to is src/publish/out-folder.ts's business.

import { createHash } from 'node:crypto';
import type { Format } from '../render/formats.js';

export function artifactName(id: string, lang: string, format: Format): string {
  return `${id}.${lang}.${format.extension}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
