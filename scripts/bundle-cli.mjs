// Bundles the compiled CLI (dist/cli/main.js, from tsc) into dist/bundle/ with esbuild, one
// chunk per lazily imported part, so that starting `letter` reads a few files instead of
// resolving some hundreds of modules: the seed's build takes about a quarter less time.
// Identifiers are kept, so an internal error's stack still names our functions. The bundle
// sits two folders below the package root, like dist/cli/, so paths made from import.meta.url
// (templates, fonts, package.json) resolve the same. harfbuzzjs loads its wasm beside itself
// and hyphen's patterns are required by name at run time: both stay in node_modules.

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(repo, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(repo, 'dist', 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['harfbuzzjs', 'hyphen'],
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __letterRequire } from 'node:module'; const require = __letterRequire(import.meta.url);" },
  logLevel: 'warning',
});
