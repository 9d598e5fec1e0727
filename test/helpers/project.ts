// Test projects: a temporary folder with letters/ (copied from fixtures or written by the
// test), so builds can write out/ without touching the repository.

import { cpSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');

export function tempProject(): { root: string; write(rel: string, text: string): void; dispose(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'letter-test-'));
  return {
    root,
    write(rel, text) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A temporary project holding a copy of the seed letter (or another letter of the repository). */
export function projectWithLetter(id = 'nk-pows-2025'): ReturnType<typeof tempProject> {
  const p = tempProject();
  cpSync(path.join(REPO, 'letters', id), path.join(p.root, 'letters', id), { recursive: true });
  return p;
}

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}
