// The bin ends its process at once after a command, but never before its output is written:
// a reader that takes its time still gets every line, and the exit code is the command's.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { projectWithLetter, REPO } from '../helpers/project.js';

const BIN = path.join(REPO, 'bin', 'letter.js');

/** Runs the bin with stdout and stderr read only after `delay` ms, as a slow pipe would. */
function slowlyRead(argv: string[], delay: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause();
    child.stderr.pause();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    setTimeout(() => {
      child.stdout.resume();
      child.stderr.resume();
    }, delay);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the bin’s exit', () => {
  it('writes all of a long output to a slow reader, then exits with the command’s code', async () => {
    const project = projectWithLetter();
    try {
      // Enough signatories that the list outgrows a pipe's buffer many times over.
      const file = 'letters/nk-pows-2025/letter.yaml';
      const letter = parse(readFileSync(path.join(project.root, file), 'utf8'));
      const before = letter.signatories.list.length;
      for (let i = 0; i < 1500; i++) letter.signatories.list.push({ kind: 'individual', name: { en: `Signer ${i}`, ko: `서명인 ${i}` }, joined: '2025-03-12' });
      project.write(file, stringify(letter, { lineWidth: 0 }));
      const listed = await slowlyRead(['-C', project.root, 'signatories', 'list', 'nk-pows-2025', '--json'], 300);
      expect(listed.code).toBe(0);
      expect(listed.stdout.length).toBeGreaterThan(150_000);
      expect(JSON.parse(listed.stdout)).toHaveLength(before + 1500);
      const failed = await slowlyRead(['-C', project.root, 'build', 'no-such-letter'], 300);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/no letter `no-such-letter`[\s\S]*nothing was written\n$/);
    } finally {
      project.dispose();
    }
  });
});
