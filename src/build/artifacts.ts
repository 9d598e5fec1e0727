// What artifacts are called and how they are fingerprinted: <id>.<lang>.<ext>, SHA-256.
// The folder they go to is src/publish/out-folder.ts's business.

import type { Format } from '../render/formats.js';

export function artifactName(id: string, lang: string, format: Format): string {
  return `${id}.${lang}.${format.extension}`;
}

/**
 * node:crypto, loaded when something is first hashed: it loads some forty modules of Node's
 * (streams among them), 9 ms that `letter --version` and a stamped no-op build never need.
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}

export function sha256(bytes: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}
