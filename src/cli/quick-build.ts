// `letter build` answered before the command line loads, when the answer is "up to date": a
// no-op build is most builds a CI job or a pre-commit hook runs, and loading the command line,
// its parser and node:crypto took it three times as long as finding the answer. Only a plain
// build is answered here (letters, -C/--root, --format, --lang, --quiet, --lang-ui, as
// commander reads them), and only when every letter's folder has a stamp that holds
// (build/build-stamp.ts); anything else, an option it does not know, a letter without a
// holding stamp, goes to the command line, which checks in full. The output is the command
// line's own (test/cli/quick-build.test.ts runs both).

import { readdirSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { stampFile, stampHolds, type StampRequest } from '../build/build-stamp.js';
import { leadsOutside } from '../core/real-path.js';
import { FORMATS } from '../render/formats.js';
import { isCI, listOption } from './build-options.js';
import { translator, uiLanguage } from './messages.js';
import { outputThrough } from './process-exit.js';

interface QuickArgs {
  root: string;
  ids: string[];
  formats?: string[];
  languages?: string[];
  quiet: boolean;
  langUi?: string;
}

/** What `letter build <argv>` prints when every letter is up to date; undefined when that is not certain. */
export function quickBuild(argv: readonly string[], env: Record<string, string | undefined>, cwd: string): string | undefined {
  const args = parse(argv);
  if (!args) return undefined;
  const root = path.resolve(cwd, args.root);
  const letters = letterIds(root);
  const ids = args.ids.length ? args.ids : letters;
  if (!letters || !ids?.length || !ids.every((id) => letters.includes(id))) return undefined;
  const formats = args.formats ?? FORMATS.map((f) => f.id);
  if (!formats.every((id) => FORMATS.some((f) => f.id === id))) return undefined;
  const request: StampRequest = { formats, languages: args.languages ?? null, allowBidi: false, epoch: env.SOURCE_DATE_EPOCH ?? '' };
  const shown: string[] = [];
  for (const id of ids) {
    const folder = path.resolve(root, 'out', id);
    // The folder must still lead inside the project, as the command line insists (publish/out-folder.ts).
    if (leadsOutside(root, folder) !== undefined || !stampHolds(stampFile(folder, env), folder, request)) return undefined;
    shown.push(path.relative(root, folder).split(path.sep).join('/'));
  }
  const t = translator(uiLanguage(env, args.langUi));
  const lines = args.quiet || isCI(env) ? [] : shown.map((folder) => t('upToDate', { folder }));
  return `${[...lines, t('fresh', { count: ids.length })].join('\n')}\n`;
}

/**
 * Writes the answer to stdout directly: process.stdout would load Node's streams, a quarter of
 * the time the answer takes. A reader gone away (`| head -0`) is no error, as in the command line.
 */
export function writeAnswer(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(1, bytes, at);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A non-blocking stdout that is full: the stream waits for it to take the rest.
    if (code === 'EAGAIN') {
      outputThrough(process.stdout);
      process.stdout.write(bytes.subarray(at));
    } else if (code !== 'EPIPE') throw e;
  }
}

/** The arguments of a plain `build`, or undefined for anything else. */
function parse(argv: readonly string[]): QuickArgs | undefined {
  const args: QuickArgs = { root: '.', ids: [], quiet: false };
  let command = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      if (command) args.ids.push(arg);
      else if (arg === 'build') command = true;
      else return undefined;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    // An option's value: after `=`, or the next argument (never one that looks like an option).
    const value = (): string | undefined => {
      const v = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      return v === undefined || v.startsWith('-') ? undefined : v;
    };
    let v: string | undefined;
    if (flag === '-C' || flag === '--root') {
      if ((v = value()) === undefined) return undefined;
      args.root = v;
    } else if (flag === '--lang-ui') {
      if ((v = value()) === undefined) return undefined;
      args.langUi = v;
    } else if (command && flag === '--format') {
      if ((v = value()) === undefined) return undefined;
      args.formats = listOption(v, args.formats);
    } else if (command && flag === '--lang') {
      if ((v = value()) === undefined) return undefined;
      args.languages = listOption(v, args.languages);
    } else if (command && arg === '--quiet') args.quiet = true;
    else return undefined;
  }
  if (!command || args.formats?.length === 0 || args.languages?.length === 0) return undefined;
  return args;
}

/**
 * The project's letters as build-letters.ts listLetters lists them (folders under letters/
 * holding a letter.yaml, by name), read directly: the World and the build core behind it are
 * what this answer is given without loading.
 */
function letterIds(root: string): string[] | undefined {
  try {
    return readdirSync(path.join(root, 'letters'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && statSync(path.join(root, 'letters', e.name, 'letter.yaml'), { throwIfNoEntry: false }) !== undefined)
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch {
    return undefined;
  }
}
