// Property tests: generated letters (random Unicode in every field, random shapes, cut short or
// spliced with junk) must each end in a letter or in located diagnostics, never in another
// exception. Thousands go through loading, hundreds on through the template and layout, a few
// dozen through every writer; the vitest timeout is the bound on time. FC_SEED=<n> varies the
// otherwise fixed seed.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderLetters } from '../../src/build/build-letters.js';
import { letterModel } from '../../src/build/letter-model.js';
import { LetterError } from '../../src/core/diagnostics.js';
import { nodeWorld } from '../../src/core/node-world.js';
import { loadFontBook, type FontBook } from '../../src/fonts/font-book.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { parseLetter, type Letter } from '../../src/load/load-letter.js';
import { loadTemplate, type TemplateFiles } from '../../src/template/template-files.js';
import { asYaml, misshapenLetter, nastyLetter, wellFormedLetter } from '../helpers/arbitrary-letter.js';
import { tempProject } from '../helpers/project.js';

const FILE = 'letters/fuzz/letter.yaml';
const seed = Number(process.env.FC_SEED ?? 20250311);
const anyLetterYaml = fc.oneof(wellFormedLetter, nastyLetter, misshapenLetter).chain(asYaml);

/** Runs `step`; a LetterError must carry located, non-empty diagnostics; anything else fails. */
async function endsCleanly<T>(step: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await step();
  } catch (e) {
    if (!(e instanceof LetterError)) throw e;
    expect(e.diagnostics.length).toBeGreaterThan(0);
    for (const d of e.diagnostics) {
      expect(d.pos.file).toBeTruthy();
      expect(d.message.trim()).not.toBe('');
    }
    return undefined;
  }
}

const load = (yaml: string): Promise<Letter | undefined> => endsCleanly(() => parseLetter('fuzz', FILE, new TextEncoder().encode(yaml)));

describe('generated letters', () => {
  let template: TemplateFiles;
  let fonts: FontBook;
  beforeAll(async () => {
    const world = nodeWorld(tempProject().root, {});
    template = await loadTemplate(world, 'joint-letter', { file: FILE });
    fonts = await loadFontBook(world);
  });

  it('load into a letter or diagnostics (3,000 letters)', async () => {
    await fc.assert(
      fc.asyncProperty(anyLetterYaml, async (yaml) => void (await load(yaml))),
      { numRuns: 3000, seed },
    );
  });

  it('go through the template and layout into pages or diagnostics (300 letters)', async () => {
    let laidOut = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(wellFormedLetter, nastyLetter).chain(asYaml), async (yaml) => {
        const letter = await load(yaml);
        if (!letter) return;
        laidOut++;
        for (const lang of letter.data.languages) await endsCleanly(() => layoutDocument(letterModel(letter, lang, template, {}), fonts));
      }),
      { numRuns: 600, seed },
    );
    // Half of them load; the rest stop in the loader, as the first test checks.
    expect(laidOut).toBeGreaterThanOrEqual(200);
  });

  it('build PDF, DOCX and HTML in memory, or stop with diagnostics (20 letters)', async () => {
    const project = tempProject();
    try {
      await fc.assert(
        fc.asyncProperty(wellFormedLetter.chain(asYaml), async (yaml) => {
          project.write(FILE, yaml);
          try {
            const [built] = await renderLetters(nodeWorld(project.root, {}), { ids: ['fuzz'], force: true });
            expect(built!.artifacts.map((a) => a.name).sort()).toEqual(['fuzz.en.docx', 'fuzz.en.html', 'fuzz.en.pdf', 'fuzz.ko.docx', 'fuzz.ko.html', 'fuzz.ko.pdf']);
          } catch (e) {
            await endsCleanly(() => {
              throw e;
            });
          }
        }),
        { numRuns: 20, seed },
      );
    } finally {
      project.dispose();
    }
  });
});
