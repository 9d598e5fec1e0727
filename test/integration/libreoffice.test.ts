// A second client for the DOCX files: LibreOffice opens each one and converts it to PDF,
// whose text must still hold the whole letter.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, seedData, seedParagraphs, squeeze, SEED } from '../helpers/seed.js';

let seed: Awaited<ReturnType<typeof buildSeed>>;
let outDir: string;
let profile: string;
beforeAll(async () => {
  seed = await buildSeed();
  outDir = mkdtempSync(path.join(tmpdir(), 'letter-lo-'));
  // A private profile: no interference from (or with) a desktop session or another run.
  profile = mkdtempSync(path.join(tmpdir(), 'letter-lo-profile-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, seed.file('en', 'docx'), seed.file('ko', 'docx')], { stdio: 'pipe', timeout: 240_000 });
});
afterAll(() => {
  seed?.dispose();
  for (const dir of [outDir, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(['en', 'ko'])('LibreOffice opening the seed letter’s %s DOCX', (lang) => {
  it('converts it to a PDF holding every body paragraph in order and every signatory', () => {
    const pdf = path.join(outDir, `${SEED}.${lang}.pdf`);
    const text = squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    let from = 0;
    for (const paragraph of seedParagraphs(lang)) {
      const at = text.indexOf(squeeze(paragraph), from);
      expect(at, paragraph.slice(0, 60)).toBeGreaterThanOrEqual(from);
      from = at;
    }
    for (const s of seedData.signatories.list) expect(text).toContain(squeeze(s.name[lang]!));
  });
});
