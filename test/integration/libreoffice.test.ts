// A second client for the DOCX files: LibreOffice opens each one and converts it to PDF,
// whose text must still hold the whole letter. LibreOffice is shown only DejaVu, so Source
// Serif 4 and Noto Serif KR can only come from the fonts embedded in the DOCX.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, expectWholeLetter, seedParagraphs, SEED } from '../helpers/seed.js';

/** Debian's fonts-dejavu-core, which .ci/run installs. */
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

let seed: Awaited<ReturnType<typeof buildSeed>>;
let outDir: string;
let profile: string;
beforeAll(async () => {
  seed = await buildSeed();
  outDir = mkdtempSync(path.join(tmpdir(), 'letter-lo-'));
  // A private profile: no interference from (or with) a desktop session or another run.
  profile = mkdtempSync(path.join(tmpdir(), 'letter-lo-profile-'));
  const fontsConf = path.join(profile, 'fonts.conf');
  writeFileSync(fontsConf, `<?xml version="1.0"?><fontconfig><dir>${DEJAVU}</dir><cachedir>${path.join(profile, 'fc-cache')}</cachedir></fontconfig>`);
  // A fresh profile makes LibreOffice restart itself once, and that first run may convert
  // nothing; try again until the files are there.
  for (let attempt = 0; attempt < 3 && !['en', 'ko'].every((l) => existsSync(path.join(outDir, `${SEED}.${l}.pdf`))); attempt++) {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, seed.file('en', 'docx'), seed.file('ko', 'docx')], {
      stdio: 'pipe',
      timeout: 240_000,
      env: { ...process.env, FONTCONFIG_FILE: fontsConf },
    });
  }
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

  it('renders with the fonts embedded in the DOCX, though the machine has only DejaVu', () => {
    const fonts = execFileSync('pdffonts', [path.join(outDir, `${SEED}.${lang}.pdf`)], { encoding: 'utf8' });
    expect(fonts).toContain('SourceSerif4');
    if (lang === 'ko') expect(fonts).toContain('NotoSerifKR');
  });
});

describe('LibreOffice opening the seed letter’s Korean DOCX', () => {
  const text = () => execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(outDir, `${SEED}.ko.pdf`), '-'], { encoding: 'utf8' });

  it('breaks no Korean word at a line end (Word-style word wrapping survives)', () => {
    const source = seedParagraphs('ko').join('\n');
    const lines = text().split('\n').map((l) => l.trim()).filter(Boolean);
    const broken: string[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const end = lines[i]!.split(/\s+/).at(-1)!;
      const start = lines[i + 1]!.split(/\s+/)[0]!;
      // The last word of one line and the first of the next, written together in the source: one word split in two.
      if (/[가-힣]$/.test(end) && /^[가-힣]/.test(start) && source.includes(end + start)) broken.push(`${end}|${start}`);
    }
    expect(broken).toEqual([]);
  });

  it('keeps the page count of our own PDF, give or take one', () => {
    const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(Math.abs(pages(path.join(outDir, `${SEED}.ko.pdf`)) - pages(seed.file('ko', 'pdf')))).toBeLessThanOrEqual(1);
  });
});
