// The World on a real machine: regular files read whole, a pipe read without blocking the
// process while it waits for its writer, paths that leave the project refused, missing files
// reported as the input's fault.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, LetterError } from '../../src/core/diagnostics.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { REPO } from '../helpers/project.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'letter-world-'));
  mkdirSync(path.join(root, 'letters'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('nodeWorld', () => {
  it('reads a regular file whole, and an empty one as empty', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    writeFileSync(path.join(root, 'letters', 'big.bin'), big);
    writeFileSync(path.join(root, 'letters', 'empty.txt'), '');
    const world = nodeWorld(root);
    expect(Buffer.compare(Buffer.from(await world.readFile('letters/big.bin')), big)).toBe(0);
    expect((await world.readFile('letters/empty.txt')).byteLength).toBe(0);
  });

  it('reads a pipe while the process goes on: its writer comes later, from the same process', () => {
    const fifo = path.join(root, 'letters', 'letter.yaml');
    execFileSync('mkfifo', [fifo]);
    // In a process of its own (the compiled World the test setup built), with a time limit:
    // a World that opened the pipe synchronously would block that process for good, and the
    // timer that writes would never fire.
    const script = [
      `import { nodeWorld } from ${JSON.stringify(pathToFileURL(path.join(REPO, 'dist', 'core', 'node-world.js')).href)};`,
      `import { writeFile } from 'node:fs/promises';`,
      `const read = nodeWorld(${JSON.stringify(root)}).readFile('letters/letter.yaml');`,
      `setTimeout(() => void writeFile(${JSON.stringify(fifo)}, 'title: piped\\n'), 20);`,
      `process.stdout.write(Buffer.from(await read).toString());`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000 });
    expect(run.error, 'the read never ended').toBeUndefined();
    expect(run.stdout).toBe('title: piped\n');
  });

  it('refuses a path that a symlink leads outside the project, and reports a missing file as the input’s fault', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'letter-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.txt'), 'secret');
      symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'letters', 'link.txt'));
      const world = nodeWorld(root);
      await expect(world.readFile('letters/link.txt')).rejects.toThrow(/outside the project/);
      const missing = await world.readFile('letters/none.yaml').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(LetterError);
      expect((missing as LetterError).exitCode).toBe(ExitCode.input);
      expect(await world.exists('letters/none.yaml')).toBe(false);
      expect((await world.list('letters')).map((e) => e.name)).toEqual(['link.txt']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
