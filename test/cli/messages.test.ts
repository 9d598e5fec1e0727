// The CLI in Korean: under LANG=ko_KR.UTF-8 (or --lang-ui ko) its own words and the common
// diagnostics are Korean; English stays the default.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { uiLanguage } from '../../src/cli/messages.js';
import { projectWithLetter } from '../helpers/project.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

async function run(root: string, env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: root, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('the language of messages', () => {
  it('follows --lang-ui, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect(uiLanguage({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(uiLanguage({ LANG: 'ko_KR.UTF-8', LC_ALL: 'C.UTF-8' })).toBe('en');
    expect(uiLanguage({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ko_KR' })).toBe('ko');
    expect(uiLanguage({ LANG: 'C' }, 'ko')).toBe('ko');
    expect(uiLanguage({})).toBe('en');
  });

  it('is Korean under LANG=ko_KR.UTF-8: the typo, its line, a caret and a hint toward `date`', async () => {
    const p = projectWithLetter();
    dispose = p.dispose;
    const file = path.join(p.root, 'letters/nk-pows-2025/letter.yaml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2025-03-11', 'dtae: 2025-03-11'));
    const ko = await run(p.root, { LANG: 'ko_KR.UTF-8' }, 'build');
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe('letters/nk-pows-2025/letter.yaml:5:1: 알 수 없는 키 `dtae`\n 5 | dtae: 2025-03-11\n   | ^^^^\n  도움말: `date`의 오타인가요?\n오류 1개. 아무 파일도 쓰지 않았습니다\n');
    const en = await run(p.root, { LANG: 'ko_KR.UTF-8' }, '--lang-ui', 'en', 'build');
    expect(en.stderr).toContain('unknown key `dtae`\n 5 | dtae: 2025-03-11\n   | ^^^^\n  hint: did you mean `date`?\n1 error; nothing was written\n');
  });

  it('gives help in Korean: headings, commands and options', async () => {
    const help = await run('.', { LANG: 'ko_KR.UTF-8' }, '--help');
    expect(help.stdout).toMatch(/^사용법: letter \[options\] \[command\]\n/);
    expect(help.stdout).toContain('\n명령:\n  init <id>');
    expect(help.stdout).toContain('--lang-ui <lang>         메시지 언어');
    const build = await run('.', { LANG: 'C.UTF-8' }, '--lang-ui', 'ko', 'build', '--help');
    expect(build.stdout).toMatch(/--force +바뀐 것이 없어도 다시 빌드/);
  });

  it('speaks Korean in progress and summaries, and leaves untranslated diagnostics in English', async () => {
    const p = projectWithLetter();
    dispose = p.dispose;
    const built = await run(p.root, { LANG: 'ko_KR.UTF-8' }, 'build', '--format', 'html');
    expect(built.stdout).toMatch(/^out\/nk-pows-2025\/nk-pows-2025\.en\.html 작성 \(\d+ KB, \d+\.\d\d초\)$/m);
    expect(built.stdout).toMatch(/^서한 1건 빌드: 파일 2개, \d+ KB, \d+\.\d초$/m);
    const missing = await run(p.root, { LC_ALL: 'ko_KR.UTF-8' }, 'build', 'nk-pows-2024');
    expect(missing.stderr).toContain('letters/nk-pows-2024/letter.yaml: 서한 `nk-pows-2024`이(가) 없습니다\n  도움말: `nk-pows-2025`의 오타인가요?');
    const format = await run(p.root, { LANG: 'ko_KR.UTF-8' }, 'build', '--format', 'rtf');
    expect(format.stderr).toContain('--format: unknown format `rtf`');
  });
});

describe('translator', () => {
  it('gives every word as i18next gives it, slots and plural forms filled without asking it', async () => {
    const i18next = (await import('i18next')).default;
    const { en } = await import('../../src/cli/locales/en.js');
    const { ko } = await import('../../src/cli/locales/ko.js');
    const { translator } = await import('../../src/cli/messages.js');
    const reference = i18next.createInstance();
    await reference.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false } as never);
    const keys = (o: Record<string, unknown>, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(one|other)$/, '')]));
    const all = [...new Set([...keys(en), ...keys(ko)])];
    expect(all.length).toBeGreaterThan(40);
    for (const lang of ['en', 'ko'] as const) {
      const t = translator(lang);
      const expected = reference.getFixedT(lang);
      for (const key of all) {
        expect(t(key), `${lang} ${key}`).toBe(expected(key, {}));
        expect(t(key, { count: 2, path: 'p', folder: 'f', pid: 1 }), `${lang} ${key}`).toBe(expected(key, { count: 2, path: 'p', folder: 'f', pid: 1 }));
        // Every slot filled, and each plural form.
        const slots = Object.fromEntries([...JSON.stringify([en, ko]).matchAll(/\{\{(\w+)\}\}/g)].map(([, name]) => [name!, `‹${name}›`]));
        for (const count of [0, 1, 2, 11]) expect(t(key, { ...slots, count }), `${lang} ${key} ${count}`).toBe(expected(key, { ...slots, count }));
      }
    }
  });
});
