// `npm run build`'s second half (after tsc): bundles the compiled CLI (dist/) into dist/bundle/
// with esbuild, and prepares there what every build would otherwise redo.
//
// - The command line itself (dist/cli/main.js) with everything a build and an up-to-date build
//   run: one CommonJS script, front-*.cjs, run through node:vm with a V8 code cache
//   (src/core/cached-script.ts) that an up-to-date warm-up build writes; main.cjs loads it.
//   What other commands import when they run (check, signatories, init, schema) is ES modules
//   in chunks beside it.
// - The render code behind it (dist/build/render-artifacts.js: the YAML readers, template,
//   fonts and writers): one CommonJS script, render-*.cjs, with a code cache that a full
//   warm-up build writes. A full build then compiles almost nothing. An up-to-date build or
//   `letter --version` never reads it.
// - checked-faces.json: the tool's pinned faces by fingerprint (src/fonts/checked-faces.ts).
// - prepared/: the built-in template compiled, and the faces a DOCX embeds
//   (src/core/prepared-parts.ts).
//
// The bundles share a few small modules, each with its own copy; what crosses between them is
// plain data, the World and LetterErrors (recognised whichever copy made them), and what must
// be one per process is kept under global symbols. A cache's name holds its script's hash, so
// a cache can never meet another script. Identifiers are kept, so an internal error's stack
// still names our functions. Every part sits two folders below the package root, like
// dist/cli/, so paths made from import.meta.url (templates, fonts, package.json) resolve the
// same. HarfBuzz's wasm files are read from node_modules/harfbuzzjs, where they are installed.

import { build } from 'esbuild';
import ts from 'typescript';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repo, 'dist');
const outdir = path.join(dist, 'bundle');
const renderEntry = path.join(dist, 'build', 'render-artifacts.js');
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
/** A CommonJS script for requireCached, whose import.meta.url is its own file's. */
const asScript = {
  format: 'cjs',
  write: false,
  define: { 'import.meta.url': '__letterModuleUrl' },
  banner: { js: "var __letterModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// The render script first: the command line's bundle names it by its hash.
const render = await build({
  ...shared,
  ...asScript,
  entryPoints: [renderEntry],
  outfile: path.join(outdir, 'render.cjs'),
  plugins: [
    {
      // The hyphenation patterns, flattened as src/layout/hyphen-patterns.ts flattens them,
      // as JSON for JSON.parse: neither the package's trie of objects nor an object literal
      // of the arrays (which V8 builds element by element even from the code cache) is made.
      name: 'flat-hyphenation-patterns',
      setup(b) {
        const module = path.join(dist, 'layout', 'hyphen-patterns.js');
        b.onLoad({ filter: /[\\/]layout[\\/]hyphen-patterns\.js$/ }, async (args) => {
          if (args.path !== module) return undefined;
          const { PATTERNS } = await import(pathToFileURL(module).href);
          return { loader: 'js', contents: `export const PATTERNS = JSON.parse(${JSON.stringify(JSON.stringify(PATTERNS))});` };
        });
      },
    },
  ],
});
const { wrapAsModule } = await import(pathToFileURL(path.join(dist, 'core', 'cached-script.js')).href);
const ascii = asciiOnly(render.outputFiles[0].text);
// Stored wrapped, as requireCached compiles it.
const code = wrapAsModule(ascii ?? render.outputFiles[0].text);
const name = `render-${createHash('sha256').update(code).digest('hex').slice(0, 12)}`;
const script = path.join(outdir, `${name}.cjs`);

// The render script's loader, inside whichever bundle imports render-artifacts.js.
const renderLoader = (importer) => ({
  name: 'render-script',
  setup(b) {
    b.onResolve({ filter: /render-artifacts\.js$/ }, (args) =>
      // A name without the checkout's path, which would otherwise end up in the bundle.
      path.resolve(args.resolveDir, args.path) === renderEntry ? { path: 'render-artifacts.js', namespace: 'render-script' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'render-script' }, () => ({
      resolveDir: path.join(dist, 'core'),
      contents: [
        `import { requireCached } from './cached-script.js';`,
        `import { tuneShortProcess } from './short-process.js';`,
        `import { fileURLToPath } from 'node:url';`,
        `const here = (file) => fileURLToPath(new URL(file, import.meta.url));`,
        `tuneShortProcess();`,
        `const render = requireCached(here('./${name}.cjs'), here('./${name}.cache'), ${importer}, ${JSON.stringify(ascii ? 'latin1' : 'utf8')});`,
        `export const renderLetterAnew = render.exports.renderLetterAnew;`,
      ].join('\n'),
    }));
  },
});

// commander loads child_process at once, for stand-alone executable subcommands, which letter
// has none of; with net and dgram behind it, that cost a no-op build and `--version` 3–6 ms.
// It is loaded only if a subcommand ever spawns.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      loader: 'js',
      contents: `let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });`,
    }));
  },
};

// The command line: one CommonJS script with a code cache, like the render script, holding
// everything a build and a no-op build run. As ES modules it was some twenty files, each
// resolved, read, compiled and linked at every start: a no-op build spent a fifth of its time
// so. What the commands import only when they run (check, signatories, init, schema, the
// writers) is not in it: a dynamic import of a module the script does not hold anyway is left
// to ES modules in chunks beside it, reached through the importer the script is given.
const mainEntry = path.join(dist, 'cli', 'main.js');
const held = new Set(
  Object.keys(
    (
      await build({
        ...shared,
        ...asScript,
        entryPoints: [mainEntry],
        metafile: true,
        outfile: path.join(outdir, 'front.cjs'),
        plugins: [{ name: 'dynamic-external', setup: (b) => b.onResolve({ filter: /^\./ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined)) }],
      })
    ).metafile.inputs,
  ).map((input) => path.resolve(repo, input)),
);
const lazy = new Set();
const LAZY = 'letter-lazy:';
const front = await build({
  ...shared,
  ...asScript,
  entryPoints: [mainEntry],
  outfile: path.join(outdir, 'front.cjs'),
  plugins: [
    renderLoader('__letterImport'),
    {
      name: 'lazy-parts',
      setup(b) {
        b.onResolve({ filter: /^\./ }, (args) => {
          const file = path.resolve(args.resolveDir, args.path);
          if (args.kind !== 'dynamic-import' || file === renderEntry || held.has(file)) return undefined;
          lazy.add(file);
          return { path: `${LAZY}${path.relative(dist, file).split(path.sep).join('/')}`, external: true };
        });
      },
    },
    lazyChildProcess,
  ],
});
// The lazy parts, named as the ES modules of the command line were (every file two folders
// below the package root, so that paths made from import.meta.url resolve the same).
const lazyParts = await build({
  ...shared,
  entryPoints: [...lazy],
  outdir,
  splitting: true,
  format: 'esm',
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  metafile: true,
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __letterRequire } from 'node:module'; const require = __letterRequire(import.meta.url);" },
  plugins: [renderLoader('(specifier) => import(specifier)')],
});
const lazyOutput = new Map(
  Object.entries(lazyParts.metafile.outputs)
    .filter(([, o]) => o.entryPoint)
    .map(([file, o]) => [path.resolve(repo, o.entryPoint), path.basename(file)]),
);
// A script run through node:vm has no import() of its own: the lazy parts come through the
// importer requireCached passes it (core/cached-script.ts).
const frontText = front.outputFiles[0].text.replace(/\bimport\((["'])letter-lazy:([^"']+)\1\)/g, (_, q, rel) => `__letterImport(${q}./${lazyOutput.get(path.join(dist, rel))}${q})`);
if (frontText.includes(LAZY) || frontText.includes('/undefined')) throw new Error('bundle-cli: a lazy import the front script could not route');
const frontAscii = asciiOnly(frontText);
const frontCode = wrapAsModule(frontAscii ?? frontText);
const frontName = `front-${createHash('sha256').update(frontCode).digest('hex').slice(0, 12)}`;
writeFileSync(path.join(outdir, `${frontName}.cjs`), frontCode);

// What bin/letter.js requires: a build that is up to date answered at once (cli/quick-build.ts),
// and otherwise the front script, loaded with its cache. CommonJS too: an ES module's import
// of node:fs makes Node build an ES facade of it, which loads its streams. The format table's
// writers, imported only to render, stay out of it.
await build({
  ...shared,
  stdin: {
    resolveDir: path.join(dist, 'core'),
    contents: [
      `const { quickBuild, writeAnswer } = require('../cli/quick-build.js');`,
      `exports.exit = require('../cli/process-exit.js').exitWhenWritten;`,
      `const path = require('node:path');`,
      // node:vm and the front script load only when the command line must run.
      `const front = () => require('./cached-script.js').requireCached(path.join(__dirname, '${frontName}.cjs'), path.join(__dirname, '${frontName}.cache'), (specifier) => import(specifier), ${JSON.stringify(frontAscii ? 'latin1' : 'utf8')}).exports;`,
      `exports.main = (argv, io) => {`,
      `  const answer = io ? undefined : quickBuild(argv, process.env, process.cwd());`,
      `  if (answer === undefined) return front().main(argv, io);`,
      `  writeAnswer(answer);`,
      `  return Promise.resolve(0);`,
      `};`,
    ].join('\n'),
  },
  format: 'cjs',
  define: asScript.define,
  banner: asScript.banner,
  outfile: path.join(outdir, 'main.cjs'),
  plugins: [{ name: 'writers-stay-out', setup: (b) => b.onResolve({ filter: /^\./ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined)) }],
});
writeFileSync(script, code);

// The repository as a project: its fonts/ and templates/ are the tool's own.
const { nodeWorld } = await import(pathToFileURL(path.join(dist, 'core', 'node-world.js')).href);
const world = nodeWorld(repo, {});

// The hashes of the tool's pinned faces, by fingerprint, so that a build need not hash them
// again (src/fonts/checked-faces.ts). Made before the warm-up, which then runs as builds will.
const { checkedFacesRecord, loadFontBook } = await import(pathToFileURL(path.join(dist, 'fonts', 'font-book.js')).href);
writeFileSync(path.join(outdir, 'checked-faces.json'), `${JSON.stringify(await checkedFacesRecord(world), null, 2)}\n`);

// What a DOCX writer makes the same way for nearly every letter: the Korean face with the
// KS X 1001 syllables, the Latin faces with Latin-1, obfuscated and deflated
// (src/render/docx/font-subsets.ts, src/core/prepared-parts.ts).
const { preparedFontParts } = await import(pathToFileURL(path.join(dist, 'render', 'docx', 'font-subsets.js')).href);
mkdirSync(path.join(outdir, 'prepared'));
for (const { key, bytes } of await preparedFontParts(await loadFontBook(world), ['en', 'ko'])) writeFileSync(path.join(outdir, 'prepared', key), bytes);
// And the built-in templates' sources, found as a build finds them, compiled (src/template/compiled-templates.ts).
const { loadTemplate } = await import(pathToFileURL(path.join(dist, 'template', 'template-files.js')).href);
const { precompile, precompiledKey } = await import(pathToFileURL(path.join(dist, 'template', 'compiled-templates.js')).href);
for (const name of readdirSync(path.join(repo, 'templates'))) {
  const template = await loadTemplate(world, name, { file: `templates/${name}` });
  for (const { text } of [...template.mains.values(), ...template.partials.values()]) writeFileSync(path.join(outdir, 'prepared', precompiledKey(text)), precompile(text));
}

// The warm-ups: the seed letter, every format, in real processes as a user runs them: a full
// build makes the render code's cache (under the V8 flags the CLI sets for rendering), then an
// up-to-date build the command line's (under none). Without a cache the CLI is only slower.
const out = mkdtempSync(path.join(tmpdir(), 'letter-warm-up-'));
try {
  for (const [cache, force] of [['render', ['--force']], ['front', []]]) {
    const run = spawnSync(process.execPath, [path.join(repo, 'bin', 'letter.js'), '-C', repo, 'build', 'nk-pows-2025', ...force, '--out', out, '--quiet'], {
      // Build stamps (src/build/build-stamp.ts) of their own, none found: the up-to-date build
      // must run the command line, not the answer given before it loads.
      env: { ...process.env, LETTER_CODE_CACHE: cache, XDG_CACHE_HOME: path.join(out, `cache-${cache}`) },
      encoding: 'utf8',
    });
    if (run.status !== 0) console.warn(`bundle-cli: a warm-up build failed, so the ${cache} script has no code cache:\n${run.stderr}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

/**
 * The script with the non-ASCII characters of its regular expressions written as \u escapes
 * (esbuild escapes those of strings and templates, not of regular expressions), so that all of
 * it is ASCII and the CLI reads it as a one-byte string: UTF-8 took 10 ms more of every build.
 * Undefined when anything else is not ASCII; the script is then read as UTF-8.
 */
function asciiOnly(code) {
  const file = ts.createSourceFile('render.cjs', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const spans = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) spans.push([node.getStart(file), node.end]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    const literal = code.slice(start, end);
    // A backslash before such a character (an identity escape) would change meaning.
    if (/\\[^\x00-\x7f]/.test(literal)) return undefined;
    out += code.slice(at, start) + literal.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    at = end;
  }
  out += code.slice(at);
  return /^[\x00-\x7f]*$/.test(out) ? out : undefined;
}
