// Ctrl-C or a CI timeout in the middle of a build: remove the temporary files of writes in
// flight and the folder lock (the renamed artifacts are whole, the rest untouched), then
// exit 130 or 143.

import { rmSync } from 'node:fs';
import { filesToRemoveOnInterrupt } from '../publish/cleanup.js';

const CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export function cleanUpOnInterrupt(message: () => string): () => void {
  const handlers = (Object.keys(CODES) as (keyof typeof CODES)[]).map((signal) => {
    const handler = () => {
      for (const file of filesToRemoveOnInterrupt()) rmSync(file, { force: true });
      process.stderr.write(`${message()}\n`);
      process.exit(CODES[signal]);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}
