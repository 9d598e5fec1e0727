import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { projectWithLetter, REPO } from '../helpers/project.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function seedProject() {
  const p = projectWithLetter();
  dispose = p.dispose;
  return { root: p.root, file: path.join(p.root, 'letters/nk-pows-2025/letter.yaml') };
}

const run = runCli;

describe('letter check', () => {
  it('passes the seed letter, strictly too', async () => {
    const p = seedProject();
    expect(await run(p.root, 'check', '--strict')).toMatchObject({ code: 0, stdout: 'checked: no problems\n' });
  });

  it('fails at the right line when the Korean body lost its last paragraph', async () => {
    const p = seedProject();
    const text = readFileSync(p.file, 'utf8');
    const last = text.indexOf('    또한 우리는');
    writeFileSync(p.file, text.slice(0, last - 1) + text.slice(text.indexOf('\n', last) + 1));
    const r = await run(p.root, 'check');
    expect(r.code).toBe(1);
    const englishLast = text.split('\n').findIndex((l) => l.startsWith('    We also note that')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^letters/nk-pows-2025/letter\\.yaml:${englishLast}:1: the English body has 12 paragraphs, the Korean body 11`, 'm'));
  });

  it('warns about a signatory without a Korean name, and fails on it under --strict', async () => {
    const p = seedProject();
    writeFileSync(p.file, readFileSync(p.file, 'utf8').replace('{en: No Chain, ko: 노체인}', '{en: No Chain}'));
    const loose = await run(p.root, 'check');
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/letter\.yaml:\d+:\d+: warning: no Korean name; the English one will print/);
    expect((await run(p.root, 'check', '--strict')).code).toBe(1);
    const json = JSON.parse((await run(p.root, 'check', '--json')).stdout) as { ok: boolean; findings: { severity: string; line: number }[] };
    expect(json.ok).toBe(true);
    expect(json.findings).toEqual([expect.objectContaining({ severity: 'warning', file: 'letters/nk-pows-2025/letter.yaml' })]);
  });
});

describe('letter build --check', () => {
  it('passes when out/ is current and names the letter once one word changed, writing nothing', async () => {
    const p = seedProject();
    expect((await run(p.root, 'build')).code).toBe(0);
    expect(await run(p.root, 'build', '--check')).toMatchObject({ code: 0, stdout: 'every artifact is current\n' });
    writeFileSync(p.file, readFileSync(p.file, 'utf8').replace('Thank you.', 'Thank you kindly.'));
    const before = readFileSync(path.join(p.root, 'out/nk-pows-2025/nk-pows-2025.en.pdf'));
    const r = await run(p.root, 'build', '--check');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^out\/nk-pows-2025\/nk-pows-2025\.en\.pdf: stale: letter `nk-pows-2025` changed since it was built/m);
    expect(r.stderr).not.toMatch(/nk-pows-2025\.ko\.pdf/);
    expect(readFileSync(path.join(p.root, 'out/nk-pows-2025/nk-pows-2025.en.pdf')).equals(before)).toBe(true);
  });
});

describe('reproducible release artifacts', () => {
  it('are byte-identical when built in separate processes in UTC and in Asia/Seoul, and SHA256SUMS verifies', () => {
    const p = seedProject();
    const build = (tz: string) => {
      execFileSync(process.execPath, [path.join(REPO, 'bin/letter.js'), '-C', p.root, 'build', '--force'], { env: { ...process.env, TZ: tz }, stdio: 'pipe' });
      return readFileSync(path.join(p.root, 'out/nk-pows-2025/SHA256SUMS'), 'utf8');
    };
    const utc = build('UTC');
    const seoul = build('Asia/Seoul');
    expect(seoul).toBe(utc);
    expect(utc.trim().split('\n')).toHaveLength(6);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: path.join(p.root, 'out/nk-pows-2025'), encoding: 'utf8' })).toMatch(/nk-pows-2025\.ko\.docx: OK/);
  });
});
