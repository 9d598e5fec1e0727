import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';
import { fixture, projectWithLetter, REPO, tempProject } from '../helpers/project.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function project() {
  const p = tempProject();
  dispose = p.dispose;
  cpSync(path.join(fixture('minimal'), 'letters'), path.join(p.root, 'letters'), { recursive: true });
  return p;
}

const run = runCli;

describe('letter (CLI)', () => {
  it('builds every letter into out/<id>/ and exits 0', async () => {
    const p = project();
    const r = await run(p.root, 'build');
    expect(r.code).toBe(0);
    for (const name of ['minimal.en.pdf', 'minimal.ko.pdf', 'minimal.en.docx', 'minimal.ko.docx', 'minimal.en.html', 'minimal.ko.html', 'SHA256SUMS', 'manifest.json']) {
      expect(existsSync(path.join(p.root, 'out/minimal', name)), name).toBe(true);
    }
    expect(r.stdout).toContain('wrote out/minimal/minimal.ko.pdf');
    const sums = readFileSync(path.join(p.root, 'out/minimal/SHA256SUMS'), 'utf8');
    expect(sums.trim().split('\n')).toHaveLength(6);
    expect(sums).toMatch(/^[0-9a-f]{64} {2}minimal\.en\.pdf$/m);
  });

  it('writes into the folder --out names, even outside the project, and checks against it', async () => {
    const p = project();
    const elsewhere = tempProject();
    try {
      const r = await run(p.root, 'build', '--format', 'pdf', '--out', elsewhere.root);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`wrote ${elsewhere.root}/minimal/minimal.en.pdf`);
      expect(existsSync(path.join(elsewhere.root, 'minimal', 'SHA256SUMS'))).toBe(true);
      expect(existsSync(path.join(p.root, 'out'))).toBe(false);
      expect((await run(p.root, 'build', '--format', 'pdf', '--out', elsewhere.root)).stdout).toBe(`${elsewhere.root}/minimal is up to date\n1 letter up to date\n`);
      expect((await run(p.root, 'build', '--check', '--format', 'pdf', '--out', elsewhere.root)).code).toBe(0);
      expect((await run(p.root, 'build', '--check', '--format', 'pdf')).code).toBe(1);
    } finally {
      elsewhere.dispose();
    }
  });

  it('exits 1 with file:line:col diagnostics and leaves earlier artifacts untouched', async () => {
    const p = project();
    expect((await run(p.root, 'build', '--format', 'pdf')).code).toBe(0);
    const pdf = path.join(p.root, 'out/minimal/minimal.en.pdf');
    const before = readFileSync(pdf);
    const file = path.join(p.root, 'letters/minimal/letter.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2025-03-11', 'date: 11 March 2025'));
    const r = await run(p.root, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^letters\/minimal\/letter\.yaml:3:7: expected a date written YYYY-MM-DD/m);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace for bad input
    expect(readFileSync(pdf).equals(before)).toBe(true);
    expect(existsSync(path.join(p.root, 'out/minimal/minimal.en.docx'))).toBe(false);
  });

  it('exits 1 naming an unknown letter, with a suggestion', async () => {
    const p = project();
    const r = await run(p.root, 'build', 'minimall');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('letters/minimall/letter.yaml: no letter `minimall`\n  hint: did you mean `minimal`?');
  });

  it('exits 2 on a usage error and 0 on --help', async () => {
    const p = project();
    expect((await run(p.root, 'build', '--bogus')).code).toBe(2);
    expect((await run(p.root, 'frobnicate')).code).toBe(2);
    const help = await run(p.root, 'build', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('letter build nk-pows-2025');
  });

  it('lists every command with examples in `letter --help`, and each command’s own help has examples', async () => {
    const p = project();
    const help = await run(p.root, '--help');
    expect(help.code).toBe(0);
    const commands = help.stdout.slice(help.stdout.indexOf('Commands:'), help.stdout.indexOf('Examples:'));
    for (const command of ['init <id>', 'build [options] [id...]', 'check [options] [id...]', 'signatories', 'schema']) expect(commands).toContain(`  ${command}`);
    expect(help.stdout).toContain('letter init demo-letter');
    for (const command of [['init'], ['build'], ['check'], ['signatories'], ['signatories', 'add'], ['signatories', 'import'], ['signatories', 'list'], ['schema']]) {
      expect((await run(p.root, ...command, '--help')).stdout, command.join(' ')).toMatch(/Examples?:\n  letter /);
    }
  });

  it('keeps the formats a filtered build did not touch in SHA256SUMS and the manifest', async () => {
    const p = project();
    await run(p.root, 'build', '--format', 'pdf');
    await run(p.root, 'build', '--format', 'html', '--lang', 'ko');
    const sums = readFileSync(path.join(p.root, 'out/minimal/SHA256SUMS'), 'utf8');
    expect(sums.trim().split('\n').map((l) => l.split('  ')[1])).toEqual(['minimal.en.pdf', 'minimal.ko.html', 'minimal.ko.pdf']);
    writeFileSync(path.join(p.root, 'out/minimal/minimal.en.pdf'), 'changed by hand');
    await run(p.root, 'build', '--format', 'html', '--lang', 'ko', '--force');
    expect(readFileSync(path.join(p.root, 'out/minimal/SHA256SUMS'), 'utf8')).not.toContain('minimal.en.pdf');
  });

  it('prints only problems and the summary in CI', async () => {
    const p = project();
    let stdout = '';
    const code = await main(['build'], { cwd: p.root, env: { CI: 'true' }, stdout: (t) => (stdout += t), stderr: () => undefined });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^built 1 letter: 6 files, \d+ KB, in \d+\.\d s\n$/);
  });

  it('builds only the formats and languages asked for', async () => {
    const p = project();
    const r = await run(p.root, 'build', 'minimal', '--format', 'pdf', '--lang', 'ko');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^wrote out\/minimal\/minimal\.ko\.pdf \(\d+ KB, \d+\.\d\d s\)$/), expect.stringMatching(/^built 1 letter: 1 file, \d+ KB, in \d+\.\d s$/)]);
    expect((await run(p.root, 'build', '--format', 'odt')).stderr).toContain('unknown format `odt`');
  });

  it('takes a repeated --format or --lang as one list, each named once', async () => {
    const p = project();
    const r = await run(p.root, 'build', 'minimal', '--format', 'pdf', '--format', 'docx,pdf', '--lang', 'ko', '--json');
    expect(r.code).toBe(0);
    const files = JSON.parse(r.stdout).letters[0].files.map((f: { path: string }) => path.basename(f.path)).sort();
    expect(files).toEqual(['minimal.ko.docx', 'minimal.ko.pdf']);
  });

  it('refuses a character no font has in the seed letter’s body, naming its line, writing nothing', async () => {
    const p = projectWithLetter();
    dispose = p.dispose;
    const file = path.join(p.root, 'letters/nk-pows-2025/letter.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('We also note that over 34,000'));
    lines[at] = lines[at]!.replace('34,000', '34,000 𓀀');
    writeFileSync(file, lines.join('\n'));
    const r = await run(p.root, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^letters/nk-pows-2025/letter\\.yaml:${at + 1}:\\d+: no font has "𓀀" \\(U\\+13000\\)`, 'm'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(p.root, 'out'))).toBe(false);
  });

  it('sets a word longer than a line (a 20,000-letter string) with a located warning, and exits 0', async () => {
    const p = project();
    const file = path.join(p.root, 'letters/minimal/letter.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Second paragraph:', `See https://example.org/${'x'.repeat(20000)} and`));
    const r = await run(p.root, 'build', '--format', 'pdf', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^letters\/minimal\/letter\.yaml:16:5: warning: `https:\/\/example\.org\/x+…` is wider than the line and was broken between letters/m);
    expect(existsSync(path.join(p.root, 'out/minimal/minimal.en.pdf'))).toBe(true);
  });

  it('skips a letter whose inputs are unchanged, rewriting nothing, until --force or a change', async () => {
    const p = project();
    expect((await run(p.root, 'build')).code).toBe(0);
    const pdf = path.join(p.root, 'out/minimal/minimal.ko.pdf');
    const stamp = statSync(pdf).mtimeMs;
    const again = await run(p.root, 'build');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('out/minimal is up to date\n1 letter up to date\n');
    expect(statSync(pdf).mtimeMs).toBe(stamp);
    expect((await run(p.root, 'build', '--force')).stdout).toContain('wrote out/minimal/minimal.ko.pdf');
    // A damaged artifact is not up to date.
    writeFileSync(pdf, 'torn');
    expect((await run(p.root, 'build')).stdout).toContain('wrote out/minimal/minimal.ko.pdf');
    // Nor is a changed letter.
    const file = path.join(p.root, 'letters/minimal/letter.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Thank you.', 'Thank you very much.'));
    expect((await run(p.root, 'build')).stdout).toContain('wrote out/minimal/minimal.en.pdf');
  });

  it('tells an up-to-date letter from its files alone, and sees every input change', async () => {
    const p = project();
    const build = async (...args: string[]) => (await run(p.root, 'build', '--format', 'pdf', '--lang', 'en', ...args)).stdout;
    const rebuilt = 'wrote out/minimal/minimal.en.pdf';
    expect(await build()).toContain(rebuilt);
    expect(await build()).toContain('is up to date');
    // The project's own copy of the template replaces the built-in one.
    cpSync(path.join(REPO, 'templates/joint-letter'), path.join(p.root, 'templates/joint-letter'), { recursive: true });
    expect(await build()).toContain(rebuilt);
    expect(await build()).toContain('is up to date');
    // A change to one of its files, or a file added to it.
    const partial = path.join(p.root, 'templates/joint-letter/partials/recipient.hbs');
    writeFileSync(partial, `${readFileSync(partial, 'utf8')}\n`);
    expect(await build()).toContain(rebuilt);
    writeFileSync(path.join(p.root, 'templates/joint-letter/partials/extra.hbs'), 'unused');
    expect(await build()).toContain(rebuilt);
    // The font configuration, the character policy, the languages asked for.
    cpSync(path.join(REPO, 'fonts/fonts.json'), path.join(p.root, 'fonts/fonts.json'));
    writeFileSync(path.join(p.root, 'fonts/fonts.json'), readFileSync(path.join(p.root, 'fonts/fonts.json'), 'utf8').replace('"$comment": "', '"$comment": "Ours. '));
    expect(await build()).toContain(rebuilt);
    expect(await build('--allow-bidi')).toContain(rebuilt);
    expect((await run(p.root, 'build', '--format', 'pdf')).stdout).toContain('wrote out/minimal/minimal.ko.pdf');
    expect((await run(p.root, 'build', '--format', 'pdf')).stdout).toContain('is up to date');
  });

  it('watches: rebuilds on a change, prints a build error and goes on watching', async () => {
    const p = project();
    const file = path.join(p.root, 'letters/minimal/letter.yaml');
    let stdout = '';
    let stderr = '';
    const stop = new AbortController();
    const watching = main(['build', '--watch', '--format', 'pdf', '--lang', 'en'], { cwd: p.root, env: {}, signal: stop.signal, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    const until = async (what: () => boolean) => {
      for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(what()).toBe(true);
    };
    await until(() => stderr.includes('watching'));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('date: 2025-03-11', 'date: 2025-13-11'));
    await until(() => /letter\.yaml:3:7: expected a date/.test(stderr));
    writeFileSync(file, text.replace('Thank you.', 'Thank you so much.'));
    await until(() => (stdout.match(/wrote out\/minimal\/minimal\.en\.pdf/g) ?? []).length >= 2);
    stop.abort();
    expect(await watching).toBe(0);
  });

  it('reports a build as JSON, and records pages, signatories and the as-of date in the manifest', async () => {
    const p = project();
    const r = await run(p.root, 'build', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; letters: { id: string; files: { path: string; sha256: string }[] }[] };
    expect(report.ok).toBe(true);
    expect(report.letters[0]!.files.map((f) => f.path)).toContain('out/minimal/minimal.ko.docx');
    const manifest = JSON.parse(readFileSync(path.join(p.root, 'out/minimal/manifest.json'), 'utf8')) as { letter: string; signatories: number; asOf: string; files: { name: string; pages: number | null }[]; tool: { version: string } };
    expect(manifest).toMatchObject({ letter: 'minimal', signatories: 3, asOf: '2025-03-11' });
    expect(manifest.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.files.find((f) => f.name === 'minimal.en.pdf')?.pages).toBe(1);
  });

  it('drops its output when the reader closes the pipe, finishes the build, and prints no stack', async () => {
    const p = project();
    const child = spawn(process.execPath, [path.join(REPO, 'bin/letter.js'), '-C', p.root, 'build', '--format', 'pdf', '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the process has started: every line it prints meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(path.join(p.root, 'out/minimal/minimal.en.pdf'))).toBe(true);
  });
});
