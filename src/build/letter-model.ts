// One language of a letter, through resolve → template → parse: the document model every
// writer reads.

import { ExitCode, LetterError, error } from '../core/diagnostics.js';
import type { Letter } from '../load/load-letter.js';
import { resolveStyleSheet } from '../model/stylesheet.js';
import type { DocumentModel } from '../model/document.js';
import { parseMarkup } from '../model/parse-markup.js';
import { languageName } from '../resolve/language-name.js';
import { resolveLetter } from '../resolve/resolve-letter.js';
import { FORMATS } from '../render/formats.js';
import { renderTemplate } from '../template/render-template.js';
import type { TemplateFiles } from '../template/template-files.js';
import { artifactName } from './artifacts.js';

export function letterModel(letter: Letter, lang: string, template: TemplateFiles, env: Readonly<Record<string, string | undefined>>): DocumentModel {
  const resolved = resolveLetter(letter, lang);
  const rendered = renderTemplate(resolved, template);
  const styles = resolveStyleSheet(template.styles, lang, letter.data.page);
  const blocks = parseMarkup({ ...rendered, sources: template.sources }, styles);
  const organizations = resolved.signatories.organizations;
  return {
    meta: {
      lang,
      title: resolved.title.value,
      ...(resolved.subject ? { subject: resolved.subject.value } : {}),
      authors: organizations.map((o) => o.name.value),
      keywords: [letter.id, ...organizations.flatMap((o) => (o.short ? [o.short.value] : []))],
      created: creationDate(letter, env),
      siblings: siblings(letter, lang, template),
    },
    styles,
    ...(template.letterhead ? { letterhead: template.letterhead } : {}),
    blocks,
  };
}

/** Names the files a build puts beside this language's: its PDF and DOCX, the other languages' pages. */
function siblings(letter: Letter, lang: string, template: TemplateFiles): NonNullable<DocumentModel['meta']['siblings']> {
  const words = (template.locales.get(lang)?.resources ?? {}) as Record<string, unknown>;
  const word = (key: string, fallback: string) => (typeof words[key] === 'string' ? (words[key] as string) : fallback);
  const page = FORMATS.find((f) => f.id === 'html')!;
  return {
    heading: word('downloads', 'Downloads'),
    downloads: FORMATS.flatMap((f) => (f.download ? [{ href: artifactName(letter.id, lang, f), label: word(f.id, f.download.label), mediaType: f.mediaType }] : [])),
    // Each language by its own name, as language switchers do: 한국어, English.
    languages: letter.data.languages
      .filter((l) => l !== lang)
      .map((l) => ({ lang: l, href: artifactName(letter.id, l, page), label: languageName(l), mediaType: page.mediaType })),
  };
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the letter's own date at 00:00 UTC. */
export function creationDate(letter: Letter, env: Readonly<Record<string, string | undefined>>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) {
      throw new LetterError([error({ file: 'SOURCE_DATE_EPOCH' }, `SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${epoch}\``)], ExitCode.usage);
    }
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${letter.data.date}T00:00:00Z`);
}
