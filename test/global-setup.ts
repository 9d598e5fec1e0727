// Tests that run `letter` as a real process (signals, concurrent builds) run bin/letter.js,
// which loads dist/bundle/: compile and bundle once before any test, so it is never older
// than src/. Build stamps (src/build/build-stamp.ts) go to a cache folder of the run's own,
// not the user's.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const cache = mkdtempSync(path.join(tmpdir(), 'letter-test-cache-'));
  process.env.XDG_CACHE_HOME = cache;
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(repo, 'tsconfig.build.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'bundle-cli.mjs')], { stdio: 'inherit' });
  return () => rmSync(cache, { recursive: true, force: true });
}
