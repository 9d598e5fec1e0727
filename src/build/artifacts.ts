// Where artifacts go and how they are fingerprinted: out/<id>/<id>.<lang>.<ext>, SHA-256.

import { createHash } from 'node:crypto';
import type { Format } from '../render/formats.js';

export const OUT_DIR = 'out';

export function artifactPath(id: string, lang: string, format: Format): string {
  return `${OUT_DIR}/${id}/${id}.${lang}.${format.extension}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
