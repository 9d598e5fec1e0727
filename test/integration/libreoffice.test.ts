// A second client for the DOCX files: LibreOffice opens each one and converts it to PDF,
// whose text must still hold the whole letter. LibreOffice sees only the letter's own fonts
// (as on a partner's machine that has them installed), never whatever the test machine has.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';
import { buildSeed, expectWholeLetter, SEED } from '../helpers/seed.js';

let seed: Awaited<ReturnType<typeof buildSeed>>;
let outDir: string;
let profile: string;
beforeAll(async () => {
  seed = await buildSeed();
  outDir = mkdtempSync(path.join(tmpdir(), 'letter-lo-'));
  // A private profile: no interference from (or with) a desktop session or another run.
  profile = mkdtempSync(path.join(tmpdir(), 'letter-lo-profile-'));
  const fontsConf = path.join(profile, 'fonts.conf');
  const dirs = ['node_modules/source-serif/TTF', 'node_modules/@expo-google-fonts/noto-serif-kr'].map((d) => `<dir>${path.join(REPO, d)}</dir>`);
  writeFileSync(fontsConf, `<?xml version="1.0"?><fontconfig>${dirs.join('')}<cachedir>${path.join(profile, 'fc-cache')}</cachedir></fontconfig>`);
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, seed.file('en', 'docx'), seed.file('ko', 'docx')], {
    stdio: 'pipe',
    timeout: 240_000,
    env: { ...process.env, FONTCONFIG_FILE: fontsConf },
  });
});
afterAll(() => {
  seed?.dispose();
  for (const dir of [outDir, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(['en', 'ko'])('LibreOffice opening the seed letter’s %s DOCX', (lang) => {
  it('converts it to a PDF holding every body paragraph in order and every signatory', () => {
    const pdf = path.join(outDir, `${SEED}.${lang}.pdf`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expectWholeLetter(text, lang);
  });

  it('renders with the letter’s fonts', () => {
    const fonts = execFileSync('pdffonts', [path.join(outDir, `${SEED}.${lang}.pdf`)], { encoding: 'utf8' });
    expect(fonts).toContain('SourceSerif4');
    if (lang === 'ko') expect(fonts).toContain('NotoSerifKR');
  });
});
