import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { requireCached, wrapAsModule } from '../../src/core/cached-script.js';
import { REPO, tempProject } from '../helpers/project.js';

const dir = tempProject();
afterAll(() => dir.dispose());

/** Runs `body` in a fresh node process (V8 keeps compiled scripts in memory) and returns what it prints. */
function inFreshProcess(body: string): string {
  const load = `const { requireCached } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'dist', 'core', 'cached-script.js')).href)});`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', load + body], { encoding: 'utf8' }).trim();
}

describe('requireCached', () => {
  const file = path.join(dir.root, 'module.cjs');
  dir.write('module.cjs', wrapAsModule('exports.twice = (x) => x * 2;\nexports.where = () => [__filename, __dirname, typeof require("./helper.cjs")];\nexports.load = (s) => __letterImport(s);\n'));
  dir.write('helper.cjs', 'module.exports = () => 1;\n');

  it('runs a CommonJS file as Node would, with the importer it is given', async () => {
    const loaded = requireCached<{ twice(x: number): number; where(): string[]; load(s: string): Promise<{ sep: string }> }>(file, path.join(dir.root, 'none.cache'), (s) => import(s));
    expect(loaded.cached).toBe(false);
    expect(loaded.exports.twice(21)).toBe(42);
    expect(loaded.exports.where()).toEqual([file, dir.root, 'function']);
    expect((await loaded.exports.load('node:path')).sep).toBe('/');
  });

  it('takes a cache it made, in another process', () => {
    const cache = path.join(dir.root, 'module.cache');
    writeFileSync(cache, requireCached(file, path.join(dir.root, 'none.cache'), (s) => import(s)).cacheData());
    const out = inFreshProcess(`const m = requireCached(${JSON.stringify(file)}, ${JSON.stringify(cache)}, (s) => import(s)); console.log(m.cached, m.exports.twice(2));`);
    expect(out).toBe('true 4');
  });

  it('compiles as usual when V8 refuses the cache', () => {
    dir.write('garbage.cache', 'not a code cache');
    const out = inFreshProcess(`const m = requireCached(${JSON.stringify(file)}, ${JSON.stringify(path.join(dir.root, 'garbage.cache'))}, (s) => import(s)); console.log(m.cached, m.exports.twice(2));`);
    expect(out).toBe('false 4');
  });

  it("the CLI bundle's render code has a cache made under the CLI's V8 flags", () => {
    // The test setup ran scripts/bundle-cli.mjs, whose warm-up build writes the cache.
    const bundle = path.join(REPO, 'dist', 'bundle');
    const names = readdirSync(bundle).filter((n) => /^render-[0-9a-f]{12}\.(cjs|cache)$/.test(n)).sort();
    expect(names.map((n) => path.extname(n))).toEqual(['.cache', '.cjs']);
    const [cache, script] = names.map((n) => path.join(bundle, n));
    const tune = `const { claimShortProcess, tuneShortProcess } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'dist', 'core', 'short-process.js')).href)}); claimShortProcess(); tuneShortProcess();`;
    const out = inFreshProcess(`${tune} const m = requireCached(${JSON.stringify(script)}, ${JSON.stringify(cache)}, (s) => import(s)); console.log(m.cached, typeof m.exports.renderLetterAnew);`);
    expect(out).toBe('true function');
  });
});
