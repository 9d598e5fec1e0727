// The hostile corpus's machinery: how a case's letter is made (test/fixtures/hostile/<case>/
// case.json), how its project is rigged (symlinks, read-only or full disks, stale locks), and
// how a project folder is photographed so a failed build can be shown to have changed nothing.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './project.js';
import { SEED } from './seed.js';

export interface HostileCase {
  about: string;
  letter: { text?: string; from?: 'seed'; generate?: string; replace?: [string, string][]; truncate?: string; prepend?: string; append?: string };
  argv?: string[];
  setup?: string;
  templateLine?: string;
  run?: 'interrupt' | 'interrupt-waiting' | 'concurrent';
}

const SEED_TEXT = readFileSync(path.join(REPO, 'letters', SEED, 'letter.yaml'), 'utf8');
export const LETTER = `letters/${SEED}/letter.yaml`;
export const OUT = `out/${SEED}`;

/** A small deterministic generator, so "random" garbage is the same bytes every run. */
function bytesFrom(seed: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const GENERATORS: Record<string, () => Uint8Array | string> = {
  'alias-bomb': () => {
    let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    return text;
  },
  'deep-brackets': () => `template: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
  huge: () => `${SEED_TEXT}\n# ${'x'.repeat(2 * 1024 * 1024)}\n`,
  binary: () => bytesFrom(0x1e77e2, 4096),
  'invalid-utf8': () => Buffer.concat([Buffer.from(SEED_TEXT.slice(0, 400)), Buffer.from([0xc3, 0x28]), Buffer.from(SEED_TEXT.slice(400))]),
  'cesu-surrogate': () => Buffer.concat([Buffer.from(SEED_TEXT.slice(0, 300)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(SEED_TEXT.slice(300))]),
  'long-word': () => SEED_TEXT.replace('In your people’s valiant struggle', `In your ${'x'.repeat(20_000)} valiant struggle`),
  'long-url': () => SEED_TEXT.replace('In your people’s valiant struggle', `See [https://example.org/${'a'.repeat(5_000)}](https://example.org/${'a'.repeat(5_000)}) in your valiant struggle`),
};

export function letterBytes(c: HostileCase): Uint8Array | string {
  const l = c.letter;
  if (l.text !== undefined) return l.text;
  if (l.generate) return GENERATORS[l.generate]!();
  let text = SEED_TEXT;
  for (const [from, to] of l.replace ?? []) {
    if (!text.includes(from)) throw new Error(`case recipe: \`${from}\` is not in the seed letter`);
    text = text.replace(from, to);
  }
  if (l.truncate) text = text.slice(0, text.indexOf(l.truncate) + l.truncate.length);
  return `${l.prepend ?? ''}${text}${l.append ?? ''}`;
}

/** Rigs the project for a case; returns what must be undone afterwards. */
export function rig(c: HostileCase, root: string, outside: string): () => void {
  const builtIn = path.join(REPO, 'templates', 'joint-letter');
  switch (c.setup) {
    case undefined:
      return () => undefined;
    case 'template-symlink-outside':
      cpSync(builtIn, path.join(outside, 'borrowed'), { recursive: true });
      symlinkSync(path.join(outside, 'borrowed'), path.join(root, 'templates', 'borrowed'));
      return () => undefined;
    case 'partial-symlink-outside':
      cpSync(builtIn, path.join(root, 'templates', 'local'), { recursive: true });
      writeFileSync(path.join(outside, 'secret.hbs'), 'secret');
      rmSync(path.join(root, 'templates', 'local', 'partials', 'recipient.hbs'));
      symlinkSync(path.join(outside, 'secret.hbs'), path.join(root, 'templates', 'local', 'partials', 'recipient.hbs'));
      return () => undefined;
    case 'template-line': {
      cpSync(builtIn, path.join(root, 'templates', 'local'), { recursive: true });
      const main = path.join(root, 'templates', 'local', 'letter.hbs');
      writeFileSync(main, `${readFileSync(main, 'utf8')}${c.templateLine}\n`);
      return () => undefined;
    }
    case 'out-symlink-outside':
      renameSync(path.join(root, 'out'), path.join(outside, 'out'));
      symlinkSync(path.join(outside, 'out'), path.join(root, 'out'));
      return () => undefined;
    case 'artifact-symlink': {
      writeFileSync(path.join(outside, 'victim.pdf'), 'not to be overwritten');
      const artifact = path.join(root, OUT, `${SEED}.en.pdf`);
      rmSync(artifact);
      symlinkSync(path.join(outside, 'victim.pdf'), artifact);
      return () => undefined;
    }
    case 'read-only-folder':
      return readOnly(path.join(root, OUT));
    case 'full-disk':
      return fullDisk(path.join(root, OUT));
    case 'font-file-outside':
      writeFileSync(path.join(outside, 'borrowed.ttf'), readFileSync(path.join(REPO, 'node_modules', 'source-serif', 'TTF', 'SourceSerif4-Regular.ttf')));
      projectFonts(root, (regular) => ({ ...regular, file: '../outside/borrowed.ttf' }));
      return () => undefined;
    case 'corrupt-font': {
      const junk = bytesFrom(0xf0e7, 20_000);
      mkdirSync(path.join(root, 'fonts'), { recursive: true });
      writeFileSync(path.join(root, 'fonts', 'junk.ttf'), junk);
      projectFonts(root, () => ({ file: 'fonts/junk.ttf', sha256: createHash('sha256').update(junk).digest('hex') }));
      return () => undefined;
    }
    case 'stale-lock': {
      // The pid of a process that has certainly ended.
      const dead = spawnSync(process.execPath, ['-e', '0']).pid;
      writeFileSync(path.join(root, OUT, '.letter.lock'), `${JSON.stringify({ pid: dead, host: hostname(), since: '2025-03-11T00:00:00.000Z' })}\n`);
      return () => undefined;
    }
    default:
      throw new Error(`unknown setup ${c.setup}`);
  }
}

/** A project copy of the tool's fonts.json whose Source Serif 4 regular face is `change`d. */
function projectFonts(root: string, change: (face: { file: string; sha256: string }) => { file: string; sha256: string }): void {
  const config = JSON.parse(readFileSync(path.join(REPO, 'fonts', 'fonts.json'), 'utf8')) as { families: Record<string, Record<string, { file: string; sha256: string }>> };
  const serif = config.families['Source Serif 4']!;
  serif.regular = change(serif.regular!);
  mkdirSync(path.join(root, 'fonts'), { recursive: true });
  writeFileSync(path.join(root, 'fonts', 'fonts.json'), JSON.stringify(config, null, 2));
}

const isRoot = process.getuid?.() === 0;

/** Root ignores permission bits, so a read-only bind mount stands in for a read-only disk. */
function readOnly(dir: string): () => void {
  if (!isRoot) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  execFileSync('mount', ['--bind', dir, dir]);
  execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
  return () => execFileSync('umount', [dir]);
}

/** A tmpfs just big enough for what the folder holds: the next PDF does not fit. */
function fullDisk(dir: string): () => void {
  const keep = mkdtempSync(path.join(tmpdir(), 'letter-full-'));
  cpSync(dir, keep, { recursive: true });
  const used = readdirSync(keep).reduce((sum, f) => sum + Math.ceil(lstatSync(path.join(keep, f)).size / 4096) * 4096, 0);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${used + 16 * 1024}`, 'tmpfs', dir]);
  cpSync(keep, dir, { recursive: true });
  rmSync(keep, { recursive: true, force: true });
  return () => {
    const after = mkdtempSync(path.join(tmpdir(), 'letter-full-'));
    cpSync(dir, after, { recursive: true });
    execFileSync('umount', [dir]);
    cpSync(after, dir, { recursive: true });
    rmSync(after, { recursive: true, force: true });
  };
}

/** Full-disk cases need a tmpfs, which only root can mount. */
export const canMount = isRoot;

export type Snapshot = Map<string, string>;

/** Every entry under `dir`: a file by its SHA-256, a symlink by its target, a folder as such. */
export function snapshot(dir: string, rel = ''): Snapshot {
  const shot: Snapshot = new Map();
  let entries: string[];
  try {
    entries = readdirSync(path.join(dir, rel)).sort();
  } catch {
    return shot;
  }
  for (const name of entries) {
    const r = path.join(rel, name);
    const st = lstatSync(path.join(dir, r));
    if (st.isSymbolicLink()) shot.set(r, `link → ${readlinkSync(path.join(dir, r))}`);
    else if (st.isDirectory()) {
      shot.set(r, 'folder');
      for (const [k, v] of snapshot(dir, r)) shot.set(k, v);
    } else shot.set(r, createHash('sha256').update(readFileSync(path.join(dir, r))).digest('hex'));
  }
  return shot;
}

/** What a build must never leave behind. */
export function leftovers(shot: Snapshot): string[] {
  return [...shot.keys()].filter((k) => /\.tmp-\d+$|\.letter\.lock|\.stale-\d+$/.test(k));
}
