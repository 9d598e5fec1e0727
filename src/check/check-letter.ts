// `letter check`: everything a build would find, without building, plus what a build lets
// pass. The translations must match: as many body paragraphs and footnotes in every language,
// every signatory named in every language (a warning). Glyph coverage and the layout's
// compromises come from laying each language out, as the PDF writer would.

import { LetterError, error, warning, type Diagnostic } from '../core/diagnostics.js';
import type { World } from '../core/world.js';
import { letterModel } from '../build/letter-model.js';
import { loadFontBook } from '../fonts/font-book.js';
import { layoutDocument } from '../layout/layout-document.js';
import { loadLetter, type Letter } from '../load/load-letter.js';
import type { CharPolicy } from '../load/text-checks.js';
import { bodyTokens } from '../template/markdown.js';
import { loadTemplate } from '../template/template-files.js';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ko: 'Korean' };
const label = (lang: string) => LANGUAGE_NAMES[lang] ?? `\`${lang}\``;

export async function checkLetter(world: World, id: string, policy: CharPolicy = {}): Promise<Diagnostic[]> {
  let letter: Letter;
  try {
    letter = await loadLetter(world, id, policy);
  } catch (e) {
    if (e instanceof LetterError) return e.diagnostics;
    throw e;
  }
  const findings: Diagnostic[] = [...parity(letter), ...signatoryNames(letter)];
  try {
    const template = await loadTemplate(world, letter.data.template, letter.where.valueAt(['template']));
    const fonts = await loadFontBook(world);
    for (const lang of letter.data.languages) findings.push(...layoutDocument(letterModel(letter, lang, template, world.env), fonts).warnings);
  } catch (e) {
    if (!(e instanceof LetterError)) throw e;
    findings.push(...e.diagnostics);
  }
  return findings;
}

interface BodyShape {
  lang: string;
  /** Line in letter.yaml of each top-level block. */
  blocks: number[];
  footnotes: number;
}

/** Every language's body has as many paragraphs (top-level blocks) and footnotes. */
function parity(letter: Letter): Diagnostic[] {
  const { data, where } = letter;
  if (typeof data.body === 'string' || data.languages.length < 2) return [];
  const shapes: BodyShape[] = data.languages.map((lang) => {
    const start = where.contentStart(['body', lang]);
    const tokens = bodyTokens((data.body as Record<string, string>)[lang]!);
    let inNotes = false;
    const blocks: number[] = [];
    let footnotes = 0;
    for (const t of tokens) {
      if (t.type === 'footnote_block_open') inNotes = true;
      if (t.type === 'footnote_open') footnotes++;
      if (!inNotes && t.level === 0 && t.nesting === 1 && t.map) blocks.push((start.line ?? 1) + (start.block ? t.map[0] : 0));
    }
    return { lang, blocks, footnotes };
  });
  const [source, ...others] = shapes;
  const findings: Diagnostic[] = [];
  for (const other of others) {
    if (other.blocks.length !== source!.blocks.length) {
      const [short, long] = other.blocks.length < source!.blocks.length ? [other, source!] : [source!, other];
      const line = long.blocks[short.blocks.length]!;
      findings.push(error({ file: letter.file, line, col: 1 }, `the ${label(long.lang)} body has ${long.blocks.length} paragraphs, the ${label(short.lang)} body ${short.blocks.length}: this one has no counterpart`, `translate it into ${label(short.lang)}, or remove it`));
    }
    if (other.footnotes !== source!.footnotes) {
      findings.push(error(where.valueAt(['body', other.lang]), `the ${label(other.lang)} body has ${other.footnotes} footnotes, the ${label(source!.lang)} body ${source!.footnotes}`, 'every language cites the same sources'));
    }
  }
  return findings;
}

/**
 * A signatory named in one language prints that name everywhere, and a note in one language
 * is missing from the others: allowed, but worth a look. (A short form in one language only is
 * a gloss, such as an English name shown in Korean, and is not reported.)
 */
function signatoryNames(letter: Letter): Diagnostic[] {
  const { data, where } = letter;
  return data.signatories.list.flatMap((s, i) => {
    const findings: Diagnostic[] = [];
    const path = ['signatories', 'list', i];
    if (typeof s.name !== 'string') {
      const name = s.name;
      for (const l of data.languages.filter((l) => !(l in name))) findings.push(warning(where.valueAt([...path, 'name']), `no ${label(l)} name; the ${label(Object.keys(name)[0]!)} one will print`, `add \`${l}: …\` to the name`));
    }
    if (s.note && typeof s.note !== 'string') {
      const note = s.note;
      for (const l of data.languages.filter((l) => !(l in note))) findings.push(warning(where.valueAt([...path, 'note']), `the note has no ${label(l)} text; it will be left out there`, `add \`${l}: …\` to the note`));
    }
    return findings;
  });
}
