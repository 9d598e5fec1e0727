// Build stamps: a folder published from settled inputs is stamped with the versions of its
// inputs and files, and the stamp stops holding when any of them, or what is asked, changes.

import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { stampFile, stampHolds, type StampRequest } from '../../src/build/build-stamp.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { fixture, REPO, tempProject } from '../helpers/project.js';

const disposals: (() => void)[] = [];
afterEach(() => disposals.splice(0).forEach((d) => d()));

function project(): string {
  const p = tempProject();
  disposals.push(p.dispose);
  env = { XDG_CACHE_HOME: path.join(p.root, '.cache') };
  cpSync(path.join(fixture('minimal'), 'letters'), path.join(p.root, 'letters'), { recursive: true });
  return p.root;
}

/** A clock far enough ahead that every file of the project has settled. */
const later = () => new Date(Date.now() + 60_000);
const html: StampRequest = { formats: ['html'], languages: null, allowBidi: false, epoch: '' };
/** Stamps go to a cache folder of the test's own. */
let env: Record<string, string>;
const holds = (folder: string, request: StampRequest) => stampHolds(stampFile(folder, env), folder, request);

async function stampedProject(): Promise<{ root: string; folder: string }> {
  const root = project();
  await build(nodeWorld(root, env, later), { formats: ['html'] });
  return { root, folder: path.join(root, 'out', 'minimal') };
}

/** Rewrites a file with a byte more, and another modification time, as an editor saving it would. */
function edit(file: string): void {
  appendFileSync(file, '\n');
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
}

describe('build stamps', () => {
  it('stamp a published folder, and hold for the same request while nothing changes', async () => {
    const { root, folder } = await stampedProject();
    expect(existsSync(stampFile(folder, env)!)).toBe(true);
    expect(holds(folder, html)).toBe(true);
    const again = await build(nodeWorld(root, env, later), { formats: ['html'] });
    expect(again.letters.map((l) => l.upToDate)).toEqual([true]);
  });

  it('stop holding for another request or SOURCE_DATE_EPOCH', async () => {
    const { folder } = await stampedProject();
    expect(holds(folder, { ...html, formats: ['pdf'] })).toBe(false);
    expect(holds(folder, { ...html, languages: ['en'] })).toBe(false);
    expect(holds(folder, { ...html, allowBidi: true })).toBe(false);
    expect(holds(folder, { ...html, epoch: '0' })).toBe(false);
  });

  it('stop holding when the letter, an artifact or the manifest changes', async () => {
    for (const file of ['letters/minimal/letter.yaml', 'out/minimal/minimal.en.html', 'out/minimal/manifest.json']) {
      const { root, folder } = await stampedProject();
      edit(path.join(root, file));
      expect(holds(folder, html), file).toBe(false);
    }
  });

  it('stop holding when a template or font configuration of the project’s own appears', async () => {
    const { root, folder } = await stampedProject();
    mkdirSync(path.join(root, 'fonts'));
    writeFileSync(path.join(root, 'fonts', 'fonts.json'), readFileSync(path.join(REPO, 'fonts', 'fonts.json')));
    expect(holds(folder, html)).toBe(false);
    const second = await stampedProject();
    cpSync(path.join(REPO, 'templates', 'joint-letter'), path.join(second.root, 'templates', 'joint-letter'), { recursive: true });
    expect(holds(second.folder, html)).toBe(false);
  });

  it('are kept in the cache folder, never in the project, and not at all without a cache folder', async () => {
    const { root, folder } = await stampedProject();
    expect(stampFile(folder, env)!.startsWith(env.XDG_CACHE_HOME!)).toBe(true);
    expect(readdirSync(folder).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(stampFile(folder, { HOME: '/home/a' })).toMatch(/^\/home\/a\/\.cache\/letter\/stamps\/[0-9a-f]{16}\.json$/);
    expect(stampFile(folder, {})).toBeUndefined();
    expect(stampFile(path.join(root, 'out', 'other'), env)).not.toBe(stampFile(folder, env));
  });

  it('stop holding when the project’s template gains a file', async () => {
    const root = project();
    cpSync(path.join(REPO, 'templates', 'joint-letter'), path.join(root, 'templates', 'joint-letter'), { recursive: true });
    await build(nodeWorld(root, env, later), { formats: ['html'] });
    const folder = path.join(root, 'out', 'minimal');
    expect(holds(folder, html)).toBe(true);
    writeFileSync(path.join(root, 'templates', 'joint-letter', 'partials', 'extra.hbs'), 'x');
    expect(holds(folder, html)).toBe(false);
  });

  it('are not written from inputs changed just before the build, nor trusted when malformed', async () => {
    const root = project();
    await build(nodeWorld(root, env), { formats: ['html'] });
    const folder = path.join(root, 'out', 'minimal');
    expect(existsSync(path.join(folder, 'manifest.json'))).toBe(true);
    expect(existsSync(stampFile(folder, env)!)).toBe(false);
    mkdirSync(path.dirname(stampFile(folder, env)!), { recursive: true });
    for (const text of ['{', '{}', JSON.stringify({ tool: 'x', request: html, folder, seen: {} })]) {
      writeFileSync(stampFile(folder, env)!, text);
      expect(holds(folder, html)).toBe(false);
    }
  });
});
