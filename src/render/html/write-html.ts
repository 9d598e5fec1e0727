// The HTML writer: one standalone, accessible page per language, like the page a letter is
// published on. The whole letter and its signatory list, the template's roles as classes with
// the style sheet as CSS inside the page, the same typefaces by name, footnotes as endnotes
// that link both ways, and links to this language's PDF and DOCX and to the other languages'
// pages. Korean breaks lines between words (`word-break: keep-all`), as the PDF does.

import type { FontBook } from '../../fonts/font-book.js';
import type { Block, DocumentModel, Footnote, Inline } from '../../model/document.js';
import type { Rendered, RenderContext } from '../formats.js';
import { pageCss } from './page-css.js';

export async function writeHtml(model: DocumentModel, ctx: RenderContext): Promise<Rendered> {
  const { meta } = model;
  const notes: Footnote[] = [];
  const body = blocks(model.blocks, notes);
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(meta.title)}</title>`,
    ...(meta.subject ? [`<meta name="description" content="${escape(meta.subject)}">`] : []),
    ...(meta.authors.length ? [`<meta name="author" content="${escape(meta.authors.join(', '))}">`] : []),
    `<meta name="keywords" content="${escape(meta.keywords.join(', '))}">`,
    ...(meta.siblings?.languages ?? []).map((l) => `<link rel="alternate" hreflang="${escape(l.lang)}" href="${escape(l.href)}">`),
    ...(meta.siblings?.downloads ?? []).map((d) => `<link rel="alternate" type="${escape(d.mediaType)}" href="${escape(d.href)}">`),
    `<style>\n${pageCss(model, families(ctx.fonts, meta.lang))}</style>`,
  ];
  const letterhead = model.letterhead ? `<p class="letterhead"><img src="data:image/${model.letterhead.type === 'jpg' ? 'jpeg' : 'png'};base64,${Buffer.from(model.letterhead.bytes).toString('base64')}" alt="" width="${Math.round(model.letterhead.width)}"></p>\n` : '';
  const page = `<!DOCTYPE html>
<html lang="${escape(meta.lang)}">
<head>
${head.join('\n')}
</head>
<body>
${navigation(model)}<main>
<article>
${letterhead}${body}${endnotes(notes)}</article>
</main>
</body>
</html>
`;
  return { bytes: new TextEncoder().encode(page), warnings: [] };
}

/** The typefaces the PDF uses for this language, by name, with a generic family last. */
function families(fonts: FontBook, lang: string): string {
  return [...fonts.chain(lang).map((f) => `"${f.replace(/["\\]/g, '')}"`), 'serif'].join(', ');
}

function navigation(model: DocumentModel): string {
  const s = model.meta.siblings;
  if (!s) return '';
  const downloads = s.downloads.map((d) => `<li><a href="${escape(d.href)}" type="${escape(d.mediaType)}" download>${escape(d.label)}</a></li>`);
  const languages = s.languages.map((l) => `<li><a href="${escape(l.href)}" hreflang="${escape(l.lang)}" lang="${escape(l.lang)}">${escape(l.label)}</a></li>`);
  return `<nav aria-label="${escape(s.heading)}">\n<ul class="downloads">${downloads.join('')}</ul>\n${languages.length ? `<ul class="languages">${languages.join('')}</ul>\n` : ''}</nav>\n`;
}

function blocks(list: readonly Block[], notes: Footnote[]): string {
  return list.map((b) => block(b, notes)).join('');
}

function block(b: Block, notes: Footnote[]): string {
  const cls = `class="${escape(b.role)}"`;
  switch (b.kind) {
    case 'paragraph': {
      const tag = b.heading ? `h${b.heading}` : 'p';
      return `<${tag} ${cls}>${inlines(b.content, notes)}</${tag}>\n`;
    }
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag} ${cls}>\n${b.items.map((item) => `<li>${blocks(item, notes).trim()}</li>\n`).join('')}</${tag}>\n`;
    }
    case 'quote':
      return `<blockquote ${cls}>\n${blocks(b.children, notes)}</blockquote>\n`;
    case 'section': {
      // A section opened by a heading is labelled by it, for screen readers' landmarks.
      const first = b.children[0];
      const labelled = first?.kind === 'paragraph' && first.heading ? ` aria-labelledby="${escape(b.role)}-heading"` : '';
      const inner = blocks(b.children, notes);
      return `<section ${cls}${labelled}>\n${labelled ? inner.replace(/^<h(\d) /, `<h$1 id="${escape(b.role)}-heading" `) : inner}</section>\n`;
    }
  }
}

function inlines(content: readonly Inline[], notes: Footnote[]): string {
  return merged(content)
    .map((i) => {
      if (i.kind === 'break') return '<br>';
      if (i.kind === 'footnote') {
        notes.push(i);
        return `<sup class="footnote-ref"><a href="#fn${i.number}" id="fnref${i.number}" role="doc-noteref">${i.number}</a></sup>`;
      }
      let html = escape(i.text);
      if (i.marks.em) html = `<em>${html}</em>`;
      if (i.marks.strong) html = `<strong>${html}</strong>`;
      if (i.role) html = `<span class="${escape(i.role)}">${html}</span>`;
      if (i.href) html = `<a href="${escape(i.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

/** Neighbouring runs that look the same as one, so `(`, a note and `)` make one span. */
function merged(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of content) {
    const last = out.at(-1);
    if (i.kind === 'text' && last?.kind === 'text' && last.role === i.role && last.href === i.href && !last.marks.em === !i.marks.em && !last.marks.strong === !i.marks.strong) {
      out[out.length - 1] = { ...last, text: last.text + i.text };
    } else out.push(i);
  }
  return out;
}

/** Footnotes as endnotes: a page has no foot. Each leads back to where it is cited. */
function endnotes(notes: Footnote[]): string {
  if (!notes.length) return '';
  const items = notes.map((n) => `<li id="fn${n.number}" class="footnote">${inlines(n.content, []).trim()} <a href="#fnref${n.number}" role="doc-backlink" aria-label="↩ ${n.number}">↩</a></li>`);
  return `<section class="footnotes" role="doc-endnotes">\n<ol>\n${items.join('\n')}\n</ol>\n</section>\n`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}
