// The hostile corpus: every case under test/fixtures/hostile/ runs `letter` against a copy of a
// project that has already been built. Its exit code and messages must match the reviewed
// golden expected.txt (UPDATE=1 writes it); no stack trace may appear; a failed build must
// leave every earlier artifact byte for byte and the project otherwise untouched; and no temp
// file or lock may be left anywhere. Signals and concurrent builds run real processes.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLetters } from '../../src/build/build-letters.js';
import { sha256 } from '../../src/build/artifacts.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { runCli } from '../helpers/cli.js';
import { canMount, leftovers, LETTER, letterBytes, OUT, rig, snapshot, type HostileCase } from '../helpers/hostile.js';
import { FIXTURES, projectWithLetter, REPO } from '../helpers/project.js';
import { SEED } from '../helpers/seed.js';

const CORPUS = path.join(FIXTURES, 'hostile');
const cases = readdirSync(CORPUS).sort().map((name) => ({ name, c: JSON.parse(readFileSync(path.join(CORPUS, name, 'case.json'), 'utf8')) as HostileCase }));

let base: ReturnType<typeof projectWithLetter>;
beforeAll(async () => {
  base = projectWithLetter(SEED);
  expect((await runCli(base.root, 'build')).code).toBe(0);
});
afterAll(() => base?.dispose());

interface Outcome {
  codes: number[];
  stderr: string;
}

describe('the hostile corpus', () => {
  it('has at least 25 cases, each with a reviewed expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    if (!process.env.UPDATE) for (const { name } of cases) expect(existsSync(path.join(CORPUS, name, 'expected.txt')), name).toBe(true);
  });

  // A full disk is a tmpfs, which only root can mount; CI runs as root, so CI always runs it.
  if (!canMount) it.skip('full-disk (needs root to mount a tmpfs)', () => undefined);

  it.each(cases.filter(({ c }) => c.setup !== 'full-disk' || canMount))('$name', async ({ name, c }) => {
    const work = mkdtempSync(path.join(tmpdir(), `letter-hostile-${name}-`));
    const root = path.join(work, 'project');
    const outside = path.join(work, 'outside');
    mkdirSync(outside);
    cpSync(base.root, root, { recursive: true, verbatimSymlinks: true });
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, LETTER), letterBytes(c));
    const undo = rig(c, root, outside);
    const before = { project: snapshot(root), outside: snapshot(outside) };
    let outcome: Outcome;
    try {
      outcome = await run(c, root);
    } finally {
      undo();
    }
    const after = { project: snapshot(root), outside: snapshot(outside) };
    try {
      const text = `exit ${outcome.codes.join(' ')}\n${normalize(outcome.stderr, work)}`;
      const golden = path.join(CORPUS, name, 'expected.txt');
      if (process.env.UPDATE) writeFileSync(golden, text);
      expect(text).toBe(readFileSync(golden, 'utf8'));
      expect(outcome.stderr).not.toMatch(/^\s+at /m);
      expect(leftovers(after.project)).toEqual([]);
      // Whatever a case does, nothing outside the project is ever written.
      expect(after.outside).toEqual(before.outside);
      if (c.run === 'interrupt') await expectWholeArtifacts(root, before.project);
      else if (outcome.codes.some((code) => code !== 0)) expect(after.project).toEqual(before.project);
      else await expectConsistent(root);
      if (c.setup === 'artifact-symlink') expect(lstatSync(path.join(root, OUT, `${SEED}.en.pdf`)).isFile()).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

async function run(c: HostileCase, root: string): Promise<Outcome> {
  const argv = c.argv ?? ['build', '--force'];
  if (c.run === 'concurrent') {
    const [a, b] = await Promise.all([spawnLetter(root, argv), spawnLetter(root, argv)]);
    // Which of the two waits is a matter of timing; only the outcome is golden.
    return { codes: [a.code, b.code], stderr: [a.stderr, b.stderr].join('').replace(/^waiting for another build.*\n/gm, '') };
  }
  if (c.run === 'interrupt') {
    // Ctrl-C as soon as the build holds the folder, that is, while it writes. A build that
    // finished first was too quick to catch: try again.
    for (let attempt = 0; ; attempt++) {
      const r = await spawnLetter(root, argv, { when: () => existsSync(path.join(root, OUT, '.letter.lock')), signal: 'SIGINT' });
      if (r.code !== 0 || attempt === 4) return { codes: [r.code], stderr: r.stderr };
    }
  }
  if (c.run === 'interrupt-waiting') {
    // Another build (this test process) holds the folder; the build waits and is told to stop.
    const lock = path.join(root, OUT, '.letter.lock');
    writeFileSync(lock, `${JSON.stringify({ pid: process.pid, host: hostname(), since: '2025-03-11T00:00:00.000Z' })}\n`);
    let r: Awaited<ReturnType<typeof spawnLetter>>;
    try {
      r = await spawnLetter(root, argv, { when: (stderr) => stderr.includes('waiting for another build'), signal: 'SIGTERM' });
      expect(existsSync(lock)).toBe(true);
    } finally {
      rmSync(lock, { force: true });
    }
    return { codes: [r.code], stderr: r.stderr };
  }
  const r = await runCli(root, ...argv);
  return { codes: [r.code], stderr: r.stderr };
}

/** `letter` as a real process; `trigger.when` is polled and, once true, the signal is sent. */
function spawnLetter(root: string, argv: string[], trigger?: { when: (stderr: string) => boolean; signal: NodeJS.Signals }): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'letter.js'), ...argv], { cwd: root, env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = trigger && setInterval(() => {
      if (trigger.when(stderr)) {
        clearInterval(poll);
        child.kill(trigger.signal);
      }
    }, 1);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 143), stderr });
    });
  });
}

/** After a successful build, SHA256SUMS describes exactly the files beside it. */
async function expectConsistent(root: string): Promise<void> {
  const dir = path.join(root, OUT);
  const sums = readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n');
  for (const line of sums) {
    const [hash, name] = line.split(/\s+/);
    expect(lstatSync(path.join(dir, name!)).isFile()).toBe(true);
    expect(sha256(readFileSync(path.join(dir, name!))), name).toBe(hash);
  }
}

/** Interrupted midway: each artifact is the old file or the new one, never a torn mix. */
async function expectWholeArtifacts(root: string, before: Map<string, string>): Promise<void> {
  const fresh = await renderLetters(nodeWorld(root, {}), { ids: [SEED], force: true });
  for (const a of fresh[0]!.artifacts) {
    const rel = path.join(OUT, a.name);
    const now = sha256(readFileSync(path.join(root, rel)));
    expect([before.get(rel), a.sha256], rel).toContain(now);
  }
}

function normalize(stderr: string, work: string): string {
  return stderr
    .split(work)
    .join('<work>')
    .replace(/pid \d+ on [^,]+, since [^)]+/g, 'pid <pid> on <host>, since <time>')
    .replace(/\(pid \d+\)/g, '(pid <pid>)');
}
