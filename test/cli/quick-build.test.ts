// A no-op `letter build` answered before the command line loads: the same words as the command
// line for every form of a plain build it answers, and no answer at all for anything else.

import { cpSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { quickBuild } from '../../src/cli/quick-build.js';
import { runCli } from '../helpers/cli.js';
import { fixture, tempProject } from '../helpers/project.js';

/** `one`: the minimal letter, built in every format; `two`: two letters, built as HTML pages. */
let one: string;
let two: string;
const disposals: (() => void)[] = [];
const later = () => new Date(Date.now() + 60_000);
/** The stamps of the run's own cache folder (test/global-setup.ts), as the command line finds them. */
const env = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME! };

function project(ids: string[]): string {
  const p = tempProject();
  disposals.push(p.dispose);
  for (const id of ids) cpSync(path.join(fixture('minimal'), 'letters', 'minimal'), path.join(p.root, 'letters', id), { recursive: true });
  return p.root;
}

beforeAll(async () => {
  one = project(['minimal']);
  two = project(['second', 'third']);
  // Built with a clock ahead, so their inputs have settled and their folders are stamped.
  await build(nodeWorld(one, env, later), {});
  await build(nodeWorld(two, env, later), { formats: ['html'] });
}, 60_000);
afterAll(() => disposals.forEach((d) => d()));

describe('a no-op build answered before the command line loads', () => {
  it('says what the command line says, for every form of a plain build', async () => {
    const forms: [string, string[]][] = [
      [one, ['build']],
      [one, ['build', 'minimal']],
      [one, ['-C', one, 'build', 'minimal']],
      [one, ['build', 'minimal', '--root', one]],
      [one, [`--root=${one}`, 'build', '--quiet']],
      [two, ['build', '--format', 'html']],
      [two, ['build', 'third', 'second', '--format=html', '--lang-ui', 'ko']],
      [two, ['--lang-ui=ko', 'build', 'second', '--format', 'html', '--format', 'html']],
    ];
    for (const [cwd, argv] of forms) {
      const answer = quickBuild(argv, env, cwd);
      const cli = await runCli(cwd, ...argv);
      expect(cli.code, argv.join(' ')).toBe(0);
      expect(answer, argv.join(' ')).toBe(cli.stdout);
    }
    // In CI only the summary, as the command line prints it there.
    expect(quickBuild(['build', '--format', 'html'], { ...env, CI: 'true' }, two)).toBe('2 letters up to date\n');
  });

  it('gives no answer for anything but a plain build, or for a letter not certainly up to date', () => {
    expect(quickBuild(['build', 'minimal'], env, one)).toBeDefined();
    for (const argv of [
      ['build', 'minimal', '--force'],
      ['build', 'minimal', '--json'],
      ['build', 'minimal', '--check'],
      ['build', 'minimal', '--out', 'elsewhere'],
      ['--allow-bidi', 'build', 'minimal'],
      ['build', 'minimal', '--format', 'odt'],
      ['build', 'minimal', '--format'],
      ['build', 'minimal', '-C'],
      ['build', 'minimal', '--lang', 'en'],
      ['build', 'minimal', '--format', 'html'],
      ['build', 'nothing'],
      ['build', '--', 'minimal'],
      ['check', 'minimal'],
      ['--format', 'html', 'build', 'minimal'],
      [],
    ]) {
      expect(quickBuild(argv, env, one), argv.join(' ')).toBeUndefined();
    }
    expect(quickBuild(['build', 'minimal'], { ...env, SOURCE_DATE_EPOCH: '0' }, one)).toBeUndefined();
    appendFileSync(path.join(two, 'letters', 'second', 'letter.yaml'), '\n');
    expect(quickBuild(['build', '--format', 'html'], env, two)).toBeUndefined();
    expect(quickBuild(['build', 'third', '--format', 'html'], env, two)).toBe('out/third is up to date\n1 letter up to date\n');
  });
});
