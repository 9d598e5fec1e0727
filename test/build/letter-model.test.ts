// The seed letter's document model as a generated golden: `UPDATE=1 npm test` rewrites
// test/fixtures/nk-pows-2025/model.<lang>.json; review the diff before committing it.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphs, inlineText } from '../../src/model/document.js';
import { modelOf } from '../helpers/model.js';
import { FIXTURES, REPO } from '../helpers/project.js';
import { SEED, seedParagraphs } from '../helpers/seed.js';

const goldenDir = path.join(FIXTURES, SEED);

describe.each(['en', 'ko'])('the seed letter’s %s document model', (lang) => {
  it('matches the reviewed golden', async () => {
    const model = await modelOf(REPO, SEED, lang);
    const json = `${JSON.stringify(model, null, 1)}\n`;
    const golden = path.join(goldenDir, `model.${lang}.json`);
    if (process.env.UPDATE === '1') {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(golden, json);
    }
    expect(existsSync(golden), `${golden} is missing: run UPDATE=1 npm test and review it`).toBe(true);
    expect(json).toBe(readFileSync(golden, 'utf8'));
  });

  it('holds the 13 body paragraphs in order, then closing, signoff and 11 signatories', async () => {
    const model = await modelOf(REPO, SEED, lang);
    const all = [...paragraphs(model.blocks)];
    const body = all.filter((p) => p.role === 'body').map((p) => inlineText(p.content));
    expect(body).toEqual(seedParagraphs(lang));
    expect(body).toHaveLength(12);
    expect(all.filter((p) => p.role === 'signatory')).toHaveLength(11);
    const roles = all.map((p) => p.role);
    expect(roles.indexOf('closing')).toBeGreaterThan(roles.lastIndexOf('body'));
    expect(roles.indexOf('signoff')).toBe(roles.indexOf('closing') + 1);
  });
});
