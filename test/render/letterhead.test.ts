// A template's letterhead image: measured from the file, drawn at the top of the first PDF
// page above the title, and placed at the top of the DOCX.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LetterError, formatDiagnostic } from '../../src/core/diagnostics.js';
import { all, docxParts } from '../helpers/docx-parts.js';
import { solidPng } from '../helpers/png.js';
import { fixture, REPO, tempProject } from '../helpers/project.js';
import { renderArtifacts } from '../helpers/render.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function projectWithLetterhead(image: Buffer | string, name = 'logo.png') {
  const p = tempProject();
  dispose = p.dispose;
  cpSync(path.join(fixture('minimal'), 'letters'), path.join(p.root, 'letters'), { recursive: true });
  const dir = path.join(p.root, 'templates/joint-letter');
  cpSync(path.join(REPO, 'templates/joint-letter'), dir, { recursive: true });
  const styles = JSON.parse(readFileSync(path.join(dir, 'styles.json'), 'utf8')) as Record<string, unknown>;
  styles.letterhead = { image: name, width: 120 };
  writeFileSync(path.join(dir, 'styles.json'), JSON.stringify(styles, null, 2));
  writeFileSync(path.join(dir, name), image);
  return p.root;
}

describe('letterhead', () => {
  it('draws the image above the title on the first PDF page and heads the DOCX with it', async () => {
    const root = projectWithLetterhead(solidPng(300, 100, [20, 60, 120]));
    const out = await renderArtifacts(root, 'minimal', ['pdf', 'docx']);
    const pdf = Buffer.from(out.get('en.pdf')!.bytes).toString('latin1');
    expect(pdf).toMatch(/\/Subtype \/Image/);
    expect(pdf).toMatch(/\/Width 300/);
    const docx = docxParts(out.get('en.docx')!.bytes);
    expect(docx.names.some((n) => n.startsWith('word/media/'))).toBe(true);
    const extent = all(docx.xml('word/document.xml'), 'extent', 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing')[0]!;
    // 120 pt wide, a third as high, in EMU (12,700 per point).
    expect(Number(extent.getAttribute('cx'))).toBeCloseTo(120 * 12700, -4);
    expect(Number(extent.getAttribute('cy'))).toBeCloseTo(40 * 12700, -4);
    const again = await renderArtifacts(root, 'minimal', ['docx']);
    expect(again.get('en.docx')!.sha256).toBe(out.get('en.docx')!.sha256);
  });

  it('keeps the transparency of a PNG as a soft mask', async () => {
    const root = projectWithLetterhead(solidPng(40, 10, [200, 30, 40], 64));
    const pdf = Buffer.from((await renderArtifacts(root, 'minimal', ['pdf'])).get('en.pdf')!.bytes).toString('latin1');
    expect(pdf).toMatch(/\/SMask \d+ 0 R/);
    expect(pdf).toMatch(/\/ColorSpace \/DeviceGray/);
  });

  it('embeds a JPEG as it is, sized from its frame header', async () => {
    const jpeg = readFileSync(path.join(fixture('letterhead'), 'logo.jpg'));
    const root = projectWithLetterhead(jpeg, 'logo.jpg');
    const pdf = Buffer.from((await renderArtifacts(root, 'minimal', ['pdf'])).get('en.pdf')!.bytes).toString('latin1');
    expect(pdf).toMatch(/\/Width 83 \/Height 117 \/ColorSpace \/DeviceRGB \/BitsPerComponent 8 \/Filter \/DCTDecode/);
    expect(pdf).toContain(jpeg.subarray(0, 64).toString('latin1'));
  });

  it('refuses a file that is not an image, naming styles.json', async () => {
    const root = projectWithLetterhead('not a picture');
    const problems = await renderArtifacts(root, 'minimal', ['pdf']).then(
      () => [],
      (e: unknown) => (e instanceof LetterError ? e.diagnostics.map(formatDiagnostic) : Promise.reject(e)),
    );
    expect(problems).toEqual([expect.stringMatching(/^templates\/joint-letter\/styles\.json:\d+:\d+: `logo\.png` is not an image/)]);
  });
});
